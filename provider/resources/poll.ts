/**
 * Polling: one query round merged into the task record, and the wait until every URL is terminal (a member of the
 * host's shared poller, pollers.ts, on the schedule of engine/schedule.ts).
 *
 * Only batches younger than the cloud's history window are queried (`agedOut`, the one rule for "gone"). An empty or
 * partial answer changes nothing: URLs keep their last known state and the wait goes on. Query errors that prove
 * nothing (throttling, transient, unreachable) do not end the wait; anything else does, and the caller's boundary
 * records the state.
 */
import type { PollMember, RoundOutcome } from "../engine/poll-hub";
import { createProgressReporter } from "../engine/progress";
import { isRetryableKind, withRetry } from "../engine/retry";
import { firstPollAt, planNextPoll, validateBounds } from "../engine/schedule";
import { isCloudError, type CloudError } from "../model/errors";
import { agedOut } from "../model/history";
import { MAX_UNKNOWN_STATUS_OBSERVATIONS } from "../model/limits";
import { isTerminal } from "../model/status";
import type { QueryResult, SubmittedBatch, UrlObservation, UrlResult } from "../model/task";
import { RunFailure, type Journal } from "./contract";
import { batchCost, pollGroupFor, roundQuery } from "./pollers";
import { batchesToAsk, followUpNow, readsWhole, SpareCalls } from "./round-batches";
import { declaredUrl, type RunContext } from "./run-context";
import { ScheduleSignals } from "./signals";
import { MAX_SEGMENT_FAILURES, type MediaSegments, type TaskRecord } from "./state";
import { summarize } from "./summary";

const iso = (ms: number) => new Date(ms).toISOString();

/** Batches the cloud can still answer for. */
export function liveBatches(ctx: RunContext, rec: TaskRecord): SubmittedBatch[] {
  return rec.batches.filter((b) => !agedOut(ctx.cloud, b.submittedAt, ctx.clock.now()));
}

/**
 * What a wait asks about every round, kept across rounds: the live URLs while `batches` is the same list (it changes
 * only with a submit), and each URL's position in `results` (fixed for a run). A 10,000-URL wait otherwise built
 * three 10,000-entry sets per round (issue 9, host memory).
 */
const liveUrlSets = new WeakMap<readonly SubmittedBatch[], { live: number; urls: ReadonlySet<string> }>();
const resultIndexes = new WeakMap<RunContext, Map<string, number>>();

/** Declared URLs that some live batch covers. */
function liveUrls(ctx: RunContext, rec: TaskRecord): ReadonlySet<string> {
  const live = liveBatches(ctx, rec);
  const known = liveUrlSets.get(rec.batches);
  if (known && known.live === live.length) return known.urls;
  const urls = new Set(live.flatMap((b) => b.urls.map((u) => declaredUrl(ctx, u))));
  liveUrlSets.set(rec.batches, { live: live.length, urls });
  return urls;
}

/** True when the declared URL's result is not terminal (by its position in `results`, indexed once per run). */
function isOpen(ctx: RunContext, results: readonly UrlResult[], url: string): boolean {
  let index = resultIndexes.get(ctx);
  let i = index?.get(url);
  if (!index || (i !== undefined && results[i]?.url !== url)) {
    resultIndexes.set(ctx, (index = new Map(results.map((r, k) => [r.url, k]))));
    i = index.get(url);
  }
  return i !== undefined && results[i]?.url === url && !isTerminal(results[i].status);
}

/** True while some non-terminal URL can still be observed. */
export function awaitable(ctx: RunContext, rec: TaskRecord): boolean {
  const live = liveUrls(ctx, rec);
  return rec.results.some((r) => !isTerminal(r.status) && live.has(r.url));
}

