/**
 * The emulator as the SDK-level specs use it: started on a free loopback port with proxies unset (the Tencent SDK
 * honours http_proxy, which cannot reach 127.0.0.1), and reset to an empty, manual-clock state before each test.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";

/** Starts an emulator for SDK clients on this machine. */
export async function startLocalEmulator(config?: unknown): Promise<RunningEmulator> {
  for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
  return startEmulator({ port: 0, config });
}

/** Forgets every task, fault and rule, and freezes the virtual clock (it then moves only when a test advances it). */
export async function resetManual(emu: RunningEmulator): Promise<void> {
  await emu.control.reset();
  await emu.control.setClock({ mode: "manual" });
}
