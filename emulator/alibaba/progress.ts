/**
 * How one submitted URL progresses with virtual time: `Pending` → `Refreshing` (Process rising linearly) →
 * `Complete` | `Failed`, as planned at submit time by `ctx.plan(url)`.
 *
 * Fidelity note: the vendor documents the four statuses (cloud-apis.md §A.1 DescribeRefreshTaskById) but not how
 * long a URL waits in the queue; the emulator keeps it `Pending` for the first tenth of its planned duration.
 */
import type { PlannedOutcome } from "../core/types";

/** Share of a URL's planned duration spent `Pending` (emulator choice; see the file comment). */
export const PENDING_SHARE = 0.1;

/** Vendor status of one URL. */
export type AlibabaStatus = "Pending" | "Refreshing" | "Complete" | "Failed";

/** Failure descriptions the Alibaba query APIs document (cloud-apis.md §A.1, seed 001/002). */
export const FAILURE_DESCRIPTIONS = ["Origin Return StatusCode 5XX", "Origin Timeout", "Internal Error"] as const;

/** One URL's state at an instant. */
export interface UrlProgress {
  status: AlibabaStatus;
  /** 0..100. */
  percent: number;
  /** Failure description, "" otherwise. */
  description: string;
  /** Virtual ms when the URL finished, or null while it runs. */
  finishedAt: number | null;
}

/** The vendor description of a planned failure: the rule's message when given, else one per outcome. */
export function failureDescription(plan: PlannedOutcome): string {
  if (plan.message) return plan.message;
  if (plan.outcome === "failed") return FAILURE_DESCRIPTIONS[0];
  if (plan.outcome === "timeout") return FAILURE_DESCRIPTIONS[1];
  return FAILURE_DESCRIPTIONS[2];
}

/** How `Process` rises while a URL refreshes (variant `alibaba.processCurve`, variants.ts). */
export type ProcessCurve = "linear" | "rounded" | "none";

/** The percentage a running URL reports with `elapsed` of its `duration` gone. */
function percentOf(curve: ProcessCurve, elapsed: number, duration: number): number {
  if (curve === "none") return 0;
  const share = (100 * elapsed) / duration;
  return Math.min(99, curve === "rounded" ? Math.round(share) : Math.floor(share));
}

/** The state at `now` of a URL submitted at `createdAt` with the given plan. */
export function progressAt(plan: PlannedOutcome, createdAt: number, now: number, curve: ProcessCurve = "linear"): UrlProgress {
  const elapsed = Math.max(0, now - createdAt);
  const duration = Math.max(0, plan.durationMs);
  if (elapsed >= duration) {
    const finishedAt = createdAt + duration;
    if (plan.outcome === "success") return { status: "Complete", percent: 100, description: "", finishedAt };
    return { status: "Failed", percent: 0, description: failureDescription(plan), finishedAt };
  }
  if (elapsed < duration * PENDING_SHARE) return { status: "Pending", percent: 0, description: "", finishedAt: null };
  return { status: "Refreshing", percent: percentOf(curve, elapsed, duration), description: "", finishedAt: null };
}
