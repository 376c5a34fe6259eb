/**
 * CDN quota: `DescribeRefreshQuota` (cloud-apis.md §A.1). `PreloadQuota`/`PreloadRemain` are the daily prefetch quota;
 * which pair an `L2Preload` submit consumes is unknown (the SDK field comments are shifted), so for `l2Preload: true`
 * the larger of the `Preload*` and `PreloadEdge*` remainders is reported, an upper bound under either reading
 * (alibaba/quota.ts `refreshQuota` says why). `Area` has no quota field of its own. `perRequest` is fixed (100): null.
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QuotaInfo } from "../../model/task";
import { refreshQuota } from "../alibaba/quota";
import type { CdnApi } from "./client";

/** Reads the daily prefetch quota for the spec's `l2Preload`. */
export async function quotaCdn(api: CdnApi, spec: AlibabaCdnSpec): Promise<QuotaInfo> {
  return refreshQuota(await api.quota(), spec.l2Preload);
}
