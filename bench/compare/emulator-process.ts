/**
 * The emulator process of the comparison (emulators.ts `startFleet`): starts emulators on request, answers with their
 * addresses, measures its own event-loop delay, and closes them all on `close`.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { RunningEmulator } from "../../emulator";
import { startRunEmulator, type FromFleet, type ToFleet } from "./emulators";

const running: RunningEmulator[] = [];
let lag = monitorEventLoopDelay({ resolution: 20 });
lag.enable();

function reply(m: FromFleet): void {
  process.send!(m);
}

process.on("message", async (m: ToFleet) => {
  if ("start" in m) {
    const started = await Promise.all(m.start.map((paths) => startRunEmulator(paths)));
    running.push(...started);
    reply({ id: m.id, started: started.map((e) => ({ url: e.url, credentials: e.credentials })) });
  } else if ("lag" in m) {
    lag.disable();
    reply({ id: m.id, lag: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 } });
    lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
  } else {
    await Promise.all(running.map((e) => e.close()));
    reply({ id: m.id, closed: true });
    process.exit(0);
  }
});
