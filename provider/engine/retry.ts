/**
 * The retry policy for cloud calls. It reads only the classification adapters put on a {@link CloudError} (`kind`,
 * `retryAfterMs`), never vendor codes, and retries only what the error proves safe:
 * - a **submit** is retried when the error proves the cloud accepted nothing: `throttled` (refused by rate limiting),
 *   `busy` (the domain/site is being configured or not online yet; bounded by {@link BUSY_RETRY_WINDOW_MS}) and
 *   `unreached` (the request never left: connection refused, DNS). A `transient` failure of a submit may have been
 *   accepted: it is thrown at once and the caller records an uncertain batch to reconcile;
 * - **queries and quota reads** are retried on everything transient: `throttled`, `busy`, `unreached`, `transient`;
 * - everything else (auth, quota, invalid, notFound, unknown) and every non-CloudError (a TypeError is a programmer
 *   error) is thrown at once.
 * The error finally thrown carries `attempts` and `totalRetryDelayMs`, for the user-facing message.
 */
import type { Clock } from "./clock";
import { fullJitterDelay } from "./backoff";
import { isCloudError, type CloudError, type ErrorKind } from "../model/errors";
import { BUSY_RETRY_WINDOW_MS } from "../model/limits";

/** Which kind of call is retried: decides which errors are safe to retry. */
export type CallKind = "submit" | "query" | "quota";

/** Options of {@link withRetry}. */
export interface RetryOptions {
  clock: Clock;
  /** `submit` for calls that create tasks; `query`/`quota` for reads (safe to repeat). */
  call: CallKind;
  /** Total calls for `throttled`/`transient` errors, first one included (default {@link RETRY_DEFAULTS}.maxAttempts). */
  maxAttempts?: number;
  /** Backoff ceiling of the first retry after a transient error, in ms. */
  baseDelayMs?: number;
  /** Backoff ceiling of the first retry after throttling, in ms (larger: the quota window must pass). */
  throttleBaseDelayMs?: number;
  /** Largest delay between two calls, in ms; also clamps the server's `retryAfterMs`. */
  maxDelayMs?: number;
  /** How long `busy` refusals are retried, from the first one, in ms (default {@link BUSY_RETRY_WINDOW_MS}). */
  busyWindowMs?: number;
  /** How long `unreached` failures are retried, from the first one, in ms (default {@link RETRY_DEFAULTS}.unreachedWindowMs). */
  unreachedWindowMs?: number;
  /** Uniform in [0, 1); default `Math.random`. Tests pin it. */
  random?: () => number;
  /** Called before each sleep; `attempt` is the number of the call that just failed (1-based). */
  onRetry?: (info: { attempt: number; delayMs: number; error: CloudError }) => void;
}

/** Defaults of {@link RetryOptions}. */
export const RETRY_DEFAULTS = {
  /**
   * smithy's standard mode uses 3 (https://github.com/smithy-lang/smithy-typescript/blob/main/packages/util-retry/src/config.ts);
   * 5 here because the per-account QPS limits are shared by every resource in the stack and throttling comes in
   * bursts (shared reference cloud-apis.md §D.3: 10–50 QPS per account).
   */
  maxAttempts: 5,
  /** smithy's DEFAULT_RETRY_DELAY_BASE is 100 ms; cloud describes are rate-limited per second, so 500 ms. */
  baseDelayMs: 500,
  /**
   * Alibaba and Tencent limits are per-second flow control (`Throttling.User`, `RequestLimitExceeded`,
   * https://help.aliyun.com/document_detail/51132.html): a first retry ceiling of 2 s lets the window pass.
   */
  throttleBaseDelayMs: 2000,
  /** smithy's MAXIMUM_RETRY_DELAY: https://github.com/smithy-lang/smithy-typescript/blob/main/packages/util-retry/src/constants.ts */
  maxDelayMs: 20_000,
  /**
   * An endpoint that refuses connections (a restart, a load balancer swap, a short outage) is retried for a minute:
   * nothing was sent, so waiting costs only time. Emulator `down` faults and CI network blips are shorter.
   */
  unreachedWindowMs: 60_000,
};

/** True when an error of this kind may be retried for this kind of call (windows and attempt limits aside). */
export function isRetryableKind(kind: ErrorKind, call: CallKind): boolean {
  if (kind === "throttled" || kind === "busy" || kind === "unreached") return true;
  return kind === "transient" && call !== "submit";
}

