/**
 * Moves this process's wall clock: `Date.now()` and `new Date()` read the real time plus an offset that only the test
 * changes. The vendors' credential providers decide when a temporary key is due for renewal from `Date.now()` and the
 * SDKs sign with `new Date()`, and neither offers a clock to inject; moving the wall clock is how a test lets hours
 * pass for them, deterministically (no real waiting). Install before starting an emulator whose virtual clock should
 * follow it, or move the emulator's clock by the same amounts; always `restore()`.
 */

/** A wall clock under the test's control. */
export interface WallClock {
  /** Moves every reader of the wall clock forward by `ms`. */
  advance(ms: number): void;
  /** The offset so far, ms. */
  offset(): number;
  /** Puts the real `Date` back. */
  restore(): void;
}

/** Replaces the global `Date` with one whose current time is the real time plus an offset (0 at first). */
export function shiftWallClock(): WallClock {
  const RealDate = Date;
  let offset = 0;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  return {
    advance: (ms) => void (offset += ms),
    offset: () => offset,
    restore: () => void (globalThis.Date = RealDate),
  };
}
