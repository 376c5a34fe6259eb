/**
 * The retry policy for cloud calls. It reads only the classification adapters put on a {@link CloudError}
 * (`kind`, `retryAfterMs`), never vendor codes:
 * - `throttled` is retried for every call: the cloud refused the request, nothing happened server-side;
 * - `transient` is retried only for idempotent calls (describes). A transient failure of a submit may have reached
 *   the server, and resubmitting would create duplicate tasks and spend the daily quota twice;
 * - everything else (auth, quota, invalid, notFound, unknown) and every non-CloudError (a TypeError is a programmer
 *   error) is thrown at once.
 * The error finally thrown carries `attempts` and `totalRetryDelayMs`, for the user-facing message.
 */
import type { Clock } from "./clock";
import { fullJitterDelay } from "./backoff";
import { isCloudError, type CloudError, type ErrorKind } from "../model/errors";

/** Options of {@link withRetry}. */
export interface RetryOptions {
  clock: Clock;
  /** True for calls that are safe to repeat (queries); false for submits. */
  idempotent: boolean;
  /** Total calls, first one included (default {@link RETRY_DEFAULTS}.maxAttempts). */
  maxAttempts?: number;
  /** Backoff ceiling of the first retry after a transient error, in ms. */
  baseDelayMs?: number;
  /** Backoff ceiling of the first retry after throttling, in ms (larger: the quota window must pass). */
  throttleBaseDelayMs?: number;
  /** Largest delay between two calls, in ms; also clamps the server's `retryAfterMs`. */
  maxDelayMs?: number;
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
};

/** True when an error of this kind may be retried for a call of this idempotency. */
export function isRetryableKind(kind: ErrorKind, idempotent: boolean): boolean {
  return kind === "throttled" || (kind === "transient" && idempotent);
}

/**
 * Runs `fn`, retrying classified throttling (always) and transient (idempotent calls only) failures with capped
 * exponential backoff and full jitter. A server `retryAfterMs` hint is honoured as a floor, clamped to `maxDelayMs`.
 * Rejects with TypeError on invalid options, before the first call.
 */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const o = resolveOptions(opts);
  let totalDelay = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isCloudError(e)) throw e;
      if (!isRetryableKind(e.kind, opts.idempotent) || attempt >= o.maxAttempts) throw stamp(e, attempt, totalDelay);
      const delayMs = retryDelay(e, attempt, o);
      opts.onRetry?.({ attempt, delayMs, error: e });
      await opts.clock.sleep(delayMs);
      totalDelay += delayMs;
    }
  }
}

type Resolved = Required<Pick<RetryOptions, "maxAttempts" | "baseDelayMs" | "throttleBaseDelayMs" | "maxDelayMs" | "random">>;

function resolveOptions(opts: RetryOptions): Resolved {
  const o: Resolved = {
    maxAttempts: opts.maxAttempts ?? RETRY_DEFAULTS.maxAttempts,
    baseDelayMs: opts.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
    throttleBaseDelayMs: opts.throttleBaseDelayMs ?? RETRY_DEFAULTS.throttleBaseDelayMs,
    maxDelayMs: opts.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
    random: opts.random ?? Math.random,
  };
  if (!Number.isInteger(o.maxAttempts) || o.maxAttempts < 1) throw new TypeError(`maxAttempts must be an integer ≥ 1, got ${o.maxAttempts}`);
  for (const k of ["baseDelayMs", "throttleBaseDelayMs", "maxDelayMs"] as const) {
    if (!Number.isFinite(o[k]) || o[k] < 0) throw new TypeError(`${k} must be a finite number ≥ 0, got ${o[k]}`);
  }
  return o;
}

/** The sleep after failed call `attempt`: full jitter on the kind's base, at least the server hint, capped. */
function retryDelay(e: CloudError, attempt: number, o: Resolved): number {
  const baseMs = e.kind === "throttled" ? o.throttleBaseDelayMs : o.baseDelayMs;
  const computed = fullJitterDelay({ attempt, baseMs, capMs: o.maxDelayMs, random: o.random });
  const hint = e.retryAfterMs !== null && e.retryAfterMs !== undefined && e.retryAfterMs > 0 ? e.retryAfterMs : 0;
  return Math.min(o.maxDelayMs, Math.max(computed, hint));
}

function stamp(e: CloudError, attempts: number, totalRetryDelayMs: number): CloudError {
  e.attempts = attempts;
  e.totalRetryDelayMs = totalRetryDelayMs;
  return e;
}
