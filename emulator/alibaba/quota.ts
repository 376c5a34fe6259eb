/**
 * Daily prefetch quotas, counted in URLs per product and reset at 00:00 UTC+8 of the virtual clock
 * (https://www.alibabacloud.com/help/en/cdn/user-guide/quota-management: "Daily (replenished at 00:00:00 UTC+8)"),
 * and the refresh-quota fields CDN and DCDN report alike.
 */
import { utc8Day } from "./time";
import type { AlibabaProduct, Call } from "./types";

/** URLs used today, per product. */
export class DailyQuota {
  private used = new Map<AlibabaProduct, { day: number; urls: number }>();

  /** URLs already used on the UTC+8 day of `now`. */
  usedOn(product: AlibabaProduct, now: number): number {
    const u = this.used.get(product);
    return u && u.day === utc8Day(now) ? u.urls : 0;
  }

  /** Counts `urls` more URLs for today. */
  consume(product: AlibabaProduct, urls: number, now: number): void {
    this.used.set(product, { day: utc8Day(now), urls: this.usedOn(product, now) + urls });
  }

  /** Forgets all usage. */
  clear(): void {
    this.used.clear();
  }
}

/** The daily URL quota configured for a product. */
export function dailyQuota(call: Call, product: AlibabaProduct): number {
  return call.ctx.config.quotas[product].daily;
}

/**
 * Refresh (not prefetch) quotas of CDN and DCDN are not modelled; they are reported full at the values of the
 * documented example (cloud-apis.md §A.1 DescribeRefreshQuota). Every field is a string.
 */
export const UNMODELLED_QUOTAS: Readonly<Record<string, string>> = {
  UrlQuota: "2000", UrlRemain: "2000", DirQuota: "100", DirRemain: "100", RegexQuota: "20", RegexRemain: "20",
  IgnoreParamsQuota: "100", IgnoreParamsRemain: "100", BlockQuota: "300", BlockRemain: "300",
};

/** `PreloadQuota`/`PreloadRemain` as strings, from the configured daily quota and today's usage. */
export function preloadQuotaFields(call: Call, product: "cdn" | "dcdn"): Record<string, string> {
  const daily = dailyQuota(call, product);
  const remain = Math.max(0, daily - call.state.quota.usedOn(product, call.now));
  return { PreloadQuota: String(daily), PreloadRemain: String(remain) };
}