/** Merges one query round into the record. */
export function mergeObservations(ctx: RunContext, rec: TaskRecord, observations: UrlObservation[], historyUnavailable: boolean,
  extra: UrlObservation[] = []): TaskRecord {
  const byDeclared = new Map(observations.map((o) => [declaredUrl(ctx, o.url), o]));
  let changed = false;
  let replaced = false;
  const mapped = rec.results.map((r): UrlResult => {
    if (r.status === "rejected") return r;
    const o = byDeclared.get(r.url);
    if (!o) return r;
    const taskId = o.taskId ?? r.taskId;
    const progress = isTerminal(o.status) ? 100 : Math.max(0, Math.min(99, o.progress ?? r.progress));
    // An unchanged result keeps its object, and a round that changes none keeps the list: a 10,000-URL wait then allocates
    // per round only for what changed.
    if (o.status === r.status && progress === r.progress && o.reason === r.reason && taskId === r.taskId) return r;
    if (o.status !== r.status || progress !== r.progress || o.reason !== r.reason) changed = true;
    replaced = true;
    return { url: r.url, status: o.status, taskId, reason: o.reason, progress };
  });
  const results = replaced ? mapped : rec.results;
  const at = iso(ctx.clock.now());
  const aged = rec.batches.length > liveBatches(ctx, rec).length;
  const next: TaskRecord = {
    ...rec, results, mediaSegments: extra.length > 0 ? summarizeSegments(extra) : rec.mediaSegments,
    historyAvailable: rec.historyAvailable && !historyUnavailable && !aged,
    verifiedAt: changed || (rec.verifiedAt === null && observations.length > 0) ? at : rec.verifiedAt,
  };
  return { ...next, finishedAt: rec.finishedAt ?? (complete(next) ? at : null) };
}

/** Counts the segment observations of one round; lists the first failures. */
export function summarizeSegments(extra: UrlObservation[]): MediaSegments {
  const failed = extra.filter((o) => isTerminal(o.status) && o.status !== "succeeded");
  return {
    count: extra.length,
    succeeded: extra.filter((o) => o.status === "succeeded").length,
    failed: failed.length,
    pending: extra.filter((o) => !isTerminal(o.status)).length,
    failures: failed.slice(0, MAX_SEGMENT_FAILURES).map((o) => ({ url: o.url, status: o.status, reason: o.reason })),
  };
}

/** Every URL terminal and nothing left to submit or reconcile. */
export function complete(rec: TaskRecord): boolean {
  return summarize(rec.results).pendingCount === 0 && rec.unsubmittedUrls.length === 0 && rec.uncertainBatches.length === 0;
}

/** One query round (with retries) merged into the journal's record. Aged-out batches are not queried. */
export async function pollOnce(ctx: RunContext, journal: Journal): Promise<TaskRecord> {
  const live = liveBatches(ctx, journal.record);
  if (live.length === 0) return journal.set(mergeObservations(ctx, journal.record, [], false));
  const q = await withRetry(() => ctx.adapter.query(ctx.spec, live), { clock: ctx.clock, call: "query" });
  unknownStatuses.check(ctx, q.observations);
  return journal.set(mergeObservations(ctx, journal.record, q.observations, q.historyUnavailable, q.extra ?? []));
}

/** Counts consecutive observations of statuses the adapter did not recognise, per URL, per run. */
const unknownStatuses = {
  seen: new WeakMap<RunContext, Map<string, number>>(),
  check(ctx: RunContext, observations: UrlObservation[]): void {
    const counts = this.seen.get(ctx) ?? new Map<string, number>();
    this.seen.set(ctx, counts);
    for (const o of observations) {
      const n = o.unknownStatus ? (counts.get(o.url) ?? 0) + 1 : 0;
      // Only runs of unknown statuses are kept: a known status (the usual case) leaves no entry.
      if (n === 0) {
        counts.delete(o.url);
        continue;
      }
      counts.set(o.url, n);
      if (n >= MAX_UNKNOWN_STATUS_OBSERVATIONS) {
        throw new RunFailure(`${ctx.cloud}: the cloud reported status ${JSON.stringify(o.unknownStatus)} for ${declaredUrl(ctx, o.url)} ` +
          `${n} times in a row (task ${o.taskId ?? "?"}); this provider does not know that status, so it cannot tell whether the ` +
          "URL is warm. Please report it; run `pulumi up` again to resume waiting (nothing is resubmitted).");
      }
    }
  },
};

/** True for query errors that must not end a wait: the ones a query retries, which prove nothing about the task. */
function tolerable(e: unknown): e is CloudError {
  return isCloudError(e) && isRetryableKind(e.kind, "query");
}

/** Polling settings. */
export interface WaitSettings {
  deadlineMs: number;
  /** Smallest sleep between two polls of this run, ms (`pollIntervalSeconds`, else the schedule's floor). */
  floorMs: number;
  /** Largest sleep between two polls, ms (≥ floorMs). */
  capMs: number;
}

/** How a wait ended. */
export interface WaitEnd {
  timedOut: boolean;
  /** The last query error tolerated during the wait, if the last poll failed. */
  lastError: CloudError | null;
}

/** Live batches with at least one URL that is not terminal: the only ones a round asks about. */
export function openBatches(ctx: RunContext, rec: TaskRecord): SubmittedBatch[] {
  return liveBatches(ctx, rec).filter((b) => b.urls.some((u) => isOpen(ctx, rec.results, declaredUrl(ctx, u))));
}

