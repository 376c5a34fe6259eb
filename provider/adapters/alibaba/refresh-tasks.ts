/**
 * The refresh family's status query (refresh-api.ts): CDN `DescribeRefreshTaskById` / DCDN
 * `DescribeDcdnRefreshTaskById`, at most 10 task ids per call, for every account (seed 002, cloud-apis.md §A.1), and
 * their task lists turned into URL observations. Both return a flat `Tasks[]` of `{TaskId, ObjectPath, Status,
 * Process, Description, CreationTime}` where `ObjectPath` carries a scheme even when the submit had none and may be
 * echoed normalised (host case, escapes: variant `alibaba.urlEcho`), so URLs are matched with the provider's URL key,
 * ignoring the scheme.
 *
 * `historyUnavailable` is true only when the vendor refused a call for its time window (`InvalidTime`, "the query
 * time cannot exceed the last 3 days", seed 002): an answer without a task is never read as "gone" here
 * (provider/model/history.ts decides from age).
 */
import { isCloudError } from "../../model/errors";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { isTerminal } from "../../model/status";
import { batchUrlMatcher, matchAny, type UrlMatcher } from "../url-match";
import type { RefreshApi } from "./refresh-api";
import { alibabaUrlStatus, parsePercent, unknownAlibabaStatus } from "./status";

/** One task item as the SDKs return it (camel-cased by the SDK models). */
export interface RefreshTaskItem {
  taskId?: string;
  objectPath?: string;
  status?: string;
  process?: string;
  description?: string;
  /** `2020-08-03T08:54:23Z`. */
  creationTime?: string;
  /** `preload` for a prefetch task, `file` (or `directory`, `regex`, `path`) for a refresh (seed 002). */
  objectType?: string;
}

/** Most task ids one `Describe*RefreshTaskById` call accepts (seed 002: "up to 10 task IDs in each request"). */
export const TASK_IDS_PER_QUERY = 10;

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every distinct task id of the batches, in submit order. */
export function taskIdsOf(batches: readonly SubmittedBatch[]): string[] {
  return [...new Set(batches.flatMap((b) => b.taskIds))];
}

/** Finds the submitted URL for an echoed one, preferring the batches that own the task id. */
export function batchMatcher(batches: readonly SubmittedBatch[]): (taskId: string | null, echoed: string) => string | null {
  const all = batches.map((b) => batchUrlMatcher(b.urls, true));
  const byId = new Map<string, UrlMatcher[]>();
  batches.forEach((b, i) => {
    for (const id of new Set(b.taskIds)) {
      const owners = byId.get(id);
      if (owners) owners.push(all[i]);
      else byId.set(id, [all[i]]);
    }
  });
  // Several batches may own one id (the cloud merges same-second submits under one id, cloud-apis.md §A.1), and an id
  // lists URLs of batches not asked about (finished ones, other resources'): they match none, for one key each.
  return (taskId, echoed) => matchAny((taskId !== null ? byId.get(taskId) : undefined) ?? [], echoed) ?? matchAny(all, echoed);
}

/** One observation from a task item whose URL was matched (`unknownStatus` set when the status is not known). */
export function observeTask(url: string, item: RefreshTaskItem): UrlObservation {
  const status = alibabaUrlStatus(item.status);
  const description = item.description?.trim() || null;
  const observation: UrlObservation = {
    url, status, taskId: item.taskId ?? null,
    progress: isTerminal(status) ? 100 : parsePercent(item.process),
    reason: status === "failed" ? description ?? "prefetch failed (no description)" : null,
  };
  const unknown = unknownAlibabaStatus(item.status);
  if (unknown !== null) observation.unknownStatus = unknown;
  return observation;
}

/**
 * Observations for the batches' URLs (unknown URLs are ignored). When a URL is reported more than once — the cloud
 * merges URL tasks of the same domain submitted in the same second under one id (cloud-apis.md §A.1), so a re-run of
 * the same URLs can share an id with the previous run — the newest report wins, never a stale finished one.
 */
