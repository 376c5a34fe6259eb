/**
 * Alibaba Cloud ESA limits, polling defaults and the adapter's own margins, each with its source. The API hosts are
 * chosen in endpoint.ts.
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources; the ESA
 *   per-request maximum is not documented).
 * - pollMaxMs 60 s, the status schedule's cap (engine/schedule.ts): a prefetch "typically takes 5 to 30 minutes"
 *   (https://www.alibabacloud.com/help/en/edge-security-acceleration/esa/user-guide/warm-up-cache); the cap only binds
 *   for jobs longer than cap / k = 20 minutes, whose overshoot it keeps under 5 %.
 * - pollInitialMs 5 s between reconciliation passes (lifecycle): the ESA query rate limit is not documented.
 */
export const ESA_LIMITS: AdapterLimits = {
  urlsPerRequest: URLS_PER_REQUEST["alibaba-esa"], historyDays: HISTORY_DAYS["alibaba-esa"], pollInitialMs: 5_000, pollMaxMs: 60_000,
};

/** Largest `DescribePreloadTasks` page (seed 001: "Valid values: 1 to 50"). */
export const ESA_PAGE_SIZE = 50;

/**
 * Most pages read per listing: 100 × 50 tasks, a guard against a `TotalCount` that never stops growing. Listings stop
 * as soon as every wanted URL was found (query.ts); reaching the guard first fails the call (transient
 * `TooManyPages`, provider/adapters/paging.ts), it is never used incomplete.
 */
export const ESA_MAX_PAGES = 100;

/**
 * How far inside the 3-day history (seed 001: "InvalidTime: The query time cannot exceed the last 3 days") a window
 * starts at the earliest: our clock and the server's may differ, and a start a few seconds too old is refused with
 * `InvalidTime`, which would read as "history gone". Tasks in the last minutes before they age out are then no longer
 * listed; the lifecycle keeps their last known state (provider/model/history.ts).
 */
export const ESA_HISTORY_MARGIN_MS = 5 * 60_000;

/**
 * How long the zone learnt for `CreateTime` (query.ts) is remembered for an account (provider/adapters/memory.ts): a
 * server's zone does not change, so a day covers any `pulumi up`.
 */
export const ESA_ZONE_TTL_MS = 24 * 3_600_000;

/** The `QuotaNames` entry for prefetch (SDK model ListInstanceQuotasRequest.quotaNames: "preload: prefetch", §A.3). */
export const ESA_PRELOAD_QUOTA = "preload";

/**
 * Most URLs one `PurgeCaches` (`Type: file`) call may carry: **not documented** (esa20240910 PurgeCachesRequest, the
 * API page https://www.alibabacloud.com/help/en/edge-security-acceleration/esa/api-esa-2024-09-10-purgecaches; ledger
 * PG-7). The prefetch side's assumption (provider/model/limits.ts `URLS_PER_REQUEST`, 100) is kept: a larger real
 * limit only costs more requests.
 */
export const ESA_PURGE_URLS_PER_REQUEST = URLS_PER_REQUEST["alibaba-esa"];

/** The URL purge type of `PurgeCaches`, `DescribePurgeTasks` and `GetPurgeQuota` (esa20240910 PurgeCachesRequest.type: "file"). */
export const ESA_PURGE_FILE_TYPE = "file";
