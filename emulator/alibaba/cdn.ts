/**
 * Alibaba Cloud CDN, API version 2018-05-10 (cloud-apis.md §A.1): PushObjectCache, DescribeRefreshTaskById,
 * DescribeRefreshTasks, DescribePreloadDetailById, DescribeRefreshQuota.
 */
import type { ActionDef, Call, ProductDef } from "./action";
import { dailyQuota } from "./accept";
import { preloadDetailAction } from "./preload-detail";
import { preloadSubmitAction } from "./preload-submit";
import { describeByIdAction, describeListAction } from "./refresh-queries";

/**
 * Refresh (not prefetch) quotas are not modelled; they are reported full at the values of the documented example
 * (cloud-apis.md §A.1 DescribeRefreshQuota). Every field is a string.
 */
export const UNMODELLED_QUOTAS: Record<string, string> = {
  UrlQuota: "2000", UrlRemain: "2000", DirQuota: "100", DirRemain: "100", RegexQuota: "20", RegexRemain: "20",
  IgnoreParamsQuota: "100", IgnoreParamsRemain: "100", BlockQuota: "300", BlockRemain: "300",
};
/** L1 ("edge") prefetch quota of the documented example (§A.1); not spent by the emulator. */
const EDGE_QUOTA = "20";

/** `PreloadQuota`/`PreloadRemain` as strings, from the configured daily quota and today's usage. */
export function preloadQuotaFields(call: Call, product: "cdn" | "dcdn"): Record<string, string> {
  const daily = dailyQuota(call, product);
  const remain = Math.max(0, daily - call.state.quota.usedOn(product, call.now));
  return { PreloadQuota: String(daily), PreloadRemain: String(remain) };
}

const describeRefreshQuota: ActionDef = {
  kind: "quota",
  run: (call) => ({
    body: { ...UNMODELLED_QUOTAS, ...preloadQuotaFields(call, "cdn"), PreloadEdgeQuota: EDGE_QUOTA, PreloadEdgeRemain: EDGE_QUOTA },
  }),
};

/** The CDN product definition. */
export function cdnProduct(): ProductDef {
  return {
    product: "cdn",
    code: "Cdn",
    version: "2018-05-10",
    hostId: "cdn.aliyuncs.com",
    actions: {
      PushObjectCache: preloadSubmitAction({
        product: "cdn", idField: "PushTaskId", declared: (c) => c.restrict?.cdnDomains, refuseWhenQueueFull: true,
      }),
      DescribeRefreshTaskById: describeByIdAction("cdn"),
      // PageSize 1..100 (https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-describerefreshtasks)
      DescribeRefreshTasks: describeListAction({
        product: "cdn", wrapper: "CDNTask", maxPageSize: 100, objectTypes: ["file", "directory", "regex", "preload"],
      }),
      DescribePreloadDetailById: preloadDetailAction(),
      DescribeRefreshQuota: describeRefreshQuota,
    },
  };
}
