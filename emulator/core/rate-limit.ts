/**
 * The vendors' per-account rate limits, enforced as a token bucket per (account key id, product, action) when
 * `config.rateLimits.enabled` is true (default off). The buckets run on the WALL clock: they model real throttling, so a
 * burst of real calls meets it whatever the virtual clock does. A call over its action's rate is refused with the
 * product's own throttling error (the module's `throttle` fault answer: EdgeOne `teo.throttleCode`, Alibaba
 * `alibaba.throttleCode`) and counted in `stats.throttled`.
 *
 * Bucket: capacity = the action's calls per second (one second's burst), refilled continuously at that rate.
 */
import type { Product } from "./types";

/** `config.rateLimits`. */
export interface RateLimitConfig {
  /** Enforce the limits (default false: no call is ever throttled by rate). */
  enabled: boolean;
  /** Multiplies every rate (default 1): `0.1` makes a limit of 20/s a limit of 2/s, for load tests on a laptop. */
  scale?: number;
  /** Calls per second by `product:Action` (e.g. `"teo:CreatePrefetchTask": 5`), overriding the table; not scaled. */
  perAction?: Record<string, number>;
}

/** One documented (or chosen) per-account rate. */
export interface DocumentedRate {
  /** Calls per second per account. */
  qps: number;
  /** Where the figure comes from; "emulator choice" where the vendor documents none. */
  source: string;
}

/** Per-account calls per second, by `product:Action`. */
export const DOCUMENTED_RATES: Readonly<Record<string, DocumentedRate>> = Object.freeze({
  // Alibaba CDN (cloud-apis.md §A.1, §D.3).
  "cdn:PushObjectCache": { qps: 50, source: "https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache; cloud-apis.md §D.3" },
  "cdn:DescribeRefreshTaskById": { qps: 30, source: "cloud-apis.md §A.1, §D.3 (SDK model)" },
  // The SDK says 10/s, the current doc 5/s (cloud-apis.md §D.3): the SDK figure is used, `perAction` sets the other.
  "cdn:DescribeRefreshTasks": { qps: 10, source: "cloud-apis.md §D.3 (SDK; the current doc says 5)" },
  "cdn:DescribePreloadDetailById": { qps: 30, source: "cloud-apis.md §D.3" },
  "cdn:DescribeRefreshQuota": { qps: 20, source: "emulator choice: not in cloud-apis.md §D.3; DCDN's DescribeDcdnRefreshQuota figure" },
  // Alibaba DCDN (cloud-apis.md §A.2, §D.3).
  "dcdn:PreloadDcdnObjectCaches": { qps: 15, source: "https://alibabacloud.com/help/en/doc-detail/130636.html; cloud-apis.md §D.3" },
  "dcdn:DescribeDcdnRefreshTaskById": { qps: 30, source: "cloud-apis.md §A.2, §D.3" },
  "dcdn:DescribeDcdnRefreshTasks": { qps: 10, source: "cloud-apis.md §D.3" },
  "dcdn:DescribeDcdnRefreshQuota": { qps: 20, source: "https://alibabacloud.com/help/en/doc-detail/131402.html; cloud-apis.md §D.3" },
  // Alibaba ESA: no page documents a rate (cloud-apis.md §D.3 "not documented"); 10/s, the lowest figure the sibling
  // CDN/DCDN list APIs document, is chosen so that a client tolerating ESA meets the strictest plausible limit.
  "esa:PreloadCaches": { qps: 10, source: "emulator choice: undocumented (cloud-apis.md §D.3)" },
  "esa:DescribePreloadTasks": { qps: 10, source: "emulator choice: undocumented (cloud-apis.md §D.3)" },
  "esa:ListInstanceQuotas": { qps: 10, source: "emulator choice: undocumented (cloud-apis.md §D.3)" },
  "esa:ListInstanceQuotasWithUsage": { qps: 10, source: "emulator choice: undocumented (cloud-apis.md §D.3)" },
  // Tencent EdgeOne (cloud-apis.md §A.4, §D.3).
  "teo:CreatePrefetchTask": { qps: 20, source: "https://tencentcloud.com/document/api/1145/50537; cloud-apis.md §A.4, §D.3" },
  "teo:DescribePrefetchTasks": { qps: 20, source: "seed 003 ('A maximum of 20 requests can be initiated per second'); cloud-apis.md §D.3" },
  "teo:DescribeContentQuota": { qps: 20, source: "https://www.tencentcloud.com/document/product/1145/50534; cloud-apis.md §A.4" },
  // Purge actions (FIDELITY.md "Purge").
  "cdn:RefreshObjectCaches": { qps: 50, source: "cdn20180510 client.d.ts:28570 ('up to 50 times per second per account')" },
  "dcdn:RefreshDcdnObjectCaches": { qps: 30, source: "dcdn20180115 client.d.ts:34233 ('up to 30 times per second per account')" },
  "esa:PurgeCaches": { qps: 10, source: "emulator choice: undocumented (cloud-apis.md §D.3 lists no ESA rate); the ESA prefetch figure" },
  "esa:DescribePurgeTasks": { qps: 10, source: "emulator choice: undocumented (cloud-apis.md §D.3 lists no ESA rate); the ESA prefetch figure" },
  "esa:GetPurgeQuota": { qps: 10, source: "emulator choice: undocumented (cloud-apis.md §D.3 lists no ESA rate); the ESA prefetch figure" },
  "teo:CreatePurgeTask": { qps: 20, source: "emulator choice: CreatePrefetchTask's 20/s (cloud-apis.md §D.3); the purge page's figure was not checked" },
  "teo:DescribePurgeTasks": { qps: 20, source: "emulator choice: DescribePrefetchTasks' 20/s (seed 003); the purge page's figure was not checked" },
});

