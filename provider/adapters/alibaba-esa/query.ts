/**
 * ESA status queries with `DescribePreloadTasks` (GET; seed 001): tasks by site, time window (`StartTime`/`EndTime`,
 * UTC, within the last 3 days) and optionally one exact `Content`. There is NO task-id filter, and whether list items
 * carry the id `PreloadCaches` returned is undocumented (variant `esa.listTaskIds`: the submit's id or per-URL ids), so
 * a batch's tasks are found by URL and creation time:
 *
 * **A listed task is the batch's** when its `Content` matches one of the batch's URLs (the provider's URL key: the
 * cloud may echo a normalised form, variant `alibaba.urlEcho`) and either it carries one of the batch's ids, or it was
 * created at or after the batch's submit second (`windowStart` for adopted tasks, else `submittedAt`). A task of the
 * same URL created earlier — a `triggers` re-run's previous run, minutes before — is never the batch's, whatever its
 * status; until a task of ours is listed the URL has no observation (it stays pending: the cloud may show a task some
 * seconds late, variant `tasks.visibilityLag`).
 *
 * **Reading `CreateTime`** (`yyyy-MM-dd HH:mm:ss`, no zone; UTC+8 or UTC: variant `esa.createTimeZone`). The server
 * filters on the window we send, in UTC, so a listed task was created inside it; a reading that falls outside the
 * window is therefore the wrong zone. That decides the zone from any task created in the last 8 hours (read as UTC it
 * would lie after the window's end, which is now) or in the window's first 8 hours (read as UTC+8 it would lie before
 * the window's start); the zone learnt is remembered per account (provider/adapters/memory.ts). While it is unknown,
 * a task is accepted when EITHER reading is at or after the submit second and not after the window's end — the most
 * permissive rule that still excludes every earlier run: for a window shorter than 8 hours (every ordinary wait) the
 * wrong reading of an earlier task always falls outside `[submit second, now]`, so it is exact; only for a window of
 * 8 hours or more (an adopted batch searched over the whole history) can a task up to 8 hours before the submit second
 * pass, and only before any task has shown the zone.
 *
 * **Cost.** Few URLs in canonical form (reconcile.ts `filterValues`) are looked up one call each with the exact
 * `Content` filter; otherwise the window is listed page by page and the listing stops once every URL has a task of
 * ours. A listing that reaches the page guard (`ESA_MAX_PAGES`) is an error naming it, never used incomplete.
 * `EndTime` is now, never later (variant `alibaba.futureEndTime`: a future `EndTime` may be refused with `InvalidTime`).
 * `historyUnavailable` is true only when the vendor refuses the window (`InvalidTime`).
 *
 * **Shared rounds** (the host's poller): one listing per site per round serves every waiting resource of the site
 * ({@link queryEsaRound}); the window covers all of them and each resource's URLs are matched with its own searches.
 */
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { recall, remember, type AccountScope } from "../memory";
import { readAllPages } from "../paging";
import { filterValues, RECONCILE_MARGIN_MS, wholeSecond, type TimeWindow } from "../reconcile";
import { createUrlMatcher } from "../url-match";
import { refusedWindow } from "../alibaba/refresh-tasks";
import { esaCreateTimeReadings, isoSeconds, type EsaZone } from "../alibaba/time";
import type { EsaApi, EsaTask } from "./client";
import { ESA_HISTORY_MARGIN_MS, ESA_MAX_PAGES, ESA_PAGE_SIZE, ESA_ZONE_TTL_MS } from "./limits";
import { esaObservation } from "./status";

const DAY_MS = 86_400_000;
const ZONES: readonly EsaZone[] = ["utc8", "utc"];
/** The memory.ts fact: the zone of this account's `CreateTime`. */
const ZONE_FACT = "esa.createTimeZone";

/** Where the account's `CreateTime` zone is remembered, and the time to remember it at. */
export interface EsaMemory {
  scope: AccountScope;
  nowMs: number;
}

/** One batch as the matching sees it. */
interface Search {
  batch: SubmittedBatch;
  ids: ReadonlySet<string>;
  /** The submit second: tasks without one of the batch's ids must not be older. */
  anchorMs: number;
}

const idOf = (t: EsaTask): string => (t.taskId === undefined || t.taskId === null ? "" : String(t.taskId).trim());

/** The batch's submit second: `windowStart` (adopted tasks) or `submittedAt`, rounded down. */
export function anchorOf(b: SubmittedBatch): number {
  return wholeSecond(Date.parse(b.windowStart ?? b.submittedAt));
}

/**
 * The window that covers the searches: from the earliest submit second less the clock-skew margin (so a task carrying
 * the batch's id that the cloud stamped a little before our clock's second is still listed) to now, the start kept
 * {@link ESA_HISTORY_MARGIN_MS} inside the history. Null when empty.
 */
