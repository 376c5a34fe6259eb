/**
 * Delay formulas shared by the retry policy and the waiter. Pure functions of their inputs: the caller passes the
 * attempt number and the random source, so tests pin `random` and assert exact delays.
 *
 * Kept free of module-level state (this code runs inside Pulumi's dynamic-provider host after serialization).
 */

/** Inputs of {@link fullJitterDelay}. */
export interface FullJitterInput {
  /** 1 for the delay after the first failed call, 2 after the second, ... */
  attempt: number;
  /** Ceiling of the first delay, in ms. */
  baseMs: number;
  /** Largest ceiling, in ms. */
  capMs: number;
  /** Uniform in [0, 1). */
  random: () => number;
}

/**
 * Exponential backoff with full jitter: uniform in `[0, min(cap, base * 2^(attempt-1)))`, floored to whole ms.
 * Source: "Exponential Backoff And Jitter", https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function fullJitterDelay(i: FullJitterInput): number {
  const ceiling = Math.min(i.capMs, i.baseMs * Math.pow(2, Math.max(0, i.attempt - 1)));
  return Math.floor(unit(i.random) * ceiling);
}

/** Inputs of {@link pollDelay}. */
export interface PollDelayInput {
  /** 1 for the sleep before the second poll, 2 before the third, ... */
  n: number;
  /** Smallest delay, in ms. */
  initialMs: number;
  /** Largest delay, in ms. */
  maxMs: number;
  /** Growth of the nominal delay per poll (≥ 1). */
  multiplier: number;
  /** Uniform in [0, 1). */
  random: () => number;
}

/**
 * The sleep before poll `n + 1`: uniform in `[initial, nominal]` with `nominal = min(max, initial * multiplier^(n-1))`.
 * Never below `initialMs` (no hammering), never above `maxMs`; jitter spreads many resources' polls apart.
 * Same shape as smithy's waiter backoff (`randomInRange(minDelay, minDelay * 2^(attempt-1))`), with a gentler
 * multiplier: https://github.com/smithy-lang/smithy-typescript/blob/main/packages/util-waiter/src/poller.ts
 */
export function pollDelay(i: PollDelayInput): number {
  const nominal = Math.min(i.maxMs, i.initialMs * Math.pow(i.multiplier, Math.max(0, i.n - 1)));
  return Math.min(i.maxMs, i.initialMs + Math.floor(unit(i.random) * (nominal - i.initialMs)));
}

/** A random draw clamped to [0, 1] (a misbehaving source must not produce negative or huge delays). */
function unit(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}
