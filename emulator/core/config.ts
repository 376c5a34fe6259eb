/**
 * Default emulator configuration and partial merges from the control plane or a config file.
 */
import type { EmulatorConfig } from "./types";

const DAY = 86_400_000;

/**
 * Defaults:
 * - quotas: EdgeOne `Batch` 1000 / `Daily` 10000 (the `DescribeContentQuota` example, cloud-apis.md §A.4);
 *   Alibaba CDN and DCDN 1000 URLs per day (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache, §A.1–A.2);
 *   ESA: plan-dependent and undocumented (§A.3), 1000 chosen;
 * - history: Alibaba queries cover the last 3 days (seed pages 000–002); EdgeOne's retention is not documented, 30 days
 *   chosen (its queries are limited to 7-day ranges, seed 003);
 * - a URL stays in progress 1.5 s by default, so a demo finishes in seconds;
 * - unset, so their defaults apply: `quotas.teo.edgeDaily` (1000, teo/models.ts `EDGE_DAILY_DEFAULT`), `rateLimits`
 *   (not enforced, core/rate-limit.ts), `variants` (each variant's first value).
 */
export function defaultConfig(): EmulatorConfig {
  return {
    restrict: null,
    visibilityLagMs: 0,
    quotas: { teo: { batch: 1000, daily: 10_000 }, cdn: { daily: 1000 }, dcdn: { daily: 1000 }, esa: { daily: 1000 } },
    historyMs: { teo: 30 * DAY, alibaba: 3 * DAY },
    defaultDurationMs: 1500,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Deep-merges `patch` into `base` (arrays and `restrict` are replaced whole). */
export function mergeConfig(base: EmulatorConfig, patch: unknown): EmulatorConfig {
  const merge = (a: unknown, b: unknown, key?: string): unknown => {
    if (key === "restrict" || !isObject(a) || !isObject(b)) return b === undefined ? a : b;
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v, k);
    return out;
  };
  return merge(base, patch) as EmulatorConfig;
}