/** True when the error proves the cloud accepted nothing (a submit that failed so can be forgotten or resent). */
export function provesNothingAccepted(e: unknown): boolean {
  return isCloudError(e) && e.kind !== "transient";
}

/**
 * Runs `fn`, retrying what {@link isRetryableKind} allows with capped exponential backoff and full jitter. A server
 * `retryAfterMs` hint is honoured as a floor, clamped to `maxDelayMs`. `busy` and `unreached` are retried for a time
 * window rather than a number of attempts. Rejects with TypeError on invalid options, before the first call.
 */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const o = resolveOptions(opts);
  let totalDelay = 0;
  const firstSeen = new Map<ErrorKind, number>();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isCloudError(e)) throw e;
      if (!firstSeen.has(e.kind)) firstSeen.set(e.kind, opts.clock.now());
      if (!mayRetry(e, attempt, opts.clock.now() - firstSeen.get(e.kind)!, o, opts.call)) throw stamp(e, attempt, totalDelay);
      const delayMs = retryDelay(e, attempt, o);
      opts.onRetry?.({ attempt, delayMs, error: e });
      await opts.clock.sleep(delayMs);
      totalDelay += delayMs;
    }
  }
}

type Resolved = Required<Pick<RetryOptions, "maxAttempts" | "baseDelayMs" | "throttleBaseDelayMs" | "maxDelayMs" | "random" | "busyWindowMs" | "unreachedWindowMs">>;

function resolveOptions(opts: RetryOptions): Resolved {
  const o: Resolved = {
    maxAttempts: opts.maxAttempts ?? RETRY_DEFAULTS.maxAttempts,
    baseDelayMs: opts.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
    throttleBaseDelayMs: opts.throttleBaseDelayMs ?? RETRY_DEFAULTS.throttleBaseDelayMs,
    maxDelayMs: opts.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
    busyWindowMs: opts.busyWindowMs ?? BUSY_RETRY_WINDOW_MS,
    unreachedWindowMs: opts.unreachedWindowMs ?? RETRY_DEFAULTS.unreachedWindowMs,
    random: opts.random ?? Math.random,
  };
  if (opts.call !== "submit" && opts.call !== "query" && opts.call !== "quota") throw new TypeError(`call must be submit, query or quota, got ${String(opts.call)}`);
  if (!Number.isInteger(o.maxAttempts) || o.maxAttempts < 1) throw new TypeError(`maxAttempts must be an integer ≥ 1, got ${o.maxAttempts}`);
  for (const k of ["baseDelayMs", "throttleBaseDelayMs", "maxDelayMs", "busyWindowMs", "unreachedWindowMs"] as const) {
    if (!Number.isFinite(o[k]) || o[k] < 0) throw new TypeError(`${k} must be a finite number ≥ 0, got ${o[k]}`);
  }
  return o;
}

/** Whether failed call `attempt` may be retried; `sinceFirstMs` is the time since this kind of error was first seen. */
function mayRetry(e: CloudError, attempt: number, sinceFirstMs: number, o: Resolved, call: CallKind): boolean {
  if (!isRetryableKind(e.kind, call)) return false;
  if (e.kind === "busy") return sinceFirstMs < o.busyWindowMs;
  if (e.kind === "unreached") return sinceFirstMs < o.unreachedWindowMs;
  return attempt < o.maxAttempts;
}

/** The sleep after failed call `attempt`: full jitter on the kind's base, at least the server hint, capped. */
function retryDelay(e: CloudError, attempt: number, o: Resolved): number {
  const baseMs = e.kind === "throttled" || e.kind === "busy" ? o.throttleBaseDelayMs : o.baseDelayMs;
  const computed = fullJitterDelay({ attempt, baseMs, capMs: o.maxDelayMs, random: o.random });
  const hint = e.retryAfterMs !== null && e.retryAfterMs !== undefined && e.retryAfterMs > 0 ? e.retryAfterMs : 0;
  return Math.min(o.maxDelayMs, Math.max(computed, hint));
}

function stamp(e: CloudError, attempts: number, totalRetryDelayMs: number): CloudError {
  e.attempts = attempts;
  e.totalRetryDelayMs = totalRetryDelayMs;
  return e;
}
