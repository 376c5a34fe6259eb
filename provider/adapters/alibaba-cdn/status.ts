/**
 * CDN task status → the normalized model. `DescribeRefreshTaskById` and `DescribeRefreshTasks` items use the refresh
 * family's vocabulary (alibaba/status.ts, alibaba/refresh-tasks.ts `observeTask`; cloud-apis.md §A.1). The opt-in
 * `DescribePreloadDetailById` (seed 000) is CDN's own: each `UrlDetails` item is one task with `Domain`, `Status`
 * (`Complete|Refreshing|Failed`), `Process`, and `Urls[]{Url, Success, Description}` where `Url` is a path only
 * (sometimes with a trailing line break), `Success` the share of POPs warmed ("47%") and `Description` "Successfully
 * preloaded" or `|`-separated failure details of the POPs that failed.
 */
import type { SubmittedBatch, UrlObservation } from "../../model/task";
import type { UrlStatus } from "../../model/status";
import { batchMatcher } from "../alibaba/refresh-tasks";
import { alibabaUrlStatus, parsePercent, unknownAlibabaStatus } from "../alibaba/status";
import type { Detail, DetailUrl } from "./client";

/**
 * The normalized status of a CDN task `Status` (by id and list APIs: `Complete | Pending | Refreshing | Failed`;
 * detail API: `Complete | Refreshing | Failed`); unknown or empty: `running` (alibaba/status.ts).
 */
export function cdnUrlStatus(status: string | undefined | null): UrlStatus {
  return alibabaUrlStatus(status);
}

/** The URL a detail entry stands for: `Domain` + path (or the entry itself when it is already a URL). */
export function detailUrl(domain: string | undefined, path: string | undefined): string {
  const p = (path ?? "").trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return p;
  return `${domain ?? ""}${p.startsWith("/") ? "" : "/"}${p}`;
}

/** `a|b|c` failure details as one readable line. */
function details(description: string): string {
  return description.split("|").map((s) => s.trim()).filter((s) => s !== "").join("; ");
}

/**
 * One URL's status. `Description` is per URL and decides first: "Successfully preloaded" (warm on every POP) is a
 * success even inside a task that is still running or that failed for other URLs. Failure details count as a
 * failure once the task ended or when no POP was warmed (`Success` "0%"); in a `Complete` task with `Success` > 0
 * the URL is warm on part of the POPs: a success whose reason lists the POP failures. Without a description the
 * task's status applies.
 */
export function detailUrlStatus(taskStatus: UrlStatus, success: number | null, description: string): UrlStatus {
  const ended = taskStatus === "succeeded" || taskStatus === "failed";
  if (/^success/i.test(description)) return "succeeded";
  if (description !== "") {
    if (taskStatus === "succeeded" && success !== null && success > 0) return "succeeded";
    return ended || success === 0 ? "failed" : taskStatus;
  }
  return taskStatus;
}

/**
 * One URL's observation from its detail entry. When the task's status is not known and the URL's description does not
 * settle it, the URL stays `running` with `unknownStatus` naming the task's status.
 */
export function observeDetailUrl(url: string, d: Detail, u: DetailUrl): UrlObservation {
  const success = parsePercent(u.success);
  const description = u.description?.trim() ?? "";
  const status = detailUrlStatus(cdnUrlStatus(d.status), success, description);
  const failureDetails = description !== "" && !/^success/i.test(description) ? details(description) : null;
  const reason = status === "failed" ? failureDetails ?? "prefetch failed (no description)"
    : status === "succeeded" && failureDetails ? `warmed on ${success ?? "?"}% of POPs; failures: ${failureDetails}` : null;
  const progress = status === "succeeded" || status === "failed" ? 100 : success ?? parsePercent(d.process);
  const observation: UrlObservation = { url, status, progress, reason, taskId: d.taskId ?? null };
  const unknown = unknownAlibabaStatus(d.status);
  if (unknown !== null && status === "running") observation.unknownStatus = unknown;
  return observation;
}

/** Observations for the batches' URLs from detail items (first report of a URL wins). */
export function observePreloadDetails(items: readonly Detail[], batches: readonly SubmittedBatch[]): UrlObservation[] {
  const match = batchMatcher(batches);
  const seen = new Map<string, UrlObservation>();
  for (const d of items) {
    for (const u of d.urls ?? []) {
      const url = match(d.taskId ?? null, detailUrl(d.domain, u.url));
      if (url && !seen.has(url)) seen.set(url, observeDetailUrl(url, d, u));
    }
  }
  return [...seen.values()];
}
