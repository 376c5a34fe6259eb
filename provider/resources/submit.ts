/**
 * Submitting declared URLs in batches, journalled so that nothing the cloud may have accepted is ever lost:
 * each request is entered in the journal as an uncertain batch *before* it leaves the process; an answer turns it
 * into an accepted batch, an error that proves nothing was accepted removes it, and anything else (a reset, a read
 * timeout, a 5xx, an unparsable reply, a bug) leaves it uncertain for reconciliation.
 */
import { provesNothingAccepted, withRetry } from "../engine/retry";
import { isCloudError } from "../model/errors";
import type { RejectedUrl, SubmittedBatch, UncertainBatch, UrlResult } from "../model/task";
import type { Journal } from "./contract";
import type { RunContext } from "./run-context";
import type { TaskRecord } from "./state";

const iso = (ms: number) => new Date(ms).toISOString();

/** How one submit ended. */
export type SubmitEnd = "accepted" | "uncertain";

/**
 * Submits `record.unsubmittedUrls` in chunks of `perRequest` until none are left. Throws the first error that proves
 * a chunk was refused (the journal then holds what was accepted before it). Returns "uncertain" as soon as a submit's
 * outcome is unknown (the journal holds the uncertain batch; the caller reconciles before submitting more).
 */
export async function submitPending(ctx: RunContext, journal: Journal, perRequest: number): Promise<SubmitEnd> {
  while (journal.record.unsubmittedUrls.length > 0) {
    const declared = journal.record.unsubmittedUrls.slice(0, perRequest);
    if ((await submitChunk(ctx, journal, declared)) === "uncertain") return "uncertain";
  }
  return "accepted";
}

/** One request: journalled as uncertain first, then resolved by its answer. */
async function submitChunk(ctx: RunContext, journal: Journal, declared: string[]): Promise<SubmitEnd> {
  const submit = declared.map((u) => ctx.forms.get(u) ?? u);
  const pending: UncertainBatch = { urls: submit, attemptedAt: iso(ctx.clock.now()), requestId: null, error: "no answer received" };
  journal.set(enterUncertain(journal.record, declared, pending));
  try {
    const res = await withRetry(() => ctx.adapter.submit(ctx.spec, submit), { clock: ctx.clock, call: "submit" });
    journal.set(acceptChunk(leaveUncertain(journal.record, pending), declared, submit, res.taskIds, res.rejected, pending.attemptedAt));
    return journal.record.uncertainBatches.length > 0 ? "uncertain" : "accepted";
  } catch (e) {
    if (provesNothingAccepted(e)) {
      journal.set(refuseChunk(journal.record, pending, declared));
      throw e;
    }
    const why = isCloudError(e) ? `${e.code}: ${e.message}` : `${(e as Error).name}: ${(e as Error).message}`;
    const requestId = isCloudError(e) ? e.requestId : null;
    journal.set(replaceUncertain(journal.record, pending, { ...pending, error: why.slice(0, 500), requestId }));
    return "uncertain";
  }
}

/** Moves `declared` from unsubmitted to an uncertain batch. */
function enterUncertain(rec: TaskRecord, declared: string[], u: UncertainBatch): TaskRecord {
  return { ...rec, unsubmittedUrls: withoutChunk(rec.unsubmittedUrls, declared), uncertainBatches: [...rec.uncertainBatches, u] };
}

/**
 * `urls` less every occurrence of the chunk's URLs: when the chunk is its head (what submitPending sends) and occurs
 * nowhere else, one exact-size slice instead of a growing filtered copy per request (a 10,000-URL create sends 100).
 */
function withoutChunk(urls: readonly string[], chunk: readonly string[]): string[] {
  const set = new Set(chunk);
  if (chunk.every((u, i) => urls[i] === u)) {
    const rest = urls.slice(chunk.length);
    if (!rest.some((x) => set.has(x))) return rest;
  }
  return urls.filter((x) => !set.has(x));
}

function leaveUncertain(rec: TaskRecord, u: UncertainBatch): TaskRecord {
  return { ...rec, uncertainBatches: rec.uncertainBatches.filter((x) => x !== u) };
}

function replaceUncertain(rec: TaskRecord, u: UncertainBatch, next: UncertainBatch): TaskRecord {
  return { ...rec, uncertainBatches: rec.uncertainBatches.map((x) => (x === u ? next : x)) };
}

/** A refused chunk goes back to the front of the unsubmitted list. */
function refuseChunk(rec: TaskRecord, u: UncertainBatch, declared: string[]): TaskRecord {
  return { ...leaveUncertain(rec, u), unsubmittedUrls: [...declared, ...rec.unsubmittedUrls] };
}

/**
 * Records an accepted chunk: a batch for the URLs the cloud took, and per-URL refusals. URLs taken without any task
 * id (an answer that names no job) cannot be queried by id: they become an uncertain batch, found by reconciliation.
 */
export function acceptChunk(rec: TaskRecord, declared: string[], submit: string[], taskIds: string[],
  rejected: RejectedUrl[], at: string): TaskRecord {
  const declaredOf = new Map(submit.map((s, i) => [s, declared[i]]));
  const refused = new Map(rejected.map((r) => [declaredOf.get(r.url) ?? r.url, r.reason]));
  const inChunk = new Set(declared);
  const taken = submit.filter((s) => !refused.has(declaredOf.get(s)!));
  const results = rec.results.map((r): UrlResult => (refused.has(r.url)
    ? { ...r, status: "rejected", progress: 100, reason: refused.get(r.url) ?? null }
    : inChunk.has(r.url) ? { ...r, taskId: taskIds.length === 1 ? taskIds[0] : r.taskId } : r));
  const next: TaskRecord = { ...rec, results, submittedAt: rec.submittedAt ?? at };
  if (taken.length === 0) return next;
  if (taskIds.length > 0) return { ...next, batches: [...rec.batches, { taskIds, urls: taken, submittedAt: at } satisfies SubmittedBatch] };
  const noId: UncertainBatch = { urls: taken, attemptedAt: at, requestId: null, error: "the cloud accepted the request but named no task id" };
  return { ...next, uncertainBatches: [...rec.uncertainBatches, noId] };
}
