/**
 * One stack of the demo: Pulumi's real dynamic-provider host (harness/host.ts) driven by the engine model
 * (harness/engine.ts), pointed at the emulator through stack config, as a user would (harness/emulator-env.ts). The
 * host's stdout lines are what `pulumi up` shows as info lines; the stack keeps them so the story can show them and
 * can wait for "the provider has polled" before moving the emulator's clock.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type { RunningEmulator } from "../emulator";
import { EngineModel, type Registration } from "./engine";
import { emulatorStackConfig } from "./emulator-env";
import { startHost, type Host, type Props } from "./host";
import { serializeProvider } from "./serialize";
import { shimFor } from "../sdk/shim";
import type { CloudKind } from "../provider/model/cloud";
import { CLOCK_OFFSET_ENV } from "./demo-days-later";

/** The class name behind each cloud's type token (`pulumi-nodejs:dynamic/cdn-prefetch:<ClassName>`, sdk/resources.ts). */
export const CLASS_OF: Record<CloudKind, string> = {
  edgeone: "EdgeOnePrefetch",
  "alibaba-cdn": "AlibabaCdnPrefetch",
  "alibaba-dcdn": "AlibabaDcdnPrefetch",
  "alibaba-esa": "AlibabaEsaPrefetch",
};

/** A resource as the demo's programs declare it: the SDK class's arguments, by cloud. */
export interface Declared {
  cloud: CloudKind;
  name: string;
  /** The arguments the story shows. */
  args: Props;
  /** Arguments that only make the demo quick (a short poll interval); passed on, not shown. */
  pace?: Props;
}

/** How one `pulumi up` or `pulumi refresh` went. */
export interface RunResult {
  /** The first error the run stopped at (what `pulumi up` prints), or null. */
  error: string | null;
  /** Wall-clock milliseconds the run took. */
  ms: number;
}

/** Options of {@link openStack}. */
export interface StackOptions {
  emu: RunningEmulator;
  /** Directory the host runs in; `pulumi-cdn-prefetch` must resolve from it (as in a user's program directory). */
  cwd: string;
  /** Stack name (part of every URN). */
  name: string;
  /** Called with each provider line, as `pulumi up` shows it (a line repeating the one before is not shown again). */
  onLine: (line: string) => void;
  /** Runs the provider host this many ms in the future (demo-days-later.ts): "the next run, days later". */
  clockOffsetMs?: number;
  /** Resources already in the stack's state (a later run of the same stack, see {@link DemoStack.later}). */
  state?: EngineModel["state"];
}

/** A stack: run `up`/`refresh`, read outputs, wait for provider lines. */
export interface DemoStack {
  /** `pulumi up` with the declared resources. */
  up(resources: Declared[]): Promise<RunResult>;
  /** `pulumi refresh`. */
  refresh(): Promise<RunResult>;
  /** The stored outputs of a resource (the demo declares no secret inputs, so they hold no secret envelopes). */
  outputs(name: string): Record<string, unknown>;
  /** Number of provider lines so far (a mark for {@link DemoStack.lineAfter}). */
  mark(): number;
  /** Resolves with the first provider line after `mark` that matches, or with null when `done` settles first. */
  lineAfter(mark: number, match: RegExp, done: Promise<unknown>): Promise<string | null>;
  /** The same stack run by a new host (e.g. days later); this one is stopped. */
  later(o: { clockOffsetMs: number }): Promise<DemoStack>;
  stop(): Promise<void>;
}

const PROJECT = "cdn-prefetch-demo";

/**
 * The package root (the nearest folder with a package.json above this file, whether it runs from `harness/` or from
 * the build in `lib/harness/`): `pulumi-cdn-prefetch` resolves from there (scripts/link-self.js).
 */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The built clock-shift preload: the host is plain Node, so it loads the compiled file (tests run from sources). */
function daysLaterPreload(): string {
  return path.join(packageRoot(), "lib", "harness", "demo-days-later.js");
}

