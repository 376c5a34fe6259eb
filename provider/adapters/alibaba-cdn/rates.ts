/**
 * Alibaba Cloud CDN (2018-05-10) per-account API rates, calls per second, as documented (cloud-apis.md §A.1, §D.3;
 * ledger CDN-17). The provider uses a share of each (adapters/rate-gate.ts, `cdnPrefetch:apiRateShare`).
 */
import type { ActionRates } from "../rate-gate";

/** The CDN actions the client calls. */
export type CdnAction = "PushObjectCache" | "DescribeRefreshTaskById" | "DescribeRefreshTasks" | "DescribePreloadDetailById" | "DescribeRefreshQuota"
  | "RefreshObjectCaches";

/**
 * - `PushObjectCache`: 50/s (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache; cdn-sdk PushObjectCacheRequest; §D.3).
 * - `DescribeRefreshTaskById`: 30/s (seed 002; cloud-apis.md §A.1, §D.3).
 * - `DescribeRefreshTasks`: 5/s, the stricter of two figures: the SDK 5.0.0 model says 10, the current page 5
 *   (https://alibabacloud.com/help/en/cdn/api-describerefreshtasks; §D.3). Only reconciliation lists, rarely.
 * - `DescribePreloadDetailById`: 30/s (seed 000; §D.3).
 * - `DescribeRefreshQuota`: 20/s ("The maximum number of times that each user can call this operation per second is
 *   20", https://www.alibabacloud.com/help/en/alibaba-cloud-cdn/latest/describerefreshquota; ledger CDN-17).
 * - `RefreshObjectCaches` (URL purge): 50/s ("You can call the RefreshObjectCaches operation up to 50 times per second
 *   per account", cdn20180510 client.d.ts `refreshObjectCachesWithOptions` remarks; ledger PG-4).
 */
export const CDN_RATES: ActionRates<CdnAction> = Object.freeze({
  PushObjectCache: 50,
  DescribeRefreshTaskById: 30,
  DescribeRefreshTasks: 5,
  DescribePreloadDetailById: 30,
  DescribeRefreshQuota: 20,
  RefreshObjectCaches: 50,
});
