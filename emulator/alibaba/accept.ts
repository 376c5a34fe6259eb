/**
 * What every accepted submit does, whatever the product: check the daily quota, plan each URL's fate
 * (`ctx.plan`), spend the quota and store one task per URL.
 */
import type { Product } from "../core/types";
import type { Call } from "./action";
import { AlibabaError } from "./errors";
import type { SubmittedUrl } from "./urls";

/** The daily URL quota configured for a product. */
export function dailyQuota(call: Call, product: "cdn" | "dcdn" | "esa"): number {
  return call.ctx.config.quotas[product].daily;
}

/** Throws `QuotaExceeded.Preload` when `urls` more URLs would pass today's quota (cloud-apis.md §A.1). */
export function checkQuota(call: Call, product: "cdn" | "dcdn" | "esa", urls: number): void {
  const used = call.state.quota.usedOn(product, call.now);
  if (used + urls > dailyQuota(call, product)) throw new AlibabaError("QuotaExceeded.Preload");
}

/** Stores the URLs of an accepted submit; `taskIdOf(i)` is the id of the i-th URL. */
export function acceptUrls(call: Call, product: Product, urls: SubmittedUrl[], taskIdOf: (i: number) => string, siteId: string | null = null): void {
  call.state.quota.consume(product, urls.length, call.now);
  call.state.tasks.add(
    urls.map((u, i) => ({ product, taskId: taskIdOf(i), url: u.url, domain: u.domain, siteId, createdAt: call.now, plan: call.ctx.plan(u.url) })),
  );
}
