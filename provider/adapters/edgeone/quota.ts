/**
 * EdgeOne quota: `DescribeContentQuota` (cloud-apis.md §A.4). The regular URL prefetch quota is the `prefetch_url`
 * entry; `mode: "edge"` has a quota of its own that does not consume the regular one (teo_models.d.ts
 * `CreatePrefetchTaskRequest.Mode`), so edge mode is never checked against `prefetch_url`. The figure is remembered
 * per zone and mode for the process (adapters/quota-memory.ts; submit.ts spends from it).
 */
import type { EdgeOneSpec } from "../../model/spec";
import type { QuotaInfo } from "../../model/task";
import { rememberedQuota, type QuotaRead } from "../quota-memory";
import type { TeoApi, TeoQuota } from "./client";
import { ALL_ZONES, isEdgePrefetchQuotaType, PREFETCH_URL_QUOTA_TYPE } from "./limits";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The figures of one quota entry. */
function quotaOf(q: TeoQuota): QuotaInfo {
  return { daily: num(q.Daily), remaining: num(q.DailyAvailable), perRequest: num(q.Batch) };
}

/**
 * The key of the quota a spec spends: its zone and mode (edge mode has its own pool), or null for `zoneId: "*"` (the
 * submit spends from the pools of whichever zones its URLs belong to).
 */
export function edgeOneQuotaKey(spec: EdgeOneSpec): string | null {
  if (spec.zoneId === ALL_ZONES) return null;
  return `${spec.zoneId}|${spec.mode === "edge" ? "edge" : "default"}`;
}

/**
 * The quota that applies to `spec`, remembered for the process (quota-memory.ts; `how` asks for a fresh figure or for
 * a remembered one only):
 * - default mode: the `prefetch_url` entry (Daily, DailyAvailable, Batch); null when there is none;
 * - edge mode: the edge entry when the zone lists one (limits.ts `isEdgePrefetchQuotaType`), else no daily figure
 *   (`daily` and `remaining` null: not checked) with the `prefetch_url` entry's `Batch` as the per-request limit (the
 *   request is still one `CreatePrefetchTask`);
 * - `zoneId: "*"`: null without a call (a quota is per zone; `DescribeContentQuota` does not document `*`).
 */
export async function quotaEdgeOne(api: TeoApi, spec: EdgeOneSpec, how?: QuotaRead): Promise<QuotaInfo | null> {
  const key = edgeOneQuotaKey(spec);
  if (key === null) return null;
  return rememberedQuota(api.account, key, how, () => readQuotaEdgeOne(api, spec));
}

/** One `DescribeContentQuota` call, read for `spec`. */
async function readQuotaEdgeOne(api: TeoApi, spec: EdgeOneSpec): Promise<QuotaInfo | null> {
  const res = await api.DescribeContentQuota({ ZoneId: spec.zoneId });
  const entries = (res.PrefetchQuota ?? []).filter((q): q is TeoQuota => q !== null && typeof q === "object");
  const regular = entries.find((q) => q.Type === PREFETCH_URL_QUOTA_TYPE);
  if (spec.mode !== "edge") return regular ? quotaOf(regular) : null;
  const batch = regular ? num(regular.Batch) : null;
  const edge = entries.find((q) => isEdgePrefetchQuotaType(q.Type));
  if (edge) return { ...quotaOf(edge), perRequest: num(edge.Batch) ?? batch };
  return { daily: null, remaining: null, perRequest: batch };
}
