/**
 * DCDN submit, query and quota: `PreloadDcdnObjectCaches`, `DescribeDcdnRefreshTaskById`, `DescribeDcdnRefreshQuota`
 * (cloud-apis.md §A.2, seed 002).
 */
import { isCloudError } from "../../model/errors";
import type { AlibabaCdnSpec } from "../../model/spec";
import type { QueryResult, QuotaInfo, SubmitResult, SubmittedBatch } from "../../model/task";
import { historyGone } from "../history";
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
 * Reads the batches' tasks, ten ids per call. An `InvalidTime` refusal (ids older than the 3-day window) yields
 * nothing for that chunk; whether that means "gone" or "not visible yet" is decided from the batches' age.
 */
export async function queryDcdn(api: DcdnApi, batches: SubmittedBatch[], historyDays: number, nowMs: number): Promise<QueryResult> {
  const items: RefreshTaskItem[] = [];
  for (const part of chunk(taskIdsOf(batches), TASK_IDS_PER_QUERY)) {
    try {
      items.push(...((await api.describeRefreshTaskById(part.join(","))).tasks ?? []));
    } catch (e) {
      if (!(isCloudError(e) && e.kind === "notFound")) throw e;
    }
  }
  const observations = observeRefreshTasks(items, batches);
  const seen = new Set(observations.map((o) => o.url));
  return { observations, historyUnavailable: historyGone(batches, seen, historyDays, nowMs) };
}

/** Reads the daily prefetch quota (`PreloadQuota` / `PreloadRemain`, strings; DCDN has no `PreloadEdge*`, §A.2). */
export async function quotaDcdn(api: DcdnApi): Promise<QuotaInfo> {
  const body = await api.describeRefreshQuota();
  return { daily: quotaNumber(body.preloadQuota), remaining: quotaNumber(body.preloadRemain), perRequest: null };
}
