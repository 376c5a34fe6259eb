/**
 * A token bucket on the injected {@link Clock}: at most `burst` calls at once, then one call per `1 / ratePerSecond`
 * seconds. Callers reserve their token in the order they ask (a caller that finds the bucket empty takes a token on
 * credit and sleeps until it has been refilled), so waiting is FIFO-fair and every sleep is an exact, predictable
 * figure: with 10 calls/s and an empty bucket, the next three callers sleep 100, 200 and 300 ms.
 *
 * The bucket holds no module state; provider/adapters/rate-gate.ts keeps one per (account, endpoint, action) for the
 * host process. Throttling answers that still happen are the retry policy's business (retry.ts), not this file's.
 */
import type { Clock } from "./clock";

/** The burst of a rate: one second's worth of calls, at least one. */
export function burstOf(ratePerSecond: number): number {
  return Math.max(1, Math.floor(ratePerSecond));
}

/** A token bucket; starts full. */
export class TokenBucket {
  private tokens: number;
  private atMs: number;
  private rate: number;
  private capacity: number;

  /** `ratePerSecond` > 0; `burst` defaults to {@link burstOf} the rate. */
  constructor(private readonly clock: Clock, ratePerSecond: number, burst: number = burstOf(ratePerSecond)) {
    TokenBucket.validate(ratePerSecond, burst);
    this.rate = ratePerSecond;
    this.capacity = burst;
    this.tokens = burst;
    this.atMs = clock.now();
  }

  private static validate(ratePerSecond: number, burst: number): void {
    if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be a finite number > 0, got ${ratePerSecond}`);
    if (!(Number.isInteger(burst) && burst >= 1)) throw new RangeError(`burst must be an integer ≥ 1, got ${burst}`);
  }

  /** Calls per second. */
  get ratePerSecond(): number {
    return this.rate;
  }

  /** Most calls at once. */
  get burst(): number {
    return this.capacity;
  }

  /** Changes the rate (and burst) from now on; tokens already earned are kept, up to the new burst. */
  setRate(ratePerSecond: number, burst: number = burstOf(ratePerSecond)): void {
    TokenBucket.validate(ratePerSecond, burst);
    this.refill();
    this.rate = ratePerSecond;
    this.capacity = burst;
    this.tokens = Math.min(this.tokens, burst);
  }

  /**
   * Takes one token: resolves at once while the bucket holds one, else after the clock's sleep until the token this
   * caller reserved has been refilled (callers are served in the order they called).
   */
  take(): Promise<void> {
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return Promise.resolve();
    return this.clock.sleep(Math.ceil((-this.tokens * 1000) / this.rate));
  }

  /** How long a caller asking now would wait, ms (0: a token is free). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.rate);
  }

  /** Adds what the time since the last refill earned (never above the burst; a clock that went back earns nothing). */
  private refill(): void {
    const now = this.clock.now();
    if (now > this.atMs) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.atMs) * this.rate) / 1000);
      this.atMs = now;
    }
  }
}
