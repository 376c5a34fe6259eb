/**
 * `npm run bench`: performance figures measured on this machine, each printed with how it was measured, then the
 * comparison with the tools users would otherwise run (bench/compare, issue 9). Not a test: nothing is asserted beyond
 * each scenario succeeding; the comparison prints each target as met or missed.
 *
 *   (a) serialized `__provider` size per cloud
 *   (b) Pulumi dynamic-provider host start-up time (median of 5)
 *   (c) `check` time for 10,000 URLs, in-process
 *   (d) end-to-end creates through the host against the emulator (EdgeOne 10/100/1,000 URLs, Alibaba CDN 100/1,000)
 *   (e) emulator throughput with the official TEO SDK client
 *   (f) the comparison: overshoot, API calls per prefetch, throttles, failures, host peak RSS, stored bytes per URL
 *
 * Flags: `--quick` (the comparison only, with shorter jobs: under a minute), `--clouds edgeone,alibaba-cdn`,
 * `--scenarios 1x10000,50x1` (the comparison only, those scenarios: ids of bench/compare/scenarios.ts), `--memory`
 * (only the provider host's memory step by step for one 10,000-URL resource per cloud: bench/host-memory.ts).
 */
import * as os from "node:os";
import { startEmulator } from "../emulator";
import { emulatorEnv } from "../harness/emulator-env";
import { compare } from "./compare";
import { parseClouds } from "./compare/clouds";
import { createFigures } from "./create";
import { hostMemory } from "./host-memory";
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

/** The value of `--name value` / `--name=value`. */
function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes("=") ? args[i].slice(name.length + 1) : args[i + 1];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const clouds = parseClouds(flag(args, "--clouds"));
  const only = (flag(args, "--scenarios") ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  const cpus = os.cpus();
  console.log(`command: npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`);
  console.log(`machine: ${cpus.length} cores (${cpus[0]?.model ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()} ${os.arch()}\n`);
  const { ms: total } = await timed(async () => {
    if (args.includes("--memory")) {
      console.log("provider host memory, step by step, one 10,000-URL resource per cloud");
      return hostMemory(clouds);
    }
    if (!quick && only.length === 0) {
      console.log(`figures (emulator: defaultDurationMs ${DURATION_MS}, virtual = real time, pollIntervalSeconds 0.05)`);
      printTable([...await providerSizes(), ...await hostStartup(), ...await checkTime(), ...await emulatorFigures()]);
    }
    console.log(`\ncomparison${quick ? " (QUICK: every job under 7 s, 2 repetitions of the single jobs; a smoke run, not the figures to quote)" : ""}, clouds: ${clouds.join(", ")}${only.length ? `, scenarios: ${only.join(", ")}` : ""}`);
    const { met, missed } = await compare({ quick, clouds, only });
    console.log(`\ntargets: ${met} met, ${missed} missed`);
  });
  console.log(`bench total: ${ms(total)}`);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
