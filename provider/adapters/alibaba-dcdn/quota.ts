/**
 * DCDN quota: `DescribeDcdnRefreshQuota` `PreloadQuota` / `PreloadRemain` (strings; DCDN has no `PreloadEdge*`, so
 * `L2Preload` has one candidate pair; alibaba/quota.ts `refreshQuota`, cloud-apis.md §A.2). The figure is the
 * account's and is remembered for the process (adapters/quota-memory.ts; submit.ts spends from it).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QuotaInfo } from "../../model/task";
import { readRefreshQuota } from "../alibaba/quota";
import type { QuotaRead } from "../quota-memory";
import type { DcdnApi } from "./client";

/** Reads the daily prefetch quota. */
export async function quotaDcdn(api: DcdnApi, spec: AlibabaCdnSpec, how?: QuotaRead): Promise<QuotaInfo | null> {
  return readRefreshQuota(api, spec.l2Preload, how);
}
