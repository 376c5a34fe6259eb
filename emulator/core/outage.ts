/**
 * The outage window of the `down` fault. It models the cloud API being unreachable, so it runs on the WALL clock,
 * not the virtual clock: "down for 1500 ms" means 1.5 real seconds, whatever the clock mode, and a client retrying
 * with real back-off rides it out. The server follows the window (it stops listening, see server.ts); tasks, counters
 * and faults are untouched.
 */

/** Timer functions (injectable for tests). */
export interface OutageTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A wall-clock outage window. */
export interface Outage {
  /** Starts an outage of `ms` wall-clock ms, or extends the current one to end no earlier than `ms` from now. */
  begin(ms: number): void;
  /** Ends the outage now (no-op when up). */
  end(): void;
  /** True while down. */
  active(): boolean;
  /** Wall-clock ms at which the outage ends, or null when up. */
  until(): number | null;
  /** Calls `listener(true)` when an outage begins and `listener(false)` when it ends. */
  subscribe(listener: (down: boolean) => void): void;
}

const realTimers: OutageTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Creates an outage window, up. */
export function createOutage(timers: OutageTimers = realTimers): Outage {
  let until: number | null = null;
  let timer: unknown = null;
  const listeners: ((down: boolean) => void)[] = [];
  const emit = (down: boolean) => listeners.forEach((l) => l(down));
  const end = () => {
    if (until === null) return;
    timers.clearTimeout(timer);
    until = null;
    emit(false);
  };
  return {
    begin(ms) {
      const wasDown = until !== null;
      until = Math.max(until ?? 0, timers.now() + ms);
      timers.clearTimeout(timer);
      timer = timers.setTimeout(end, until - timers.now());
      if (!wasDown) emit(true);
    },
    end,
    active: () => until !== null,
    until: () => until,
    subscribe: (l) => void listeners.push(l),
  };
}
