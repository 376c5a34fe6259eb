/**
 * ESA URL purge (2024-09-10): `PurgeCaches` with `Type: file`, `DescribePurgeTasks` and `GetPurgeQuota`.
 *
 * Fields from the SDK models: `PurgeCachesRequest` (SiteId, Type, Content{Files, …}, Force, EdgeComputePurge;
 * esa20240910 dist/models/PurgeCachesRequest.d.ts:95-143, sent as `Content` JSON by PurgeCachesShrinkRequest.js:42),
 * `PurgeCachesResponseBody` (TaskId; PurgeCachesResponseBody.d.ts:18); `DescribePurgeTasksRequest` (SiteId, Type,
 * Content, Status, StartTime, EndTime, PageNumber, PageSize; DescribePurgeTasksRequest.d.ts:10-79) and its response
 * `Tasks[]{TaskId, Content, Type, Status, Process, CreateTime (ISO, example 2023-07-26T01:56:15Z), Description}`
 * (DescribePurgeTasksResponseBody.d.ts:10-118); `GetPurgeQuota` (SiteId, Type → Quota, Usage as strings;
 * cloud-apis.md §A.3 "ESA quotas").
 *
 * Emulator choices where ESA is silent (FIDELITY.md "Purge"): only `Type: file` is served; at most 1,000 files per
 * request (variant `esa.purgeFilesPerRequest`) and 10,000 file purges a day per plan (the CDN/DCDN URL refresh figures,
 * cdn20180510 client.d.ts:28577-28579); over the quota → `QuotaExceeded.Refresh` (variant `esa.purgeQuotaExceededCode`);
 * `Force: true` deletes the cached copy, otherwise it is invalidated (core/edge.ts; variant `purge.urlMethod`). One
 * TaskId per request, as PreloadCaches.
 */
import { acceptPurges, checkQuota } from "../alibaba/accept";
import { AlibabaError, invalidParameter, missingParameter } from "../alibaba/errors";
import { inWindow, listed, paginate, timeWindow } from "../alibaba/listing";
import type { TaskView } from "../alibaba/tasks";
import { isoSeconds } from "../alibaba/time";
import type { Call, Handler } from "../alibaba/types";
import { echoUrl, parseFullUrl, type SubmittedUrl } from "../alibaba/urls";
import { reportedStatus } from "../core/common-variants";
import { variantValue } from "../core/variants";
import { checkEsaRecord, esaSiteHosts, MAX_PAGE_SIZE, quotaPeriodStart, siteIdOf, sitesElsewhere, STATUSES } from "./models";
import { purgeFilesPerRequest, purgeQuotaExceededCode } from "./variants";

/** `Type` values of PurgeCaches (PurgeCachesRequest.d.ts `type`); only `file` is served. */
const PURGE_TYPES = ["file", "cachekey", "cachetag", "directory", "ignoreParams", "hostname", "purgeall"];
/** File purges per day per plan (emulator choice: the CDN/DCDN URL refresh default, see the file comment). */
export const ESA_PURGE_DAILY = 10_000;

/** `Type`: required, a documented value; only `file` is served. */
function checkType(raw: string | undefined): void {
  if (raw === undefined) throw missingParameter("Type");
  if (!PURGE_TYPES.includes(raw)) throw invalidParameter("Type", `Valid values: ${PURGE_TYPES.join(", ")}.`);
  if (raw !== "file") throw invalidParameter("Type", `The emulator serves Type file only, not ${raw}.`);
}

/** A `Files` entry: a URL string, or an object with `Url` (the SDK types the list as `any[]`). */
function fileUrl(entry: unknown): string {
  if (typeof entry === "string") return entry;
  const url = (entry as { Url?: unknown } | null)?.Url;
  if (typeof url === "string") return url;
  throw invalidParameter("Content", "Each Files entry must be a URL or an object with Url.");
}

