/**
 * What every accepted submit does, whatever the product: check the quota pool the submit spends, plan each URL's fate
 * (`ctx.plan`), spend the quota, store one task per URL and report it to the edge model (core/edge.ts); the same for
 * purge (refresh) submits.
 */
import { prefetchRefreshesCached, urlPurgeEffect } from "../core/common-variants";
import { AlibabaError } from "./errors";
import { dailyQuota, type QuotaKey } from "./quota";
import type { AlibabaProduct, Call } from "./types";
import type { SubmittedUrl } from "./urls";

/** The quota a submit spends: where its usage is counted, the allowance, what is used of it now, the refusal code. */
export interface QuotaPool {
  key: QuotaKey;
  allowance: number;
  used: number;
  code: string;
}

/** A product's own daily pool: today's (UTC+8) usage, refused with `QuotaExceeded.Preload` (cloud-apis.md §A.1). */
export function dailyPool(call: Call, product: AlibabaProduct): QuotaPool {
  return { key: product, allowance: dailyQuota(call, product), used: call.state.quota.usedOn(product, call.now), code: "QuotaExceeded.Preload" };
}

/** Throws the pool's refusal when `urls` more URLs would pass its allowance. */
export function checkQuota(pool: QuotaPool, urls: number): void {
  if (pool.used + urls > pool.allowance) throw new AlibabaError(pool.code);
}

/** Stores the URLs of an accepted submit and spends them from `pool`; `taskIdOf(i)` is the id of the i-th URL. */
export function acceptUrls(call: Call, product: AlibabaProduct, urls: SubmittedUrl[], taskIdOf: (i: number) => string,
  pool: QuotaKey, siteId: string | null = null): void {
  call.state.quota.consume(pool, urls.length, call.now, siteId);
  const tasks = urls.map((u, i) => ({ product, taskId: taskIdOf(i), url: u.url, domain: u.domain, siteId, createdAt: call.now, plan: call.ctx.plan(u.url) }));
  call.state.tasks.add(tasks);
  for (const t of tasks) call.ctx.edge?.prefetch(product, t.url, t.createdAt + t.plan.durationMs, t.plan.outcome, prefetchRefreshesCached(call.ctx.config));
}

/**
 * Stores the URLs of an accepted purge (refresh) submit as `refresh` tasks, spends them from `pool` and reports each to
 * the edge model (`Force: true` → `delete`, else `invalidate`, as `purge.urlMethod` lets it; core/edge.ts). The tasks
 * keep the method as sent.
 */
export function acceptPurges(call: Call, product: AlibabaProduct, urls: SubmittedUrl[], taskIdOf: (i: number) => string,
  pool: QuotaKey, force: boolean, siteId: string | null = null): void {
  call.state.quota.consume(pool, urls.length, call.now, siteId);
  const method = force ? "delete" : "invalidate";
  const effect = urlPurgeEffect(call.ctx.config, method);
  const tasks = urls.map((u, i) => ({
    product, taskId: taskIdOf(i), url: u.url, domain: u.domain, siteId, createdAt: call.now, plan: call.ctx.plan(u.url, "purge"),
    kind: "refresh" as const, method,
  } as const));
  call.state.tasks.add(tasks);
  for (const t of tasks) call.ctx.edge?.purge(product, t.url, t.createdAt + t.plan.durationMs, t.plan.outcome, effect);
}
