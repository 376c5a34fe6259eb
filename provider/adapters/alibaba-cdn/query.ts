/**
 * CDN status queries. Per-URL detail comes from `DescribePreloadDetailById` (one id per call, allow-listed accounts
 * only, seed 000); accounts without access fall back to `DescribeRefreshTaskById` (≤10 ids per call, one task item per
 * URL, cloud-apis.md §A.1). The adapter instance remembers that the detail API is not allowed once the fallback
 * worked, so later polls go straight to the fallback.
 */
import type { CloudError } from "../../model/errors";
import { isCloudError } from "../../model/errors";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { historyGone } from "../history";
import { chunk, observeRefreshTasks, taskIdsOf, TASK_IDS_PER_QUERY, type RefreshTaskItem } from "../alibaba/refresh-tasks";
import type { CdnApi } from "./client";
import { observePreloadDetails, type Detail } from "./detail";

/** Per adapter instance: whether `DescribePreloadDetailById` may still be tried. */
export interface CdnQueryState {
  detailAllowed: boolean;
}

/** Errors from the detail API that mean "use the fallback": refused access or an API the account may not call. */
function detailRefused(e: CloudError): boolean {
  return e.kind === "auth" || e.kind === "invalid" || e.kind === "unknown";
}

/** `InvalidTime` (and the like) for old ids: nothing to read for this call; the history check decides later. */
const outOfWindow = (e: unknown) => isCloudError(e) && e.kind === "notFound";

/** Detail items for every task id, or null when the detail API is refused. Other errors propagate (retried upstream). */
async function readDetails(api: CdnApi, ids: string[]): Promise<Detail[] | null> {
  const items: Detail[] = [];
  for (const id of ids) {
    try {
      items.push(...((await api.describePreloadDetailById(id)).urlDetails ?? []));
    } catch (e) {
      if (outOfWindow(e)) continue;
      if (isCloudError(e) && detailRefused(e)) return null;
      throw e;
    }
  }
  return items;
}

/** Task items for every task id, ten ids per call. */
async function readTasks(api: CdnApi, ids: string[]): Promise<RefreshTaskItem[]> {
  const items: RefreshTaskItem[] = [];
  for (const part of chunk(ids, TASK_IDS_PER_QUERY)) {
    try {
      items.push(...((await api.describeRefreshTaskById(part.join(","))).tasks ?? []));
    } catch (e) {
      if (!outOfWindow(e)) throw e;
    }
  }
  return items;
}

/** Reads the state of the batches' URLs. */
export async function queryCdn(api: CdnApi, state: CdnQueryState, batches: SubmittedBatch[],
  historyDays: number, nowMs: number): Promise<QueryResult> {
  const ids = taskIdsOf(batches);
  let observations: UrlObservation[] | null = null;
  if (state.detailAllowed) {
    const details = await readDetails(api, ids);
    if (details) observations = observePreloadDetails(details, batches);
  }
  if (observations === null) {
    observations = observeRefreshTasks(await readTasks(api, ids), batches);
    state.detailAllowed = false;
  }
  const seen = new Set(observations.map((o) => o.url));
  return { observations, historyUnavailable: historyGone(batches, seen, historyDays, nowMs) };
}
