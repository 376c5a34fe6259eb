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
 */
import type { EdgeOneSpec } from "../../model/spec";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { isTerminal } from "../../model/status";
import { readAllPages } from "../paging";
import { createUrlMatcher } from "../url-match";
import type { TeoApi, TeoTask } from "./client";
import { EDGEONE_MAX_PAGES, EDGEONE_PAGE_LIMIT } from "./limits";
import { edgeOneReason, edgeOneUrlStatus, unknownEdgeOneStatus } from "./status";

/** Every task of one job. */
export async function listJobTasks(api: TeoApi, zoneId: string, jobId: string): Promise<TeoTask[]> {
  return readAllPages(async (_page, read) => {
    const res = await api.DescribePrefetchTasks({
      ZoneId: zoneId, Offset: read, Limit: EDGEONE_PAGE_LIMIT, Filters: [{ Name: "job-id", Values: [jobId] }],
    });
    return { items: res.Tasks ?? [], total: res.TotalCount ?? null };
  }, { cloud: "edgeone", action: "DescribePrefetchTasks", maxPages: EDGEONE_MAX_PAGES });
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

/** Observations of one batch's URLs from its jobs' tasks (exact `Target` match first, then normalized). */
export function observeBatch(batch: SubmittedBatch, tasksByJob: ReadonlyMap<string, TeoTask[]>): UrlObservation[] {
  const match = createUrlMatcher(batch.urls, false);
  const seen = new Map<string, UrlObservation>();
  for (const jobId of batch.taskIds) {
    for (const task of tasksByJob.get(jobId) ?? []) {
      const url = task.Target ? match(task.Target) : null;
      if (url && !seen.has(url)) seen.set(url, observeTeoTask(url, task, jobId));
    }
  }
  return [...seen.values()];
}

/**
 * The targets the jobs list that are none of the batches' URLs (media segments), one observation each under the
 * target as listed (first listing wins), in listing order.
 */
export function extraTargets(batches: readonly SubmittedBatch[], tasksByJob: ReadonlyMap<string, TeoTask[]>): UrlObservation[] {
  const match = createUrlMatcher(batches.flatMap((b) => b.urls), false);
  const seen = new Map<string, UrlObservation>();
  for (const [jobId, tasks] of tasksByJob) {
    for (const task of tasks) {
      const target = task.Target?.trim() ?? "";
      if (target !== "" && match(target) === null && !seen.has(target)) seen.set(target, observeTeoTask(target, task, jobId));
    }
  }
  return [...seen.values()];
}

/**
 * Reads the state of the batches' URLs (URLs of jobs the cloud does not list are left out), plus `extra`: targets under
 * the same jobs that were not submitted (media segments), when there are any.
 */
export async function queryEdgeOne(api: TeoApi, spec: EdgeOneSpec, batches: SubmittedBatch[]): Promise<QueryResult> {
  const tasksByJob = new Map<string, TeoTask[]>();
  for (const jobId of new Set(batches.flatMap((b) => b.taskIds))) {
    tasksByJob.set(jobId, await listJobTasks(api, spec.zoneId, jobId));
  }
  const result: QueryResult = { observations: batches.flatMap((b) => observeBatch(b, tasksByJob)), historyUnavailable: false };
  const extra = extraTargets(batches, tasksByJob);
  if (extra.length > 0) result.extra = extra;
  return result;
}
