/**
 * EdgeOne limits and polling defaults.
 */
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest 100 (static): the real per-request maximum is the zone's `Batch` from `DescribeContentQuota`
 *   (https://www.tencentcloud.com/document/product/1145/50534; the model example shows 1000, but plans differ). The
 *   adapter starts with a conservative 100 and raises it to the zone's `Batch` once `quota()` has read it.
 * - historyDays 30: how long `DescribePrefetchTasks` keeps tasks is **not documented** (a time range may span at most
 *   7 days, seed 003, but a `job-id` query has no range); 30 days is assumed, so a task missing for longer than that
 *   counts as aged out.
 * - polling 3 s → 30 s: EdgeOne prefetches typically finish within seconds to minutes (seed 003's example: 9 s between
 *   CreateTime and UpdateTime); DescribePrefetchTasks allows 20 calls/s (seed 003).
 */
export const EDGEONE_LIMITS: AdapterLimits = { urlsPerRequest: 100, historyDays: 30, pollInitialMs: 3_000, pollMaxMs: 30_000 };

/** Largest `DescribePrefetchTasks` page: "Maximum value: 1000" (seed 003). */
export const EDGEONE_PAGE_LIMIT = 1000;

/** Most pages read for one job per query round (a guard; one job holds at most one request's URLs). */
export const EDGEONE_MAX_PAGES = 50;

/** Default API host (SDK default, China site; the international site is `teo.intl.tencentcloudapi.com`, §B.1). */
export const EDGEONE_DEFAULT_ENDPOINT = "teo.tencentcloudapi.com";
