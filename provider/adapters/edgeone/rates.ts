/**
 * EdgeOne (TEO 2022-09-01) per-account API rates, calls per second, as documented (cloud-apis.md §A.4, §D.3; ledger
 * EO-23). The provider uses a share of each (adapters/rate-gate.ts, `cdnPrefetch:apiRateShare`).
 */
import type { ActionRates } from "../rate-gate";

/** The TEO actions the client calls. */
export type TeoAction = "CreatePrefetchTask" | "DescribePrefetchTasks" | "DescribeContentQuota" | "CreatePurgeTask" | "DescribePurgeTasks";

/**
 * - `CreatePrefetchTask`: 20/s (https://www.tencentcloud.com/document/api/1145/50537; cloud-apis.md §A.4, §D.3).
 * - `DescribePrefetchTasks`: 20/s (seed 003: "A maximum of 20 requests can be initiated per second"; §D.3).
 * - `DescribeContentQuota`: 20/s (https://www.tencentcloud.com/document/product/1145/50534; cloud-apis.md §A.4).
 * - `CreatePurgeTask`: 20/s ("A maximum of 20 requests can be initiated per second for this API",
 *   https://www.tencentcloud.com/document/api/1145/47132, the 2022-01-06 page; the 2022-09-01 action keeps its name).
 * - `DescribePurgeTasks`: 20/s ("A maximum of 20 requests can be initiated per second for this API",
 *   https://www.tencentcloud.com/document/api/1145/50532, 2022-09-01).
 */
export const TEO_RATES: ActionRates<TeoAction> = Object.freeze({
  CreatePrefetchTask: 20,
  DescribePrefetchTasks: 20,
  DescribeContentQuota: 20,
  CreatePurgeTask: 20,
  DescribePurgeTasks: 20,
});
