/**
 * The one time seam of the provider: everything that waits or reads the time takes a {@link Clock}, so tests drive
 * time by hand and never sleep for real.
 */

/** Time source and sleep, injected everywhere time matters. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds of this clock's time. An aborted `signal` may end the sleep early (it then
   * resolves, never rejects) and release its timer; a clock that ignores the signal is still correct, because the
   * caller stops waiting for it (engine/poll-hub.ts).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. Built per call (never captured at module level by serialized code). */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
  };
}
