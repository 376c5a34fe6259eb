/**
 * The generic waiter: poll until a predicate holds or the time budget runs out.
 *
 * - The first poll is immediate; then capped, jittered exponential backoff ({@link pollDelay}).
 * - The last poll is timed to land exactly at the deadline: a sleep never runs past it, so a task that finishes
 *   just before the deadline is still seen as done, and `timeoutMs` is never overshot by a sleep.
 * - Options are validated before the first poll.
 * - Errors thrown by `poll` propagate unchanged: wrap `poll` in `withRetry` to survive throttling.
 * Shape follows smithy's waiter (https://github.com/smithy-lang/smithy-typescript/blob/main/packages/util-waiter/src/poller.ts),
 * which instead gives up when the next sleep would cross the deadline.
 */
import type { Clock } from "./clock";
import { pollDelay } from "./backoff";

/** Options of {@link waitUntil}. */
export interface WaitOptions<S> {
  clock: Clock;
  /** Budget from the start of the wait, in ms. 0 means exactly one poll. */
  timeoutMs: number;
  /** Sleep before the second poll, and the smallest sleep, in ms (> 0). */
  initialDelayMs: number;
  /** Largest sleep between polls, in ms (≥ initialDelayMs). */
  maxDelayMs: number;
  /** Growth of the nominal sleep per poll (≥ 1; default {@link WAIT_DEFAULTS}.multiplier). */
  multiplier?: number;
  /** Uniform in [0, 1); default `Math.random`. Tests pin it. */
  random?: () => number;
  /** One observation of the awaited thing. */
  poll: () => Promise<S>;
  /** True when the observation is final. */
  isDone: (s: S) => boolean;
  /** Called after every poll (before `isDone` decides), e.g. to report progress. */
  onPoll?: (s: S, info: { polls: number; elapsedMs: number }) => void;
}

/** The outcome of {@link waitUntil}: done, or out of time with the last observation. */
export interface WaitResult<S> {
  state: "done" | "timeout";
  /** The last observation. */
  last: S;
  /** How many polls were made (≥ 1). */
  polls: number;
  /** Clock time from the start of the wait to its end, in ms. */
  elapsedMs: number;
}

/** Defaults of {@link WaitOptions}. */
export const WAIT_DEFAULTS = {
  /**
   * Google's ExponentialBackOff DEFAULT_MULTIPLIER:
   * https://github.com/googleapis/google-http-java-client/blob/main/google-http-client/src/main/java/com/google/api/client/util/ExponentialBackOff.java
   */
  multiplier: 1.5,
};

/** Throws TypeError when the options cannot describe a wait. */
export function validateWaitOptions(o: Pick<WaitOptions<unknown>, "timeoutMs" | "initialDelayMs" | "maxDelayMs" | "multiplier">): void {
  if (!Number.isFinite(o.timeoutMs) || o.timeoutMs < 0) throw new TypeError(`timeoutMs must be a finite number ≥ 0, got ${o.timeoutMs}`);
  if (!Number.isFinite(o.initialDelayMs) || o.initialDelayMs <= 0) throw new TypeError(`initialDelayMs must be > 0, got ${o.initialDelayMs}`);
  if (!Number.isFinite(o.maxDelayMs) || o.maxDelayMs < o.initialDelayMs) {
    throw new TypeError(`maxDelayMs must be ≥ initialDelayMs (${o.initialDelayMs}), got ${o.maxDelayMs}`);
  }
  const m = o.multiplier ?? WAIT_DEFAULTS.multiplier;
  if (!Number.isFinite(m) || m < 1) throw new TypeError(`multiplier must be ≥ 1, got ${m}`);
}

/**
 * Polls until `isDone` or until `timeoutMs` has passed on `clock`. Rejects with TypeError on invalid options
 * (before polling) and with whatever `poll` throws.
 */
export async function waitUntil<S>(opts: WaitOptions<S>): Promise<WaitResult<S>> {
  validateWaitOptions(opts);
  const { clock } = opts;
  const multiplier = opts.multiplier ?? WAIT_DEFAULTS.multiplier;
  const random = opts.random ?? Math.random;
  const start = clock.now();
  const deadline = start + opts.timeoutMs;
  let polls = 0;
  for (;;) {
    const last = await opts.poll();
    polls++;
    const elapsedMs = clock.now() - start;
    opts.onPoll?.(last, { polls, elapsedMs });
    if (opts.isDone(last)) return { state: "done", last, polls, elapsedMs };
    const remaining = deadline - clock.now();
    if (remaining <= 0) return { state: "timeout", last, polls, elapsedMs: clock.now() - start };
    const delay = pollDelay({ n: polls, initialMs: opts.initialDelayMs, maxMs: opts.maxDelayMs, multiplier, random });
    await clock.sleep(Math.min(delay, remaining));
  }
}
