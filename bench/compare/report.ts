/**
 * Prints the comparison: one table per cloud (a row per scenario and tool), this provider's ratios to P1/P2/P3, and
 * each target judged met or missed with its measured value.
 */
import { callsLowerBound } from "./bounds";
import { CLOUDS } from "./clouds";
import { overshootStats, totalCalls, type ToolFigures } from "./measure";
import type { Scenario } from "./scenarios";
import { callVerdicts, concurrencyVerdicts, outputVerdicts, overshootVerdicts, rssVerdicts, type Verdict } from "./targets";
import { TOOLS, type CompareCloud, type Tool } from "./types";

/** Every tool's figures for one scenario on one cloud. */
export interface ScenarioResult {
  scenario: Scenario;
  cloud: CompareCloud;
  byTool: Partial<Record<Tool, ToolFigures>>;
}

const sec = (ms: number) => (Number.isNaN(ms) ? "-" : `${(ms / 1000).toFixed(2)} s`);
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `×${(a / b).toFixed(2)}` : "-");

const COLUMNS = ["scenario", "tool", "done", "job mean", "overshoot mean", "max", "calls/prefetch", "by action", "throttled", "failed", "host RSS", "stored B/URL (beyond inputs)"];

function row(r: ScenarioResult, tool: Tool, f: ToolFigures): string[] {
  const o = overshootStats(f);
  const actions = Object.entries(f.callsPerPrefetch).sort().map(([a, n]) => `${a} ${num(n)}`).join(", ");
  const sizes = f.sizes ? `${num(f.sizes.bytes / f.sizes.urls)} (${num(f.sizes.beyondInputs / f.sizes.urls)})` : "";
  const job = f.timings.length ? f.timings.reduce((a, t) => a + t.jobMs, 0) / f.timings.length : NaN;
  return [r.scenario.title, tool, `${f.timings.length}/${f.resources}`, sec(job), sec(o.mean), sec(o.max), num(totalCalls(f)), actions,
    String(f.throttled), String(f.failures.length), f.peakRss === null ? "" : `${(f.peakRss / 1e6).toFixed(0)} MB`, sizes];
}

function printTable(rows: string[][]): void {
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  line(COLUMNS);
  line(widths.map((w) => "-".repeat(w)));
  rows.forEach(line);
}

/** This provider's figures divided by each contender's. */
function ratioLine(r: ScenarioResult): string {
  const us = r.byTool.US;
  if (!us) return "";
  const others = TOOLS.filter((t) => t !== "US" && r.byTool[t]);
  const over = others.map((t) => `${t} ${ratio(overshootStats(us).mean, overshootStats(r.byTool[t]!).mean)}`).join(", ");
  const calls = others.map((t) => `${t} ${ratio(totalCalls(us), totalCalls(r.byTool[t]!))}`).join(", ");
  return `  US ÷ others: overshoot mean ${over}; calls per prefetch ${calls}`;
}

/** Durations of a scenario's URLs, from their paths (scenarios.ts: `/d<ms>/`). */
function plannedJobsMs(r: ScenarioResult): number[] {
  return r.scenario.instances.flatMap((i) => i.resources.flatMap((p) => p.urls.map((u) => Number(/\/d(\d+)\//.exec(u)?.[1] ?? NaN))))
    .filter(Number.isFinite);
}

/**
 * For single-URL jobs: the fewest calls any schedule needs to guarantee the overshoot targets without knowing the
 * finish time (bounds.ts), next to P2's. Information, not a target.
 */
function lowerBoundLine(r: ScenarioResult): string {
  if (r.scenario.resources !== 1 || r.scenario.urlsPerResource !== 1) return "";
  const b = callsLowerBound(plannedJobsMs(r));
  const p2 = r.byTool.P2 ? ` P2 made ${num(totalCalls(r.byTool.P2))}` : "";
  const verdict = r.byTool.P2 ? (b.max > totalCalls(r.byTool.P2) ? ": no schedule meets both without a progress signal" : ": both can hold") : "";
  return `  calls per prefetch any schedule needs to guarantee the overshoot for an unknown finish time: ${num(b.mean)} (mean target), ` +
    `${num(b.max)} (max target);${p2}${verdict}`;
}

/** The verdicts of one scenario on one cloud. */
export function verdictsOf(r: ScenarioResult): Verdict[] {
  const us = r.byTool.US;
  if (!us) return [];
  return [...overshootVerdicts(us), ...callVerdicts(us, r.byTool.P2, r.scenario.resources), ...concurrencyVerdicts(us, r.scenario.resources),
    ...outputVerdicts(us), ...rssVerdicts(us)];
}

/** What each tool does (bench/compare/contenders/*.ts cite the sources). */
const TOOL_NOTES = [
  "P1 CLI waiter (aliyun/tccli --waiter): submits, then per submit calls at once and every 5 s until all succeeded, 180 s timeout; the first API error " +
    "aborts; each CLI command (a submit, a waiter) first spends 50 ms starting (an assumption: process, credentials file, TLS connection)",
  "P2 Terraform (tencentcloud_teo_prefetch_task_operation, resource.Retry): polls at once, then after 0.5, 1, 2, 4, 8, then every 10 s; throttling retried " +
    "(CDN: the same loop, no waiting Terraform resource exists)",
  "P3 careful script: polls every 1 s, 10 ids per Alibaba call, stops polling finished jobs; a throttled call is retried up to 10 times, 1 s apart",
  "US: this provider through Pulumi's dynamic-provider host, default settings, all resources of a run as concurrent Creates into one host",
];

/** Prints every cloud's table, ratios and verdicts; returns the count of targets met and missed. */
export function printReport(results: readonly ScenarioResult[]): { met: number; missed: number } {
  let met = 0;
  let missed = 0;
  console.log("\ntools (each in its own processes, each run against its own emulator):");
  for (const n of TOOL_NOTES) console.log(`  ${n}`);
  for (const cloud of [...new Set(results.map((r) => r.cloud))]) {
    console.log(`\n== ${CLOUDS[cloud].label} ==`);
    const mine = results.filter((r) => r.cloud === cloud);
    printTable(mine.flatMap((r) => TOOLS.filter((t) => r.byTool[t]).map((t) => row(r, t, r.byTool[t]!))));
    console.log("(done: resources that reported success; job: first URL accepted to last URL finished on the emulator; calls: sent per prefetch, throttled ones included; host RSS: peak of the one host " +
      "serving the scenario run's resources of every compared cloud; stored: Create outputs per URL, and beyond the echoed inputs)");
    for (const r of mine) {
      console.log(`\n${r.scenario.title}`);
      const line = ratioLine(r);
      if (line) console.log(line);
      const bound = lowerBoundLine(r);
      if (bound) console.log(bound);
      for (const v of verdictsOf(r)) {
        v.met ? met++ : missed++;
        console.log(`  [${v.met ? "met" : "MISSED"}] ${v.target}: ${v.measured}`);
      }
      for (const t of TOOLS) {
        const f = r.byTool[t];
        if (f && f.failures.length > 0) console.log(`  ${t} surfaced ${f.failures.length} failure(s), first: ${f.failures[0]}`);
      }
    }
  }
  return { met, missed };
}
