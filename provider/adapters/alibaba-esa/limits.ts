/**
 * Alibaba Cloud ESA limits and polling defaults.
 */
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest 100: **not documented** for `PreloadCaches` (cloud-apis.md §A.3: neither the per-request maximum
 *   nor the daily default is stated; quotas depend on the plan). 100 is chosen conservatively, the documented limit
 *   of the sibling CDN/DCDN APIs (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache).
 * - historyDays 3: `DescribePreloadTasks` refuses windows older than the last 3 days (`InvalidTime`, seed 001).
 * - polling 5 s → 60 s: as CDN/DCDN (prefetch takes minutes, §A.1); the ESA query rate limit is not documented, and
 *   each poll may page through the site's tasks, so polls stay slow.
 */
export const ESA_LIMITS: AdapterLimits = { urlsPerRequest: 100, historyDays: 3, pollInitialMs: 5_000, pollMaxMs: 60_000 };

/** Largest `DescribePreloadTasks` page (seed 001: "Valid values: 1 to 50"). */
export const ESA_PAGE_SIZE = 50;

/** Margin around a batch's submit time for the query window: covers clock skew between us and the cloud. */
export const ESA_WINDOW_MARGIN_MS = 5 * 60_000;

/** Most pages read per query round, a guard against a `TotalCount` that never stops growing (100 × 50 tasks). */
export const ESA_MAX_PAGES = 100;