export function observeRefreshTasks(items: readonly RefreshTaskItem[], batches: readonly SubmittedBatch[]): UrlObservation[] {
  const match = batchMatcher(batches);
  // Position of each URL's observation, and the creation time it was made from (no wrapper object per item).
  const at = new Map<string, number>();
  const out: UrlObservation[] = [];
  const times: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item.objectPath) continue;
    const url = match(item.taskId ?? null, item.objectPath);
    if (!url) continue;
    const created = Date.parse(item.creationTime ?? "") || 0;
    const k = at.get(url);
    if (k === undefined) {
      at.set(url, out.length);
      out.push(observeTask(url, item));
      times.push(created);
    } else if (times[k] <= created) {
      out[k] = observeTask(url, item);
      times[k] = created;
    }
  }
  return out;
}

/** `InvalidTime` for old ids: the vendor refuses the time window (classified `notFound`, errors.ts). */
export const refusedWindow = (e: unknown): boolean => isCloudError(e) && e.kind === "notFound";

/** The task items of some ids read together; whether the call was refused for its window. */
async function readChunk(api: RefreshApi, ids: readonly string[]): Promise<{ items: RefreshTaskItem[]; refusedWindow: boolean }> {
  try {
    return { items: await api.tasksById([...ids]), refusedWindow: false };
  } catch (e) {
    if (!refusedWindow(e)) throw e;
    return { items: [], refusedWindow: true };
  }
}

/** Task items by the id they answer for, and the ids whose call was refused for its window. */
export interface TasksByIdRead {
  items: Map<string, RefreshTaskItem[]>;
  refused: Set<string>;
}

/**
 * Files one call's answer under the ids it asked for: an item under its own `TaskId` when the call asked for it, else
 * (no id, or one the call did not ask for) under every id of the call, whose owners then match it by URL as a
 * single resource's query always did.
 */
function file(read: TasksByIdRead, ids: readonly string[], r: { items: RefreshTaskItem[]; refusedWindow: boolean }): void {
  if (r.refusedWindow) ids.forEach((id) => read.refused.add(id));
  for (const item of r.items) {
    const own = item.taskId !== undefined && ids.includes(item.taskId) ? [item.taskId] : ids;
    for (const id of own) {
      const filed = read.items.get(id);
      if (filed) filed.push(item);
      else read.items.set(id, [item]);
    }
  }
}

/**
 * The task items of every id, {@link TASK_IDS_PER_QUERY} ids per call, filed by id, and the ids refused for their
 * window. Whether one expired id refuses a whole call (`InvalidTime`) or is only left out is undocumented (emulator
 * variant `alibaba.expiredTaskIds`), so a refused call of several ids is asked again one id at a time: the young ids
 * of the chunk are still read, and only the expired ones count as refused.
 */
export async function readTasksById(api: RefreshApi, ids: readonly string[]): Promise<TasksByIdRead> {
  const read: TasksByIdRead = { items: new Map(), refused: new Set() };
  for (const part of chunk(ids, TASK_IDS_PER_QUERY)) {
    const whole = await readChunk(api, part);
    if (!(whole.refusedWindow && part.length > 1)) {
      file(read, part, whole);
      continue;
    }
    for (const id of part) file(read, [id], await readChunk(api, [id]));
  }
  return read;
}

/** One request's share of a read: the items of its ids (each once) and whether one of its ids was refused. */
export function shareOf(read: TasksByIdRead, batches: readonly SubmittedBatch[]): QueryResult {
  const ids = taskIdsOf(batches);
  const items = [...new Set(ids.flatMap((id) => read.items.get(id) ?? []))];
  return { observations: observeRefreshTasks(items, batches), historyUnavailable: ids.some((id) => read.refused.has(id)) };
}

/** Calls one by-id round over these requests makes: their distinct ids, ten per call. */
export function refreshRoundCost(requests: readonly (readonly SubmittedBatch[])[]): number {
  return Math.ceil(taskIdsOf(requests.flat()).length / TASK_IDS_PER_QUERY);
}

/**
 * One by-id round for several resources: every call filled with up to ten ids of any of them; each request gets the
 * items of its own ids (every other error propagates, classified).
 */
export async function queryRefreshRound(api: RefreshApi, requests: readonly (readonly SubmittedBatch[])[]): Promise<QueryResult[]> {
  const read = await readTasksById(api, taskIdsOf(requests.flat()));
  return requests.map((batches) => shareOf(read, batches));
}

/** Reads the state of the batches' URLs by task id (every other error propagates, classified). */
export async function queryRefreshById(api: RefreshApi, batches: readonly SubmittedBatch[]): Promise<QueryResult> {
  return (await queryRefreshRound(api, [batches]))[0];
}
