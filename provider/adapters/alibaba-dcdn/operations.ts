/**
 * DCDN submit, query and quota: `PreloadDcdnObjectCaches`, `DescribeDcdnRefreshTaskById`, `DescribeDcdnRefreshQuota`
 * (cloud-apis.md §A.2, seed 002).
 */
import { isCloudError } from "../../model/errors";
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QueryResult, QuotaInfo, SubmitResult, SubmittedBatch } from "../../model/task";
import { preloadParams, splitTaskIds } from "../alibaba/push-params";
import { quotaNumber } from "../alibaba/quota";
import { chunk, observeRefreshTasks, taskIdsOf, TASK_IDS_PER_QUERY, type RefreshTaskItem } from "../alibaba/refresh-tasks";
import type { DcdnApi } from "./client";

/** Submits one request; `PreloadTaskId` (or a `PushTaskId`, §A.2) may list several comma-separated ids. */
export async function submitDcdn(api: DcdnApi, spec: AlibabaCdnSpec, urls: string[]): Promise<SubmitResult> {
  const body = await api.preloadObjectCaches(preloadParams(spec, urls));
  return { taskIds: splitTaskIds(body.PreloadTaskId ?? body.PushTaskId), rejected: [] };
}

/**
 * Reads the batches' tasks, ten ids per call. An `InvalidTime` refusal (ids older than the 3-day window, seed 002)
 * yields nothing for that chunk and makes `historyUnavailable` true: the vendor refused the time window. An answer
 * without a task is never read as "gone" here (provider/model/history.ts decides from age).
 */
export async function queryDcdn(api: DcdnApi, batches: SubmittedBatch[]): Promise<QueryResult> {
  const items: RefreshTaskItem[] = [];
  let refusedWindow = false;
  for (const part of chunk(taskIdsOf(batches), TASK_IDS_PER_QUERY)) {
    try {
      items.push(...((await api.describeRefreshTaskById(part.join(","))).tasks ?? []));
    } catch (e) {
      if (!(isCloudError(e) && e.kind === "notFound")) throw e;
      refusedWindow = true;
    }
  }
  return { observations: observeRefreshTasks(items, batches), historyUnavailable: refusedWindow };
}

/** Reads the daily prefetch quota (`PreloadQuota` / `PreloadRemain`, strings; DCDN has no `PreloadEdge*`, §A.2). */
export async function quotaDcdn(api: DcdnApi): Promise<QuotaInfo> {
  const body = await api.describeRefreshQuota();
  return { daily: quotaNumber(body.preloadQuota), remaining: quotaNumber(body.preloadRemain), perRequest: null };
}
