/**
 * US: this provider as `pulumi up` runs it. One Pulumi dynamic-provider host process per scenario instance, as one
 * stack has one (harness/host.ts drives it over gRPC like the engine), serving that instance's resources of every
 * compared cloud; each cloud's calls go to that cloud's own emulator through the per-vendor endpoint settings a user
 * would set (`CDN_PREFETCH_TENCENT_ENDPOINT`, `CDN_PREFETCH_ALIBABA_ENDPOINT`, harness/emulator-env.ts for the keys).
 * Every resource is checked, then created by concurrent Create calls into that one host, with the provider's default
 * settings. It reads back what `pulumi up` would store (the Create outputs) and the host's peak resident memory
 * (`VmHWM`, /proc/<pid>/status).
 */
import * as fs from "node:fs";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host, type Props } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import { PROGRAM_DIR } from "../static";
import { CLOUDS, fullUrl } from "./clouds";
import type { RunEmulator } from "./emulators";
import { outputSizes, type OutputSizes } from "./measure";
import type { CompareCloud, ResourceOutcome, ResourcePlan } from "./types";

/** A resource's outcome with what its Create stored. */
export interface UsOutcome extends ResourceOutcome {
  sizes?: OutputSizes;
}

/** What a US run reports. */
export interface UsResult {
  outcomes: Map<CompareCloud, UsOutcome[]>;
  /** Peak resident set of the host process, bytes (null when /proc is not readable). */
  peakRss: number | null;
}

/** A US run that is checked and ready to create. */
export interface UsRun {
  /** Creates every resource `delayMs` from now; each is given up on `guardMs` after its start. */
  go(delayMs: number, guardMs: number): Promise<UsResult>;
  stop(): Promise<void>;
}

/** A process's resident set now (`VmRSS`) and its peak so far (`VmHWM`), bytes; null when /proc is not readable. */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, "m").exec(status)?.[1];
    const rss = kb("VmRSS");
    const peak = kb("VmHWM");
    return rss && peak ? { rss: Number(rss) * 1024, peak: Number(peak) * 1024 } : null;
  } catch {
    return null;
  }
}

/** The host's `VmHWM` (peak resident set), bytes. */
export function peakRssOf(pid: number): number | null {
  return memoryOf(pid)?.peak ?? null;
}

async function create(host: Host, urn: string, inputs: Props, name: string, guardMs: number): Promise<UsOutcome> {
  const startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("bench guard reached")), guardMs)));
  try {
    const res = await Promise.race([host.create(urn, inputs), guard]);
    const returnedAt = Date.now();
    const status = res.properties.status;
    const error = status === "succeeded" ? undefined : `ended ${String(status)}`;
    return { name, startedAt, returnedAt, error, sizes: outputSizes(res.properties, inputs, inputs.urls as unknown[]) };
  } catch (e) {
    const reasons = host.initFailure(e)?.reasons.join("; ");
    return { name, startedAt, returnedAt: Date.now(), error: reasons || (e instanceof Error ? e.message : String(e)) };
  } finally {
    clearTimeout(timer);
  }
}

/** The environment pointing each cloud's calls at its own emulator. */
function envFor(emus: Map<CompareCloud, RunEmulator>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [cloud, emu] of emus) {
    const all = emulatorEnv(emu);
    const vendor = cloud === "edgeone" ? "TENCENT" : "ALIBABA";
    for (const [k, v] of Object.entries(all)) if (k.startsWith(vendor)) env[k] = v;
    env[`CDN_PREFETCH_${vendor}_ENDPOINT`] = emu.url;
  }
  return env;
}

/** Starts one host for `resources` on every cloud of `emus` and checks every resource's inputs. */
export async function prepareUs(emus: Map<CompareCloud, RunEmulator>, resources: ResourcePlan[]): Promise<UsRun> {
  const host = await startHost({ cwd: PROGRAM_DIR, env: envFor(emus), project: "bench" });
  try {
    await host.configure({});
    const checked: { cloud: CompareCloud; urn: string; name: string; inputs: Props }[] = [];
    for (const cloud of emus.keys()) {
      const setup = CLOUDS[cloud];
      const provider = await serializeProvider(shimFor(cloud));
      for (const r of resources) {
        const urn = `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/cdn-prefetch:${setup.usType}::${r.name}`;
        const news = { ...setup.usInputs, urls: r.urls.map((p) => fullUrl(cloud, p)), __provider: provider };
        const c = await host.check(urn, {}, news);
        if (c.failures.length > 0) throw new Error(`check of ${r.name} failed: ${JSON.stringify(c.failures.slice(0, 3))}`);
        checked.push({ cloud, urn, name: r.name, inputs: c.inputs });
      }
    }
    return {
      async go(delayMs, guardMs) {
        await new Promise((r) => setTimeout(r, delayMs));
        const done = await Promise.all(checked.map(async (c) => ({ cloud: c.cloud, o: await create(host, c.urn, c.inputs, c.name, guardMs) })));
        const outcomes = new Map<CompareCloud, UsOutcome[]>([...emus.keys()].map((k) => [k, []]));
        for (const d of done) outcomes.get(d.cloud)!.push(d.o);
        return { outcomes, peakRss: peakRssOf(host.pid) };
      },
      stop: () => host.stop(),
    };
  } catch (e) {
    await host.stop();
    throw e;
  }
}
