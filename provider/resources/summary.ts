/**
 * Pure summaries of per-URL results: counts, overall progress and status. Used for outputs, progress lines and the
 * failure policy.
 */
import { isFailure, isTerminal, type TaskStatus } from "../model/status";
import type { UrlResult } from "../model/task";

/** Counts and overall figures for a set of URL results. */
export interface Summary {
  status: TaskStatus;
  /** 0..100, floored; 100 only when every URL is terminal. */
  progress: number;
  urlCount: number;
  succeededCount: number;
  failedCount: number;
  /** URLs not terminal yet. */
  pendingCount: number;
}

/** Summarizes URL results. */
export function summarize(results: readonly UrlResult[]): Summary {
  const urlCount = results.length;
  // One pass, no intermediate arrays: a wait summarizes its 10,000 URLs every round.
  let succeededCount = 0;
  let failedCount = 0;
  let sum = 0;
  for (let i = 0; i < urlCount; i++) {
    const r = results[i];
    if (r.status === "succeeded") succeededCount++;
    else if (isFailure(r.status)) failedCount++;
    sum += isTerminal(r.status) ? 100 : Math.min(99, r.progress);
  }
  const pendingCount = urlCount - succeededCount - failedCount;
  const progress = urlCount === 0 ? 100 : pendingCount > 0 ? Math.min(99, Math.floor(sum / urlCount)) : 100;
  let status: TaskStatus = "running";
  if (pendingCount === 0) status = failedCount === 0 ? "succeeded" : succeededCount === 0 ? "failed" : "partiallyFailed";
  return { status, progress, urlCount, succeededCount, failedCount, pendingCount };
}

/** The failure tolerance a user declared. */
export interface FailurePolicy {
  allowedFailures: number | null;
  allowedFailurePercent: number | null;
}

/** True when the failures in `s` exceed the policy (default: no failure tolerated). */
export function violatesPolicy(s: Summary, p: FailurePolicy): boolean {
  if (s.failedCount === 0) return false;
  const byCount = p.allowedFailures !== null && s.failedCount <= p.allowedFailures;
  const byPercent = p.allowedFailurePercent !== null && (s.failedCount * 100) / Math.max(1, s.urlCount) <= p.allowedFailurePercent;
  return !(byCount || byPercent);
}

/**
 * Most URLs the `failedUrls` outputs spell out: a run that ends unfinished reaches Pulumi as a partial failure whose
 * outputs must stay under Node's HTTP/2 header-block limit (state-layout.ts `CompactGroup`); every failed URL
 * stays in `results` / `resultGroups`, and `failedCount` counts them all.
 */
export const MAX_LISTED_FAILED_URLS = 100;

/** The first {@link MAX_LISTED_FAILED_URLS} failed URLs of `results`, in order. */
export function listedFailures(results: readonly UrlResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (out.length >= MAX_LISTED_FAILED_URLS) break;
    if (isFailure(r.status)) out.push(r.url);
  }
  return out;
}