/** `Content` → the files to purge (`{"Files": [...]}`, full http(s) URLs), at most `esa.purgeFilesPerRequest`. */
function filesOf(call: Call): SubmittedUrl[] {
  const max = Number(variantValue(call.ctx.config, purgeFilesPerRequest));
  const content = call.params.json("Content");
  if (content === undefined) throw missingParameter("Content");
  const files = (content as { Files?: unknown } | null)?.Files;
  if (typeof content !== "object" || content === null || Array.isArray(content) || !Array.isArray(files)) {
    throw invalidParameter("Content", 'It must be a JSON object with Files, e.g. {"Files":["https://example.com/a.js"]}.');
  }
  if (files.length === 0) throw missingParameter("Content.Files");
  if (files.length > max) throw invalidParameter("Content", `A maximum of ${max} files can be purged in one request.`);
  return files.map((f) => parseFullUrl(fileUrl(f)));
}

/** File purges of the plan in the current quota period (`esa.quotaPeriod`, as for prefetch). */
function purgeUsage(call: Call): number {
  return call.state.quota.usedSince("esaPurge", quotaPeriodStart(call.ctx.config, call.now));
}

/** PurgeCaches (`Type: file`): one TaskId per request; checks site, type, files, records, then the purge quota. */
export const purgeCaches: Handler = (call) => {
  const siteId = siteIdOf(call, true) as string;
  checkType(call.params.str("Type"));
  const urls = filesOf(call);
  const force = call.params.bool("Force", false);
  call.params.bool("EdgeComputePurge", false);
  const hostnames = esaSiteHosts(call.ctx.config, siteId);
  for (const u of urls) checkEsaRecord(hostnames, u.domain);
  const code = variantValue(call.ctx.config, purgeQuotaExceededCode);
  checkQuota({ key: "esaPurge", allowance: ESA_PURGE_DAILY, used: purgeUsage(call), code }, urls.length);
  const taskId = call.state.ids.fresh(call.now);
  acceptPurges(call, "esa", urls, () => taskId, "esaPurge", force, siteId);
  return { body: { TaskId: taskId }, urls: urls.length };
};

/** One DescribePurgeTasks item (DescribePurgeTasksResponseBody.d.ts): ESA has no `Pending`, as for prefetch. */
function purgeItem(call: Call, v: TaskView): Record<string, string> {
  const config = call.ctx.config;
  return {
    TaskId: v.task.taskId, Content: echoUrl(v.task.url, config), Type: "file",
    Status: reportedStatus(config, v.progress.status === "Pending" ? "Refreshing" : v.progress.status),
    Process: `${v.progress.percent}%`, CreateTime: isoSeconds(v.task.createdAt), Description: v.progress.description,
  };
}

/** DescribePurgeTasks: by site, type, exact `Content`, status and time window, newest first (`alibaba.listOrder`), paged by ≤50. */
export const describePurgeTasks: Handler = (call) => {
  const siteId = siteIdOf(call, false);
  if (siteId !== undefined) esaSiteHosts(call.ctx.config, siteId);
  const type = call.params.str("Type");
  if (type !== undefined && !PURGE_TYPES.includes(type)) throw invalidParameter("Type");
  const content = call.params.str("Content");
  const status = call.params.str("Status");
  if (status !== undefined && !STATUSES.includes(status)) throw new AlibabaError("InvalidParameters", `The specified Status is invalid: ${status}.`);
  const window = timeWindow(call);
  const held = sitesElsewhere(call.ctx.config) ? [] : listed(call, call.state.tasks.visible("esa", call.now, call.ctx.config, "refresh"));
  const items = held
    .filter((v) => (siteId === undefined || v.task.siteId === siteId) && (content === undefined || echoUrl(v.task.url, call.ctx.config) === content))
    .filter((v) => inWindow(v.task.createdAt, window) && (type === undefined || type === "file"))
    .map((v) => purgeItem(call, v))
    .filter((t) => status === undefined || t.Status === status);
  const page = paginate(call, items, MAX_PAGE_SIZE);
  return { body: { PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: page.total, Tasks: page.items } };
};

/** GetPurgeQuota: `Quota` and `Usage` (strings) of a purge type; `file` as spent, the other types reported unused. */
export const getPurgeQuota: Handler = (call) => {
  const siteId = siteIdOf(call, true) as string;
  esaSiteHosts(call.ctx.config, siteId);
  const type = call.params.required("Type");
  if (!PURGE_TYPES.includes(type)) throw invalidParameter("Type");
  const usage = type === "file" ? purgeUsage(call) : 0;
  return { body: { Quota: String(ESA_PURGE_DAILY), Usage: String(usage) } };
};