/** The verdict on one call. */
export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

/** Token buckets per (key id, product, action). */
export interface RateLimiter {
  admit(keyId: string, product: Product, action: string, config: RateLimitConfig | undefined): Admission;
  reset(): void;
}

/** The rate in force for an action, calls per second; null: unlimited (not enabled, or no figure for the action). */
export function rateFor(product: Product, action: string, config: RateLimitConfig | undefined): number | null {
  if (!config?.enabled) return null;
  const key = `${product}:${action}`;
  const override = config.perAction?.[key];
  if (override !== undefined) return override;
  const documented = DOCUMENTED_RATES[key];
  return documented ? documented.qps * (config.scale ?? 1) : null;
}

/** Throws a RangeError naming the problem with a `rateLimits` patch. */
export function validateRateLimits(v: unknown): void {
  if (v === undefined) return;
  const o = v as RateLimitConfig;
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new RangeError("rateLimits must be an object");
  if (o.enabled !== undefined && typeof o.enabled !== "boolean") throw new RangeError("rateLimits.enabled must be a boolean");
  if (o.scale !== undefined && !(typeof o.scale === "number" && o.scale > 0 && Number.isFinite(o.scale))) throw new RangeError("rateLimits.scale must be a positive number");
  if (o.perAction === undefined) return;
  if (o.perAction === null || typeof o.perAction !== "object" || Array.isArray(o.perAction)) throw new RangeError("rateLimits.perAction must be an object of product:Action → calls per second");
  for (const [k, qps] of Object.entries(o.perAction)) {
    if (!/^(teo|cdn|dcdn|esa):[A-Za-z]+$/.test(k)) throw new RangeError(`rateLimits.perAction key ${JSON.stringify(k)} must look like teo:CreatePrefetchTask`);
    if (!(typeof qps === "number" && qps > 0 && Number.isFinite(qps))) throw new RangeError(`rateLimits.perAction[${JSON.stringify(k)}] must be a positive number`);
  }
}

interface Bucket { tokens: number; at: number }

/** Creates empty buckets reading `wall()` (Date.now by default). */
export function createRateLimiter(wall: () => number = Date.now): RateLimiter {
  let buckets = new Map<string, Bucket>();
  return {
    admit(keyId, product, action, config) {
      const rate = rateFor(product, action, config);
      if (rate === null) return { admitted: true };
      const key = `${keyId}|${product}|${action}`;
      const t = wall();
      const capacity = Math.max(1, rate);
      const b = buckets.get(key) ?? { tokens: capacity, at: t };
      b.tokens = Math.min(capacity, b.tokens + ((t - b.at) / 1000) * rate);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { admitted: true };
      }
      return { admitted: false, retryAfterMs: Math.ceil(((1 - b.tokens) / rate) * 1000) };
    },
    reset: () => void (buckets = new Map()),
  };
}
