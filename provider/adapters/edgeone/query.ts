/**
 * EdgeOne status queries: `DescribePrefetchTasks` with the zone and a `job-id` filter per job, paged with
 * `Offset`/`Limit` until `TotalCount` (seed 003). Without a time range, as the tencentcloud Terraform resource does
 * (cloud-apis.md §E): "either the time range or job-id is required". A job-id query has no time window the vendor
 * could refuse, so `historyUnavailable` is always false: whether a batch aged out is decided from its age alone
 * (provider/model/history.ts).
 *
 * `zoneId: "*"` is sent as the query's `ZoneId` too, as the tencentcloud Terraform resource passes its zone through
 * (`resource_tc_teo_prefetch_task_operation.go`); `DescribePrefetchTasksRequest.ZoneId` does not document `*`
 * (teo_models.d.ts), and a refusal says so (errors.ts `withZoneHint`).
 *
 * With `PrefetchMediaSegments: on`, EdgeOne prefetches the playlist's TS segments under the same job ("parses M3U8 and
 * prefetches the segments … over quota they are silently dropped", teo_models.d.ts `CreatePrefetchTaskRequest`,
 * cloud-apis.md §A.4): such targets are not among the submitted URLs and come back in `extra`.
 *
 * Two things the vendor does not document, and how a job is read correctly under every reading (emulator/FIDELITY.md):
 * - how far back a range-less `job-id` query reaches (EO-14: the whole retention, or only the last 7 days, the longest
 *   range seed 003 allows): a job that may be older than that and is not listed is asked for again with the `job-id`
 *   filter inside windows around its submit ({@link jobWindow}), which every reading serves;
 * - what a `job-id` the cloud does not know answers (EO-21: an empty list, or `InvalidParameter.*`; a cloud that
 *   validates ids cannot tell an id never issued apart from one not visible yet or no longer kept): such a refusal
 *   is read as "not listed" once a plain query of the same zone is answered ({@link zoneAnswers}), so a young, an old
 *   or a mistyped job leaves its URLs pending — never failed, never done — exactly as an empty list does. A refusal
 *   the zone itself earns (unknown zone, `ZoneId: "*"`, a malformed request) still fails the query with the code.
 */
import type { EdgeOneSpec } from "../../model/spec";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { isTerminal } from "../../model/status";
import { isCloudError, type ErrorKind } from "../../model/errors";
import { readAllPages } from "../paging";
import { splitWindow, type TimeWindow } from "../reconcile";
import { batchUrlMatcher, matchAny } from "../url-match";
import type { DescribePrefetchTasksRequest, TeoApi, TeoTask } from "./client";
import { teoTime } from "./find";
import { ALL_ZONES, EDGEONE_JOB_MARGIN_MS, EDGEONE_MAX_PAGES, EDGEONE_MAX_RANGE_MS, EDGEONE_PAGE_LIMIT } from "./limits";
import { edgeOneReason, edgeOneUrlStatus, unknownEdgeOneStatus } from "./status";

/** Every task of one job; with `w`, only those created inside it (a time range next to the `job-id` filter). */
export async function listJobTasks(api: TeoApi, zoneId: string, jobId: string, w?: TimeWindow): Promise<TeoTask[]> {
  return readAllPages(async (_page, read) => {
    const req: DescribePrefetchTasksRequest = { ZoneId: zoneId, Offset: read, Limit: EDGEONE_PAGE_LIMIT, Filters: [{ Name: "job-id", Values: [jobId] }] };
    if (w) Object.assign(req, { StartTime: teoTime(w.startMs), EndTime: teoTime(w.endMs) });
    const res = await api.DescribePrefetchTasks(req);
    return { items: res.Tasks ?? [], total: res.TotalCount ?? null };
  }, { cloud: "edgeone", action: "DescribePrefetchTasks", maxPages: EDGEONE_MAX_PAGES });
}

/**
 * When the cloud may have created a job's tasks, from the batches that carry it: from the earliest `windowStart`
 * (adopted tasks) or `submittedAt`, to the latest `submittedAt`, widened by {@link EDGEONE_JOB_MARGIN_MS} on both
 * sides and never past now (whether an `EndTime` after now is accepted is undocumented: `teo.futureEndTime`). Null
 * when no batch carries a parsable time.
 */
export function jobWindow(jobId: string, batches: readonly SubmittedBatch[], nowMs: number): TimeWindow | null {
  const own = batches.filter((b) => b.taskIds.includes(jobId));
  const starts = own.map((b) => Date.parse(b.windowStart ?? b.submittedAt)).filter(Number.isFinite);
  const ends = own.map((b) => Date.parse(b.submittedAt)).filter(Number.isFinite);
  if (starts.length === 0 || ends.length === 0) return null;
  const startMs = Math.min(...starts) - EDGEONE_JOB_MARGIN_MS;
  const endMs = Math.min(nowMs, Math.max(...ends) + EDGEONE_JOB_MARGIN_MS);
  return startMs <= endMs ? { startMs, endMs } : null;
}

/** The kinds a query round is retried on (engine/retry.ts `isRetryableKind`): a probe failing so proves nothing. */
const RETRIED_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(["throttled", "busy", "unreached", "transient"]);

/** True for a refusal of a `job-id` query that may only mean "this job is unknown here" (EO-21): a bad parameter. */
function mayMeanUnknownJob(e: unknown, zoneId: string): boolean {
  return isCloudError(e) && e.kind === "invalid" && e.detail === null && e.code.startsWith("InvalidParameter") && zoneId !== ALL_ZONES;
}

