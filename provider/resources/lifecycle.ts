/**
 * Create and update flows: preflight (quota), submit or adopt, wait, apply the failure policy. Anything the cloud
 * accepted is always returned to Pulumi — as outputs, or as a partial failure carrying the id and outputs so far.
 */
import type { PrefetchAdapter } from "../adapters/types";
import type { Clock } from "../engine/clock";
import type { CloudKind } from "../model/cloud";
import { isCloudError } from "../model/errors";
import type { PrefetchSpec } from "../model/spec";
import { describeCloudError, failedLines, partialFailure, quotaMessage } from "./errors";
import type { AnyInputs } from "./inputs";
import { WAIT_TIMEOUT } from "./limits";
import { emptyRecord, submitPending, waitForRecord, type RunContext } from "./run";
import { scopeOf, specFromInputs, submitForms } from "./spec";
import { buildOutputs, recordFromOutputs, type TaskRecord } from "./state";
import { summarize, violatesPolicy } from "./summary";

/** Everything a create/update/read needs for one resource. */
export interface Lifecycle {
  cloud: CloudKind;
  inputs: AnyInputs;
  clock: Clock;
  log: (line: string) => void;
  /** Builds the adapter (resolves credentials; throws a CredentialsError when there are none). */
  adapter: () => PrefetchAdapter;
}

/** The per-resource working set. */
interface Job {
  lc: Lifecycle;
  ctx: RunContext;
  spec: PrefetchSpec;
  forms: Map<string, string>;
  raw: Record<string, unknown>;
}

function job(lc: Lifecycle, raw: Record<string, unknown>): Job {
  const adapter = lc.adapter();
  const label = lc.inputs.progressLabel || `${lc.cloud} prefetch`;
  return {
    lc, raw, spec: specFromInputs(lc.cloud, lc.inputs), forms: submitForms(lc.cloud, lc.inputs),
    ctx: { adapter, clock: lc.clock, log: lc.log, label },
  };
}

/** Resource id: cloud, scope and the first task id, e.g. `edgeone:zone-2noz78a8ev6k:20ga521cpwch`. */
function resourceId(j: Job, rec: TaskRecord): string {
  return `${j.lc.cloud}:${scopeOf(j.spec)}:${rec.batches[0]?.taskIds[0] ?? "none"}`;
}

/** Reads the quota; refuses early when today's remainder cannot cover the URLs. Returns URLs per request. */
async function preflight(j: Job, count: number): Promise<number> {
  let quota = null;
  try {
    quota = await j.ctx.adapter.quota(j.spec);
  } catch (e) {
    if (isCloudError(e) && e.kind === "auth") throw new Error(`${j.lc.cloud}: ${describeCloudError(e)}; check the credentials`);
  }
  // The cloud's own per-request figure (EdgeOne `Batch`) is authoritative; otherwise the adapter's documented limit.
  const perRequest = quota?.perRequest ?? j.ctx.adapter.limits.urlsPerRequest;
  if (quota?.remaining != null && quota.remaining < count) {
    throw new Error(quotaMessage(j.lc.cloud, `${count} URLs declared but only ${quota.remaining} of ${quota.daily ?? "?"} left today`, j.lc.clock.now()));
  }
  if (j.lc.inputs.batching === false && count > perRequest) {
    throw new Error(`${j.lc.cloud}: ${count} URLs exceed the ${perRequest} one request may carry here; remove batching: false`);
  }
  return perRequest;
}

/** Message for a submit that the cloud refused before accepting anything. */
function submitRefused(j: Job, e: Error): Error {
  if (!isCloudError(e)) return e;
  if (e.kind === "quota") return new Error(quotaMessage(j.lc.cloud, describeCloudError(e), j.lc.clock.now()));
  const hint = e.kind === "auth" ? "; check the credentials" : e.kind === "throttled" ? "; still throttled after retries, try again later" : "";
  return new Error(`${j.lc.cloud}: nothing was submitted: ${describeCloudError(e)}${hint}`);
}