/**
 * Merges one round's outcome into the journal (media segments seen so far kept in `segments`, across rounds). Returns
 * the error of a failed round when it proves nothing (the wait goes on); throws one that ends the wait.
 */
function takeOutcome(ctx: RunContext, journal: Journal, outcome: RoundOutcome<QueryResult>, segments: Map<string, UrlObservation>): CloudError | null {
  if (!outcome.ok) {
    if (!tolerable(outcome.error)) throw outcome.error;
    return outcome.error;
  }
  const q = outcome.value;
  unknownStatuses.check(ctx, q.observations);
  for (const o of q.extra ?? []) segments.set(o.url, o);
  journal.set(mergeObservations(ctx, journal.record, q.observations, q.historyUnavailable, [...segments.values()]));
  return null;
}

/**
 * Polls until no non-terminal URL can be observed any more, or the deadline passes. The wait is a member of the host
 * process's shared poller for its cloud, account and scope (pollers.ts): each round it is asked about open batches
 * only — a batch whose URLs are all terminal is never queried again; of those, the first ones in submit order unless
 * the whole picture is needed (round-batches.ts), asking again at once when they all finished — and the schedule
 * (engine/schedule.ts) says when it wants the next round. The first round of a resumed wait also asks about finished
 * batches when media segments were recorded, so the segment summary keeps counting them; segments seen during the wait
 * are kept across rounds.
 */
export async function waitForRecord(ctx: RunContext, journal: Journal, w: WaitSettings): Promise<WaitEnd> {
  const bounds = { floorMs: w.floorMs, capMs: Math.max(w.floorMs, w.capMs) };
  validateBounds(bounds);
  const reporter = createProgressReporter({ clock: ctx.clock, log: ctx.log, label: ctx.label });
  const progressOf = (r: TaskRecord) => {
    const s = summarize(r.results);
    return { progress: s.progress, done: s.succeededCount + s.failedCount, total: s.urlCount, failed: s.failedCount };
  };
  const signals = new ScheduleSignals(ctx, liveBatches(ctx, journal.record), ctx.clock.now());
  const segments = new Map<string, UrlObservation>();
  let answered = 0;
  let lastError: CloudError | null = null;
  let timedOut = false;
  // What the member's round asks (request() is called once per round it joins, before that round: poll-hub.ts), and
  // whether the schedule's finish-line rule called that round.
  let asked: { batches: SubmittedBatch[]; open: SubmittedBatch[]; finishLine: boolean } = { batches: [], open: [], finishLine: false };
  let finishLineNext = false;
  const cost = batchCost(ctx);
  const spare = new SpareCalls();
  const request = (): SubmittedBatch[] => {
    const open = openBatches(ctx, journal.record);
    const batches = answered === 0 && journal.record.mediaSegments ? liveBatches(ctx, journal.record)
      : batchesToAsk(open, cost, readsWhole(journal.record, ctx.clock.now(), w.deadlineMs, open, cost));
    asked = { batches, open, finishLine: finishLineNext };
    return batches;
  };
  const deliver = (outcome: RoundOutcome<QueryResult>, now: number): number | null => {
    lastError = takeOutcome(ctx, journal, outcome, segments);
    if (outcome.ok) {
      answered++;
      signals.observe(journal.record, now, asked.batches);
      spare.add(cost(asked.open), cost(asked.batches), asked.finishLine);
    }
    reporter.report(progressOf(journal.record));
    if (!awaitable(ctx, journal.record) || !journal.record.historyAvailable) return null;
    if (now >= w.deadlineMs) {
      timedOut = true;
      return null;
    }
    if (outcome.ok && followUpNow(asked.batches, asked.open, openBatches(ctx, journal.record))) {
      finishLineNext = false;
      return now;
    }
    const whole = asked.batches.length >= asked.open.length;
    const plan = planNextPoll(signals.at(journal.record, now, spare.covers(cost(asked.batches)), whole), bounds);
    signals.predicted(plan.predictionMs);
    finishLineNext = plan.rule === "finishLine";
    return Math.min(w.deadlineMs, now + plan.sleepMs);
  };
  const member: PollMember<SubmittedBatch[], QueryResult> = { request, query: roundQuery(ctx), deliver };
  const now = ctx.clock.now();
  await pollGroupFor(ctx).join(member, firstPollAt(now, signals.newestSubmitMs, bounds.floorMs, w.deadlineMs));
  reporter.final(progressOf(journal.record));
  return { timedOut, lastError };
}