/**
 * True when the zone answers a plain query (the last hour, one task, no filter): the request shape and the zone are
 * fine, so a refused `job-id` query was about the job. A throttled or transient probe is thrown (the query round is
 * retried); any other refusal means the zone or the request is at fault: false.
 */
export async function zoneAnswers(api: TeoApi, zoneId: string, nowMs: number): Promise<boolean> {
  try {
    await api.DescribePrefetchTasks({ ZoneId: zoneId, StartTime: teoTime(nowMs - 3_600_000), EndTime: teoTime(nowMs), Offset: 0, Limit: 1 });
    return true;
  } catch (e) {
    if (isCloudError(e) && RETRIED_KINDS.has(e.kind)) throw e;
    return false;
  }
}

/** One probe per query round, asked only when a job-id query is refused. */
type Probe = () => Promise<boolean>;

/** `list()`, or no task when it was refused as an unknown job and the zone answers otherwise. */
async function unlessUnknownJob(list: () => Promise<TeoTask[]>, zoneId: string, probe: Probe): Promise<TeoTask[]> {
  try {
    return await list();
  } catch (e) {
    if (mayMeanUnknownJob(e, zoneId) && (await probe())) return [];
    throw e;
  }
}

/**
 * The tasks of one job as far as the cloud shows them (empty: not listed). First the range-less `job-id` query; when it
 * lists nothing and the job may be older than 7 days (less an hour: `EDGEONE_MAX_RANGE_MS`), the same filter inside
 * 7-day windows of {@link jobWindow}, newest first, until one lists the job.
 */
export async function readJob(api: TeoApi, zoneId: string, jobId: string, window: TimeWindow | null, nowMs: number, probe: Probe): Promise<TeoTask[]> {
  const listed = await unlessUnknownJob(() => listJobTasks(api, zoneId, jobId), zoneId, probe);
  if (listed.length > 0 || window === null || nowMs - window.startMs <= EDGEONE_MAX_RANGE_MS) return listed;
  for (const w of splitWindow(window, EDGEONE_MAX_RANGE_MS)) {
    const tasks = await unlessUnknownJob(() => listJobTasks(api, zoneId, jobId, w), zoneId, probe);
    if (tasks.length > 0) return tasks;
  }
  return [];
}

/**
 * One observation; EdgeOne reports no progress, so only terminal URLs have one (100). A status the adapter does not
 * know is reported `running` with `unknownStatus` naming it.
 */
export function observeTeoTask(url: string, task: TeoTask, jobId: string): UrlObservation {
  const status = edgeOneUrlStatus(task.Status);
  const failedLike = isTerminal(status) && status !== "succeeded";
  const observation: UrlObservation = {
    url, status, taskId: task.JobId || jobId,
    progress: isTerminal(status) ? 100 : null,
    reason: failedLike ? edgeOneReason(task.FailType, task.FailMessage) ?? `prefetch ${status}` : null,
  };
  const unknown = unknownEdgeOneStatus(task.Status);
  if (unknown !== null) observation.unknownStatus = unknown;
  return observation;
}

/**
 * Observations of one batch's URLs from its jobs' tasks (exact `Target` match first, then normalized); `observe` reads
 * one task (prefetch by default; purge.ts passes its own).
 */
export function observeBatch(batch: SubmittedBatch, tasksByJob: ReadonlyMap<string, TeoTask[]>,
  observe: (url: string, task: TeoTask, jobId: string) => UrlObservation = observeTeoTask): UrlObservation[] {
  const match = batchUrlMatcher(batch.urls, false);
  const seen = new Map<string, UrlObservation>();
  for (const jobId of batch.taskIds) {
    for (const task of tasksByJob.get(jobId) ?? []) {
      const url = task.Target ? match(task.Target) : null;
      if (url && !seen.has(url)) seen.set(url, observe(url, task, jobId));
    }
  }
  return [...seen.values()];
}

/**
 * The targets the jobs list that are none of the batches' URLs (media segments), one observation each under the
 * target as listed (first listing wins), in listing order.
 */
export function extraTargets(batches: readonly SubmittedBatch[], tasksByJob: ReadonlyMap<string, TeoTask[]>): UrlObservation[] {
  const matchers = batches.map((b) => batchUrlMatcher(b.urls, false));
  const submitted = (target: string) => matchAny(matchers, target) !== null;
  const seen = new Map<string, UrlObservation>();
  for (const [jobId, tasks] of tasksByJob) {
    for (const task of tasks) {
      const target = task.Target?.trim() ?? "";
      if (target !== "" && !seen.has(target) && !submitted(target)) seen.set(target, observeTeoTask(target, task, jobId));
    }
  }
  return [...seen.values()];
}

/**
 * Reads the state of the batches' URLs (URLs of jobs the cloud does not list are left out), plus `extra`: targets under
 * the same jobs that were not submitted (media segments), when there are any.
 */
export async function queryEdgeOne(api: TeoApi, spec: EdgeOneSpec, batches: SubmittedBatch[], nowMs: number): Promise<QueryResult> {
  let probed: Promise<boolean> | null = null;
  const probe: Probe = () => (probed ??= zoneAnswers(api, spec.zoneId, nowMs));
  const tasksByJob = new Map<string, TeoTask[]>();
  for (const jobId of new Set(batches.flatMap((b) => b.taskIds))) {
    tasksByJob.set(jobId, await readJob(api, spec.zoneId, jobId, jobWindow(jobId, batches, nowMs), nowMs, probe));
  }
  const result: QueryResult = { observations: batches.flatMap((b) => observeBatch(b, tasksByJob)), historyUnavailable: false };
  const extra = extraTargets(batches, tasksByJob);
  if (extra.length > 0) result.extra = extra;
  return result;
}
