/**
 * The comparison's figures, computed from what the tools reported and what their emulators recorded: overshoot (a
 * resource's return time minus the moment its last URL finished on the emulator), API calls per prefetch by action,
 * throttled calls, surfaced failures, and the size of what this provider stores.
 */
import { urlKey } from "./clouds";
import type { RunRecord } from "./emulators";
import type { ResourceOutcome, ResourcePlan } from "./types";

/** JSON sizes of a Create's outputs. */
export interface OutputSizes {
  /** UTF-8 bytes of the whole outputs object. */
  bytes: number;
  /** Bytes of the outputs without the properties that echo an input unchanged (same key, same value). */
  beyondInputs: number;
  urls: number;
}

const size = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");

/** Sizes of `outputs`; a property counts as echoed when `inputs` has the same key with the same JSON value. */
export function outputSizes(outputs: Record<string, unknown>, inputs: Record<string, unknown>, urls: readonly unknown[]): OutputSizes {
  const own = Object.fromEntries(Object.entries(outputs).filter(([k, v]) => !(k in inputs && JSON.stringify(inputs[k]) === JSON.stringify(v))));
  return { bytes: size(outputs), beyondInputs: size(own), urls: urls.length };
}

/** One resource's timing, ms: overshoot, and the job's length on the cloud (first URL accepted to last URL finished). */
export interface Timing {
  overshootMs: number;
  jobMs: number;
}

/**
 * The timing of each resource that reported success, from its URLs' tasks on the emulator. A resource with a URL the
 * emulator never accepted has no finish moment and no timing (it cannot have succeeded honestly). The job is measured
 * on the cloud's side, so time a tool spent before its first submit (process start, module loading) does not lengthen it.
 */
export function timings(outcomes: readonly ResourceOutcome[], plans: readonly ResourcePlan[], record: Pick<RunRecord, "finishes" | "accepted">, fullUrl: (path: string) => string): Timing[] {
  const byName = new Map(plans.map((p) => [p.name, p]));
  const out: Timing[] = [];
  for (const o of outcomes) {
    const plan = byName.get(o.name);
    if (o.error !== undefined || !plan) continue;
    const keys = plan.urls.map((p) => urlKey(fullUrl(p)));
    const ends = keys.map((k) => record.finishes.get(k));
    if (ends.some((e) => e === undefined)) continue;
    const last = Math.max(...(ends as number[]));
    const first = Math.min(...keys.map((k) => record.accepted.get(k)!));
    out.push({ overshootMs: o.returnedAt - last, jobMs: last - first });
  }
  return out;
}

/** Figures of one tool in one scenario on one cloud, over every instance. */
export interface ToolFigures {
  resources: number;
  timings: Timing[];
  /** Surfaced errors (first words of each), one per failed resource. */
  failures: string[];
  /** Calls sent per prefetch (served + throttled), by action. */
  callsPerPrefetch: Record<string, number>;
  /** Calls the emulators' rate limiters refused, in total. */
  throttled: number;
  /** Largest host peak RSS, bytes (US only). */
  peakRss: number | null;
  /** Output sizes of the resource with the most URLs (US only). */
  sizes: OutputSizes | null;
}

/** One instance's share of a tool's figures. */
export interface InstancePart {
  outcomes: (ResourceOutcome & { sizes?: OutputSizes })[];
  plans: ResourcePlan[];
  record: RunRecord;
  fullUrl: (path: string) => string;
  peakRss?: number | null;
}

/** Sums instance parts into a tool's figures for the scenario. */
export function toolFigures(parts: readonly InstancePart[]): ToolFigures {
  const resources = parts.reduce((n, p) => n + p.plans.length, 0);
  const calls: Record<string, number> = {};
  for (const p of parts) for (const [a, n] of Object.entries(p.record.calls)) calls[a] = (calls[a] ?? 0) + n;
  const sized = parts.flatMap((p) => p.outcomes).filter((o) => o.sizes).sort((a, b) => b.sizes!.urls - a.sizes!.urls);
  const rss = parts.map((p) => p.peakRss ?? null).filter((x): x is number => x !== null);
  return {
    resources,
    timings: parts.flatMap((p) => timings(p.outcomes, p.plans, p.record, p.fullUrl)),
    failures: parts.flatMap((p) => p.outcomes.filter((o) => o.error !== undefined).map((o) => o.error!.slice(0, 80))),
    callsPerPrefetch: Object.fromEntries(Object.entries(calls).map(([a, n]) => [a, n / resources])),
    throttled: parts.reduce((n, p) => n + p.record.throttled, 0),
    peakRss: rss.length ? Math.max(...rss) : null,
    sizes: sized[0]?.sizes ?? null,
  };
}

/** Total calls per prefetch over every action. */
export function totalCalls(f: ToolFigures): number {
  return Object.values(f.callsPerPrefetch).reduce((a, b) => a + b, 0);
}

/** Mean and max overshoot, ms (NaN when nothing succeeded). */
export function overshootStats(f: ToolFigures): { mean: number; max: number } {
  const xs = f.timings.map((t) => t.overshootMs);
  if (xs.length === 0) return { mean: NaN, max: NaN };
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, max: Math.max(...xs) };
}
