/**
 * Alibaba Cloud DCDN limits and polling defaults.
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources).
 * - polling 5 s → 60 s: prefetch takes 5–30 minutes like CDN (cloud-apis.md §A.1); DescribeDcdnRefreshTaskById
 *   allows 30 calls/s (seed 002).
 */
export const DCDN_LIMITS: AdapterLimits = {
  urlsPerRequest: URLS_PER_REQUEST["alibaba-dcdn"], historyDays: HISTORY_DAYS["alibaba-dcdn"], pollInitialMs: 5_000, pollMaxMs: 60_000,
};

/** Largest `DescribeDcdnRefreshTasks` page: "Maximum value: 50" (SDK model DescribeDcdnRefreshTasksRequest.pageSize, §A.2). */
export const DCDN_LIST_PAGE_SIZE = 50;

/**
 * Most `DescribeDcdnRefreshTasks` pages read for one listing: 200 × 50 tasks, ten times the default daily prefetch
 * quota over the 3-day window (1,000 URLs a day, §A.2); a guard, not an expected size.
 */
export const DCDN_LIST_MAX_PAGES = 200;
