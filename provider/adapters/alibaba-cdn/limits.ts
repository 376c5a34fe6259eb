/**
 * Alibaba Cloud CDN limits and polling defaults.
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources).
 * - polling 5 s → 60 s: a prefetch "usually takes 5 to 30 minutes" (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache),
 *   and DescribeRefreshTaskById allows 30 calls/s per account (cloud-apis.md §D.3), so a slow poll costs nothing and
 *   saves quota.
 */
export const CDN_LIMITS: AdapterLimits = {
  urlsPerRequest: URLS_PER_REQUEST["alibaba-cdn"], historyDays: HISTORY_DAYS["alibaba-cdn"], pollInitialMs: 5_000, pollMaxMs: 60_000,
};

/** Largest `DescribeRefreshTasks` page: "Maximum value: 100" (SDK model DescribeRefreshTasksRequest.pageSize, §A.1). */
export const CDN_LIST_PAGE_SIZE = 100;

/**
 * Most `DescribeRefreshTasks` pages read for one listing: 100 × 100 tasks, ten times the default daily prefetch quota
 * over the 3-day window (1,000 URLs a day, §A.1); a guard, not an expected size.
 */
export const CDN_LIST_MAX_PAGES = 100;
