/**
 * The per-account API rate limits, shared by every resource of the host process: one token bucket
 * (engine/rate-limit.ts) per (cloud, access key id, endpoint, action), at `share` × the vendor's documented calls per
 * second for that action (each family's `rates.ts`, with sources). Every SDK call of a client waits here for a token
 * first (alibaba/call.ts, edgeone/client.ts), so fifty resources polling one account stay together under its limits
 * instead of each spending them on its own (cloud-apis.md §D.3: the limits are per account, ledger ALL-7).
 *
 * The buckets are module state like memory.ts's facts, and for the same reason it is safe: the provider is loaded by
 * name inside Pulumi's host (pulumi-dynamic-providers.md §3.3), one process serves every resource of a stack
 * (§2). They are keyed by the clock as well (memory.ts `AccountContext`), so tests with their own clocks stay apart.
 */
import { burstOf, TokenBucket } from "../engine/rate-limit";
import type { Clock } from "../engine/clock";
import { scopeKey, type AccountContext } from "./memory";

/**
 * The share of each documented rate used when `cdnPrefetch:apiRateShare` is not set: half, so that the user's other
 * tools (consoles, CLIs, Terraform, CI scripts) calling the same account keep the other half.
 */
export const DEFAULT_API_RATE_SHARE = 0.5;

/** Calls per second per account, by action, as the vendor documents them. */
export type ActionRates<A extends string> = Readonly<Record<A, number>>;

/** Waits until `action` may be called. */
export type RateGate<A extends string> = (action: A) => Promise<void>;

let buckets = new WeakMap<Clock, Map<string, TokenBucket>>();

/** The bucket of one action of one account, at `ratePerSecond` (a changed rate applies to the existing bucket). */
export function accountBucket(account: AccountContext, action: string, ratePerSecond: number): TokenBucket {
  let byKey = buckets.get(account.clock);
  if (!byKey) buckets.set(account.clock, (byKey = new Map()));
  const key = `${scopeKey(account.scope)}|${action}`;
  const bucket = byKey.get(key);
  if (!bucket) {
    const created = new TokenBucket(account.clock, ratePerSecond);
    byKey.set(key, created);
    return created;
  }
  if (bucket.ratePerSecond !== ratePerSecond) bucket.setRate(ratePerSecond, burstOf(ratePerSecond));
  return bucket;
}

/** The gate of a client: each action waits in its account's bucket at `share` × its documented rate. */
export function rateGate<A extends string>(account: AccountContext, rates: ActionRates<A>, share: number = DEFAULT_API_RATE_SHARE): RateGate<A> {
  return (action) => accountBucket(account, action, rates[action] * share).take();
}

/** Forgets every bucket (tests: a fresh process). */
export function forgetRateLimits(): void {
  buckets = new WeakMap();
}
