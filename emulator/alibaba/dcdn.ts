/**
 * Alibaba Cloud DCDN, API version 2018-01-15 (cloud-apis.md §A.2): PreloadDcdnObjectCaches,
 * DescribeDcdnRefreshTaskById, DescribeDcdnRefreshTasks, DescribeDcdnRefreshQuota.
 */
import type { ProductDef } from "./action";
import { UNMODELLED_QUOTAS, preloadQuotaFields } from "./cdn";
import { preloadSubmitAction } from "./preload-submit";
import { describeByIdAction, describeListAction } from "./refresh-queries";

/** The DCDN product definition. */
export function dcdnProduct(): ProductDef {
  return {
    product: "dcdn",
    code: "dcdn",
    version: "2018-01-15",
    hostId: "dcdn.aliyuncs.com",
    actions: {
      PreloadDcdnObjectCaches: preloadSubmitAction({
        product: "dcdn", idField: "PreloadTaskId", declared: (c) => c.restrict?.dcdnDomains, refuseWhenQueueFull: false,
      }),
      DescribeDcdnRefreshTaskById: describeByIdAction("dcdn"),
      // PageSize 1..50, array under Tasks.Task (https://alibabacloud.com/help/en/dcdn/developer-reference/api-dcdn-2018-01-15-describedcdnrefreshtasks)
      DescribeDcdnRefreshTasks: describeListAction({
        product: "dcdn", wrapper: "Task", maxPageSize: 50, objectTypes: ["file", "directory", "path", "preload"],
      }),
      // Strings only and no PreloadEdge* fields (https://alibabacloud.com/help/en/doc-detail/131402.html)
      DescribeDcdnRefreshQuota: { kind: "quota", run: (call) => ({ body: { ...UNMODELLED_QUOTAS, ...preloadQuotaFields(call, "dcdn") } }) },
    },
  };
}