/** The gRPC error text without its status prefix (`2 UNKNOWN: `), as the Pulumi CLI prints a provider error. */
export function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^\d+ [A-Z_]+: /, "");
}

/** The provider's lines so far, and waiting for the next one that matches. */
interface LineWatch {
  /** Takes one host line; consecutive repeats are dropped (the story shows each state once). */
  push(line: string): boolean;
  mark(): number;
  lineAfter: DemoStack["lineAfter"];
}

function lineWatch(): LineWatch {
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const find = (mark: number, match: RegExp) => lines.slice(mark).find((l) => match.test(l));
  return {
    push(line) {
      if (line === lines[lines.length - 1]) return false;
      lines.push(line);
      for (const w of [...waiters]) w();
      return true;
    },
    mark: () => lines.length,
    lineAfter: (mark, match, done) => new Promise((resolve) => {
      const settle = (hit: string | null) => {
        waiters.delete(check);
        resolve(hit);
      };
      const check = () => {
        const hit = find(mark, match);
        if (hit !== undefined) settle(hit);
      };
      waiters.add(check);
      done.then(() => settle(find(mark, match) ?? null), () => settle(find(mark, match) ?? null));
      check();
    }),
  };
}

/** Extra host environment: the clock-shift preload when the stack runs "later". */
function laterEnv(clockOffsetMs: number | undefined): Record<string, string> {
  if (!clockOffsetMs) return {};
  return {
    [CLOCK_OFFSET_ENV]: String(clockOffsetMs),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require "${daysLaterPreload()}"`.trim(),
  };
}

/** The serialized provider (`__provider`) per cloud, made once. */
function providerTexts(): (cloud: CloudKind) => Promise<string> {
  const texts = new Map<CloudKind, Promise<string>>();
  return (cloud) => {
    if (!texts.has(cloud)) texts.set(cloud, serializeProvider(shimFor(cloud)));
    return texts.get(cloud)!;
  };
}

/** Times a run; its error becomes the text Pulumi would print. */
async function timed(run: () => Promise<Error | null>): Promise<RunResult> {
  const start = performance.now();
  const err = await run();
  return { error: err ? errorText(err) : null, ms: performance.now() - start };
}

/** Starts the host for a stack and wraps the engine model. */
export async function openStack(o: StackOptions): Promise<DemoStack> {
  const watch = lineWatch();
  // Stack config, as `pulumi config set` writes it: it wins over any cloud credentials in this shell's environment.
  const config = emulatorStackConfig(o.emu);
  const host: Host = await startHost({
    cwd: o.cwd, project: PROJECT, config, env: laterEnv(o.clockOffsetMs),
    onStdoutLine: (line) => void (watch.push(line) && o.onLine(line)),
  });
  const engine = new EngineModel(host, { project: PROJECT, stack: o.name, config });
  for (const [urn, s] of o.state ?? []) engine.state.set(urn, s);
  const provider = providerTexts();
  const registration = async (d: Declared): Promise<Registration> => ({
    type: `pulumi-nodejs:dynamic/cdn-prefetch:${CLASS_OF[d.cloud]}`, name: d.name,
    inputs: { progressLabel: d.name, ...d.pace, ...d.args, __provider: await provider(d.cloud) },
  });
  return {
    up: async (resources) => {
      const regs = await Promise.all(resources.map(registration));
      return timed(async () => (await engine.up(regs)).errors[0] ?? null);
    },
    refresh: () => timed(() => engine.refresh().then(() => null, (e: Error) => e)),
    outputs: (name) => {
      const s = [...engine.state.values()].find((x) => x.urn.endsWith(`::${name}`));
      if (!s) throw new Error(`no resource ${name} in stack ${o.name}`);
      return s.outputs;
    },
    mark: watch.mark,
    lineAfter: watch.lineAfter,
    later: async ({ clockOffsetMs }) => {
      await host.stop();
      return openStack({ ...o, clockOffsetMs, state: engine.state });
    },
    stop: () => host.stop(),
  };
}
