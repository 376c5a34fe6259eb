/**
 * The "refresh family": Alibaba CDN (2018-05-10) and DCDN (2018-01-15) prefetch through the same four calls, with the
 * same parameters and task shapes (cloud-apis.md §A.1, §A.2, seed 002). Each product's client.ts implements this
 * interface over its own SDK and unwraps the product's response quirks (DCDN's `Tasks.Task` vs CDN's `Tasks.CDNTask`,
 * `PreloadTaskId` vs `PushTaskId`); the logic built on it lives once, here in alibaba/:
 * - submit: push-params.ts ({@link submitRefresh});
 * - status by id, ≤ 10 ids per call: refresh-tasks.ts ({@link queryRefreshById});
 * - reconciliation by listing: refresh-list.ts (`findRefreshTasks`);
 * - quota: quota.ts (`readRefreshQuota`, remembered per account: adapters/quota-memory.ts).
 */
import type { AccountContext } from "../memory";
import type { PreloadParams } from "./push-params";
import type { RefreshListApi } from "./refresh-list";
import type { RefreshTaskItem } from "./refresh-tasks";

/** The quota fields of `DescribeRefreshQuota` / `DescribeDcdnRefreshQuota` the provider reads (strings, §A.1). */
export interface RefreshQuotaFields {
  preloadQuota?: string;
  preloadRemain?: string;
  /** CDN only (§A.2: DCDN has no `PreloadEdge*`). */
  preloadEdgeQuota?: string;
  /** CDN only. */
  preloadEdgeRemain?: string;
  /** The daily URL refresh (purge) allowance (both products; alibaba/refresh-purge.ts). */
  urlQuota?: string;
  /** What is left of it today. */
  urlRemain?: string;
}

/** One refresh-family product's calls. */
export interface RefreshApi {
  readonly cloud: "alibaba-cdn" | "alibaba-dcdn";
  /** Whose calls these are: the key of the rate limits and of the remembered quota (adapters/quota-memory.ts). */
  readonly account: AccountContext;
  /** `PushObjectCache` / `PreloadDcdnObjectCaches`: the id field of the answer (a comma-separated list). */
  preload(p: PreloadParams): Promise<string | number | null | undefined>;
  /** `DescribeRefreshTaskById` / `DescribeDcdnRefreshTaskById` for at most 10 ids (seed 002). */
  tasksById(ids: readonly string[]): Promise<RefreshTaskItem[]>;
  /** `DescribeRefreshQuota` / `DescribeDcdnRefreshQuota`. */
  quota(): Promise<RefreshQuotaFields>;
  /** `DescribeRefreshTasks` / `DescribeDcdnRefreshTasks`, one page, with the product's paging limits. */
  readonly list: RefreshListApi;
}
