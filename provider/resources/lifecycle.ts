/**
 * Create and update flows: preflight (quota), reconcile what is uncertain, submit what is pending, wait, apply the
 * failure policy. Each flow runs inside the contract's boundary (`contract.ts`), so anything the cloud may hold is
 * always returned to Pulumi — as outputs, or as a partial failure carrying the id and complete outputs.
 */
import type { QuotaRead } from "../adapters/quota-memory";
import type { PrefetchAdapter } from "../adapters/types";
import type { Clock } from "../engine/clock";
import { withRetry } from "../engine/retry";
import { SCHEDULE } from "../engine/schedule";
import type { CloudKind } from "../model/cloud";
import { isCloudError } from "../model/errors";
import { HISTORY_DAYS } from "../model/limits";
import { DEFAULT_PURGE_METHOD } from "../model/purge";
import type { QuotaInfo, SubmittedBatch } from "../model/task";
import { changedRun, freshRun, purgeOpen, type RunPlan } from "./changes";
import { guarded, Journal, RunFailure, unfinishedWork, type Boundary } from "./contract";
import { sameValue } from "./diff";
import { describeCloudError, failedLines, quotaMessage } from "./errors";
import type { AnyInputs } from "./inputs";
import { WAIT_TIMEOUT } from "./limits";
import { awaitable, waitForRecord } from "./poll";
import { afterPurge, purgeContext, purgeJournal } from "./purge-phase";
import { settleUncertain } from "./reconcile";
import { previousOf, type RunContext } from "./run-context";
import { createRedactor, markSecretOutputs, unwrapSecretValues } from "./secrets";
import { scopeOf, specFromInputs, submitForms } from "./spec";
import { buildOutputs, emptyRecord, recordFromOutputs, type PurgeRecord, type TaskRecord } from "./state";
import { submitPending } from "./submit";
import { summarize, type FailurePolicy } from "./summary";

/** Everything a create/update/read needs for one resource. */
export interface Lifecycle {
  cloud: CloudKind;
  inputs: AnyInputs;
  /** The declared URLs (the `urls` entries' URLs, versions aside), in order. */
  urls: string[];
  clock: Clock;
  log: (line: string) => void;
  /** Builds the adapter (resolves credentials; throws a CredentialsError when there are none). */
  adapter: () => PrefetchAdapter;
  /** How long after a submit "not listed by the cloud" still proves nothing, ms. */
  graceMs: number;
}

/**
 * Pause before resubmitting after the `round`-th submit in a row got no answer (and the cloud proved it had nothing):
 * 1 s, 2 s, 4 s … up to 30 s. A cloud answering new domains with an internal error for a while (EdgeOne
 * `InternalError.DomainConfig`, ledger EO-32) is retried until the wait budget ends, never hammered.
 */
function uncertainBackoffMs(round: number): number {
  return Math.min(30_000, 1000 * 2 ** (round - 1));
}


/** The run context for inputs `raw` (`previous`: the batches of earlier runs, never adopted when reconciling). */
export function runContext(lc: Lifecycle, previous: readonly SubmittedBatch[] = []): RunContext {
  const forms = submitForms(lc.cloud, lc.inputs, lc.urls);
  return {
    cloud: lc.cloud, phase: "prefetch", adapter: lc.adapter(), spec: specFromInputs(lc.cloud, lc.inputs), clock: lc.clock, log: lc.log,
    label: lc.inputs.progressLabel || `${lc.cloud} prefetch`, forms,
    declaredOf: new Map([...forms].map(([declared, submitted]) => [submitted, declared])),
    graceMs: lc.graceMs, ...previousOf(previous),
  };
}

