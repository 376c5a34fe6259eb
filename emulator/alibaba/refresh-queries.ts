/**
 * The CDN/DCDN task queries, shared by both products: `DescribeRefreshTaskById` / `DescribeDcdnRefreshTaskById`
 * (≤10 comma-separated ids, flat `Tasks[]`; seed 002, cloud-apis.md §A.1) and `DescribeRefreshTasks` /
 * `DescribeDcdnRefreshTasks` (filters and paging, `Tasks.CDNTask[]` / `Tasks.Task[]`; §A.1, §A.2).
 *
 * By-id answers for ids without tasks follow the variants: an id never issued (`alibaba.unknownTaskId`) and an id
 * issued before the 3-day history (`alibaba.expiredTaskIds`) are left out (default) or refuse the whole call.
 *
 * Both task kinds are read back (seed 002: "Queries the status of a refresh or prefetch task"): prefetch tasks with
 * `ObjectType: preload`, URL refresh (purge) tasks with `ObjectType: file` (refresh-submit.ts). Directory and regex
 * refreshes are not served, so `directory`, `regex` and `path` filters match nothing.
 */
import { reportedStatus } from "../core/common-variants";
import { variantValue } from "../core/variants";
import { AlibabaError } from "./errors";
import { inWindow, listed, paginate, timeWindow } from "./listing";
import type { TaskView } from "./tasks";
import { isoSeconds } from "./time";
import type { Call, Handler } from "./types";
import { echoUrl } from "./urls";
import { expiredTaskIds, unknownTaskId } from "./variants";

/** Most ids per ById query (seed 002: "up to 10 task IDs"). */
export const MAX_IDS_PER_QUERY = 10;
const STATUSES = ["Complete", "Refreshing", "Failed", "Pending"];

/** A task's `ObjectType`: `file` for a URL refresh (seed 002 example), `preload` for a prefetch. */
export function objectTypeOf(v: TaskView): string {
  return v.task.kind === "refresh" ? "file" : "preload";
}

/** One task entry as both ById and list APIs render it (`ObjectPath` under `alibaba.urlEcho`, `Status` under `tasks.unknownStatus`). */
export function refreshTaskItem(call: Call, v: TaskView): Record<string, string> {
  return {
    TaskId: v.task.taskId,
    ObjectPath: echoUrl(v.task.url, call.ctx.config),
    ObjectType: objectTypeOf(v),
    Status: reportedStatus(call.ctx.config, v.progress.status),
    Process: `${v.progress.percent}%`,
    CreationTime: isoSeconds(v.task.createdAt),
    Description: v.progress.description,
  };
}

/** Parses a comma-separated TaskId list (`InvalidTaskId` over `max`, `InvalidTaskId.Malformed` when not numeric). */
export function parseTaskIds(raw: string, max: number): string[] {
  const ids = raw.split(",").map((s) => s.trim());
  if (ids.length > max) throw new AlibabaError("InvalidTaskId", `The maximum number of taskIds is ${max}.`);
  if (ids.some((id) => !/^\d{1,20}$/.test(id))) throw new AlibabaError("InvalidTaskId.Malformed");
  return [...new Set(ids)];
}

/**
 * Refuses a by-id call under the variants: `InvalidTaskId.Malformed` when an id was never issued
 * (`alibaba.unknownTaskId`), `InvalidTime` when one was issued before the history window (`alibaba.expiredTaskIds`).
 */
export function checkTaskIds(call: Call, ids: readonly string[]): void {
  const config = call.ctx.config;
  const issued = ids.map((id) => call.state.ids.issuedAt(id));
  if (variantValue(config, unknownTaskId) !== "empty") {
    const unknown = ids.find((_id, i) => issued[i] === undefined);
    if (unknown !== undefined) throw new AlibabaError("InvalidTaskId.Malformed", `The specified TaskId is invalid: ${unknown}.`);
  }
  if (variantValue(config, expiredTaskIds) !== "empty" && issued.some((t) => t !== undefined && call.now >= t + config.historyMs.alibaba)) {
    throw new AlibabaError("InvalidTime");
  }
}

/** The ById handler of CDN or DCDN. */
export function describeById(product: "cdn" | "dcdn"): Handler {
  return (call) => {
    const ids = parseTaskIds(call.params.required("TaskId"), MAX_IDS_PER_QUERY);
    checkTaskIds(call, ids);
    const views = call.state.tasks.visible(product, call.now, call.ctx.config, "all");
    const tasks = ids.flatMap((id) => views.filter((v) => v.task.taskId === id).sort((a, b) => a.task.seq - b.task.seq));
    return { body: { TotalCount: tasks.length, Tasks: tasks.map((v) => refreshTaskItem(call, v)) } };
  };
}

/** What differs between the CDN and DCDN list APIs. */
export interface RefreshListOptions {
  product: "cdn" | "dcdn";
  /** Key of the array under `Tasks`: `CDNTask` (CDN) or `Task` (DCDN). */
  wrapper: string;
  /** Largest PageSize: 100 (CDN) or 50 (DCDN). */
  maxPageSize: number;
  /** Valid ObjectType values. */
  objectTypes: readonly string[];
}

function filters(call: Call, o: RefreshListOptions): (v: TaskView) => boolean {
  const p = call.params;
  const taskId = p.str("TaskId");
  if (taskId !== undefined) parseTaskIds(taskId, 1);
  const [objectPath, domain, objectType, status] = [p.str("ObjectPath"), p.str("DomainName"), p.str("ObjectType"), p.str("Status")];
  if ((domain !== undefined || status !== undefined) && objectType === undefined) throw new AlibabaError("MissingParameter.ObjectType");
  if (objectType !== undefined && !o.objectTypes.includes(objectType)) throw new AlibabaError("InvalidParameters", `The specified ObjectType is invalid: ${objectType}.`);
  if (status !== undefined && !STATUSES.includes(status)) throw new AlibabaError("InvalidParameters", `The specified Status is invalid: ${status}.`);
  const window = timeWindow(call);
  return (v) =>
    (taskId === undefined || v.task.taskId === taskId) &&
    (objectPath === undefined || echoUrl(v.task.url, call.ctx.config) === objectPath) &&
    (domain === undefined || v.task.domain === domain.toLowerCase()) &&
    (objectType === undefined || objectType === objectTypeOf(v)) &&
    (status === undefined || v.progress.status === status) &&
    inWindow(v.task.createdAt, window);
}

/** The list handler of CDN or DCDN. */
export function describeList(o: RefreshListOptions): Handler {
  return (call) => {
    const keep = filters(call, o);
    const page = paginate(call, listed(call, call.state.tasks.visible(o.product, call.now, call.ctx.config, "all").filter(keep)), o.maxPageSize);
    const items = page.items.map((v) => refreshTaskItem(call, v));
    return { body: { PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: page.total, Tasks: { [o.wrapper]: items } } };
  };
}
