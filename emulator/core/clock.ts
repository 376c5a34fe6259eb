/**
 * The emulator's virtual clock. Task progress, quotas, history windows and `delay` faults follow it; signature
 * timestamps are checked against the wall clock instead (the SDKs sign with the real time).
 * - `real` (default): wall clock plus an offset, so demos progress by themselves.
 * - `manual`: frozen; time moves only when the control plane advances it, so tests control every transition.
 *
 * Sleeps ({@link VirtualClock.sleep}) end when the VIRTUAL time reaches their deadline: in real mode a wall-clock timer
 * fires then (or `advance()` gets there first); in manual mode only `advance()` releases them.
 */
export type ClockMode = "real" | "manual";

/** A virtual clock. */
export interface VirtualClock {
  now(): number;
  mode(): ClockMode;
  setMode(mode: ClockMode): void;
  advance(ms: number): void;
  /** Back to real mode, offset 0; every pending sleep is released at once. */
  reset(): void;
  /** Resolves when virtual time has moved `ms` past now (at once for `ms` ≤ 0). */
  sleep(ms: number): Promise<void>;
  /** Number of sleeps not released yet. */
  sleeping(): number;
  /** Forgets every pending sleep without releasing it and stops its timer (the emulator is closing). */
  abandonSleeps(): void;
}

/** Wall-clock timers (injectable for tests). */
export interface ClockTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ClockTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

interface Sleeper {
  deadline: number;
  release(): void;
  timer: unknown;
}

/** Creates a virtual clock reading `wall()` (Date.now by default) in real mode. */
export function createVirtualClock(wall: () => number = Date.now, timers: ClockTimers = realTimers): VirtualClock {
  const s = { mode: "real" as ClockMode, offset: 0, frozenAt: 0 };
  let sleepers: Sleeper[] = [];
  const now = () => (s.mode === "real" ? wall() + s.offset : s.frozenAt);
  const stopTimer = (x: Sleeper) => {
    if (x.timer !== null) timers.clearTimeout(x.timer);
    x.timer = null;
  };
  /** Releases the sleepers that are due; in real mode (re)arms a wall timer for each of the others. */
  const settle = () => {
    const t = now();
    const due = sleepers.filter((x) => x.deadline <= t);
    sleepers = sleepers.filter((x) => x.deadline > t);
    due.forEach((x) => (stopTimer(x), x.release()));
    for (const x of sleepers) {
      stopTimer(x);
      if (s.mode === "real") x.timer = timers.setTimeout(settle, x.deadline - t);
    }
  };
  return {
    now,
    mode: () => s.mode,
    setMode(mode) {
      if (mode === s.mode) return;
      if (mode === "manual") s.frozenAt = now();
      else s.offset = s.frozenAt - wall();
      s.mode = mode;
      settle();
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError("advanceMs must be a non-negative number");
      if (s.mode === "manual") s.frozenAt += ms;
      else s.offset += ms;
      settle();
    },
    reset() {
      s.mode = "real";
      s.offset = 0;
      const all = sleepers;
      sleepers = [];
      all.forEach((x) => (stopTimer(x), x.release()));
    },
    sleep(ms) {
      if (!(ms > 0)) return Promise.resolve();
      return new Promise<void>((release) => {
        sleepers.push({ deadline: now() + ms, release, timer: null });
        settle();
      });
    },
    sleeping: () => sleepers.length,
    abandonSleeps() {
      sleepers.forEach(stopTimer);
      sleepers = [];
    },
  };
}
