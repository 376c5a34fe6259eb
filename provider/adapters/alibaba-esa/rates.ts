/**
 * Alibaba Cloud ESA (2024-09-10) per-account API rates, calls per second. **ESA documents none** (cloud-apis.md §D.3
 * "not documented"; ledger ESA-21), so a conservative figure is CHOSEN: 10/s for each action, the lowest rate the
 * sibling DCDN documents for its refresh-family calls (`DescribeDcdnRefreshTasks`, §D.3) and the figure the emulator
 * enforces for ESA (emulator/core/rate-limit.ts). A higher real limit only leaves room unused; a lower one is met by
 * throttling answers, which the retry policy retries (engine/retry.ts). The provider uses a share of each
 * (adapters/rate-gate.ts, `cdnPrefetch:apiRateShare`).
 */
import type { ActionRates } from "../rate-gate";

/** The ESA actions the client calls. */
export type EsaAction = "PreloadCaches" | "DescribePreloadTasks" | "ListInstanceQuotasWithUsage" | "PurgeCaches" | "DescribePurgeTasks"
  | "GetPurgeQuota";

/**
 * Chosen, not documented: see the file comment. The purge calls (`PurgeCaches`, `DescribePurgeTasks`,
 * `GetPurgeQuota`; issue 11) document no rate either (esa20240910 client.d.ts; ledger PG-7): the same 10/s.
 */
export const ESA_RATES: ActionRates<EsaAction> = Object.freeze({
  PreloadCaches: 10,
  DescribePreloadTasks: 10,
  ListInstanceQuotasWithUsage: 10,
  PurgeCaches: 10,
  DescribePurgeTasks: 10,
  GetPurgeQuota: 10,
});
