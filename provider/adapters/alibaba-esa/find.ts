/**
 * ESA reconciliation: the prefetch tasks `DescribePreloadTasks` lists for some URLs since a time (seed 001,
 * cloud-apis.md §A.3), over the shared reconciliation window (reconcile.ts: from `sinceMs` less the clock-skew margin to
 * now). Few canonical URLs are looked up one call each with the exact `Content` filter, more with one listing of the
 * window (query.ts `readEsaTasks`); every listing is read to its end, because every task of a URL is reported.
 *
 * The server lists only tasks created inside the window; each is reported with the creation time of the zone its
 * timezone-less `CreateTime` is in (query.ts: the zone the listing proves, or the account's remembered one), so that
 * the lifecycle can tell a task of this attempt from an earlier run's.
 */
import type { FoundTask } from "../../model/task";
import { foundTasks, reconcileWindow, type TimeWindow } from "../reconcile";
import { createUrlMatcher, type UrlMatcher } from "../url-match";
import type { EsaZone } from "../alibaba/time";
import type { EsaApi, EsaTask } from "./client";
import { createdAtOf, esaZone, readEsaTasks, type EsaMemory } from "./query";
import { esaUrlStatus } from "./status";

/** The found task for a listed one, or null when it is not one of the URLs or carries no task id. */
export function foundEsaTask(task: EsaTask, match: UrlMatcher, zone: EsaZone | null, window: TimeWindow): FoundTask | null {
  const url = task.content ? match(task.content) : null;
  const taskId = task.taskId === undefined || task.taskId === null ? "" : String(task.taskId).trim();
  if (!url || taskId === "") return null;
  return { url, taskId, createdAtMs: createdAtOf(task, zone, window), status: esaUrlStatus(task.status) };
}

/** The tasks ESA lists for `urls` created since `sinceMs` (less the margin), newest first. */
export async function findTasksEsa(api: EsaApi, memory: EsaMemory, siteId: number, urls: string[], sinceMs: number,
  historyDays: number): Promise<FoundTask[]> {
  const window = reconcileWindow(sinceMs, memory.nowMs, historyDays);
  if (window === null || urls.length === 0) return [];
  const listed = await readEsaTasks(api, siteId, window, urls);
  const zone = esaZone(memory, listed, window);
  const match = createUrlMatcher(urls, false);
  return foundTasks(listed.map((t) => foundEsaTask(t, match, zone, window)).filter((t): t is FoundTask => t !== null), window.startMs);
}
