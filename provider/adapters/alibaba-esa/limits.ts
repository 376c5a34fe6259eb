/**
 * Alibaba Cloud ESA limits and polling defaults.
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources; the ESA
 *   per-request maximum is not documented).
 * - polling 5 s → 60 s: as CDN/DCDN (prefetch takes minutes, cloud-apis.md §A.1); the ESA query rate limit is not
 *   documented, and each poll may page through the site's tasks, so polls stay slow.
 */
export const ESA_LIMITS: AdapterLimits = {
  urlsPerRequest: URLS_PER_REQUEST["alibaba-esa"], historyDays: HISTORY_DAYS["alibaba-esa"], pollInitialMs: 5_000, pollMaxMs: 60_000,
};

/** Largest `DescribePreloadTasks` page (seed 001: "Valid values: 1 to 50"). */
export const ESA_PAGE_SIZE = 50;

/**
 * Margin around the batches' submit times for the status query window: covers clock skew between us and the cloud
 * (generous, because a status query that misses its task only waits longer; reconciliation uses the narrower
 * `RECONCILE_MARGIN_MS`, provider/adapters/reconcile.ts).
 */
export const ESA_WINDOW_MARGIN_MS = 5 * 60_000;

/**
 * Most pages read per listing: 100 × 50 tasks, a guard against a `TotalCount` that never stops growing; hitting it
 * fails the call (transient) unless every wanted URL was already seen.
 */
export const ESA_MAX_PAGES = 100;
