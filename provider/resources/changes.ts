/**
 * Which URLs a run submits (issue 11). A create, or a `triggers` change, runs every declared URL. A change of `urls`
 * alone is an in-place update that runs only what needs it:
 * - a URL that is new, or whose `version` changed, is run: purged first when `purgeFirst` is set, then prefetched;
 * - a URL still declared with the same version is skipped: its result, batch and any unfinished work are kept (an
 *   unfinished one is resumed, never submitted again);
 * - a URL no longer declared is forgotten (its task is left to the cloud; nothing is sent for it).
 * The record that comes out has `results` in the new order, and batches and uncertain submits holding only URLs
 * still declared and not run again (their other URLs are dropped; a batch left empty is dropped).
 */
import type { PurgeMethod } from "../model/purge";
import type { UrlResult } from "../model/task";
import { emptyPurge, emptyRecord, type LastRun, type PurgeRecord, type TaskRecord } from "./state";
import { summarize } from "./summary";
import { versionsByUrl } from "./url-entries";

/** What a run is asked to do. */
export interface RunPlan {
  reason: LastRun["reason"];
  /** Declared URLs in order (the new `urls`). */
  urls: readonly string[];
  /** `purgeFirst` and `purgeMethod` of the new inputs. */
  purgeFirst: boolean;
  method: PurgeMethod;
  /** The submitted form of each declared URL. */
  formOf: (declared: string) => string;
  now: string;
}

/** The lastRun summary of a plan. */
function lastRunOf(plan: RunPlan, run: number, skipped: number, forgotten: number, purged: number): LastRun {
  return { reason: plan.reason, at: plan.now, submittedCount: run, purgedCount: purged, skippedCount: skipped, forgottenCount: forgotten };
}

/** A record that runs every declared URL (create, `triggers`): all pending, purged first when asked. */
export function freshRun(plan: RunPlan): TaskRecord {
  const purge = plan.purgeFirst ? emptyPurge(plan.urls, plan.method) : null;
  return { ...emptyRecord(plan.urls), purge, lastRun: lastRunOf(plan, plan.urls.length, 0, 0, purge ? plan.urls.length : 0) };
}

/** True when a URL of the new list must run again: new, or its version differs from the one last declared. */
export function runsAgain(oldUrls: unknown, newUrls: unknown): (url: string) => boolean {
  const before = versionsByUrl(oldUrls);
  const after = versionsByUrl(newUrls);
  return (url) => !before.has(url) || before.get(url) !== after.get(url);
}

/** Keeps, of a record's URL-carrying parts, only what `keep` says (by declared URL; batches by submitted form). */
function filtered<T extends TaskRecord>(rec: T, keep: (declared: string) => boolean, keepForm: (form: string) => boolean): T {
  return {
    ...rec,
    batches: rec.batches.map((b) => ({ ...b, urls: b.urls.filter(keepForm) })).filter((b) => b.urls.length > 0),
    uncertainBatches: rec.uncertainBatches.map((u) => ({ ...u, urls: u.urls.filter(keepForm) })).filter((u) => u.urls.length > 0),
    unsubmittedUrls: rec.unsubmittedUrls.filter(keep),
    results: rec.results.filter((r) => keep(r.url)),
  };
}

/** True while a purge record has work the cloud has not finished (or may hold without our knowing). */
export function purgeOpen(p: PurgeRecord | null): boolean {
  return p !== null && (p.unsubmittedUrls.length > 0 || p.uncertainBatches.length > 0 || summarize(p.results).pendingCount > 0);
}

/**
 * The purge record of a changed-only run: the unfinished purge of kept URLs carried over (its tasks are awaited, not
 * sent again), plus the URLs run again, unsubmitted, when `purgeFirst` is set.
 */
function carriedPurge(old: PurgeRecord | null, plan: RunPlan, kept: (u: string) => boolean, keptForm: (f: string) => boolean, run: string[]): PurgeRecord | null {
  const carried = old && purgeOpen(old) ? filtered(old, kept, keptForm) : null;
  const base = carried && (carried.results.length > 0 || carried.uncertainBatches.length > 0) ? carried : null;
  if (!plan.purgeFirst || run.length === 0) return base;
  const fresh = emptyPurge(run, plan.method);
  if (!base) return fresh;
  return { ...base, method: plan.method, finishedAt: null, unsubmittedUrls: [...base.unsubmittedUrls, ...run], results: [...base.results, ...fresh.results] };
}

/**
 * The record of a change of `urls`: `old` is the stored record, `oldUrls`/`newUrls` the stored and new `urls` values
 * (entries with versions). See the file comment.
 */
export function changedRun(old: TaskRecord, oldUrls: unknown, newUrls: unknown, plan: RunPlan): TaskRecord {
  const again = runsAgain(oldUrls, newUrls);
  const declared = new Set(plan.urls);
  const previous = new Map(old.results.map((r) => [r.url, r]));
  const run = plan.urls.filter((u) => again(u) || !previous.has(u));
  const runSet = new Set(run);
  const kept = (u: string) => declared.has(u) && !runSet.has(u);
  const keptForms = new Set(plan.urls.filter(kept).map(plan.formOf));
  const keptForm = (f: string) => keptForms.has(f);
  const pending = (url: string): UrlResult => ({ url, status: "pending", progress: 0, reason: null, taskId: null });
  const base = filtered(old, kept, keptForm);
  const forgotten = [...versionsByUrl(oldUrls).keys()].filter((u) => !declared.has(u)).length;
  const purge = carriedPurge(old.purge, plan, kept, keptForm, run);
  return {
    ...base,
    results: plan.urls.map((u) => (kept(u) ? previous.get(u)! : pending(u))),
    unsubmittedUrls: [...base.unsubmittedUrls, ...run],
    finishedAt: run.length > 0 ? null : old.finishedAt,
    historyAvailable: run.length > 0 ? true : old.historyAvailable,
    purge,
    lastRun: lastRunOf(plan, run.length, plan.urls.length - run.length, forgotten, plan.purgeFirst ? run.length : 0),
  };
}
