/**
 * ESA status queries: `DescribePreloadTasks` (GET) by site and a time window covering the batches it is given, paged
 * until `TotalCount` (seed 001). Tasks are matched to submitted URLs by `Content` (an exact echo of the submitted URL)
 * and, when the task carries one, by `TaskId`.
 *
 * Which batches are still worth asking about is the caller's decision (provider/model/history.ts, from their age);
 * `historyUnavailable` is true only when the vendor refuses the window (`InvalidTime`).
 */
import { isCloudError } from "../../model/errors";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { readAllPages } from "../paging";
import { createUrlMatcher } from "../url-match";
import { observeTask } from "../alibaba/refresh-tasks";
import { isoSeconds, parseEsaCreateTime } from "../alibaba/time";
import type { EsaApi } from "./client";
import { ESA_MAX_PAGES, ESA_PAGE_SIZE, ESA_WINDOW_MARGIN_MS } from "./limits";

/** One `Tasks[]` item of DescribePreloadTasks (SDK model field names). */
export interface EsaTask {
  taskId?: string;
  content?: string;
  status?: string;
  process?: string;
  description?: string;
  createTime?: string;
}

const DAY_MS = 86_400_000;

/**
 * The query window: from the earliest batch − margin to now + margin, the start clamped to `margin` inside the
 * history window so that clock skew cannot turn it into `InvalidTime`. (Cost: in the last minutes before a batch
 * ages out, its tasks may fall before the clamped start and stop being reported; the caller keeps their last state.)
 */
export function esaWindow(batches: readonly SubmittedBatch[], historyDays: number, nowMs: number): { startTime: string; endTime: string } {
  const earliest = Math.min(...batches.map((b) => Date.parse(b.submittedAt)).filter(Number.isFinite), nowMs);
  const floor = nowMs - historyDays * DAY_MS + ESA_WINDOW_MARGIN_MS;
  return { startTime: isoSeconds(Math.max(earliest - ESA_WINDOW_MARGIN_MS, floor)), endTime: isoSeconds(nowMs + ESA_WINDOW_MARGIN_MS) };
}

/** The window and optional `Content` filter of one listing. */
export interface EsaListFilter {
  startTime: string;
  endTime: string;
  content?: string;
}

/**
 * Every task of the site that passes the filter, page by page. When the page guard is reached the listing is an
 * error (transient, `TooManyPages`) unless `wanted` is given and every URL in it was already seen.
 */
export async function listEsaTasks(api: EsaApi, siteId: number, filter: EsaListFilter, wanted: readonly string[] | null): Promise<EsaTask[]> {
  const match = createUrlMatcher(wanted ?? [], false);
  const enough = wanted === null ? undefined : (tasks: readonly EsaTask[]) => {
    const seen = new Set(tasks.map((t) => (t.content ? match(t.content) : null)));
    return wanted.every((u) => seen.has(u));
  };
  return readAllPages(async (page) => {
    const body = await api.describePreloadTasks({ siteId, ...filter, pageNumber: page + 1, pageSize: ESA_PAGE_SIZE });
    return { items: body.tasks ?? [], total: body.totalCount ?? null };
  }, { cloud: "alibaba-esa", action: "DescribePreloadTasks", maxPages: ESA_MAX_PAGES, enough });
}

/**
 * The task for one submitted URL: a task carrying one of the batch's ids wins; otherwise the newest task of that
 * URL in the window. (Whether ESA echoes the submit `TaskId` on every URL is not documented, §A.3; the fallback keeps
 * the adapter working if it does not, at the risk of reporting another prefetch of the same URL started within the
 * margin before ours.)
 */
export function pickTask(candidates: readonly EsaTask[], batchIds: readonly string[]): EsaTask | null {
  if (candidates.length === 0) return null;
  const own = candidates.filter((t) => t.taskId !== undefined && batchIds.includes(String(t.taskId)));
  const pool = own.length > 0 ? own : [...candidates];
  return pool.reduce((best, t) => ((parseEsaCreateTime(t.createTime) ?? 0) > (parseEsaCreateTime(best.createTime) ?? 0) ? t : best));
}

/** Observations for the batches' URLs from the listed tasks. */
export function observeEsaTasks(tasks: readonly EsaTask[], batches: readonly SubmittedBatch[]): UrlObservation[] {
  const out: UrlObservation[] = [];
  for (const b of batches) {
    const match = createUrlMatcher(b.urls, false);
    const byUrl = new Map<string, EsaTask[]>();
    for (const t of tasks) {
      const url = t.content ? match(t.content) : null;
      if (url) byUrl.set(url, [...(byUrl.get(url) ?? []), t]);
    }
    for (const url of b.urls) {
      const t = pickTask(byUrl.get(url) ?? [], b.taskIds);
      if (t) out.push(observeTask(url, { taskId: t.taskId, objectPath: t.content, status: t.status, process: t.process, description: t.description }));
    }
  }
  return out;
}

/**
 * Reads the state of the given batches' URLs over one window covering them all. An `InvalidTime` refusal of the window
 * makes `historyUnavailable` true; every other error propagates.
 */
export async function queryEsa(api: EsaApi, siteId: number, batches: SubmittedBatch[], historyDays: number, nowMs: number): Promise<QueryResult> {
  if (batches.length === 0) return { observations: [], historyUnavailable: false };
  try {
    const tasks = await listEsaTasks(api, siteId, esaWindow(batches, historyDays, nowMs), batches.flatMap((b) => b.urls));
    return { observations: observeEsaTasks(tasks, batches), historyUnavailable: false };
  } catch (e) {
    if (isCloudError(e) && e.kind === "notFound") return { observations: [], historyUnavailable: true };
    throw e;
  }
}
