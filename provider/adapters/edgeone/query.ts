/**
 * EdgeOne status queries: `DescribePrefetchTasks` with the zone and a `job-id` filter per job, paged with
 * `Offset`/`Limit` until `TotalCount` (seed 003). Without a time range, as the tencentcloud Terraform resource does
 * (cloud-apis.md §E): "either the time range or job-id is required".
 */
import type { EdgeOneSpec } from "../../model/spec";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { isTerminal } from "../../model/status";
import { historyGone } from "../history";
import { createUrlMatcher } from "../url-match";
import type { TeoApi } from "./client";
import { EDGEONE_MAX_PAGES, EDGEONE_PAGE_LIMIT } from "./limits";
import { edgeOneReason, edgeOneUrlStatus } from "./status";
import type { TeoTask } from "./wire";

/** Every task of one job. */
export async function listJobTasks(api: TeoApi, zoneId: string, jobId: string): Promise<TeoTask[]> {
  const tasks: TeoTask[] = [];
  for (let page = 0; page < EDGEONE_MAX_PAGES; page++) {
    const res = await api.DescribePrefetchTasks({
      ZoneId: zoneId, Offset: tasks.length, Limit: EDGEONE_PAGE_LIMIT, Filters: [{ Name: "job-id", Values: [jobId] }],
    });
    const got = res.Tasks ?? [];
    tasks.push(...got);
    if (got.length === 0 || tasks.length >= (res.TotalCount ?? 0)) break;
  }
  return tasks;
}

/** One observation; EdgeOne reports no progress, so only terminal URLs have one (100). */
export function observeTeoTask(url: string, task: TeoTask, jobId: string): UrlObservation {
  const status = edgeOneUrlStatus(task.Status);
  const failedLike = isTerminal(status) && status !== "succeeded";
  return {
    url, status, taskId: task.JobId || jobId,
    progress: isTerminal(status) ? 100 : null,
    reason: failedLike ? edgeOneReason(task.FailType, task.FailMessage) ?? `prefetch ${status}` : null,
  };
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

/** Reads the state of the batches' URLs; a job missing for longer than the history window counts as aged out. */
export async function queryEdgeOne(api: TeoApi, spec: EdgeOneSpec, batches: SubmittedBatch[],
  historyDays: number, nowMs: number): Promise<QueryResult> {
  const tasksByJob = new Map<string, TeoTask[]>();
  for (const jobId of new Set(batches.flatMap((b) => b.taskIds))) {
    tasksByJob.set(jobId, await listJobTasks(api, spec.zoneId, jobId));
  }
  const observations = batches.flatMap((b) => observeBatch(b, tasksByJob));
  const seen = new Set(observations.map((o) => o.url));
  return { observations, historyUnavailable: historyGone(batches, seen, historyDays, nowMs) };
}
