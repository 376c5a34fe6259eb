/**
 * What a resource asks a cloud to prefetch, after validation: one discriminated union member per cloud.
 * Adapters receive a spec plus the URL slice for one request.
 */

/** EdgeOne (TEO 2022-09-01 `CreatePrefetchTask`) options. */
export interface EdgeOneSpec {
  cloud: "edgeone";
  /** EdgeOne site (zone) id, e.g. `zone-2noz78a8ev6k`. */
  zoneId: string;
  /** `default` (middle tier) or `edge` (edge + middle tier, allow-listed accounts only); null: vendor default. */
  mode: "default" | "edge" | null;
  /** Extra request headers for the origin fetch. */
  headers: Record<string, string>;
  /** Parse M3U8 and prefetch TS segments (allow-listed accounts only); null: vendor default (off). */
  prefetchMediaSegments: boolean | null;
}

/** Alibaba Cloud CDN (`PushObjectCache`) and DCDN (`PreloadDcdnObjectCaches`) options: the two share parameters. */
export interface AlibabaCdnSpec {
  cloud: "alibaba-cdn" | "alibaba-dcdn";
  /** Accelerated domain the URLs must belong to, or null to accept any domain. */
  domain: string | null;
  /** `domestic` (mainland China) or `overseas`; null: follow the domain's coverage. */
  area: "domestic" | "overseas" | null;
  /** Prefetch to L2 POPs as well; null: vendor default (false). */
  l2Preload: boolean | null;
  /** Extra request headers (sent as `WithHeader`, a JSON map of name to array of values). */
  headers: Record<string, string>;
  /** Use the domain's hash-key rules (rewrites, parameter filtering) to find the cache key; null: vendor default. */
  queryHashkey: boolean | null;
}

/** Alibaba Cloud ESA (`PreloadCaches`) options. */
export interface AlibabaEsaSpec {
  cloud: "alibaba-esa";
  /** ESA site id (a number in the API, kept as a decimal string to survive JSON). */
  siteId: string;
  /** The site's proxied hostnames when known, to check URLs against; empty: not checked. */
  hostnames: string[];
  /** Extra request headers (sent as `Headers`, a JSON map of name to value). */
  headers: Record<string, string>;
  /**
   * The site's plan instance id (`sp-xcdn-…`), when known: the prefetch quota is read with `ListInstanceQuotasWithUsage`, which
   * needs it. Unset/null: the adapter reports no quota.
   */
  instanceId?: string | null;
}

/** Any cloud's prefetch spec. */
export type PrefetchSpec = EdgeOneSpec | AlibabaCdnSpec | AlibabaEsaSpec;
