/**
 * Alibaba task vocabularies → the normalized {@link UrlStatus}, and the `Process` / `Success` percentage strings.
 * Pure functions, table-tested.
 */
import type { UrlStatus } from "../../model/status";

/** Known statuses, lower-cased. */
const KNOWN: ReadonlyMap<string, UrlStatus> = new Map<string, UrlStatus>([
  ["pending", "pending"], ["refreshing", "running"], ["complete", "succeeded"], ["failed", "failed"],
]);

/**
 * `Status` of CDN/DCDN `Describe*RefreshTaskById` (`Pending|Refreshing|Complete|Failed`), ESA `DescribePreloadTasks`
 * and CDN `DescribePreloadDetailById` (`Complete|Refreshing|Failed`) (cloud-apis.md §A.1–A.3, seeds 000–002).
 * An unknown or empty status maps to `running`: it is not terminal, so the caller keeps polling instead of
 * declaring an outcome the cloud never reported; the observation names the raw text ({@link unknownAlibabaStatus}) so
 * that the lifecycle gives up after a few of them.
 */
export function alibabaUrlStatus(status: string | undefined | null): UrlStatus {
  return KNOWN.get((status ?? "").trim().toLowerCase()) ?? "running";
}

/**
 * The vendor's status text when {@link alibabaUrlStatus} does not know it (then reported as `running`), for
 * `UrlObservation.unknownStatus`; null for a known status. A missing or blank status counts as unknown: `(none)`.
 */
export function unknownAlibabaStatus(status: string | undefined | null): string | null {
  const raw = (status ?? "").trim();
  if (raw === "") return "(none)";
  return KNOWN.has(raw.toLowerCase()) ? null : raw;
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
