/**
 * Reconciliation of uncertain batches (submits whose outcome is unknown) with the cloud's task list. The cloud is
 * asked through the adapter's `findTasks` (list APIs filtered by URL and time). URLs it lists are adopted as accepted
 * (never submitted again); URLs it does not list are submitted again only once the visibility grace has passed since
 * the uncertain submit — before that, "not listed" may just mean "not visible yet".
 */
import { RECONCILE_MARGIN_MS } from "../adapters/reconcile";
import { withRetry } from "../engine/retry";
import { urlKey } from "../model/url";
import type { FoundTask, SubmittedBatch, UncertainBatch, UrlResult } from "../model/task";
import type { Journal } from "./contract";
import { declaredUrl, type RunContext } from "./run-context";
import type { TaskRecord } from "./state";

/** One pass over every uncertain batch; the journal is updated after each. */
export async function reconcileOnce(ctx: RunContext, journal: Journal): Promise<void> {
  for (const u of [...journal.record.uncertainBatches]) {
    const since = Date.parse(u.attemptedAt);
    const found = await withRetry(() => ctx.adapter.findTasks(ctx.spec, u.urls, Number.isFinite(since) ? since : ctx.clock.now()),
      { clock: ctx.clock, call: "query" });
    journal.set(applyFound(ctx, journal.record, u, found));
  }
}

/**
 * Reconciles until nothing is uncertain or `deadlineMs` passes; sleeps between passes (at most until the next grace
 * expiry, at most `minSleepMs`). Returns false when uncertain batches remain at the deadline.
 */
export async function settleUncertain(ctx: RunContext, journal: Journal, deadlineMs: number, minSleepMs: number): Promise<boolean> {
  for (;;) {
    await reconcileOnce(ctx, journal);
    const open = journal.record.uncertainBatches;
    if (open.length === 0) return true;
    const now = ctx.clock.now();
    const nextExpiry = Math.min(...open.map((u) => Date.parse(u.attemptedAt) + ctx.graceMs)) - now;
    const sleep = Math.max(1, Math.min(minSleepMs, nextExpiry + 1));
    if (now + sleep > deadlineMs) return false;
    await ctx.clock.sleep(sleep);
  }
}

/**
 * True when a listed task belongs to an earlier run of this resource (a `triggers` re-run). Alibaba CDN/DCDN merge
 * tasks of one domain submitted within the same second under one id (cloud-apis.md §A.1), so an earlier run's id
 * listed with a creation time in the attempt's second (or later) is taken as ours: the cloud merged our submit into it.
 */
function earlierRun(ctx: RunContext, t: FoundTask, attemptedAtMs: number): boolean {
  if (!ctx.previousTaskIds.has(t.taskId)) return false;
  return t.createdAtMs === null || Math.floor(t.createdAtMs / 1000) < Math.floor(attemptedAtMs / 1000);
}

/**
 * The newest listed task per URL of the batch that is ours: tasks under an earlier run's id are skipped
 * ({@link earlierRun}); then, per URL, as many of the oldest remaining tasks as earlier runs created and that no id
 * explained are taken to be theirs (a cloud may list tasks under ids of their own: ESA `esa.listTaskIds=perUrlId`).
 */
function newestPerUrl(ctx: RunContext, u: UncertainBatch, found: FoundTask[]): Map<string, FoundTask> {
  const wanted = new Set(u.urls);
  const at = Date.parse(u.attemptedAt);
  const out = new Map<string, FoundTask>();
  for (const url of wanted) {
    const listed = dedupe(found.filter((t) => t.url === url));
    const byOldId = listed.filter((t) => ctx.previousTaskIds.has(t.taskId)).length;
    // Only earlier tasks the listing can show count: it reaches back to the attempt less the adapters' margin.
    const earlier = (ctx.previousTasksPerUrl.get(urlKey(url, true)) ?? []).filter((t) => t >= at - RECONCILE_MARGIN_MS).length;
    const unexplained = Math.max(0, earlier - byOldId);
    const ours = listed.filter((t) => !earlierRun(ctx, t, at))
      .sort((a, b) => (a.createdAtMs ?? 0) - (b.createdAtMs ?? 0))
      .slice(unexplained);
    if (ours.length > 0) out.set(url, ours[ours.length - 1]);
  }
  return out;
}

/** One entry per task id and URL. */
function dedupe(tasks: FoundTask[]): FoundTask[] {
  const seen = new Set<string>();
  return tasks.filter((t) => (seen.has(`${t.taskId} ${t.url}`) ? false : (seen.add(`${t.taskId} ${t.url}`), true)));
}

/** Applies one listing to one uncertain batch: adopt what is listed; release what is provably absent. */
export function applyFound(ctx: RunContext, rec: TaskRecord, u: UncertainBatch, found: FoundTask[]): TaskRecord {
  const listed = newestPerUrl(ctx, u, found);
  const missing = u.urls.filter((url) => !listed.has(url));
  const graceOver = ctx.clock.now() - Date.parse(u.attemptedAt) >= ctx.graceMs;
  let next: TaskRecord = { ...rec, uncertainBatches: rec.uncertainBatches.filter((x) => x !== u) };
  if (listed.size > 0) next = adopt(ctx, next, u, listed);
  if (missing.length === 0) return next;
  if (graceOver) return { ...next, unsubmittedUrls: [...missing.map((m) => declaredUrl(ctx, m)), ...next.unsubmittedUrls] };
  return { ...next, uncertainBatches: [...next.uncertainBatches, { ...u, urls: missing }] };
}

/** Turns listed tasks into an accepted batch (submitted at the uncertain attempt's time). */
function adopt(ctx: RunContext, rec: TaskRecord, u: UncertainBatch, listed: Map<string, FoundTask>): TaskRecord {
  const taskIds = [...new Set([...listed.values()].map((t) => t.taskId))];
  const batch: SubmittedBatch = { taskIds, urls: [...listed.keys()], submittedAt: u.attemptedAt };
  const byDeclared = new Map([...listed.values()].map((t) => [declaredUrl(ctx, t.url), t]));
  const results = rec.results.map((r): UrlResult => {
    const t = byDeclared.get(r.url);
    return t ? { ...r, taskId: t.taskId } : r;
  });
  return { ...rec, results, batches: [...rec.batches, batch], submittedAt: rec.submittedAt ?? u.attemptedAt };
}
