/**
 * The emulator's virtual clock. Task progress, quotas and history windows follow it; signature timestamps are checked
 * against the wall clock instead (the SDKs sign with the real time).
 * - `real` (default): wall clock plus an offset, so demos progress by themselves.
 * - `manual`: frozen; time moves only when the control plane advances it, so tests control every transition.
 */
export type ClockMode = "real" | "manual";

/** A virtual clock. */
export interface VirtualClock {
  now(): number;
  mode(): ClockMode;
  setMode(mode: ClockMode): void;
  advance(ms: number): void;
  reset(): void;
}

/** Creates a virtual clock reading `wall()` (Date.now by default) in real mode. */
export function createVirtualClock(wall: () => number = Date.now): VirtualClock {
  const s = { mode: "real" as ClockMode, offset: 0, frozenAt: 0 };
  const now = () => (s.mode === "real" ? wall() + s.offset : s.frozenAt);
  return {
    now,
    mode: () => s.mode,
    setMode(mode) {
      if (mode === s.mode) return;
      if (mode === "manual") s.frozenAt = now();
      else s.offset = s.frozenAt - wall();
      s.mode = mode;
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError("advanceMs must be a non-negative number");
      if (s.mode === "manual") s.frozenAt += ms;
      else s.offset += ms;
    },
    reset() {
      s.mode = "real";
      s.offset = 0;
    },
  };
}
