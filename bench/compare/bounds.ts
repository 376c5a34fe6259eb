/**
 * The fewest calls ANY poll schedule needs to guarantee issue 9's overshoot target on a job whose finish time it does
 * not know in advance (no progress signal: EdgeOne reports none), computed from the target formula (targets.ts
 * `overshootBounds`), so the bench shows by a command when "overshoot within the target" and "no more calls than
 * Terraform (P2)" cannot both hold.
 *
 * The argument: a schedule polls at t1 < t2 < … after the submit and returns at the first poll that sees the job done.
 * A job may finish at any moment, so for every D in (t(k−1), t(k)] the overshoot t(k) − D must stay within the bound
 * for a job of D; the worst D is just after t(k−1), hence t(k) ≤ t(k−1) + bound(t(k−1)), and t1 ≤ bound(0) (a job may
 * finish at once). The latest polls allowed are therefore t(k) = t(k−1) + bound(t(k−1)), and any schedule that keeps
 * the guarantee has made at least as many polls as this one by the time it sees a job of D finish. Both targets are
 * computed: the max bound (each job within max(2 s, 10 %)) and the mean bound (max(1 s, 5 %)): a mean over jobs whose
 * finish times an adversary picks must hold for each of them. One submit call is added.
 */
import { overshootBounds } from "./targets";

/** Polls the latest guaranteeing schedule makes until it sees a job of `jobMs` finish; `bound(d)` is the allowed overshoot. */
export function pollsNeeded(jobMs: number, bound: (jobMs: number) => number): number {
  let t = bound(0);
  let polls = 1;
  while (t < jobMs) {
    t += bound(t);
    polls++;
  }
  return polls;
}

/** The fewest calls per prefetch (one submit, then the polls) to guarantee each overshoot target, for jobs of these lengths. */
export function callsLowerBound(jobsMs: readonly number[]): { mean: number; max: number } {
  const avg = (bound: (d: number) => number) => jobsMs.reduce((n, d) => n + 1 + pollsNeeded(d, bound), 0) / jobsMs.length;
  return { mean: avg((d) => overshootBounds(d).mean), max: avg((d) => overshootBounds(d).max) };
}
