/**
 * ESA purge listings (issue 11; ledger PG-7): `DescribePurgeTasks` by site, `Type: file`, time window (ISO UTC, within
 * the 3-day history), paged by at most 50, optionally one exact `Content` ("The content to purge. Exact match is
 * supported.", esa20240910 DescribePurgeTasksRequest). It lists purge tasks only: prefetch tasks are listed by
 * `DescribePreloadTasks` (cloud-apis.md §A.3). Used by the status query (purge.ts) and by reconciliation
 * ({@link findPurgeTasksEsa}): few canonical URLs are looked up one call each with `Content`, more with one listing of
 * the window, matched here with the URL matcher (the cloud may echo a normalised form, variant `alibaba.urlEcho`).
 */
import type { FoundTask } from "../../model/task";
import { isoSeconds } from "../alibaba/time";
import { readAllPages } from "../paging";
import { filterValues, foundTasks, reconcileWindow, type TimeWindow } from "../reconcile";
import { createUrlMatcher } from "../url-match";
import type { EsaPurgeApi, EsaTask } from "./client";
import { ESA_MAX_PAGES, ESA_PAGE_SIZE, ESA_PURGE_FILE_TYPE } from "./limits";
import { createdAtOf } from "./query";
import { esaUrlStatus } from "./status";

/** Every file purge of the site in the window, optionally of one exact `Content`; stops early once `enough` holds. */
export async function listEsaPurges(api: EsaPurgeApi, siteId: number, window: TimeWindow, content: string | null,
  enough?: (tasks: readonly EsaTask[]) => boolean): Promise<EsaTask[]> {
  const range = { startTime: isoSeconds(window.startMs), endTime: isoSeconds(window.endMs) };
  return readAllPages(async (page) => {
    const body = await api.describePurgeTasks({
      siteId, type: ESA_PURGE_FILE_TYPE, ...range, ...(content === null ? {} : { content }), pageNumber: page + 1, pageSize: ESA_PAGE_SIZE,
    });
    return { items: body.tasks ?? [], total: body.totalCount ?? null };
  }, { cloud: "alibaba-esa", action: "DescribePurgeTasks", maxPages: ESA_MAX_PAGES, guard: "ESA_MAX_PAGES", enough });
}

/** The found task for a listed purge, or null when it is not one of the URLs, carries no task id or is not a file purge. */
function foundPurge(task: EsaTask & { type?: string }, match: (content: string) => string | null, window: TimeWindow): FoundTask | null {
  const url = task.content ? match(task.content) : null;
  const taskId = task.taskId === undefined || task.taskId === null ? "" : String(task.taskId).trim();
  if (!url || taskId === "" || (task.type && task.type !== ESA_PURGE_FILE_TYPE)) return null;
  return { url, taskId, createdAtMs: createdAtOf(task, null, window), status: esaUrlStatus(task.status) };
}

/**
 * The file purges ESA lists for `urls` created since `sinceMs` (less the margin, reconcile.ts), newest first. Every
 * listing is read to its end (every task of a URL is reported). `CreateTime` is ISO UTC here (`2023-07-26T01:56:15Z`,
 * DescribePurgeTasksResponseBody); a zone-less one would be read as the prefetch listing reads it (query.ts).
 */
export async function findPurgeTasksEsa(api: EsaPurgeApi, siteId: number, urls: string[], sinceMs: number, nowMs: number,
  historyDays: number): Promise<FoundTask[]> {
  const window = reconcileWindow(sinceMs, nowMs, historyDays);
  if (window === null || urls.length === 0) return [];
  const contents = filterValues(urls, (u) => u);
  const listed: EsaTask[] = [];
  if (contents === null) listed.push(...(await listEsaPurges(api, siteId, window, null)));
  else for (const content of new Set(contents)) listed.push(...(await listEsaPurges(api, siteId, window, content)));
  const match = createUrlMatcher(urls, false);
  return foundTasks(listed.map((t) => foundPurge(t, match, window)).filter((t): t is FoundTask => t !== null), window.startMs);
}