/** Submits what is pending; on a refusal after some acceptance, fails partially so the accepted tasks are kept. */
async function submit(j: Job, rec: TaskRecord, urls: number): Promise<TaskRecord> {
  const perRequest = await preflight(j, urls);
  const out = await submitPending(j.ctx, j.spec, rec, j.forms, perRequest);
  if (!out.error) return out.record;
  if (out.record.batches.length === 0) throw submitRefused(j, out.error);
  const outs = buildOutputs(j.lc.cloud, j.raw, out.record);
  const why = submitRefused(j, out.error).message;
  throw partialFailure(`${why}\n${out.record.unsubmittedUrls.length} URLs were not submitted yet; the accepted tasks are recorded ` +
    "and the next `pulumi up` submits the rest.", resourceId(j, out.record), outs, [why]);
}

/** Waits (unless `wait: false`) and applies the failure policy. */
async function finish(j: Job, id: string, rec: TaskRecord): Promise<Record<string, unknown>> {
  const i = j.lc.inputs;
  let record = rec;
  const pending = summarize(rec.results).pendingCount > 0;
  if (i.wait !== false && pending && record.historyAvailable) {
    const timeoutMs = (i.waitTimeoutSeconds ?? WAIT_TIMEOUT.defaultSeconds) * 1000;
    const lim = j.ctx.adapter.limits;
    const initial = i.pollIntervalSeconds !== undefined ? i.pollIntervalSeconds * 1000 : lim.pollInitialMs;
    const w = await waitForRecord(j.ctx, j.spec, record, j.forms, { timeoutMs, initialDelayMs: initial, maxDelayMs: Math.max(initial, lim.pollMaxMs) });
    record = w.record;
    if (w.timedOut) throw timedOut(j, id, record, timeoutMs);
  }
  const outs = buildOutputs(j.lc.cloud, j.raw, record);
  const s = summarize(record.results);
  if (s.pendingCount === 0 && violatesPolicy(s, { allowedFailures: i.allowedFailures ?? null, allowedFailurePercent: i.allowedFailurePercent ?? null })) {
    const lines = failedLines(record.results);
    throw partialFailure(`${j.lc.cloud}: ${s.failedCount} of ${s.urlCount} URLs were not prefetched (task ${outs.taskIds.join(",")}):\n` +
      `${lines.join("\n")}\nFix the origin, then change \`triggers\` to prefetch again, or tolerate failures with ` +
      "allowedFailures / allowedFailurePercent.", id, outs, lines.map((l) => l.trim()));
  }
  return outs;
}

function timedOut(j: Job, id: string, rec: TaskRecord, timeoutMs: number) {
  const s = summarize(rec.results);
  const outs = buildOutputs(j.lc.cloud, j.raw, rec);
  const msg = `${j.lc.cloud}: waited ${Math.round(timeoutMs / 1000)}s; ${s.pendingCount} of ${s.urlCount} URLs still in progress ` +
    `(${s.progress}%, task ${outs.taskIds.join(",")}). The task is recorded: run \`pulumi up\` again to resume waiting on ` +
    "the same task (nothing is resubmitted), or raise waitTimeoutSeconds.";
  return partialFailure(msg, id, outs, [msg]);
}

/** `create`: submit (or adopt existing task ids), then wait. */
export async function createResource(lc: Lifecycle, raw: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
  const j = job(lc, raw);
  let rec = emptyRecord(lc.inputs.urls);
  if (lc.inputs.existingTaskIds) rec = adopt(j, rec, lc.inputs.existingTaskIds);
  else rec = await submit(j, rec, lc.inputs.urls.length);
  const id = resourceId(j, rec);
  return { id, outs: await finish(j, id, rec) };
}

function adopt(j: Job, rec: TaskRecord, taskIds: string[]): TaskRecord {
  const at = new Date(j.lc.clock.now()).toISOString();
  const urls = j.lc.inputs.urls.map((u) => j.forms.get(u) ?? u);
  return { ...rec, adopted: true, unsubmittedUrls: [], submittedAt: at, batches: [{ taskIds, urls, submittedAt: at }] };
}

/** `update`: submit anew when `rerun`, else submit what was left and resume waiting on the recorded tasks. */
export async function resumeResource(lc: Lifecycle, id: string, olds: Record<string, unknown>,
  news: Record<string, unknown>, rerun: boolean): Promise<Record<string, unknown>> {
  const j = job(lc, news);
  let rec = recordFromOutputs(olds);
  if (rerun) rec = await submit(j, emptyRecord(lc.inputs.urls), lc.inputs.urls.length);
  else if (rec.unsubmittedUrls.length > 0) rec = await submit(j, rec, rec.unsubmittedUrls.length);
  return finish(j, id, rec);
}
