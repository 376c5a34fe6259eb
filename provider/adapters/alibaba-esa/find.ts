/**
 * ESA reconciliation: the prefetch tasks `DescribePreloadTasks` lists for some URLs since a time (seed 001,
 * cloud-apis.md §A.3): `SiteId`, `StartTime`/`EndTime` (UTC, the last 3 days) and `Content` (exact match), paged by 50.
 * - at most {@link MAX_FILTERED_LOOKUPS} URLs in canonical form: one lookup per URL with `Content`;
 * - otherwise: one listing of the site's tasks in the window, matched to the URLs here.
 *
 * Every listing is read to its end (several tasks per URL are all reported), never cut short by the page guard.
 * The window is the only filter on creation time: `CreateTime` carries no zone (read as UTC+8, alibaba/time.ts), and a
 * wrong zone must not drop a task that is ours, so `createdAtMs` is reported but not used to filter.
 */
import type { FoundTask } from "../../model/task";
import { alibabaUrlStatus } from "../alibaba/status";
import { isoSeconds, parseEsaCreateTime } from "../alibaba/time";
import { filterValues, foundTasks, reconcileWindow } from "../reconcile";
import { createUrlMatcher, type UrlMatcher } from "../url-match";
import type { EsaApi } from "./client";
import { listEsaTasks, type EsaTask } from "./query";

/** The found task for a listed one, or null when it is not one of the URLs or carries no task id. */
export function foundEsaTask(task: EsaTask, match: UrlMatcher): FoundTask | null {
  const url = task.content ? match(task.content) : null;
  const taskId = task.taskId === undefined || task.taskId === null ? "" : String(task.taskId).trim();
  if (!url || taskId === "") return null;
  return { url, taskId, createdAtMs: parseEsaCreateTime(task.createTime), status: alibabaUrlStatus(task.status) };
}

/** The tasks ESA lists for `urls` created since `sinceMs` (less the margin), newest first. */
export async function findTasksEsa(api: EsaApi, siteId: number, urls: string[], sinceMs: number, nowMs: number,
  historyDays: number): Promise<FoundTask[]> {
  const window = reconcileWindow(sinceMs, nowMs, historyDays);
  if (window === null || urls.length === 0) return [];
  const range = { startTime: isoSeconds(window.startMs), endTime: isoSeconds(window.endMs) };
  const contents = filterValues(urls, (u) => u);
  const listed: EsaTask[] = [];
  if (contents) {
    for (const content of new Set(contents)) listed.push(...(await listEsaTasks(api, siteId, { ...range, content }, null)));
  } else {
    listed.push(...(await listEsaTasks(api, siteId, range, null)));
  }
  const match = createUrlMatcher(urls, false);
  return foundTasks(listed.map((t) => foundEsaTask(t, match)).filter((t): t is FoundTask => t !== null), null);
}
