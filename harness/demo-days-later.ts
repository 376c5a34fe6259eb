/**
 * "Days later" for the demo's last chapter: preloaded into Pulumi's provider host (`node --require`), it moves that
 * process's clock forward by `CDN_PREFETCH_DEMO_CLOCK_OFFSET_MS`, so a `pulumi refresh` runs as it would on the day
 * the emulator's virtual clock shows. The stack's saved state is left exactly as it was written.
 *
 * Only for the demo: request signatures carry the shifted time, so the emulator (which checks them against the real
 * time) would refuse any call; the demo uses it where the provider must not call the cloud at all.
 */

/** The environment variable holding the offset, in ms. */
export const CLOCK_OFFSET_ENV = "CDN_PREFETCH_DEMO_CLOCK_OFFSET_MS";

/** Replaces the global `Date` by one whose "now" is `offsetMs` ahead; dates built from values are unchanged. */
export function shiftClock(offsetMs: number): void {
  const Real = Date;
  const now = () => Real.now() + offsetMs;
  function Shifted(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Real(now()).toString();
    return args.length === 0 ? new Real(now()) : new (Real as unknown as new (...a: unknown[]) => Date)(...args);
  }
  Shifted.prototype = Real.prototype;
  Object.assign(Shifted, { now, parse: Real.parse, UTC: Real.UTC });
  globalThis.Date = Shifted as unknown as DateConstructor;
}

const offset = Number(process.env[CLOCK_OFFSET_ENV] ?? "");
if (Number.isFinite(offset) && offset !== 0) shiftClock(offset);
