/**
 * Prefetch quotas, counted in URLs per product. CDN and DCDN reset at 00:00 UTC+8 of the virtual clock
 * (https://www.alibabacloud.com/help/en/cdn/user-guide/quota-management: "Daily (replenished at 00:00:00 UTC+8)");
 * ESA's period is the `esa.quotaPeriod` variant (esa/models.ts), so usage is kept as dated entries any period can be
 * summed over. Also the refresh-quota fields CDN and DCDN report alike.
 */
import { utc8Day, UTC8_OFFSET_MS } from "./time";
import type { AlibabaProduct, Call } from "./types";

const DAY_MS = 86_400_000;
/** How long usage entries are kept: the longest quota period the variants sum over (30 days) and a day to spare. */
const KEEP_MS = 31 * DAY_MS;

/** Where usage is counted: a product, or `cdnEdge`, CDN's L1 prefetch pool (`PreloadEdge*`, variant `cdn.preloadQuotaFields`). */
export type QuotaKey = AlibabaProduct | "cdnEdge" | PurgeQuotaKey;

/** Where purge (refresh) usage is counted: CDN and DCDN `Url*` refresh quotas, ESA `GetPurgeQuota` `file`. */
export type PurgeQuotaKey = "cdnRefresh" | "dcdnRefresh" | "esaPurge";

interface UsageEntry {
  product: QuotaKey;
  at: number;
  urls: number;
  /** ESA site id; null for CDN/DCDN. */
  site: string | null;
}

/** URLs submitted per product (and ESA site), dated. */
export class QuotaUsage {
  private entries: UsageEntry[] = [];

  /** URLs used since virtual `fromMs` (inclusive), optionally of one ESA site. */
  usedSince(product: QuotaKey, fromMs: number, site?: string): number {
    return this.entries
      .filter((e) => e.product === product && e.at >= fromMs && (site === undefined || e.site === site))
      .reduce((sum, e) => sum + e.urls, 0);
  }

  /** URLs already used on the UTC+8 day of `now` (the CDN/DCDN quota day). */
  usedOn(product: QuotaKey, now: number): number {
    return this.usedSince(product, utc8Day(now) * DAY_MS - UTC8_OFFSET_MS);
  }

  /** ESA sites with usage since `fromMs`. */
  sitesSince(product: QuotaKey, fromMs: number): string[] {
    return [...new Set(this.entries.filter((e) => e.product === product && e.at >= fromMs && e.site !== null).map((e) => e.site as string))];
  }

  /** Counts `urls` more URLs at `now`. */
  consume(product: QuotaKey, urls: number, now: number, site: string | null = null): void {
    this.entries = this.entries.filter((e) => e.at > now - KEEP_MS);
    this.entries.push({ product, at: now, urls, site });
  }

  /** Forgets all usage. */
  clear(): void {
    this.entries = [];
  }
}

/** The daily URL quota configured for a product. */
export function dailyQuota(call: Call, product: AlibabaProduct): number {
  return call.ctx.config.quotas[product].daily;
}

/**
 * Refresh (not prefetch) quotas of CDN and DCDN at the values of the documented example (cloud-apis.md §A.1
 * DescribeRefreshQuota), reported full; `UrlRemain` is overridden by {@link refreshQuotaFields} (URL refreshes are
 * modelled). Every field is a string.
 */
export const UNMODELLED_QUOTAS: Readonly<Record<string, string>> = {
  UrlQuota: "2000", UrlRemain: "2000", DirQuota: "100", DirRemain: "100", RegexQuota: "20", RegexRemain: "20",
  IgnoreParamsQuota: "100", IgnoreParamsRemain: "100", BlockQuota: "300", BlockRemain: "300",
};

/**
 * The CDN/DCDN URL refresh allowance per day: the `UrlQuota` the emulator has always reported (the documented example,
 * cloud-apis.md §A.1), now spent by RefreshObjectCaches / RefreshDcdnObjectCaches. (The SDKs' operation notes give
 * 10,000 URLs a day as the account default: cdn20180510 client.d.ts:28577, dcdn20180115 client.d.ts:34230.)
 */
export const REFRESH_URL_DAILY = Number(UNMODELLED_QUOTAS.UrlQuota);

/** `UrlQuota`/`UrlRemain` as strings, from today's (UTC+8) refresh usage. */
export function refreshQuotaFields(call: Call, key: "cdnRefresh" | "dcdnRefresh"): Record<string, string> {
  const remain = Math.max(0, REFRESH_URL_DAILY - call.state.quota.usedOn(key, call.now));
  return { UrlQuota: String(REFRESH_URL_DAILY), UrlRemain: String(remain) };
}

/** `PreloadQuota`/`PreloadRemain` as strings, from the configured daily quota and today's usage. */
export function preloadQuotaFields(call: Call, product: "cdn" | "dcdn"): Record<string, string> {
  const daily = dailyQuota(call, product);
  const remain = Math.max(0, daily - call.state.quota.usedOn(product, call.now));
  return { PreloadQuota: String(daily), PreloadRemain: String(remain) };
}
