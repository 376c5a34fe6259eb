/**
 * Issue 9's targets for this provider (US), each judged met or missed with the value measured:
 * - overshoot mean ≤ max(1 s, 5 % of the job's duration) and max ≤ max(2 s, 10 %), in every scenario;
 * - API calls per prefetch ≤ P2's (Terraform) in every scenario, ≤ 0.5 × P2's with 10 and 50 resources;
 * - 0 throttled calls and 0 failures with 50 resources;
 * - outputs of the 10,000-URL all-succeeded resource ≤ 64 KB beyond the echoed inputs; host peak RSS ≤ 200 MB.
 * Units are decimal (1 KB = 1,000 B, 1 MB = 10^6 B), the stricter reading. Also checked: no resource returned before
 * its last URL finished (NEVER DONE EARLY, README).
 */
import { overshootStats, totalCalls, type ToolFigures } from "./measure";

/** One judged target. */
export interface Verdict {
  target: string;
  met: boolean;
  measured: string;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The overshoot bounds for a job of `jobMs`: mean and max. */
export function overshootBounds(jobMs: number): { mean: number; max: number } {
  return { mean: Math.max(1_000, 0.05 * jobMs), max: Math.max(2_000, 0.1 * jobMs) };
}

/** Overshoot targets: the mean against the mean job's bound, each resource against its own job's max bound. */
export function overshootVerdicts(us: ToolFigures): Verdict[] {
  const n = us.timings.length;
  if (n === 0 || us.failures.length > 0) {
    const why = `${us.failures.length} of ${us.resources} failed${us.failures[0] ? `: ${us.failures[0]}` : ""}`;
    return [{ target: "overshoot mean", met: false, measured: why }, { target: "overshoot max", met: false, measured: why }];
  }
  const { mean } = overshootStats(us);
  const meanJob = us.timings.reduce((a, t) => a + t.jobMs, 0) / n;
  const worst = [...us.timings].sort((a, b) => b.overshootMs / overshootBounds(b.jobMs).max - a.overshootMs / overshootBounds(a.jobMs).max)[0];
  const early = us.timings.filter((t) => t.overshootMs < 0).length;
  return [
    { target: "overshoot mean ≤ max(1 s, 5 % of job)", met: mean <= overshootBounds(meanJob).mean, measured: `${s(mean)} (bound ${s(overshootBounds(meanJob).mean)}, mean job ${s(meanJob)})` },
    { target: "overshoot max ≤ max(2 s, 10 % of job)", met: worst.overshootMs <= overshootBounds(worst.jobMs).max, measured: `worst ${s(worst.overshootMs)} (bound ${s(overshootBounds(worst.jobMs).max)} for its ${s(worst.jobMs)} job)` },
    { target: "never returns before the last URL finished", met: early === 0, measured: `${early} early return(s)` },
  ];
}

/** Call targets against Terraform (P2): ≤ P2 always, ≤ 0.5 × P2 with 10 or 50 resources. */
export function callVerdicts(us: ToolFigures, p2: ToolFigures | undefined, resources: number): Verdict[] {
  if (!p2) return [];
  const ratio = totalCalls(us) / totalCalls(p2);
  const measured = `${totalCalls(us).toFixed(2)} vs P2 ${totalCalls(p2).toFixed(2)} (×${ratio.toFixed(2)})`;
  const out: Verdict[] = [{ target: "calls per prefetch ≤ P2's", met: ratio <= 1, measured }];
  if (resources === 10 || resources === 50) out.push({ target: "calls per prefetch ≤ 0.5 × P2's", met: ratio <= 0.5, measured });
  return out;
}

/** With 50 resources: nothing throttled, nothing failed. */
export function concurrencyVerdicts(us: ToolFigures, resources: number): Verdict[] {
  if (resources !== 50) return [];
  return [{ target: "0 throttled calls and 0 failures with 50 resources", met: us.throttled === 0 && us.failures.length === 0, measured: `${us.throttled} throttled, ${us.failures.length} failed` }];
}

/** Largest outputs beyond the echoed inputs of a 10,000-URL all-succeeded resource. */
export const MAX_BEYOND_INPUTS = 64_000;

/** Largest host peak RSS. */
export const MAX_HOST_RSS = 200_000_000;

/** Outputs size of the 10,000-URL resource, when the scenario has one that succeeded. */
export function outputVerdicts(us: ToolFigures): Verdict[] {
  if (!us.sizes || us.sizes.urls < 10_000) return [];
  if (us.failures.length > 0) return [{ target: "10,000-URL outputs ≤ 64 KB beyond inputs", met: false, measured: "the resource did not succeed" }];
  const b = us.sizes.beyondInputs;
  return [{ target: "10,000-URL outputs ≤ 64 KB beyond inputs", met: b <= MAX_BEYOND_INPUTS, measured: `${b.toLocaleString("en-US")} B beyond inputs (${us.sizes.bytes.toLocaleString("en-US")} B in all)` }];
}

/** Host peak RSS of the run. */
export function rssVerdicts(us: ToolFigures): Verdict[] {
  if (us.peakRss === null) return [];
  return [{ target: "host peak RSS ≤ 200 MB", met: us.peakRss <= MAX_HOST_RSS, measured: `${(us.peakRss / 1e6).toFixed(1)} MB` }];
}
