/**
 * The time window and paging of the list APIs (CDN DescribeRefreshTasks, DCDN DescribeDcdnRefreshTasks, ESA
 * DescribePreloadTasks). Errors from the seed 001 table (shared by these pages): `MissingTimeParameter` when only one
 * of StartTime/EndTime is given, `InvalidEndTime.Mismatch` when EndTime < StartTime, `InvalidTime` when StartTime is
 * older than the query window (3 days, `config.historyMs.alibaba`); under `alibaba.futureEndTime` = `refuse`, also
 * `InvalidTime` when EndTime is later than now (variants.ts says why that code). Items are listed newest first, or
 * oldest first under `alibaba.listOrder`.
 */
import { variantValue } from "../core/variants";
import { AlibabaError, documented, type ErrorTable } from "./errors";
import type { TaskView } from "./tasks";
import { parseUtcTime } from "./time";
import type { Call } from "./types";
import { futureEndTime, listOrder } from "./variants";

/**
 * The time-window and filter codes of the list pages (the seed 001 table, repeated on the CDN/DCDN list pages and,
 * copy-pasted, on the ESA PreloadCaches zh page: cloud-apis.md §A.3, §D.1 "Per-API codes"). `InvalidTime` and
 * `InvalidTaskId.Malformed` are in the products' own tables too.
 */
export const LIST_ERRORS: ErrorTable = documented("seed 001 error table (cloud-apis.md §A.3, §D.1)", {
  "MissingTimeParameter": [400, "The StartTime and EndTime must be both specified."],
  "InvalidEndTime.Mismatch": [400, "The specified EndTime is earlier than the StartTime."],
  "InvalidTime": [400, "The query time cannot exceed the last 3 days."],
  "DomainNameOverLimit": [400, "A maximum of 500 domains are supported for each request."],
  "MissingParameter.ObjectType": [400, "The ObjectType parameter is required if DomainName or ObjectType is specified."],
  "InvalidTaskId.Malformed": [400, "The specified taskId is invalid."],
});

/**
 * Malformed times and bad paging values: the codes are the emulator's choice after the `Invalid{Param}.Malformed` and
 * `InvalidParameters` conventions of the same pages (seeds 000-002 list no code for them).
 */
export const LIST_PARAMETER_ERRORS: ErrorTable = documented("emulator choice after the seed 000-002 naming conventions", {
  "InvalidStartTime.Malformed": [400, "Specified StartTime is malformed."],
  "InvalidEndTime.Malformed": [400, "Specified EndTime is malformed."],
  "InvalidParameters": [400, "The parameters you provided are invalid."],
});

/** Largest PageNumber (seed 001: "Valid values: 1 to 100000"). */
export const MAX_PAGE_NUMBER = 100_000;
/** Default PageSize (seed 001, cloud-apis.md §A.1/§A.2). */
export const DEFAULT_PAGE_SIZE = 20;

/** Creation-time bounds of a listing, virtual ms (inclusive). */
export interface TimeWindow {
  start: number;
  end: number;
}

function parseTime(value: string, code: string): number {
  const ms = parseUtcTime(value);
  if (ms === null) throw new AlibabaError(code, `${code.startsWith("InvalidStart") ? "StartTime" : "EndTime"} is malformed: ${value}.`);
  return ms;
}

/** Reads StartTime/EndTime; without both, the whole retained history. */
export function timeWindow(call: Call): TimeWindow {
  const startRaw = call.params.str("StartTime");
  const endRaw = call.params.str("EndTime");
  if (startRaw === undefined && endRaw === undefined) return { start: -Infinity, end: Infinity };
  if (startRaw === undefined || endRaw === undefined) throw new AlibabaError("MissingTimeParameter");
  const start = parseTime(startRaw, "InvalidStartTime.Malformed");
  const end = parseTime(endRaw, "InvalidEndTime.Malformed");
  if (end < start) throw new AlibabaError("InvalidEndTime.Mismatch");
  // Request times carry whole seconds, so the window edge is taken at the current whole second.
  const oldest = Math.floor(call.now / 1000) * 1000 - call.ctx.config.historyMs.alibaba;
  if (start < oldest) throw new AlibabaError("InvalidTime");
  if (end > call.now && variantValue(call.ctx.config, futureEndTime) === "refuse") throw new AlibabaError("InvalidTime");
  return { start, end };
}

/** Whether a creation instant falls in the window, compared at whole seconds like the request times. */
export function inWindow(createdAt: number, w: TimeWindow): boolean {
  const second = Math.floor(createdAt / 1000) * 1000;
  return second >= w.start && second <= w.end;
}

/** One page of a listing. */
export interface Page<T> {
  pageNumber: number;
  pageSize: number;
  total: number;
  items: T[];
}

/** Cuts a page out of `items` by PageNumber/PageSize (1..maxPageSize, else `InvalidParameters`). */
export function paginate<T>(call: Call, items: T[], maxPageSize: number): Page<T> {
  const pageNumber = call.params.int("PageNumber", { min: 1, max: MAX_PAGE_NUMBER, fallback: 1, code: "InvalidParameters" });
  const pageSize = call.params.int("PageSize", { min: 1, max: maxPageSize, fallback: DEFAULT_PAGE_SIZE, code: "InvalidParameters" });
  const from = (pageNumber - 1) * pageSize;
  return { pageNumber, pageSize, total: items.length, items: items.slice(from, from + pageSize) };
}

/** Listed items in the order `alibaba.listOrder` picks; `views` come newest first (tasks.ts). */
export function listed(call: Call, views: TaskView[]): TaskView[] {
  return variantValue(call.ctx.config, listOrder) === "oldestFirst" ? [...views].reverse() : views;
}
