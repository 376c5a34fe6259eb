/**
 * CDN quota: `DescribeRefreshQuota` (cloud-apis.md §A.1). Which pair a submit consumes, `Preload*` or the L1
 * `PreloadEdge*`, with or without `L2Preload`, is unknown (the fr page and the SDK field comments disagree), so the
 * larger of the two remainders is reported, an upper bound under every reading (alibaba/quota.ts `refreshQuota` says
 * why). `Area` has no quota field of its own. `perRequest` is fixed (100): null. The figure is the account's, whatever
 * the spec, and is remembered for the process (adapters/quota-memory.ts; submit.ts spends from it).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QuotaInfo } from "../../model/task";
import { readRefreshQuota } from "../alibaba/quota";
import type { QuotaRead } from "../quota-memory";
import type { CdnApi } from "./client";

/** Reads the daily prefetch quota (an upper bound of what the spec's submits may spend). */
export async function quotaCdn(api: CdnApi, spec: AlibabaCdnSpec, how?: QuotaRead): Promise<QuotaInfo | null> {
  return readRefreshQuota(api, spec.l2Preload, how);
}
