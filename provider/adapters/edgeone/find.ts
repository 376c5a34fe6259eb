/**
 * EdgeOne reconciliation: the prefetch tasks `DescribePrefetchTasks` lists for some URLs since a time (seed 003,
 * cloud-apis.md §A.4), and the same search over the purge tasks of `DescribePurgeTasks` (same request and task shapes,
 * teo_models.d.ts `DescribePurgeTasksRequest`; purge.ts passes its {@link TeoListing}). The call needs a time range (at
 * most 7 days, split when longer) or a `job-id`; here there is no job id, so it is a time range plus a filter:
 * - at most {@link MAX_FILTERED_LOOKUPS} URLs in canonical form: one call per URL with the `target` filter (it takes a
 *   single value), usually one page each;
 * - otherwise: the `domains` filter (up to 20 host names per call) over the window, paged with `Limit` 1000, and the
 *   `Target`s matched to the URLs here.
 * `zoneId: "*"` is sent as the `ZoneId` as given (see query.ts: not documented for this API; a refusal says so).
 */
import type { EdgeOneSpec } from "../../model/spec";
import type { FoundTask } from "../../model/task";
import { readAllPages } from "../paging";
import { filterValues, foundTasks, reconcileWindow, splitWindow, type TimeWindow } from "../reconcile";
import { createUrlMatcher, type UrlMatcher } from "../url-match";
import type { DescribePrefetchTasksRequest, DescribePrefetchTasksResponse, TeoApi, TeoTask } from "./client";
import { EDGEONE_MAX_FILTER_VALUES, EDGEONE_MAX_PAGES, EDGEONE_MAX_RANGE_MS, EDGEONE_PAGE_LIMIT } from "./limits";
import { edgeOneUrlStatus } from "./status";

type Filters = NonNullable<DescribePrefetchTasksRequest["Filters"]>;

/**
 * A request time: ISO 8601 with an explicit offset, `2022-02-09T00:00:00+00:00`, the form of the seed 003 example
 * (which uses `+08:00`); UTC here.
 */
export function teoTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** One `domains` filter per 20 host names; no filter at all (the zone's whole window) when a URL has no host. */
export function domainFilters(urls: readonly string[]): Filters[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      hosts.add(new URL(url).hostname.toLowerCase());
    } catch {
      return [[]];
    }
  }
  const all = [...hosts];
  const out: Filters[] = [];
  for (let i = 0; i < all.length; i += EDGEONE_MAX_FILTER_VALUES) out.push([{ Name: "domains", Values: all.slice(i, i + EDGEONE_MAX_FILTER_VALUES) }]);
  return out;
}

/**
 * One task listing of the zone: the action (for errors), the call, filters every request carries (the purge listing's
 * `type`), and which listed tasks count (all when absent).
 */
export interface TeoListing {
  action: "DescribePrefetchTasks" | "DescribePurgeTasks";
  list(req: DescribePrefetchTasksRequest): Promise<DescribePrefetchTasksResponse>;
  always: Filters;
  keep?: (task: TeoTask) => boolean;
}

/** The prefetch listing of an API. */
export function prefetchListing(api: TeoApi): TeoListing {
  return { action: "DescribePrefetchTasks", list: (req) => api.DescribePrefetchTasks(req), always: [] };
}

/** Every task of the zone in one window that passes the filters. */
async function listWindow(listing: TeoListing, zoneId: string, w: TimeWindow, filters: Filters): Promise<TeoTask[]> {
  return readAllPages(async (_page, read) => {
    const req: DescribePrefetchTasksRequest = {
      ZoneId: zoneId, StartTime: teoTime(w.startMs), EndTime: teoTime(w.endMs), Offset: read, Limit: EDGEONE_PAGE_LIMIT,
    };
    const all = [...filters, ...listing.always];
    if (all.length > 0) req.Filters = all;
    const res = await listing.list(req);
    return { items: res.Tasks ?? [], total: res.TotalCount ?? null };
  }, { cloud: "edgeone", action: listing.action, maxPages: EDGEONE_MAX_PAGES });
}

/** The found task for a listed one, or null when it is not one of the URLs or carries no job id. */
export function foundTeoTask(task: TeoTask, match: UrlMatcher): FoundTask | null {
  const url = task.Target ? match(task.Target) : null;
  const taskId = task.JobId?.trim() ?? "";
  if (!url || taskId === "") return null;
  const created = Date.parse(task.CreateTime ?? "");
  return { url, taskId, createdAtMs: Number.isFinite(created) ? created : null, status: edgeOneUrlStatus(task.Status) };
}

/** The tasks EdgeOne lists for `urls` created since `sinceMs` (less the margin), newest first. */
export async function findTasksEdgeOne(api: TeoApi, spec: EdgeOneSpec, urls: string[], sinceMs: number,
  nowMs: number, historyDays: number): Promise<FoundTask[]> {
  return findTeoTasks(prefetchListing(api), spec.zoneId, urls, sinceMs, nowMs, historyDays);
}

/**
 * The tasks a listing shows for `urls` created since `sinceMs` (less the margin), newest first: `target` lookups for few
 * canonical URLs, else `domains` listings (file comment), every listed `Target` matched exactly by the URL matcher
 * (the purge listing's `target` filter matches a part, teo_models.d.ts `DescribePurgeTasksRequest.Filters`).
 */
export async function findTeoTasks(listing: TeoListing, zoneId: string, urls: string[], sinceMs: number,
  nowMs: number, historyDays: number): Promise<FoundTask[]> {
  const window = reconcileWindow(sinceMs, nowMs, historyDays);
  if (window === null || urls.length === 0) return [];
  const targets = filterValues(urls, (u) => u);
  const filterSets: Filters[] = targets ? targets.map((t) => [{ Name: "target", Values: [t] }]) : domainFilters(urls);
  const listed: TeoTask[] = [];
  for (const w of splitWindow(window, EDGEONE_MAX_RANGE_MS)) {
    for (const filters of filterSets) listed.push(...(await listWindow(listing, zoneId, w, filters)));
  }
  const match = createUrlMatcher(urls, false);
  const kept = listing.keep ? listed.filter(listing.keep) : listed;
  return foundTasks(kept.map((t) => foundTeoTask(t, match)).filter((t): t is FoundTask => t !== null), window.startMs);
}