export function esaWindow(anchors: readonly number[], nowMs: number, historyDays: number): TimeWindow | null {
  const valid = anchors.filter(Number.isFinite);
  const floor = nowMs - historyDays * DAY_MS + ESA_HISTORY_MARGIN_MS;
  const earliest = valid.length > 0 ? Math.min(...valid) - RECONCILE_MARGIN_MS : floor;
  const startMs = Math.ceil(Math.max(earliest, floor) / 1000) * 1000;
  const endMs = wholeSecond(nowMs);
  return startMs <= endMs ? { startMs, endMs } : null;
}

/** Every task of the site in the window, optionally of one exact `Content`; stops early once `enough` holds. */
export async function listEsaTasks(api: EsaApi, siteId: number, window: TimeWindow, content: string | null,
  enough?: (tasks: readonly EsaTask[]) => boolean): Promise<EsaTask[]> {
  const range = { startTime: isoSeconds(window.startMs), endTime: isoSeconds(window.endMs) };
  return readAllPages(async (page) => {
    const body = await api.describePreloadTasks({ siteId, ...range, ...(content === null ? {} : { content }), pageNumber: page + 1, pageSize: ESA_PAGE_SIZE });
    return { items: body.tasks ?? [], total: body.totalCount ?? null };
  }, { cloud: "alibaba-esa", action: "DescribePreloadTasks", maxPages: ESA_MAX_PAGES, guard: "ESA_MAX_PAGES", enough });
}

/**
 * The tasks of `urls` in the window: one `Content` lookup per URL when they are few and canonical, else one listing
 * of the window (stopped once `enough` holds).
 */
export async function readEsaTasks(api: EsaApi, siteId: number, window: TimeWindow, urls: readonly string[],
  enough?: (tasks: readonly EsaTask[]) => boolean): Promise<EsaTask[]> {
  const contents = filterValues(urls, (u) => u);
  if (contents === null) return listEsaTasks(api, siteId, window, null, enough);
  const tasks: EsaTask[] = [];
  for (const content of new Set(contents)) tasks.push(...(await listEsaTasks(api, siteId, window, content)));
  return tasks;
}

/** What the listed tasks prove about the zone (file comment): null when nothing, or contradictory evidence. */
export function zoneEvidence(tasks: readonly EsaTask[], window: TimeWindow): EsaZone | null {
  let utc8 = false;
  let utc = false;
  for (const t of tasks) {
    const r = esaCreateTimeReadings(t.createTime);
    if (r === null || r.utc8 === r.utc) continue;
    if (r.utc > window.endMs) utc8 = true;
    if (r.utc8 < window.startMs) utc = true;
  }
  return utc8 === utc ? null : utc8 ? "utc8" : "utc";
}

/** The zone: what these tasks prove (then remembered), else what the account's earlier listings proved, else null. */
export function esaZone(memory: EsaMemory, tasks: readonly EsaTask[], window: TimeWindow): EsaZone | null {
  const proved = zoneEvidence(tasks, window);
  if (proved !== null) {
    remember(memory.scope, ZONE_FACT, proved, ESA_ZONE_TTL_MS, memory.nowMs);
    return proved;
  }
  return recall<EsaZone>(memory.scope, ZONE_FACT, memory.nowMs) ?? null;
}

/** The readings of a task's `CreateTime` worth considering: the zone's, or both while it is unknown. */
function readings(t: EsaTask, zone: EsaZone | null): number[] {
  const r = esaCreateTimeReadings(t.createTime);
  if (r === null) return [];
  return (zone ? [zone] : ZONES).map((z) => r[z]);
}

/** Whether a task whose URL matched is the search's (file comment). */
export function isOurs(t: EsaTask, s: Search, zone: EsaZone | null, endMs: number): boolean {
  if (s.ids.has(idOf(t))) return true;
  return readings(t, zone).some((at) => at >= s.anchorMs && at <= endMs);
}

/**
 * When the cloud created a task: its zone's reading; while the zone is unknown, the reading inside the window (the
 * server listed it from there), or the UTC+8 one (the console's zone) when both are; null when `CreateTime` is malformed.
 */
export function createdAtOf(t: EsaTask, zone: EsaZone | null, window: TimeWindow): number | null {
  const r = esaCreateTimeReadings(t.createTime);
  if (r === null) return null;
  if (zone) return r[zone];
  const inside = ZONES.filter((z) => r[z] >= window.startMs && r[z] <= window.endMs);
  return r[inside.length === 1 ? inside[0] : "utc8"];
}

