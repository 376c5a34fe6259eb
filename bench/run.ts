/**
 * `npm run bench`: performance figures measured on this machine, each printed with how it was measured.
 * Not a test: nothing is asserted beyond each scenario succeeding. Runs in well under two minutes.
 *
 *   (a) serialized `__provider` size per cloud
 *   (b) Pulumi dynamic-provider host start-up time (median of 5)
 *   (c) `check` time for 10,000 URLs, in-process
 *   (d) end-to-end creates through the host against the emulator (EdgeOne 10/100/1,000 URLs, Alibaba CDN 100/1,000)
 *   (e) emulator throughput with the official TEO SDK client
 */
import * as os from "node:os";
import { startEmulator } from "../emulator";
import { emulatorEnv } from "../harness/emulator-env";
import { createFigures } from "./create";
import { ms, printTable, timed, type Figure } from "./measure";
import { checkTime, hostStartup, providerSizes } from "./static";
import { throughputFigures } from "./throughput";

/** Virtual ms each URL stays in progress on the emulator (small: the bench measures the provider, not a CDN). */
const DURATION_MS = 200;

/** Daily quotas high enough for every scenario (the defaults follow the vendors: Alibaba allows 1,000 URLs a day). */
const BENCH_DAILY_QUOTA = 1_000_000;

async function emulatorFigures(): Promise<Figure[]> {
  const emu = await startEmulator({
    port: 0,
    config: {
      defaultDurationMs: DURATION_MS,
      quotas: { teo: { daily: BENCH_DAILY_QUOTA }, cdn: { daily: BENCH_DAILY_QUOTA } }, // deep-merged over the defaults
    },
  });
  try {
    const env = emulatorEnv(emu);
    const job: { teo?: string } = {};
    const figures = await createFigures(emu, env, DURATION_MS, job);
    if (!job.teo) throw new Error("no EdgeOne job id recorded for the throughput run");
    figures.push(...await throughputFigures(emu.url, emu.credentials.tencent.secretId, emu.credentials.tencent.secretKey, "zone-bench01", job.teo));
    return figures;
  } finally {
    await emu.close();
  }
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(`bench: node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} x ${cpus[0]?.model ?? "unknown CPU"}`);
  console.log(`emulator: defaultDurationMs ${DURATION_MS} (virtual = real time), pollIntervalSeconds 0.05\n`);
  const { result: figures, ms: total } = await timed(async () => [
    ...await providerSizes(),
    ...await hostStartup(),
    ...await checkTime(),
    ...await emulatorFigures(),
  ]);
  printTable(figures);
  console.log(`\nbench total: ${ms(total)}`);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
