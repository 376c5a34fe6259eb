/**
 * The retry policy's delay formula. A pure function of its inputs: the caller passes the attempt number and the random
 * source, so tests pin `random` and assert exact delays. (Status polls follow engine/schedule.ts instead.)
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

/** A random draw clamped to [0, 1] (a misbehaving source must not produce negative or huge delays). */
function unit(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}
