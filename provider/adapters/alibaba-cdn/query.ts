/**
 * CDN status queries. Per-URL detail comes from `DescribePreloadDetailById` (one id per call, allow-listed accounts
 * only, seed 000); accounts without access fall back to `DescribeRefreshTaskById` (≤10 ids per call, one task item per
 * URL, cloud-apis.md §A.1). The adapter instance remembers that the detail API is not allowed once the fallback
 * worked, so later polls go straight to the fallback.
 *
 * `historyUnavailable` is true only when the vendor refused a call for its time window (`InvalidTime`, "the query
 * time cannot exceed the last 3 days", seed 000): an answer without a task is never read as "gone" here.
 */
import type { CloudError } from "../../model/errors";
import { isCloudError } from "../../model/errors";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { chunk, observeRefreshTasks, taskIdsOf, TASK_IDS_PER_QUERY, type RefreshTaskItem } from "../alibaba/refresh-tasks";
import type { CdnApi } from "./client";
import { observePreloadDetails, type Detail } from "./detail";

/** Per adapter instance: whether `DescribePreloadDetailById` may still be tried. */
export interface CdnQueryState {
  detailAllowed: boolean;
}

/** What the reads of one round found, and whether the vendor refused any of them for its time window. */
interface Read<T> {
  items: T[];
  refusedWindow: boolean;
}

/** Errors from the detail API that mean "use the fallback": refused access or an API the account may not call. */
function detailRefused(e: CloudError): boolean {
  return e.kind === "auth" || e.kind === "invalid" || e.kind === "unknown";
}

/** `InvalidTime` for old ids: the vendor refuses the time window (classified `notFound`). */
const outOfWindow = (e: unknown) => isCloudError(e) && e.kind === "notFound";

/** Detail items for every task id, or null when the detail API is refused. Other errors propagate (retried upstream). */
async function readDetails(api: CdnApi, ids: string[]): Promise<Read<Detail> | null> {
  const read: Read<Detail> = { items: [], refusedWindow: false };
  for (const id of ids) {
    try {
      read.items.push(...((await api.describePreloadDetailById(id)).urlDetails ?? []));
    } catch (e) {
      if (outOfWindow(e)) read.refusedWindow = true;
      else if (isCloudError(e) && detailRefused(e)) return null;
      else throw e;
    }
  }
  return read;
}

/** Task items for every task id, ten ids per call. */
async function readTasks(api: CdnApi, ids: string[]): Promise<Read<RefreshTaskItem>> {
  const read: Read<RefreshTaskItem> = { items: [], refusedWindow: false };
  for (const part of chunk(ids, TASK_IDS_PER_QUERY)) {
    try {
      read.items.push(...((await api.describeRefreshTaskById(part.join(","))).tasks ?? []));
    } catch (e) {
      if (!outOfWindow(e)) throw e;
      read.refusedWindow = true;
    }
  }
  return read;
}

/** Reads the state of the batches' URLs. */
export async function queryCdn(api: CdnApi, state: CdnQueryState, batches: SubmittedBatch[]): Promise<QueryResult> {
  const ids = taskIdsOf(batches);
  if (state.detailAllowed) {
    const details = await readDetails(api, ids);
    if (details) return { observations: observePreloadDetails(details.items, batches), historyUnavailable: details.refusedWindow };
  }
  const tasks = await readTasks(api, ids);
  state.detailAllowed = false;
  const observations: UrlObservation[] = observeRefreshTasks(tasks.items, batches);
  return { observations, historyUnavailable: tasks.refusedWindow };
}
