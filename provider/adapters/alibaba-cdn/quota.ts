/**
 * CDN quota: `DescribeRefreshQuota` (cloud-apis.md §A.1). Which pair a submit consumes, `Preload*` or the L1
 * `PreloadEdge*`, with or without `L2Preload`, is unknown (the fr page and the SDK field comments disagree), so the
 * larger of the two remainders is reported, an upper bound under every reading (alibaba/quota.ts `refreshQuota` says
 * why). `Area` has no quota field of its own. `perRequest` is fixed (100): null.
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QuotaInfo } from "../../model/task";
import { refreshQuota } from "../alibaba/quota";
import type { CdnApi } from "./client";

/** Reads the daily prefetch quota (an upper bound of what the spec's submits may spend). */
export async function quotaCdn(api: CdnApi, spec: AlibabaCdnSpec): Promise<QuotaInfo> {
  return refreshQuota(await api.quota(), spec.l2Preload);
}
