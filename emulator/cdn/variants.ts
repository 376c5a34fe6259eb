/** The variants that change CDN answers: its own, then the family's (../alibaba/variants.ts) and the common ones. */
import { busyAfterFirstUse, futureEndTime, throttleCode, urlEcho } from "../alibaba/variants";
import { tasksVisibilityLag } from "../core/common-variants";
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

/** Every variant that changes CDN answers. */
export const CDN_VARIANTS: readonly VariantDef[] = [detailForNonAllowListed, busyAfterFirstUse, futureEndTime, throttleCode, urlEcho, tasksVisibilityLag];
