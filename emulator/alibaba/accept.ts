/**
 * What every accepted submit does, whatever the product: check the daily quota, plan each URL's fate
 * (`ctx.plan`), spend the quota and store one task per URL.
 */
import { AlibabaError } from "./errors";
import { dailyQuota } from "./quota";
import type { AlibabaProduct, Call } from "./types";
import type { SubmittedUrl } from "./urls";

/** Throws `QuotaExceeded.Preload` when `urls` more URLs would pass today's quota (cloud-apis.md §A.1). */
export function checkQuota(call: Call, product: AlibabaProduct, urls: number): void {
  const used = call.state.quota.usedOn(product, call.now);
  if (used + urls > dailyQuota(call, product)) throw new AlibabaError("QuotaExceeded.Preload");
}

/** Stores the URLs of an accepted submit; `taskIdOf(i)` is the id of the i-th URL. */
export function acceptUrls(call: Call, product: AlibabaProduct, urls: SubmittedUrl[], taskIdOf: (i: number) => string, siteId: string | null = null): void {
  call.state.quota.consume(product, urls.length, call.now);
  call.state.tasks.add(
    urls.map((u, i) => ({ product, taskId: taskIdOf(i), url: u.url, domain: u.domain, siteId, createdAt: call.now, plan: call.ctx.plan(u.url) })),
  );
}
