/**
 * EdgeOne task statuses → the normalized {@link UrlStatus}. Pure, table-tested.
 */
import type { UrlStatus } from "../../model/status";

/** Known statuses, lower-cased. */
const KNOWN: ReadonlyMap<string, UrlStatus> = new Map<string, UrlStatus>([
  ["processing", "running"], ["success", "succeeded"], ["failed", "failed"], ["timeout", "timeout"], ["canceled", "canceled"],
  ["cancelled", "canceled"], ["invalid", "invalid"],
]);

/**
 * `Task.Status` is `processing|success|failed|timeout|canceled`; the status filter also knows `invalid` (the origin
 * answered non-2xx), so it is handled too (seed 003, cloud-apis.md §A.4). Unknown values map to `running`: not
 * terminal, so the caller keeps polling rather than invent an outcome; the observation names the raw text
 * ({@link unknownEdgeOneStatus}) so that the lifecycle gives up after a few of them.
 */
export function edgeOneUrlStatus(status: string | undefined | null): UrlStatus {
  return KNOWN.get((status ?? "").trim().toLowerCase()) ?? "running";
}

/**
 * The vendor's status text when {@link edgeOneUrlStatus} does not know it (then reported as `running`), for
 * `UrlObservation.unknownStatus`; null for a known status. A missing or blank status counts as unknown: `(none)`.
 */
export function unknownEdgeOneStatus(status: string | undefined | null): string | null {
  const raw = (status ?? "").trim();
  if (raw === "") return "(none)";
  return KNOWN.has(raw.toLowerCase()) ? null : raw;
}

/** `FailType: FailMessage` (either part alone when the other is empty); null when both are empty. */
export function edgeOneReason(failType: string | undefined | null, failMessage: string | undefined | null): string | null {
  const type = failType?.trim() ?? "";
  const message = failMessage?.trim() ?? "";
  if (type && message) return `${type}: ${message}`;
  return type || message || null;
}
