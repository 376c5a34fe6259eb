/**
 * Alibaba Cloud DCDN limits, polling defaults, endpoint and the `Area` decision, each with its source.
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources).
 * - pollMaxMs 60 s, the status schedule's cap (engine/schedule.ts): prefetch takes 5–30 minutes like CDN (cloud-apis.md
 *   §A.1); the cap only binds for jobs longer than cap / k = 20 minutes, whose overshoot it keeps under 5 %.
 * - pollInitialMs 5 s between reconciliation passes (lifecycle); DescribeDcdnRefreshTaskById allows 30 calls/s (seed 002).
 */
export const DCDN_LIMITS: AdapterLimits = {
  urlsPerRequest: URLS_PER_REQUEST["alibaba-dcdn"], historyDays: HISTORY_DAYS["alibaba-dcdn"], pollInitialMs: 5_000, pollMaxMs: 60_000,
};

/**
 * Default host: every region in the SDK's endpoint map resolves to `dcdn.aliyuncs.com` (cloud-apis.md §B.1), and a
 * region missing from the map would make the SDK build a non-existent regional host, so it is set explicitly.
 */
export const DCDN_DEFAULT_ENDPOINT = "dcdn.aliyuncs.com";

/** Largest `DescribeDcdnRefreshTasks` page: "Maximum value: 50" (SDK model DescribeDcdnRefreshTasksRequest.pageSize, §A.2). */
export const DCDN_LIST_PAGE_SIZE = 50;

/**
 * Most `DescribeDcdnRefreshTasks` pages read for one listing: 200 × 50 tasks, ten times the default daily prefetch
 * quota over the 3-day window (1,000 URLs a day, §A.2); a guard, not an expected size: reaching it is an error naming it.
 */
export const DCDN_LIST_MAX_PAGES = 200;

/**
 * `Area` of `PreloadDcdnObjectCaches`: the only documented values are `domestic` (Chinese mainland) and `overseas`
 * (outside it) (SDK model PreloadDcdnObjectCachesRequest.area; cloud-apis.md §A.2). What an OMITTED `Area` means is
 * documented three ways: the SDK comment says "If you do not specify a region, the value overseas is used", an older
 * doc page said `global`, and the current API page says the domain's own acceleration region. No documented value means
 * "follow the domain's coverage" (a `global` value appears on no current page and could be refused as invalid, and no
 * single value covers a global domain), so the provider sends what the user means and nothing else:
 * - `area` set: `Area` is sent with exactly that value (`domestic` / `overseas`);
 * - `area` unset: no `Area` is sent, and the vendor default applies — per the current doc the domain's region, per the
 *   SDK comment `overseas` only. Users of a mainland-only domain who must not depend on that reading set
 *   `area: "domestic"`; for a global domain, omitting it is the only way to ask for every region.
 * CDN's `PushObjectCache` documents the omitted `Area` as the domain's coverage without contradiction (alibaba-cdn/limits.ts).
 */
export const DCDN_AREA_VALUES = ["domestic", "overseas"] as const;

/**
 * Most URLs one `RefreshDcdnObjectCaches` (URL purge) call may carry: "You can specify up to 1,000 URLs … that you
 * want to purge in each request" (dcdn20180115 client.d.ts `refreshDcdnObjectCachesWithOptions` remarks;
 * https://help.aliyun.com/document_detail/130620.html). The same remarks allow at most 1,000 URLs a minute per domain
 * (ledger PG-4).
 */
export const DCDN_PURGE_URLS_PER_REQUEST = 1000;