/** The task reported for one URL of a search: one carrying the batch's id first, then the newest. */
function pick(candidates: readonly EsaTask[], s: Search): EsaTask | null {
  const own = candidates.filter((t) => s.ids.has(idOf(t)));
  const pool = own.length > 0 ? own : candidates;
  const at = (t: EsaTask) => esaCreateTimeReadings(t.createTime)?.utc ?? -Infinity;
  return pool.reduce<EsaTask | null>((best, t) => (best === null || at(t) > at(best) ? t : best), null);
}

/** The tasks of each URL of a search that are the search's. */
function oursByUrl(tasks: readonly EsaTask[], s: Search, zone: EsaZone | null, endMs: number): Map<string, EsaTask[]> {
  const match = createUrlMatcher(s.batch.urls, false);
  const byUrl = new Map<string, EsaTask[]>();
  for (const t of tasks) {
    const url = t.content ? match(t.content) : null;
    if (url && isOurs(t, s, zone, endMs)) byUrl.set(url, [...(byUrl.get(url) ?? []), t]);
  }
  return byUrl;
}

/** Observations for the searches' URLs: one per URL that has a task of ours; none for the others (still pending). */
export function observeEsaTasks(tasks: readonly EsaTask[], searches: readonly Search[], zone: EsaZone | null, endMs: number): UrlObservation[] {
  const out: UrlObservation[] = [];
  for (const s of searches) {
    const byUrl = oursByUrl(tasks, s, zone, endMs);
    for (const url of s.batch.urls) {
      const t = pick(byUrl.get(url) ?? [], s);
      if (t) out.push(esaObservation(url, t));
    }
  }
  return out;
}

/** True when every URL of every search has a task of ours among `tasks` (the listing may stop). */
function allFound(tasks: readonly EsaTask[], searches: readonly Search[], zone: EsaZone | null, endMs: number): boolean {
  return searches.every((s) => {
    const byUrl = oursByUrl(tasks, s, zone, endMs);
    return s.batch.urls.every((u) => byUrl.has(u));
  });
}

/** Calls one round over these requests is expected to make: one `Content` lookup per URL, else listing pages. */
export function esaRoundCost(requests: readonly (readonly SubmittedBatch[])[]): number {
  const urls = [...new Set(requests.flat().flatMap((b) => b.urls))];
  if (urls.length === 0) return 0;
  return filterValues(urls, (u) => u) === null ? Math.ceil(urls.length / ESA_PAGE_SIZE) : urls.length;
}

/**
 * Reads the state of several resources' batches (result i for request i) with one listing — or one set of `Content`
 * lookups — over one window covering them all; each request is matched with its own searches (its URLs, ids and
 * submit seconds), exactly as if it had asked alone. An `InvalidTime` refusal of the shared window is asked again per
 * request (each over its own, shorter window); for a lone request it makes `historyUnavailable` true. Every other
 * error propagates.
 */
export async function queryEsaRound(api: EsaApi, memory: EsaMemory, siteId: number, requests: readonly (readonly SubmittedBatch[])[],
  historyDays: number): Promise<QueryResult[]> {
  const perRequest: Search[][] = requests.map((batches) => batches.map((batch) => ({ batch, ids: new Set(batch.taskIds), anchorMs: anchorOf(batch) })));
  const searches = perRequest.flat();
  const window = esaWindow(searches.map((s) => s.anchorMs), memory.nowMs, historyDays);
  if (window === null || searches.length === 0) return requests.map(() => ({ observations: [], historyUnavailable: false }));
  const urls = [...new Set(searches.flatMap((s) => s.batch.urls))];
  let tasks: EsaTask[];
  try {
    tasks = await readEsaTasks(api, siteId, window, urls,
      (seen) => allFound(seen, searches, zoneEvidence(seen, window) ?? recall<EsaZone>(memory.scope, ZONE_FACT, memory.nowMs) ?? null, window.endMs));
  } catch (e) {
    if (!refusedWindow(e)) throw e;
    if (requests.length === 1) return [{ observations: [], historyUnavailable: true }];
    const alone: QueryResult[] = [];
    for (const batches of requests) alone.push((await queryEsaRound(api, memory, siteId, [batches], historyDays))[0]);
    return alone;
  }
  const zone = esaZone(memory, tasks, window);
  return perRequest.map((own) => ({ observations: observeEsaTasks(tasks, own, zone, window.endMs), historyUnavailable: false }));
}

/**
 * Reads the state of the batches' URLs over one window covering them all. An `InvalidTime` refusal of the window makes
 * `historyUnavailable` true; every other error propagates.
 */
export async function queryEsa(api: EsaApi, memory: EsaMemory, siteId: number, batches: readonly SubmittedBatch[],
  historyDays: number): Promise<QueryResult> {
  return (await queryEsaRound(api, memory, siteId, [batches], historyDays))[0];
}
