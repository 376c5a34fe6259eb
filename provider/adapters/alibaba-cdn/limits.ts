/**
 * Alibaba Cloud CDN limits, polling defaults and the adapter's own durations, each with its source. Without an
 * endpoint override the SDK picks the host from the region (client.ts).
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources).
 * - pollMaxMs 60 s, the status schedule's cap (engine/schedule.ts): a prefetch "usually takes 5 to 30 minutes"
 *   (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache); the cap only binds for jobs longer than cap / k =
 *   20 minutes, whose overshoot it keeps under 5 %.
 * - pollInitialMs 5 s between reconciliation passes (lifecycle): DescribeRefreshTasks is shared by every resource of
 *   the account (cloud-apis.md §D.3).
 */
export const CDN_LIMITS: AdapterLimits = {
  urlsPerRequest: URLS_PER_REQUEST["alibaba-cdn"], historyDays: HISTORY_DAYS["alibaba-cdn"], pollInitialMs: 5_000, pollMaxMs: 60_000,
};

/** Largest `DescribeRefreshTasks` page: "Maximum value: 100" (SDK model DescribeRefreshTasksRequest.pageSize, §A.1). */
export const CDN_LIST_PAGE_SIZE = 100;

/**
 * Most `DescribeRefreshTasks` pages read for one listing: 100 × 100 tasks, ten times the default daily prefetch quota
 * over the 3-day window (1,000 URLs a day, §A.1); a guard, not an expected size: reaching it is an error naming it.
 */
export const CDN_LIST_MAX_PAGES = 100;

/**
 * How long a refusal of `DescribePreloadDetailById` is remembered for the account (provider/adapters/memory.ts): the
 * API is for allow-listed accounts only (seed 000: accounts above 100 Gbit/s), so a refusal holds for the whole
 * `pulumi up`; after an hour one call checks again (an account can be added to the list).
 */
export const CDN_DETAIL_REFUSAL_TTL_MS = 3_600_000;

/**
 * Most task ids a status round reads with the per-URL `DescribePreloadDetailById` (one id per call, 30 calls/s: seed
 * 000, cdn-sdk DescribePreloadDetailByIdRequest). How many ids one submit returns is undocumented (one per request,
 * per domain or per URL: emulator variant `alibaba.taskIdsPerSubmit`); with one per URL a 100-URL batch would cost 100
 * detail calls a round where `DescribeRefreshTaskById` costs 10 (10 ids per call, seed 002). Above this many ids the
 * round reads by id only: the enrichment never costs more calls than one by-id call would.
 */
export const CDN_DETAIL_MAX_IDS = 10;

/**
 * `Area` of `PushObjectCache`: `domestic` or `overseas`; "If you do not set this parameter, content in the service
 * location (specified by parameter Coverage) that you configured for the domain is prefetched" (SDK model
 * PushObjectCacheRequest.area; cloud-apis.md §A.1). So an unset `area` sends no `Area` and follows the domain's
 * coverage, and a set one is sent as given. (DCDN's documentation of the omitted `Area` is contradictory:
 * alibaba-dcdn/limits.ts.)
 */
export const CDN_AREA_VALUES = ["domestic", "overseas"] as const;

/**
 * Most URLs one `RefreshObjectCaches` (URL purge) call may carry: "You can specify up to 1,000 URL refresh rules … in
 * each call" (cdn20180510 client.d.ts `refreshObjectCachesWithOptions` remarks;
 * https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-refreshobjectcaches). The same
 * remarks allow at most 1,000 URLs a minute per domain: a second full request for one domain within the minute may be
 * refused (ledger PG-4, not served by the emulator).
 */
export const CDN_PURGE_URLS_PER_REQUEST = 1000;
