/**
 * CDN submit and quota: `PushObjectCache` and `DescribeRefreshQuota` (cloud-apis.md §A.1).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QuotaInfo, SubmitResult } from "../../model/task";
import { preloadParams, splitTaskIds } from "../alibaba/push-params";
import { quotaNumber } from "../alibaba/quota";
import type { CdnApi } from "./client";

/**
 * Submits one request. The whole request is accepted or refused (CloudError); CDN has no per-URL rejection.
 * `PushTaskId` may hold several comma-separated ids (merged tasks, §A.1).
 */
export async function submitCdn(api: CdnApi, spec: AlibabaCdnSpec, urls: string[]): Promise<SubmitResult> {
  const body = await api.pushObjectCache(preloadParams(spec, urls));
  return { taskIds: splitTaskIds(body.pushTaskId), rejected: [] };
}

/**
 * Reads the daily prefetch quota: `PreloadQuota` / `PreloadRemain` (strings). The fr reference page defines these as
 * the daily prefetch quota and its remainder; `PreloadEdgeQuota` / `PreloadEdgeRemain` are a separate L1 ("edge")
 * prefetch quota that the doc does not tie to `L2Preload`, so they are not used
 * (https://www.alibabacloud.com/help/fr/cdn/developer-reference/api-cdn-2018-05-10-describerefreshquota; the SDK 5.0.0
 * field comments are shifted by one field and are not trusted, §A.1). `perRequest` is fixed (100), so null.
 */
export async function quotaCdn(api: CdnApi): Promise<QuotaInfo> {
  const body = await api.describeRefreshQuota();
  return { daily: quotaNumber(body.preloadQuota), remaining: quotaNumber(body.preloadRemain), perRequest: null };
}
