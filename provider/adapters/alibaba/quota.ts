/**
 * Alibaba quota figures: the fields are strings ("500"), not numbers (cloud-apis.md §A.1, "Surprises" 10), and the
 * refresh family's prefetch quota (refresh-api.ts).
 */
import type { QuotaInfo } from "../../model/task";
import { rememberedQuota, type QuotaRead } from "../quota-memory";
import type { RefreshApi, RefreshQuotaFields } from "./refresh-api";

/**
 * The key a refresh-family product remembers its quota under (adapters/quota-memory.ts): one per account, since the
 * daily prefetch quota belongs to the account, not to a domain (cloud-apis.md §A.1, §A.2).
 */
export const REFRESH_QUOTA_KEY = "preload";

/** A non-negative integer from a quota string or number; null when absent or not a number. */
export function quotaNumber(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  const t = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.floor(Number(t));
}

/** A daily allowance and what is left of it. */
interface QuotaPair {
  daily: number | null;
  remaining: number | null;
}

/**
 * The prefetch quota of a submit (CDN `DescribeRefreshQuota`, DCDN `DescribeDcdnRefreshQuota`).
 *
 * What is known (cloud-apis.md §A.1): `PreloadQuota`/`PreloadRemain` are the daily prefetch quota and its remainder
 * (https://www.alibabacloud.com/help/fr/cdn/developer-reference/api-cdn-2018-05-10-describerefreshquota); CDN also
 * returns `PreloadEdgeQuota`/`PreloadEdgeRemain`, which that page calls a separate L1 ("edge") prefetch quota. The SDK
 * 5.0.0 field comments speak of an "L1 POPs" and an "L2 POPs" prefetch quota but are shifted between fields, and
 * `L2Preload=false` means "prefetch to L1 nodes" (SDK model PushObjectCacheRequest.l2Preload), so which pair a submit
 * consumes — with or without `L2Preload` — is NOT known (emulator variant `cdn.preloadQuotaFields`: every prefetch
 * spends `Preload*`; a default one spends `PreloadEdge*`; an L2 one does). DCDN has no `PreloadEdge*` (§A.2). No
 * field depends on `Area`.
 *
 * - Only the `Preload*` pair present (DCDN, or a CDN answer without the edge pair): that pair.
 * - Both pairs present: the pair with the LARGER remainder, whatever `l2Preload` says. The remainder is used by the
 *   lifecycle to refuse a run up front ("N URLs but only R left"); under every reading the real remainder is at most
 *   the larger one, so a refusal on it is never wrong, and the smaller one could refuse runs the vendor would accept
 *   (the documented example has 20 edge vs 400 regular). When the real remainder is the smaller one, the vendor
 *   refuses the excess submit with `QuotaExceeded.Preload`, which is reported as the quota error it is (nothing
 *   accepted, the rest left unsubmitted).
 * - Both pairs present and one remainder missing: the remainder is unknown (null: not checked up front).
 *
 * `l2Preload` is kept in the signature so a reading confirmed later can tell the two submits apart again.
 */
export function refreshQuota(f: RefreshQuotaFields, _l2Preload: boolean | null): QuotaInfo {
  const regular: QuotaPair = { daily: quotaNumber(f.preloadQuota), remaining: quotaNumber(f.preloadRemain) };
  if (f.preloadEdgeQuota === undefined && f.preloadEdgeRemain === undefined) return { ...regular, perRequest: null };
  const edge: QuotaPair = { daily: quotaNumber(f.preloadEdgeQuota), remaining: quotaNumber(f.preloadEdgeRemain) };
  if (regular.remaining === null || edge.remaining === null) return { daily: regular.daily, remaining: null, perRequest: null };
  return { ...(edge.remaining > regular.remaining ? edge : regular), perRequest: null };
}

/**
 * The refresh family's prefetch quota ({@link refreshQuota} of `DescribeRefreshQuota` / `DescribeDcdnRefreshQuota`),
 * remembered for the account ({@link REFRESH_QUOTA_KEY}; adapters/quota-memory.ts, `how` as there); the submits spend
 * from it (push-params.ts `submitRefresh`).
 */
export function readRefreshQuota(api: RefreshApi, l2Preload: boolean | null, how?: QuotaRead): Promise<QuotaInfo | null> {
  return rememberedQuota(api.account, REFRESH_QUOTA_KEY, how, async () => refreshQuota(await api.quota(), l2Preload));
}
