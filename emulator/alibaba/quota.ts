/**
 * Daily prefetch quotas, counted in URLs per product and reset at 00:00 UTC+8 of the virtual clock
 * (https://www.alibabacloud.com/help/en/cdn/user-guide/quota-management: "Daily (replenished at 00:00:00 UTC+8)").
 */
import type { Product } from "../core/types";
import { utc8Day } from "./time";

/** URLs used today, per product. */
export class DailyQuota {
  private used = new Map<Product, { day: number; urls: number }>();

  /** URLs already used on the UTC+8 day of `now`. */
  usedOn(product: Product, now: number): number {
    const u = this.used.get(product);
    return u && u.day === utc8Day(now) ? u.urls : 0;
  }

  /** Counts `urls` more URLs for today. */
  consume(product: Product, urls: number, now: number): void {
    this.used.set(product, { day: utc8Day(now), urls: this.usedOn(product, now) + urls });
  }

  /** Forgets all usage. */
  clear(): void {
    this.used.clear();
  }
}
