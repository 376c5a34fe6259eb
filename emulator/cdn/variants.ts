/** The variants that change CDN answers: its own, then the family's (../alibaba/variants.ts) and the common ones. */
import { busyAfterFirstUse, expiredTaskIds, futureEndTime, listOrder, processCurve, taskIdsPerSubmit, throttleCode, unknownTaskId, urlEcho } from "../alibaba/variants";
import { edgePrefetchOfCached, purgeUrlMethod, tasksUnknownStatus, tasksVisibilityLag } from "../core/common-variants";
import type { VariantDef } from "../core/variants";

/**
 * `cdn.detailForNonAllowListed`: what DescribePreloadDetailById answers to an account that is not on its allow list
 * (`config.alibaba.preloadDetailAllowed` false).
 */
export const detailForNonAllowListed: VariantDef = {
  name: "cdn.detailForNonAllowListed",
  products: ["cdn"],
  values: ["forbidden", "emptyOk", "serverError"],
  behaviour: {
    forbidden: "refused with Forbidden (HTTP 403, 'This operation is available only to users in the whitelist')",
    emptyOk: "HTTP 200 with TotalCount 0 and no UrlDetails, as for a task the API does not know",
    serverError: "refused with InternalError (HTTP 500)",
  },
  why:
    "Seed 000 (https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-describepreloaddetailbyid) " +
    "says only allow-listed accounts may call it and lists no error code for the others; its error table has no 403.",
};

/**
 * `cdn.preloadQuotaFields`: which `DescribeRefreshQuota` pair a `PushObjectCache` spends, `PreloadQuota`/`PreloadRemain`
 * or the L1 `PreloadEdgeQuota`/`PreloadEdgeRemain`, and whether `L2Preload` changes that.
 */
export const preloadQuotaReading: VariantDef = {
  name: "cdn.preloadQuotaFields",
  products: ["cdn"],
  values: ["preload", "edgeUnlessL2", "edgeForL2"],
  behaviour: {
    preload: "every prefetch spends PreloadQuota/PreloadRemain; PreloadEdge* is reported full and never spent",
    edgeUnlessL2: "a prefetch without L2Preload=true spends PreloadEdgeQuota/PreloadEdgeRemain (20 a day, the documented example); L2Preload=true spends Preload*",
    edgeForL2: "L2Preload=true spends PreloadEdge* (20 a day); every other prefetch spends Preload*",
  },
  why:
    "The fr DescribeRefreshQuota page reads Preload* as the daily prefetch quota and PreloadEdge* as a separate L1 quota " +
    "(https://www.alibabacloud.com/help/fr/cdn/developer-reference/api-cdn-2018-05-10-describerefreshquota); the SDK 5.0.0 " +
    "field comments and the ja page are shifted between fields (cloud-apis.md §A.1), and PushObjectCache's L2Preload=false " +
    "means 'prefetch to L1 nodes' (cdn-sdk PushObjectCacheRequest.l2Preload), so which pair a prefetch spends is not known.",
};

/** Every variant that changes CDN answers. */
export const CDN_VARIANTS: readonly VariantDef[] = [
  detailForNonAllowListed, preloadQuotaReading, busyAfterFirstUse, futureEndTime, throttleCode, urlEcho, taskIdsPerSubmit,
  expiredTaskIds, unknownTaskId, listOrder, processCurve, tasksVisibilityLag, tasksUnknownStatus, edgePrefetchOfCached, purgeUrlMethod,
];
