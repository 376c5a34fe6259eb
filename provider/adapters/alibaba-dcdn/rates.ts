/**
 * Alibaba Cloud DCDN (2018-01-15) per-account API rates, calls per second, as documented (cloud-apis.md §A.2, §D.3).
 * The provider uses a share of each (adapters/rate-gate.ts, `cdnPrefetch:apiRateShare`).
 */
import type { ActionRates } from "../rate-gate";

/** The DCDN actions the client calls. */
export type DcdnAction = "PreloadDcdnObjectCaches" | "DescribeDcdnRefreshTaskById" | "DescribeDcdnRefreshTasks" | "DescribeDcdnRefreshQuota"
  | "RefreshDcdnObjectCaches";

/**
 * - `PreloadDcdnObjectCaches`: 15/s (https://alibabacloud.com/help/en/doc-detail/130636.html; §D.3).
 * - `DescribeDcdnRefreshTaskById`: 30/s (cloud-apis.md §A.2, §D.3).
 * - `DescribeDcdnRefreshTasks`: 10/s (cloud-apis.md §D.3).
 * - `DescribeDcdnRefreshQuota`: 20/s ("You can call this operation up to 20 times per second per account",
 *   https://alibabacloud.com/help/en/doc-detail/131402.html; §A.2).
 * - `RefreshDcdnObjectCaches` (URL purge): 30/s ("You can call this operation up to 30 times per second per account",
 *   dcdn20180115 client.d.ts `refreshDcdnObjectCachesWithOptions` remarks, https://help.aliyun.com/document_detail/130620.html;
 *   ledger PG-4).
 */
export const DCDN_RATES: ActionRates<DcdnAction> = Object.freeze({
  PreloadDcdnObjectCaches: 15,
  DescribeDcdnRefreshTaskById: 30,
  DescribeDcdnRefreshTasks: 10,
  DescribeDcdnRefreshQuota: 20,
  RefreshDcdnObjectCaches: 30,
});
