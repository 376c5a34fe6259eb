/**
 * DCDN quota: `DescribeDcdnRefreshQuota` `PreloadQuota` / `PreloadRemain` (strings; DCDN has no `PreloadEdge*`, so
 * `L2Preload` has one candidate pair; alibaba/quota.ts `refreshQuota`, cloud-apis.md §A.2).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QuotaInfo } from "../../model/task";
import { refreshQuota } from "../alibaba/quota";
import type { DcdnApi } from "./client";

/** Reads the daily prefetch quota. */
export async function quotaDcdn(api: DcdnApi, spec: AlibabaCdnSpec): Promise<QuotaInfo> {
  return refreshQuota(await api.quota(), spec.l2Preload);
}
