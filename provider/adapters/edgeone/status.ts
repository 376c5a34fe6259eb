/**
 * EdgeOne task statuses → the normalized {@link UrlStatus}. Pure, table-tested.
 */
import type { UrlStatus } from "../../model/status";

/**
 * `Task.Status` is `processing|success|failed|timeout|canceled`; the status filter also knows `invalid` (the origin
 * answered non-2xx), so it is handled too (seed 003, cloud-apis.md §A.4). Unknown values map to `running`: not
 * terminal, so the caller keeps polling rather than invent an outcome.
 */
export function edgeOneUrlStatus(status: string | undefined | null): UrlStatus {
  switch ((status ?? "").trim().toLowerCase()) {
    case "processing": return "running";
    case "success": return "succeeded";
    case "failed": return "failed";
    case "timeout": return "timeout";
    case "canceled":
    case "cancelled": return "canceled";
    case "invalid": return "invalid";
    default: return "running";
  }
}

/** `FailType: FailMessage` (either part alone when the other is empty); null when both are empty. */
export function edgeOneReason(failType: string | undefined | null, failMessage: string | undefined | null): string | null {
  const type = failType?.trim() ?? "";
  const message = failMessage?.trim() ?? "";
  if (type && message) return `${type}: ${message}`;
  return type || message || null;
}
