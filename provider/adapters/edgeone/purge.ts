/**
 * EdgeOne URL purge (issue 11): `CreatePurgeTask` with `Type: purge_url` and `Method` (teo_models.d.ts
 * `CreatePurgeTaskRequest`; reply `JobId`, `FailedList` as `CreatePrefetchTask`), read back with `DescribePurgeTasks`
 * and a `job-id` filter (teo_models.d.ts `DescribePurgeTasksRequest`: "either time or job-id is required"), found for
 * reconciliation with a time range and the `target` and `type` filters (find.ts), quota from the `purge_url` entry of
 * `DescribeContentQuota.PurgeQuota` (cloud-apis.md §A.4), remembered per zone (adapters/purge-quota.ts). Ledger PG-1 to
 * PG-3.
 *
 * `Method` is documented for prefix, host and all purges only (PG-1); it is sent on `purge_url` too, as the method the
 * user chose: `invalidate` (the vendor default) or `delete`. A cloud that ignores it on URL purges still purges; one
 * that refuses it gets the targets again without it (purge-method.ts).
 *
 * A `job-id` the cloud refuses as a bad parameter while the zone answers a plain listing is read as "not listed yet"
 * (the prefetch side's EO-21 rule, query.ts): the URLs stay unobserved, never failed, never done.
 */
