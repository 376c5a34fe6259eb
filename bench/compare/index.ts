/**
 * The comparison bench (issue 9 item 4): this provider (US) against P1 (CLI waiter), P2 (Terraform) and P3 (careful
 * script) on the emulator, with the vendors' documented rate limits enforced.
 *
 * Processes: one emulator process serving every emulator (emulators.ts), one process per contender and phase
 * (contenders/child.ts), one Pulumi provider host per scenario instance (us.ts), and this process, which only
 * orchestrates and drives the hosts. Every (scenario instance, cloud, tool) gets its own emulator, so tools never
 * share rate limits. The scenarios run in two phases, the 10,000-URL one alone in the second (run together, its load
 * delays the others' timers and answers on a small machine). A phase is prepared first (emulators, hosts with every
 * resource checked, contender processes with their clients built), then started on one signal, every tool and scenario
 * of the phase side by side; each figure is read from its own run.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { CLOUDS, fullUrl } from "./clouds";
import { startContenders, type ContenderProcess } from "./contenders/process";
import { readRun, startFleet, targetOf, type EmulatorFleet, type RunEmulator } from "./emulators";
import { toolFigures, type InstancePart } from "./measure";
import { printReport, type ScenarioResult } from "./report";
import { scenarios, type Instance, type Scenario } from "./scenarios";
import { TOOLS, type CompareCloud, type ContenderRun, type ResourceOutcome, type Tool } from "./types";
import { prepareUs, type UsRun } from "./us";

/** Options of {@link compare}. */
export interface CompareOptions {
  quick: boolean;
  clouds: CompareCloud[];
  /** Scenario ids to run (scenarios.ts `id`, e.g. `1x10000`); every scenario when empty. */
  only?: readonly string[];
}

/** One tool's run of one scenario instance on one cloud. */
interface Slot {
  scenario: Scenario;
  instance: Instance;
  cloud: CompareCloud;
  tool: Tool;
  runId: string;
  emu: RunEmulator;
  outcomes: ResourceOutcome[];
  peakRss?: number | null;
}

/** How long after the start signal a resource is given up on: its longest URL plus this (far beyond any poll gap). */
const GUARD_MARGIN_MS = 150_000;

/** Host processes started at once while preparing (each spends about a CPU-second starting). */
const HOST_START_PARALLELISM = 2;

const CONTENDERS = ["P1", "P2", "P3"] as const;

/** Gap between the starts of a phase's scenarios, busiest first, so that one start's burst of submits is over before the next. */
const START_GAP_MS = 1_500;

/** When a scenario starts in its phase: the ones with more resources first, `START_GAP_MS` apart. */
function delayMs(scenario: Scenario, phase: readonly Scenario[]): number {
  const counts = [...new Set(phase.map((s) => s.resources))].sort((a, b) => b - a);
  return counts.indexOf(scenario.resources) * START_GAP_MS;
}

function guardMs(instance: Instance): number {
  return Math.max(...instance.resources.flatMap((r) => r.urls.map((u) => Number(/\/d(\d+)\//.exec(u)?.[1] ?? 0)))) + GUARD_MARGIN_MS;
}

async function pool<T>(items: T[], n: number, f: (t: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: n }, async () => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) await f(t);
  }));
}

async function startSlots(fleet: EmulatorFleet, list: Scenario[], clouds: CompareCloud[]): Promise<Slot[]> {
  const specs = list.flatMap((scenario) => scenario.instances.flatMap((instance) => clouds.flatMap((cloud) =>
    TOOLS.map((tool) => ({ scenario, instance, cloud, tool, runId: `${instance.tag}/${cloud}/${tool}` })))));
  const emus = await fleet.start(specs.map((s) => s.instance.resources.flatMap((r) => r.urls)));
  return specs.map((s, i) => ({ ...s, outcomes: [], emu: emus[i] }));
}

function contenderRun(s: Slot, phase: readonly Scenario[]): ContenderRun {
  return {
    runId: s.runId, tool: s.tool as ContenderRun["tool"], cloud: s.cloud, emulator: targetOf(s.emu), resources: s.instance.resources,
    delayMs: delayMs(s.scenario, phase), guardMs: guardMs(s.instance),
  };
}

/** A prepared provider host and the US slots it serves. */
interface HostRun {
  run: UsRun;
  slots: Slot[];
}

/**
 * The phase's US runs: one host per scenario instance, serving every cloud, except for the 10,000-URL scenario, where
 * each cloud gets its own host so that the host memory target is judged on one 10,000-URL resource.
 */
