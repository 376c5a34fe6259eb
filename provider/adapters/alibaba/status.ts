/**
 * Alibaba task vocabularies → the normalized {@link UrlStatus}, and the `Process` / `Success` percentage strings.
 * Pure functions, table-tested.
 */
import type { UrlStatus } from "../../model/status";

/**
 * `Status` of CDN/DCDN `Describe*RefreshTaskById` (`Pending|Refreshing|Complete|Failed`), ESA `DescribePreloadTasks`
 * and CDN `DescribePreloadDetailById` (`Complete|Refreshing|Failed`) (cloud-apis.md §A.1–A.3, seeds 000–002).
 * An unknown or empty status maps to `running`: it is not terminal, so the caller keeps polling instead of
 * declaring an outcome the cloud never reported.
 */
export function alibabaUrlStatus(status: string | undefined | null): UrlStatus {
  switch ((status ?? "").trim().toLowerCase()) {
    case "pending": return "pending";
    case "refreshing": return "running";
    case "complete": return "succeeded";
    case "failed": return "failed";
    default: return "running";
  }
}

/**
 * Parses `Process` ("47%", or "10" without the sign in a DCDN example, §A.2) or `Success` ("47%"): 0..100, or null
 * when absent or not a number.
 */
export function parsePercent(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  const t = String(value).trim().replace(/%$/, "").trim();
  if (t === "") return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return Math.max(0, Math.min(100, n));
}
