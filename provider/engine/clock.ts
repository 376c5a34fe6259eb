/**
 * The one time seam of the provider: everything that waits or reads the time takes a {@link Clock}, so tests drive
 * time by hand and never sleep for real.
 */

/** Time source and sleep, injected everywhere time matters. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. Built per call (never captured at module level by serialized code). */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
  };
}