async function prepareHosts(slots: Slot[]): Promise<HostRun[]> {
  const groups = new Map<string, Slot[]>();
  for (const s of slots.filter((x) => x.tool === "US")) {
    const key = s.scenario.urlsPerResource >= 10_000 ? `${s.instance.tag}/${s.cloud}` : s.instance.tag;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const hosts: HostRun[] = [];
  await pool([...groups.values()], HOST_START_PARALLELISM, async (mine) => {
    hosts.push({ run: await prepareUs(new Map(mine.map((s) => [s.cloud, s.emu])), mine[0].instance.resources), slots: mine });
  });
  return hosts;
}

/** Prepares and runs one phase; fills every slot's outcomes. */
async function runPhase(fleet: EmulatorFleet, phase: readonly Scenario[], slots: Slot[]): Promise<void> {
  const children: ContenderProcess[] = [];
  let hosts: HostRun[] = [];
  try {
    const prep = Date.now();
    children.push(...await Promise.all(CONTENDERS.map((t) => startContenders(slots.filter((s) => s.tool === t).map((s) => contenderRun(s, phase))))));
    hosts = await prepareHosts(slots);
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    await fleet.lag();
    const started = Date.now();
    await Promise.all([
      ...children.map(async (c) => {
        for (const [runId, outs] of await c.go()) slots.find((s) => s.runId === runId)!.outcomes.push(...outs);
      }),
      ...hosts.map(async (h) => {
        const r = await h.run.go(delayMs(h.slots[0].scenario, phase), guardMs(h.slots[0].instance));
        for (const s of h.slots) {
          s.outcomes.push(...r.outcomes.get(s.cloud)!);
          s.peakRss = r.peakRss;
        }
      }),
    ]);
    lag.disable();
    const emuLag = await fleet.lag();
    console.log(`  ${slots.length} runs (${hosts.length} provider hosts, ${children.length} contender processes; scenarios start ${START_GAP_MS / 1000} s apart, most resources first): ` +
      `prepared in ${((started - prep) / 1000).toFixed(1)} s, ended ${((Date.now() - started) / 1000).toFixed(1)} s after the start signal; event-loop delay ` +
      `p99/max: emulator process ${emuLag.p99.toFixed(0)}/${emuLag.max.toFixed(0)} ms, bench process ${(lag.percentile(99) / 1e6).toFixed(0)}/${(lag.max / 1e6).toFixed(0)} ms`);
  } finally {
    await Promise.all(hosts.map((h) => h.run.stop()));
    children.forEach((c) => c.kill());
  }
}

function partOf(slot: Slot, record: InstancePart["record"]): InstancePart {
  return { outcomes: slot.outcomes, plans: slot.instance.resources, record, fullUrl: (p) => fullUrl(slot.cloud, p), peakRss: slot.peakRss };
}

async function results(list: Scenario[], clouds: CompareCloud[], slots: Slot[]): Promise<ScenarioResult[]> {
  const out: ScenarioResult[] = [];
  for (const scenario of list) {
    for (const cloud of clouds) {
      const byTool: ScenarioResult["byTool"] = {};
      for (const tool of TOOLS) {
        const mine = slots.filter((s) => s.scenario === scenario && s.cloud === cloud && s.tool === tool);
        byTool[tool] = toolFigures(await Promise.all(mine.map(async (s) => partOf(s, await readRun(s.emu, CLOUDS[cloud].product)))));
      }
      out.push({ scenario, cloud, byTool });
    }
  }
  return out;
}

/** The scenarios named in `only` (all when empty); an unknown id is an error that lists the known ones. */
export function pickScenarios(all: Scenario[], only: readonly string[]): Scenario[] {
  if (only.length === 0) return all;
  const unknown = only.filter((id) => !all.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`--scenarios: unknown ${unknown.map((u) => JSON.stringify(u)).join(", ")} (known: ${all.map((s) => s.id).join(", ")})`);
  return all.filter((s) => only.includes(s.id));
}

/** Runs the comparison and prints it; resolves with the count of targets met and missed. */
export async function compare(o: CompareOptions): Promise<{ met: number; missed: number }> {
  const list = pickScenarios(scenarios(o.quick), o.only ?? []);
  const phases = [list.filter((s) => s.urlsPerResource < 10_000), list.filter((s) => s.urlsPerResource >= 10_000)];
  const slots: Slot[] = [];
  const fleet = startFleet();
  try {
    for (const [i, phase] of phases.entries()) {
      if (phase.length === 0) continue;
      console.log(`phase ${i + 1}: ${phase.map((s) => s.title).join("; ")}`);
      const mine = await startSlots(fleet, phase, o.clouds);
      slots.push(...mine);
      await runPhase(fleet, phase, mine);
    }
    for (const s of list) console.log(`  ${s.title}: ${s.spread}`);
    return printReport(await results(list, o.clouds, slots));
  } finally {
    await fleet.close();
  }
}
