/**
 * EdgeOne limits and polling defaults.
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources). The per-request
 *   figure is the conservative start; the adapter raises it to the zone's `Batch` once `quota()` has read it.
 * - polling 3 s → 30 s: EdgeOne prefetches typically finish within seconds to minutes (seed 003's example: 9 s between
 *   CreateTime and UpdateTime); DescribePrefetchTasks allows 20 calls/s (seed 003).
 */
export const EDGEONE_LIMITS: AdapterLimits = {
  urlsPerRequest: URLS_PER_REQUEST.edgeone, historyDays: HISTORY_DAYS.edgeone, pollInitialMs: 3_000, pollMaxMs: 30_000,
};

/** Largest `DescribePrefetchTasks` page: "Maximum value: 1000" (seed 003). */
export const EDGEONE_PAGE_LIMIT = 1000;

/**
 * Most pages read for one listing (a guard against a `TotalCount` that never stops growing: 50 × 1000 tasks, far above
 * any job, which holds one request's URLs, or a reconciliation window of one zone's daily quota).
 */
export const EDGEONE_MAX_PAGES = 50;

/**
 * Longest `StartTime`–`EndTime` span of one `DescribePrefetchTasks` call: "the interval between the start and end time
 * cannot exceed 7 days" (seed 003, `InvalidParameter.ParameterError`); kept one hour below it so that a vendor counting
 * the bounds differently never refuses a window.
 */
export const EDGEONE_MAX_RANGE_MS = 7 * 86_400_000 - 3_600_000;

/** Most values of one `Filters[]` entry: "the maximum number of Filters.Values is 20" (seed 003). */
export const EDGEONE_MAX_FILTER_VALUES = 20;

/** Default API host (SDK default, China site; the international site is `teo.intl.tencentcloudapi.com`, §B.1). */
export const EDGEONE_DEFAULT_ENDPOINT = "teo.tencentcloudapi.com";
