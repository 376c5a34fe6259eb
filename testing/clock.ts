/**
 * The provider's clock under `pulumi-cdn-prefetch/testing`: it reads the emulator's virtual time, and a sleep moves
 * that time forward instead of waiting, so a wait of minutes (polls, backoff, a `waitTimeoutSeconds` budget) takes
 * milliseconds while the emulator's tasks progress by exactly the time the provider waited.
 */
import type { Clock } from "../provider/engine/clock";
import type { RunningEmulator } from "../emulator";

/** A {@link Clock} driven by an emulator, plus a way to re-read the emulator's time after it was reset. */
export interface EmulatorDrivenClock extends Clock {
  /** Re-reads the emulator's time (after `control.reset()` or a clock change made from outside). */
  sync(): Promise<void>;
}

/** A clock whose `now()` is the emulator's time and whose `sleep(ms)` advances it by `ms`. */
export async function emulatorDrivenClock(emulator: Pick<RunningEmulator, "control">): Promise<EmulatorDrivenClock> {
  let skew = 0;
  const sync = async () => {
    skew = (await emulator.control.state()).now - Date.now();
  };
  await sync();
  return {
    now: () => Date.now() + skew,
    sleep: async (ms: number) => {
      if (ms > 0) await emulator.control.advance(ms);
      await sync();
    },
    sync,
  };
}
