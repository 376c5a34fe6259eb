/**
 * DCDN action handlers → vendor JSON: PreloadDcdnObjectCaches, DescribeDcdnRefreshTaskById (seed 002),
 * DescribeDcdnRefreshTasks and DescribeDcdnRefreshQuota (cloud-apis.md §A.2).
 */
import { preloadSubmit } from "../alibaba/preload-submit";
import { preloadQuotaFields, refreshQuotaFields, UNMODELLED_QUOTAS } from "../alibaba/quota";
import { refreshSubmit } from "../alibaba/refresh-submit";
import { describeById, describeList } from "../alibaba/refresh-queries";
import type { Handler } from "../alibaba/types";
import { DCDN_LIST } from "./models";

/** PreloadDcdnObjectCaches: ids in `PreloadTaskId`; a full queue queues instead of refusing (§A.2). */
export const preloadDcdnObjectCaches: Handler = preloadSubmit({
  product: "dcdn", idField: "PreloadTaskId", declared: (c) => c.restrict?.dcdnDomains, refuseWhenQueueFull: false,
});

/** DescribeDcdnRefreshTaskById: ≤10 ids, flat `Tasks[]` (seed 002). */
export const describeDcdnRefreshTaskById: Handler = describeById("dcdn");

/** DescribeDcdnRefreshTasks: filters and paging, `Tasks.Task[]`. */
export const describeDcdnRefreshTasks: Handler = describeList({ product: "dcdn", ...DCDN_LIST });

/** DescribeDcdnRefreshQuota: strings only and no `PreloadEdge*` fields. */
export const describeDcdnRefreshQuota: Handler = (call) => ({
  body: { ...UNMODELLED_QUOTAS, ...refreshQuotaFields(call, "dcdnRefresh"), ...preloadQuotaFields(call, "dcdn") },
});

/** RefreshDcdnObjectCaches: URL purge, ids in `RefreshTaskId`, read back by the refresh-task queries with `ObjectType: file` (../alibaba/refresh-submit.ts). */
export const refreshDcdnObjectCaches: Handler = refreshSubmit({ product: "dcdn", declared: (c) => c.restrict?.dcdnDomains });
