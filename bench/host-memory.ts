/**
 * `npm run bench -- --memory`: where the provider host's memory goes for one 10,000-URL resource per cloud (issue 9's
 * "host peak RSS ≤ 200 MB"). One Pulumi dynamic-provider host per cloud, driven as the engine drives it (harness/host.ts),
 * against an emulator; after each step the host's resident set (`VmRSS`) and peak (`VmHWM`) from /proc/<pid>/status:
 * the idle host (Pulumi's own modules), after `configure`, after checking a 1-URL resource (this provider and its
 * validation loaded), after checking the 10,000-URL resource, and after its create (the vendor SDK loaded, every URL
 * submitted, waited for and written to outputs). Not a test: it prints figures.
 */
import { startEmulator } from "../emulator";
import { emulatorEnv } from "../harness/emulator-env";
import { startHost, type Host } from "../harness/host";
import { serializeProvider } from "../harness/serialize";
import { shimFor } from "../sdk/shim";
import { CLOUDS, fullUrl } from "./compare/clouds";
import type { CompareCloud } from "./compare/types";
import { printTable, type Figure } from "./measure";
import { PROGRAM_DIR } from "./static";
import { memoryOf } from "./compare/us";

/** URLs of the large resource, as in the comparison's 10,000-URL scenario. */
const URLS = 10_000;

/** Virtual ms each URL stays in progress (the memory of waiting, not of a CDN's speed). */
const DURATION_MS = 5_000;

/** The host's resident set and its peak so far, MB. */
function memoryText(pid: number): string {
  const m = memoryOf(pid);
  return m ? `${(m.rss / 1e6).toFixed(1)} MB (peak ${(m.peak / 1e6).toFixed(1)} MB)` : "n/a (no /proc)";
}

/** The steps of one cloud's host, each with the memory after it. */
async function cloudSteps(cloud: CompareCloud): Promise<Figure[]> {
  const setup = CLOUDS[cloud];
  const emu = await startEmulator({ port: 0, config: { defaultDurationMs: DURATION_MS, quotas: { teo: { daily: 1e7 }, cdn: { daily: 1e7 } } } });
  let host: Host | null = null;
  try {
    const vendor = cloud === "edgeone" ? "TENCENT" : "ALIBABA";
    host = await startHost({ cwd: PROGRAM_DIR, env: { ...emulatorEnv(emu), [`CDN_PREFETCH_${vendor}_ENDPOINT`]: emu.url }, project: "bench" });
    const h = host;
    const out: Figure[] = [];
    const step = (what: string) => out.push({ name: `${setup.label}: ${what}`, value: memoryText(h.pid), how: "VmRSS after the step (VmHWM: peak so far)" });
    step("idle host");
    await h.configure({});
    step("after configure");
    const provider = await serializeProvider(shimFor(cloud));
    const urn = (name: string) => `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/cdn-prefetch:${setup.usType}::${name}`;
    const one = await h.check(urn("one"), {}, { ...setup.usInputs, urls: [fullUrl(cloud, "/m/one.js")], __provider: provider });
    if (one.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(one.failures)}`);
    step("after checking a 1-URL resource");
    const urls = Array.from({ length: URLS }, (_, i) => fullUrl(cloud, `/m/u${i}.js`));
    const big = await h.check(urn("big"), {}, { ...setup.usInputs, urls, __provider: provider });
    if (big.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(big.failures.slice(0, 3))}`);
    step(`after checking a ${URLS.toLocaleString("en-US")}-URL resource`);
    const res = await h.create(urn("big"), big.inputs);
    if (res.properties.status !== "succeeded") throw new Error(`create ended ${String(res.properties.status)}`);
    step(`after creating it (every URL ${DURATION_MS / 1000} s on the emulator)`);
    return out;
  } finally {
    await host?.stop();
    await emu.close();
  }
}

/** Prints the memory steps of every cloud in `clouds`. */
export async function hostMemory(clouds: readonly CompareCloud[]): Promise<void> {
  const figures: Figure[] = [];
  for (const cloud of clouds) figures.push(...await cloudSteps(cloud));
  printTable(figures);
}