import { isCloudError, type ErrorKind } from "../../model/errors";
import type { PurgeMethod } from "../../model/purge";
import type { EdgeOneSpec } from "../../model/spec";
import { isTerminal } from "../../model/status";
import type { FoundTask, QueryResult, QuotaInfo, SubmitResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { readAllPages } from "../paging";
import { ANY_PURGE_QUOTA, purgeQuotaKey, rememberedPurgeQuota, spendingPurgeQuota } from "../purge-quota";
import type { QuotaRead } from "../quota-memory";
import type { TeoApi, TeoPurgeApi, TeoQuota, TeoTask } from "./client";
import { findTeoTasks, teoTime, type TeoListing } from "./find";
import { observeBatch } from "./query";
import { ALL_ZONES, EDGEONE_MAX_PAGES, EDGEONE_PAGE_LIMIT, PURGE_URL_TYPE } from "./limits";
import { createUrlPurge } from "./purge-method";
import { edgeOneReason, edgeOneUrlStatus, unknownEdgeOneStatus } from "./status";
import { rejectedUrls } from "./submit";

/** The calls a purge makes. */
export type TeoPurgeCalls = TeoApi & TeoPurgeApi;

/** The purge quota a spec's purges spend: its zone's; for `zoneId: "*"` unknown (null: every purge quota of the account). */
function purgeQuotaTarget(spec: EdgeOneSpec): string | null {
  return spec.zoneId === ALL_ZONES ? null : purgeQuotaKey(spec.zoneId);
}

/**
 * Submits one URL purge: one `JobId` for the accepted URLs, per-URL refusals from `FailedList`. The accepted URLs are
 * spent from the zone's remembered purge quota (all of the account's for `zoneId: "*"`); a failed submit forgets it.
 */
export async function purgeEdgeOne(api: TeoPurgeCalls, spec: EdgeOneSpec, urls: string[], method: PurgeMethod): Promise<SubmitResult> {
  return spendingPurgeQuota(api.account, purgeQuotaTarget(spec) ?? ANY_PURGE_QUOTA, async () => {
    const res = await createUrlPurge(api, spec, urls, method);
    const jobId = res.JobId?.trim() ?? "";
    return { taskIds: jobId === "" ? [] : [jobId], rejected: rejectedUrls(res, urls) };
  }, (res) => urls.length - res.rejected.length);
}

/**
 * The URL purge listing for reconciliation: `DescribePurgeTasks` with the `type` filter `purge_url` (teo_models.d.ts
 * `DescribePurgeTasksRequest.Filters`), and only `purge_url` tasks kept when a task names its type (a `target` filter
 * matches a part, so a prefix purge of the same text could be listed otherwise).
 */
function purgeListing(api: TeoPurgeCalls): TeoListing {
  return {
    action: "DescribePurgeTasks", list: (req) => api.DescribePurgeTasks(req), always: [{ Name: "type", Values: [PURGE_URL_TYPE] }],
    keep: (t) => !t.Type || t.Type === PURGE_URL_TYPE,
  };
}

/** The URL purge tasks EdgeOne lists for `urls` created since `sinceMs` (less the margin), newest first (find.ts). */
export function findPurgeTasksEdgeOne(api: TeoPurgeCalls, spec: EdgeOneSpec, urls: string[], sinceMs: number,
  nowMs: number, historyDays: number): Promise<FoundTask[]> {
  return findTeoTasks(purgeListing(api), spec.zoneId, urls, sinceMs, nowMs, historyDays);
}

/** Every purge task of one job (`job-id` filter, paged with `Offset` until `TotalCount`). */
async function listPurgeJob(api: TeoPurgeCalls, zoneId: string, jobId: string): Promise<TeoTask[]> {
  return readAllPages(async (_page, read) => {
    const res = await api.DescribePurgeTasks({ ZoneId: zoneId, Offset: read, Limit: EDGEONE_PAGE_LIMIT, Filters: [{ Name: "job-id", Values: [jobId] }] });
    return { items: res.Tasks ?? [], total: res.TotalCount ?? null };
  }, { cloud: "edgeone", action: "DescribePurgeTasks", maxPages: EDGEONE_MAX_PAGES, guard: "EDGEONE_MAX_PAGES" });
}

/** The kinds the engine retries (engine/retry.ts): a probe failing so proves nothing. */
const RETRIED_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(["throttled", "busy", "unreached", "transient"]);

/** True when the zone answers a plain purge listing of the last hour: a refused `job-id` query was about the job. */
async function zoneAnswersPurges(api: TeoPurgeCalls, zoneId: string, nowMs: number): Promise<boolean> {
  try {
    await api.DescribePurgeTasks({ ZoneId: zoneId, StartTime: teoTime(nowMs - 3_600_000), EndTime: teoTime(nowMs), Offset: 0, Limit: 1 });
    return true;
  } catch (e) {
    if (isCloudError(e) && RETRIED_KINDS.has(e.kind)) throw e;
    return false;
  }
}

/** The tasks of one job, or none when the job id is refused as a bad parameter by a zone that otherwise answers. */
async function readPurgeJob(api: TeoPurgeCalls, zoneId: string, jobId: string, nowMs: number): Promise<TeoTask[]> {
  try {
    return await listPurgeJob(api, zoneId, jobId);
  } catch (e) {
    const mayBeUnknownJob = isCloudError(e) && e.kind === "invalid" && e.detail === null && e.code.startsWith("InvalidParameter") && zoneId !== ALL_ZONES;
    if (mayBeUnknownJob && (await zoneAnswersPurges(api, zoneId, nowMs))) return [];
    throw e;
  }
}

/** One purge observation; EdgeOne reports no progress, so terminal URLs have 100 and the others none. */
export function observePurgeTask(url: string, task: TeoTask, jobId: string): UrlObservation {
  const status = edgeOneUrlStatus(task.Status);
  const observation: UrlObservation = {
    url, status, taskId: task.JobId || jobId, progress: isTerminal(status) ? 100 : null,
    reason: isTerminal(status) && status !== "succeeded" ? edgeOneReason(task.FailType, task.FailMessage) ?? `purge ${status}` : null,
  };
  const unknown = unknownEdgeOneStatus(task.Status);
  if (unknown !== null) observation.unknownStatus = unknown;
  return observation;
}

/** Reads the purge state of the batches' URLs by job id (URLs of jobs the cloud does not list are left out). */
export async function queryPurgeEdgeOne(api: TeoPurgeCalls, spec: EdgeOneSpec, batches: readonly SubmittedBatch[], nowMs: number): Promise<QueryResult> {
  const tasksByJob = new Map<string, TeoTask[]>();
  for (const jobId of new Set(batches.flatMap((b) => b.taskIds))) tasksByJob.set(jobId, await readPurgeJob(api, spec.zoneId, jobId, nowMs));
  return { observations: batches.flatMap((b) => observeBatch(b, tasksByJob, observePurgeTask)), historyUnavailable: false };
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The zone's URL purge quota: the `purge_url` entry of `DescribeContentQuota.PurgeQuota` (`Batch`, `Daily`,
 * `DailyAvailable`), remembered per zone (adapters/purge-quota.ts; `how` as quota-memory.ts); null without one, or for
 * `zoneId: "*"` (a quota is per zone) without a call.
 */
export async function purgeQuotaEdgeOne(api: TeoApi, spec: EdgeOneSpec, how?: QuotaRead): Promise<QuotaInfo | null> {
  if (spec.zoneId === ALL_ZONES) return null;
  return rememberedPurgeQuota(api.account, spec.zoneId, how, () => readPurgeQuota(api, spec.zoneId));
}

/** One `DescribeContentQuota` call, read for the `purge_url` entry. */
async function readPurgeQuota(api: TeoApi, zoneId: string): Promise<QuotaInfo | null> {
  const res = await api.DescribeContentQuota({ ZoneId: zoneId });
  const entry = (res.PurgeQuota ?? []).find((q): q is TeoQuota => q !== null && typeof q === "object" && q.Type === PURGE_URL_TYPE);
  return entry ? { daily: num(entry.Daily), remaining: num(entry.DailyAvailable), perRequest: num(entry.Batch) } : null;
}
