/**
 * A virtual {@link Clock} for deterministic tests. Every requested sleep is recorded in `sleeps`, so tests assert
 * exact delay sequences instead of wall-clock windows.
 *
 * Two modes:
 * - `auto` (default): `sleep(ms)` advances virtual time by `ms` at once and resolves;
 * - manual (`{ auto: false }`): `sleep(ms)` stays pending until the test calls `advance()` past its wake-up time,
 *   so a test can observe the waiting code mid-wait.
 */
import type { Clock } from "../../provider/engine/clock";

/** Default start: a fixed instant, so timestamps in outputs are stable. */
export const MANUAL_CLOCK_START = Date.parse("2026-01-01T00:00:00Z");

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/** Lets pending promise continuations (and the sleeps they schedule) run. */
export function flushAsync(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock driven by the test. */
export class ManualClock implements Clock {
  /** Every sleep requested, in order, in ms. */
  readonly sleeps: number[] = [];
  /** The instant the clock started at. */
  readonly start: number;
  private t: number;
  private readonly auto: boolean;
  private sleepers: Sleeper[] = [];

  constructor(opts: { start?: number; auto?: boolean } = {}) {
    this.start = opts.start ?? MANUAL_CLOCK_START;
    this.t = this.start;
    this.auto = opts.auto ?? true;
  }

  now(): number {
    return this.t;
  }

  /** Virtual ms since the start. */
  elapsed(): number {
    return this.t - this.start;
  }

  /** Records the sleep; an aborted `signal` releases a pending (manual-mode) sleeper at once, without moving time. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (this.auto) {
      this.t += Math.max(0, ms);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const sleeper: Sleeper = { wakeAt: this.t + Math.max(0, ms), resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener("abort", () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      }, { once: true });
    });
  }

  /** Moves time without waking anyone (e.g. to model a slow API call). */
  tick(ms: number): void {
    this.t += ms;
  }

  /** Number of sleeps still pending (manual mode). */
  pending(): number {
    return this.sleepers.length;
  }

  /**
   * Advances virtual time by `ms`, waking due sleepers in wake-up order; after each wake-up, lets the woken code
   * run (it may schedule further sleeps, which are honoured if they fall within the window).
   */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    await flushAsync();
    for (;;) {
      this.sleepers.sort((a, b) => a.wakeAt - b.wakeAt);
      const next = this.sleepers[0];
      if (!next || next.wakeAt > target) break;
      this.sleepers.shift();
      this.t = Math.max(this.t, next.wakeAt);
      next.resolve();
      await flushAsync();
    }
    this.t = target;
  }

  /** Advances to the next pending sleeper's wake-up time (manual mode); no-op when none is pending. */
  async advanceToNext(): Promise<void> {
    await flushAsync();
    if (this.sleepers.length === 0) return;
    const wakeAt = Math.min(...this.sleepers.map((s) => s.wakeAt));
    await this.advance(Math.max(0, wakeAt - this.t));
  }
}