/** The input names that were secrets in the program (set by the SDK). */
function secretInputs(lc: Lifecycle): string[] {
  const v = (lc.inputs as { secretInputs?: unknown }).secretInputs;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Resource id: cloud, scope and the first task id, e.g. `edgeone:zone-2noz78a8ev6k:20ga521cpwch`. */
export function resourceId(ctx: RunContext, rec: TaskRecord): string {
  return `${ctx.cloud}:${scopeOf(ctx.spec)}:${rec.batches[0]?.taskIds[0] ?? "unconfirmed"}`;
}

/** The boundary for one run. `fixedId` is the existing resource's id (updates keep it). */
function boundary(lc: Lifecycle, ctx: RunContext, raw: Record<string, unknown>, journal: Journal, fixedId: string | null): Boundary {
  const secrets = secretInputs(lc);
  return {
    cloud: lc.cloud, raw, journal, exists: fixedId !== null, now: () => lc.clock.now(), secret: secrets.length > 0,
    id: (rec) => fixedId ?? resourceId(ctx, rec),
    outputs: (outs) => markSecretOutputs(outs, secrets),
    redact: createRedactor(secrets, lc.urls, lc.urls.map((u) => ctx.forms.get(u) ?? u), Object.values(lc.inputs.headers ?? {})),
  };
}

function policyOf(i: AnyInputs): FailurePolicy {
  return { allowedFailures: i.allowedFailures ?? null, allowedFailurePercent: i.allowedFailurePercent ?? null };
}

/**
 * Quota read failures already warned about, per clock (one per host process and cloud) and cloud and code: the
 * resources of a stack share one quota read (adapters/quota-memory.ts), so its failure is reported once, not once per
 * resource.
 */
const quotaWarnings = new WeakMap<Clock, Set<string>>();

/** True the first time `key` is warned about on `clock`. */
function firstWarning(clock: Clock, key: string): boolean {
  const seen = quotaWarnings.get(clock) ?? new Set<string>();
  quotaWarnings.set(clock, seen);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** Reads the quota with retries; a read that still fails is a warning (given once), never the end of the run. */
async function readQuota(ctx: RunContext, how?: QuotaRead): Promise<QuotaInfo | null> {
  try {
    return await withRetry(() => ctx.adapter.quota(ctx.spec, how), { clock: ctx.clock, call: "quota" });
  } catch (e) {
    if (!isCloudError(e)) throw e;
    if (!firstWarning(ctx.clock, `${ctx.cloud}|${ctx.phase}|${e.code}`)) return null;
    ctx.log(`prefetch ${ctx.label}: warning: could not read the ${ctx.phase} quota (${describeCloudError(e)}); the daily quota is ` +
      `not checked and requests carry at most ${ctx.adapter.limits.urlsPerRequest} URLs (the documented per-request limit)`);
    return null;
  }
}

/**
 * Reads the quota; refuses early when today's remainder cannot cover `count` URLs. Returns URLs per request.
 * - A job that fits in one request of the documented size ({@link URLS_PER_REQUEST}) reads no quota: the cloud refuses
 *   an over-quota request whole, nothing accepted (ledger EO-5, CDN-3, DCDN-7, ESA-8), and that refusal ends the run
 *   with a quota message naming the next reset (errors.ts `nextStep`); no batch figure is needed either (a zone `Batch`
 *   below it is met by halving, `smallerBatch`). A figure this process already remembers is still used.
 * - A remembered figure may be older than the cloud's (a reset, a raised quota): the run is refused only on a fresh one.
 */
async function preflight(lc: Lifecycle, ctx: RunContext, count: number): Promise<number> {
  const documented = ctx.adapter.limits.urlsPerRequest;
  let quota = await readQuota(ctx, count <= documented ? { rememberedOnly: true } : undefined);
  if (quota?.remaining != null && quota.remaining < count) quota = await readQuota(ctx, { fresh: true });
  if (quota?.remaining != null && quota.remaining < count) {
    const detail = `${count} URLs to ${ctx.phase === "purge" ? "purge" : "submit"} but only ${quota.remaining} of ${quota.daily ?? "?"} left in the current quota period`;
    throw new RunFailure(quotaMessage(lc.cloud, detail, lc.clock.now(), ctx.phase));
  }
  const perRequest = quota?.perRequest != null && quota.perRequest > 0 ? quota.perRequest : documented;
  if (lc.inputs.batching === false && count > perRequest) {
    throw new RunFailure(`${lc.cloud}: ${count} URLs exceed the ${perRequest} one request may carry here; remove batching: false`);
  }
  return perRequest;
}

/** Submits everything unsubmitted; an uncertain submit is reconciled before anything else is sent. */
async function submitAll(lc: Lifecycle, ctx: RunContext, journal: Journal, deadlineMs: number, pollMs: number): Promise<void> {
  if (journal.record.unsubmittedUrls.length === 0) return;
  let perRequest = await preflight(lc, ctx, journal.record.unsubmittedUrls.length);
  for (let round = 1; ; round++) {
    let end: Awaited<ReturnType<typeof submitPending>>;
    try {
      end = await submitPending(ctx, journal, perRequest);
    } catch (e) {
      if (lc.inputs.batching === false) throw e;
      perRequest = smallerBatch(ctx, e, perRequest);
      continue;
    }
    if (end === "accepted") return;
    if (!(await settleUncertain(ctx, journal, deadlineMs, pollMs))) throw new RunFailure(uncertainMessage(ctx, journal.record));
    if (journal.record.unsubmittedUrls.length === 0) return;
    const pause = uncertainBackoffMs(round);
    if (ctx.clock.now() + pause > deadlineMs) {
      throw new RunFailure(`${ctx.cloud}: ${round} submits in a row got no answer from the cloud. ${uncertainMessage(ctx, journal.record)}`);
    }
    await ctx.clock.sleep(pause);
  }
}

/**
 * After a submit refused as too large for one request (`batchLimit`: nothing was accepted), the next smaller request
 * size: half, down to 1. The vendors' own limit can be below the documented or assumed one (ESA's is undocumented,
 * ledger ESA-3). Any other error is rethrown.
 */
function smallerBatch(ctx: RunContext, e: unknown, perRequest: number): number {
  if (!(isCloudError(e) && e.detail === "batchLimit" && perRequest > 1 && e.kind === "quota")) throw e;
  const next = Math.max(1, Math.floor(perRequest / 2));
  ctx.log(`prefetch ${ctx.label}: the cloud refused ${perRequest} URLs in one request (${e.code}); sending ${next} per request`);
  return next;
}

function uncertainMessage(ctx: RunContext, rec: TaskRecord): string {
  const u = rec.uncertainBatches;
  const n = u.reduce((a, b) => a + b.urls.length, 0) + rec.unsubmittedUrls.length;
  const last = u.at(-1)?.error ?? "no answer";
  const what = ctx.phase === "purge" ? "purge " : "";
  return `${ctx.cloud}: ${n} URLs were sent ${what ? "for purging " : ""}but the cloud's answer never arrived (${last}), and its ${what}task list does not show ` +
    "them yet. They are recorded as uncertain: the next `pulumi up` asks the cloud again and submits only what it provably " +
    "does not have.";
}

/**
 * Wait settings from inputs and adapter defaults: `pollIntervalSeconds` is the smallest sleep between status polls
 * (else the schedule's floor, engine/schedule.ts) and the pause between reconciliation passes (else the adapter's).
 */
function pollMs(lc: Lifecycle, ctx: RunContext): { floor: number; cap: number; reconcile: number } {
  const given = lc.inputs.pollIntervalSeconds !== undefined ? lc.inputs.pollIntervalSeconds * 1000 : null;
  const floor = given ?? SCHEDULE.floorMs;
  return { floor, cap: Math.max(floor, ctx.adapter.limits.pollMaxMs), reconcile: given ?? ctx.adapter.limits.pollInitialMs };
}

/** Waits (unless `wait: false`) and decides: success only when nothing is unfinished. */
async function finish(lc: Lifecycle, ctx: RunContext, journal: Journal, deadlineMs: number, raw: Record<string, unknown>, b: Boundary): Promise<Record<string, unknown>> {
  const i = lc.inputs;
  const waiting = i.wait !== false;
  const p = pollMs(lc, ctx);
  let end = { timedOut: false, lastError: null as null | { code: string; message: string } };
  if (waiting && awaitable(ctx, journal.record) && journal.record.historyAvailable) {
    end = await waitForRecord(ctx, journal, { deadlineMs, floorMs: p.floor, capMs: p.cap });
  }
  const rec = journal.record;
  const why = unfinishedWork(rec, policyOf(i), waiting);
  if (why === null) return b.outputs(buildOutputs(lc.cloud, raw, rec));
  throw failureOf(lc, ctx, rec, why, end, deadlineMs);
}

/** The RunFailure for unfinished work: timeout, history gone, or the failure policy. */
function failureOf(lc: Lifecycle, ctx: RunContext, rec: TaskRecord, why: string, end: { timedOut: boolean; lastError: null | { code: string; message: string } },
  deadlineMs: number): RunFailure {
  const s = summarize(rec.results);
  const ids = [...new Set(rec.batches.flatMap((x) => x.taskIds))].join(",") || "none confirmed";
  if (s.pendingCount === 0 && rec.unsubmittedUrls.length === 0 && rec.uncertainBatches.length === 0) {
    const lines = failedLines(rec.results);
    return new RunFailure(`${lc.cloud}: ${s.failedCount} of ${s.urlCount} URLs were not prefetched (task ${ids}):\n${lines.join("\n")}\n` +
      "Fix the origin, then change `triggers` to prefetch again, or tolerate failures with allowedFailures / allowedFailurePercent.",
    lines.map((l) => l.trim()));
  }
  if (!rec.historyAvailable || (!awaitable(ctx, rec) && s.pendingCount > 0 && rec.uncertainBatches.length === 0 && rec.unsubmittedUrls.length === 0)) {
    return new RunFailure(`${lc.cloud}: the outcome of ${s.pendingCount} of ${s.urlCount} URLs can no longer be read: the cloud keeps task ` +
      `history for a limited time and tasks ${ids} are older than that. Their last known state is kept. Change \`triggers\` to prefetch them again.`);
  }
  const budget = Math.round(((lc.inputs.waitTimeoutSeconds ?? WAIT_TIMEOUT.defaultSeconds) * 1000) / 1000);
  const last = end.lastError ? ` The last status query failed with ${end.lastError.code}: ${end.lastError.message}.` : "";
  const when = end.timedOut || ctx.clock.now() >= deadlineMs ? `waited ${budget}s; ` : "";
  return new RunFailure(`${lc.cloud}: ${when}${why} (${s.progress}%, task ${ids}).${last} Everything is recorded: run \`pulumi up\` ` +
    "again to resume waiting on the same tasks (nothing is resubmitted), or raise waitTimeoutSeconds.");
}

function deadlineOf(lc: Lifecycle): number {
  return lc.clock.now() + (lc.inputs.waitTimeoutSeconds ?? WAIT_TIMEOUT.defaultSeconds) * 1000;
}

/**
 * Adopts tasks submitted elsewhere: create only waits for and reads them. Their age is counted from `submittedAfter`
 * when given, else from now; `windowStart` tells adapters that find tasks by time (ESA: seed 001 has no task-id
 * filter) where to search: `submittedAfter`, else the start of the cloud's history window (one minute inside it).
 */
function adopt(lc: Lifecycle, ctx: RunContext, rec: TaskRecord, taskIds: string[]): TaskRecord {
  const now = lc.clock.now();
  const given = (lc.inputs as { submittedAfter?: string }).submittedAfter;
  const oldest = now - HISTORY_DAYS[lc.cloud] * 86_400_000 + 60_000;
  const from = given ? Math.max(Date.parse(given), oldest) : oldest;
  const at = new Date(given ? from : now).toISOString();
  const urls = lc.urls.map((u) => ctx.forms.get(u) ?? u);
  return { ...rec, adopted: true, unsubmittedUrls: [], submittedAt: at, batches: [{ taskIds, urls, submittedAt: at, windowStart: new Date(from).toISOString() }] };
}

/** What a run of `lc` is asked to do (see changes.ts). */
function planOf(lc: Lifecycle, ctx: RunContext, reason: RunPlan["reason"]): RunPlan {
  return {
    reason, urls: lc.urls, purgeFirst: lc.inputs.purgeFirst === true, method: lc.inputs.purgeMethod ?? DEFAULT_PURGE_METHOD,
    formOf: (u) => ctx.forms.get(u) ?? u, now: new Date(lc.clock.now()).toISOString(),
  };
}

/**
 * The purge phase (purge-phase.ts): reconcile uncertain purges, check both quotas before the first purge leaves (a
 * purged URL that cannot be prefetched would be left cold), submit what is unpurged, and wait until every purge is
 * terminal — also with `wait: false`, as nothing may be prefetched before its purge finished. Throws a RunFailure when
 * the budget ends first; the record holds the purge tasks, and the next `up` resumes them.
 */
async function purgePhase(lc: Lifecycle, ctx: RunContext, journal: Journal, deadlineMs: number, previous: PurgeRecord | null): Promise<void> {
  const pj = purgeJournal(journal);
  const pctx = purgeContext(ctx, journal.record.purge!, previous);
  const p = pollMs(lc, ctx);
  if (pj.record.uncertainBatches.length > 0 && !(await settleUncertain(pctx, pj, deadlineMs, p.reconcile))) {
    throw new RunFailure(uncertainMessage(pctx, pj.record));
  }
  if (pj.record.unsubmittedUrls.length > 0) await preflight(lc, ctx, journal.record.unsubmittedUrls.length);
  await submitAll(lc, pctx, pj, deadlineMs, p.reconcile);
  let end: Awaited<ReturnType<typeof waitForRecord>> | null = null;
  if (awaitable(pctx, pj.record) && pj.record.historyAvailable) {
    end = await waitForRecord(pctx, pj, { deadlineMs, floorMs: p.floor, capMs: p.cap });
  }
  if (purgeOpen(journal.record.purge)) throw purgeFailure(lc, journal.record.purge!, end?.lastError ?? null);
}

/** The RunFailure for a purge that did not finish: budget spent, or its history gone. */
function purgeFailure(lc: Lifecycle, purge: PurgeRecord, lastError: { code: string; message: string } | null): RunFailure {
  const s = summarize(purge.results);
  const ids = [...new Set(purge.batches.flatMap((x) => x.taskIds))].join(",") || "none confirmed";
  if (!purge.historyAvailable) {
    return new RunFailure(`${lc.cloud}: the purge of ${s.pendingCount} of ${s.urlCount} URLs can no longer be read (purge tasks ${ids} are older than ` +
      "the cloud keeps). Nothing was prefetched for them. Change `triggers` to purge and prefetch them again.");
  }
  const budget = lc.inputs.waitTimeoutSeconds ?? WAIT_TIMEOUT.defaultSeconds;
  const last = lastError ? ` The last status query failed with ${lastError.code}: ${lastError.message}.` : "";
  return new RunFailure(`${lc.cloud}: waited ${budget}s; the purge of ${s.pendingCount} of ${s.urlCount} URLs is still running (purge tasks ${ids}); ` +
    `nothing is prefetched before its purge finished.${last} Everything is recorded: run \`pulumi up\` again to resume waiting on the same ` +
    "purge tasks (nothing is purged or submitted again), or raise waitTimeoutSeconds.");
}

/** Purge (when the record asks), reconcile what is uncertain, submit what is pending, wait and decide. */
async function runRecord(lc: Lifecycle, ctx: RunContext, journal: Journal, deadlineMs: number, raw: Record<string, unknown>, b: Boundary,
  previousPurge: PurgeRecord | null): Promise<Record<string, unknown>> {
  if (purgeOpen(journal.record.purge)) await purgePhase(lc, ctx, journal, deadlineMs, previousPurge);
  journal.set(afterPurge(journal.record));
  const p = pollMs(lc, ctx);
  if (journal.record.uncertainBatches.length > 0 && !(await settleUncertain(ctx, journal, deadlineMs, p.reconcile))) {
    throw new RunFailure(uncertainMessage(ctx, journal.record));
  }
  await submitAll(lc, ctx, journal, deadlineMs, p.reconcile);
  return finish(lc, ctx, journal, deadlineMs, raw, b);
}

/** `create`: purge first when asked, submit (or adopt existing task ids), then wait. */
export async function createResource(lc: Lifecycle, raw: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
  const ctx = runContext(lc);
  const journal = new Journal(freshRun(planOf(lc, ctx, "create")));
  const b = boundary(lc, ctx, raw, journal, null);
  return guarded(b, async () => {
    const deadline = deadlineOf(lc);
    if (lc.inputs.existingTaskIds) journal.set(adopt(lc, ctx, emptyRecord(lc.urls), lc.inputs.existingTaskIds));
    const outs = await runRecord(lc, ctx, journal, deadline, raw, b, null);
    return { id: b.id(journal.record), outs };
  });
}

/**
 * `update`: with `rerun` (a `triggers` change) run every URL anew; with a change of `urls`, run only the URLs that are
 * new or whose version changed (changes.ts); otherwise reconcile what is uncertain, submit what was left, and resume
 * waiting on the recorded tasks. In every case an unfinished purge is finished before its URLs are prefetched. The id
 * never changes.
 */
export async function resumeResource(lc: Lifecycle, id: string, olds: Record<string, unknown>,
  news: Record<string, unknown>, rerun: boolean): Promise<Record<string, unknown>> {
  const old = recordFromOutputs(olds);
  const oldUrls = unwrapSecretValues(olds.urls);
  const newUrls = unwrapSecretValues(news.urls);
  const changed = !rerun && !sameValue(oldUrls, newUrls);
  const ctx = runContext(lc, rerun || changed ? old.batches : []);
  const start = rerun ? freshRun(planOf(lc, ctx, "triggers")) : changed ? changedRun(old, oldUrls, newUrls, planOf(lc, ctx, "urls")) : old;
  const journal = new Journal(start);
  const b = boundary(lc, ctx, news, journal, id);
  return guarded(b, () => runRecord(lc, ctx, journal, deadlineOf(lc), news, b, rerun || changed ? old.purge : null));
}

