/**
 * The cloud side of a resource's life: submit in batches, poll, merge observations into the task record, wait.
 * Every adapter call goes through the retry policy; submits are retried only when the cloud refused them
 * (throttling), never when they might have been accepted.
 */
import type { PrefetchAdapter } from "../adapters/types";
import type { Clock } from "../engine/clock";
import { withRetry } from "../engine/retry";
import { waitUntil } from "../engine/waiter";
import { createProgressReporter } from "../engine/progress";
import type { PrefetchSpec } from "../model/spec";
import type { SubmittedBatch, UrlObservation, UrlResult } from "../model/task";
import { isTerminal } from "../model/status";
import type { TaskRecord } from "./state";
import { summarize } from "./summary";

/** What the orchestration needs. */
export interface RunContext {
  adapter: PrefetchAdapter;
  clock: Clock;
  /** Progress lines (the host's stdout: they become `pulumi up` info lines). */
  log: (line: string) => void;
  label: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A fresh record for declared URLs, all pending. */
export function emptyRecord(urls: readonly string[]): TaskRecord {
  return {
    batches: [], unsubmittedUrls: [...urls], submittedAt: null, finishedAt: null, verifiedAt: null,
    historyAvailable: true, adopted: false,
    results: urls.map((url) => ({ url, status: "pending", progress: 0, reason: null, taskId: null })),
  };
}

/** Outcome of submitting: the record plus the error that stopped submission, if any. */
export interface SubmitOutcome {
  record: TaskRecord;
  error: Error | null;
}

/** Submits `record.unsubmittedUrls` in chunks of `perRequest`; stops at the first refused chunk. */
export async function submitPending(ctx: RunContext, spec: PrefetchSpec, record: TaskRecord,
  forms: Map<string, string>, perRequest: number): Promise<SubmitOutcome> {
  let rec = record;
  while (rec.unsubmittedUrls.length > 0) {
    const chunk = rec.unsubmittedUrls.slice(0, perRequest);
    const submit = chunk.map((u) => forms.get(u) ?? u);
    try {
      const res = await withRetry(() => ctx.adapter.submit(spec, submit), { clock: ctx.clock, idempotent: false });
      rec = acceptChunk(rec, chunk, submit, res.taskIds, res.rejected, iso(ctx.clock.now()));
    } catch (e) {
      return { record: rec, error: e as Error };
    }
  }
  return { record: rec, error: null };
}

function acceptChunk(rec: TaskRecord, declared: string[], submit: string[], taskIds: string[],
  rejected: { url: string; reason: string }[], at: string): TaskRecord {
  const bySubmit = new Map(submit.map((s, i) => [s, declared[i]]));
  const refused = new Map(rejected.map((r) => [bySubmit.get(r.url) ?? r.url, r.reason]));
  const batch: SubmittedBatch = { taskIds, urls: submit.filter((s) => !refused.has(bySubmit.get(s)!)), submittedAt: at };
  const results = rec.results.map((r): UrlResult => (refused.has(r.url)
    ? { ...r, status: "rejected", progress: 100, reason: refused.get(r.url) ?? null }
    : declared.includes(r.url) ? { ...r, taskId: taskIds.length === 1 ? taskIds[0] : r.taskId } : r));
  return {
    ...rec, results, submittedAt: rec.submittedAt ?? at,
    batches: taskIds.length > 0 ? [...rec.batches, batch] : rec.batches,
    unsubmittedUrls: rec.unsubmittedUrls.slice(declared.length),
  };
}

/** Merges one query round into the record. `forms` maps declared URL → submitted form. */
export function mergeObservations(rec: TaskRecord, observations: UrlObservation[], historyUnavailable: boolean,
  forms: Map<string, string>, nowMs: number): TaskRecord {
  const bySubmit = new Map(observations.map((o) => [o.url, o]));
  let changed = false;
  const results = rec.results.map((r): UrlResult => {
    if (r.status === "rejected") return r;
    const o = bySubmit.get(forms.get(r.url) ?? r.url) ?? bySubmit.get(r.url);
    if (!o) return r;
    const next: UrlResult = {
      url: r.url, status: o.status, taskId: o.taskId ?? r.taskId, reason: o.reason,
      progress: isTerminal(o.status) ? 100 : Math.max(0, Math.min(99, o.progress ?? r.progress)),
    };
    if (next.status !== r.status || next.progress !== r.progress || next.reason !== r.reason) changed = true;
    return next;
  });
  const at = iso(nowMs);
  const done = summarize(results).pendingCount === 0;
  return {
    ...rec, results,
    historyAvailable: historyUnavailable || vanished(rec, observations) ? false : rec.historyAvailable,
    verifiedAt: changed || rec.verifiedAt === null && !historyUnavailable ? at : rec.verifiedAt,
    finishedAt: rec.finishedAt ?? (done && rec.unsubmittedUrls.length === 0 ? at : null),
  };
}

/**
 * True when the cloud stopped reporting tasks it had reported before. Clouds only forget tasks by ageing them out of
 * their history window, so this means the history is gone — a signal that does not depend on clocks agreeing.
 * (URLs never seen yet are not evidence: the query API may lag behind the submit.)
 */
function vanished(rec: TaskRecord, observations: UrlObservation[]): boolean {
  return observations.length === 0 && rec.verifiedAt !== null && rec.results.some((r) => r.status !== "pending" && r.status !== "rejected");
}

/** One query round (with retries) merged into the record. */
export async function pollOnce(ctx: RunContext, spec: PrefetchSpec, rec: TaskRecord, forms: Map<string, string>): Promise<TaskRecord> {
  if (rec.batches.length === 0) return mergeObservations(rec, [], false, forms, ctx.clock.now());
  const q = await withRetry(() => ctx.adapter.query(spec, rec.batches), { clock: ctx.clock, idempotent: true });
  return mergeObservations(rec, q.observations, q.historyUnavailable, forms, ctx.clock.now());
}

/** Polling settings. */
export interface WaitSettings {
  timeoutMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Polls until every URL is terminal, the history is gone, or the budget runs out. */
export async function waitForRecord(ctx: RunContext, spec: PrefetchSpec, rec: TaskRecord,
  forms: Map<string, string>, w: WaitSettings): Promise<{ record: TaskRecord; timedOut: boolean }> {
  const reporter = createProgressReporter({ clock: ctx.clock, log: ctx.log, label: ctx.label });
  const progressOf = (r: TaskRecord) => {
    const s = summarize(r.results);
    return { progress: s.progress, done: s.succeededCount + s.failedCount, total: s.urlCount, failed: s.failedCount };
  };
  const res = await waitUntil<TaskRecord>({
    clock: ctx.clock, timeoutMs: w.timeoutMs, initialDelayMs: w.initialDelayMs, maxDelayMs: w.maxDelayMs,
    poll: () => pollOnce(ctx, spec, rec, forms).then((next) => (rec = next)),
    isDone: (r) => summarize(r.results).pendingCount === 0 || !r.historyAvailable,
    onPoll: (r) => reporter.report(progressOf(r)),
  });
  reporter.final(progressOf(res.last));
  return { record: res.last, timedOut: res.state === "timeout" };
}
