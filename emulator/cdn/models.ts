/**
 * Alibaba Cloud CDN, API version 2018-05-10 (cloud-apis.md §A.1): what the product is, its limits, and how its quota
 * and per-URL detail render. Its tasks live in the family's shared store (../alibaba/tasks.ts) and render as the
 * CDN/DCDN refresh-task item (../alibaba/refresh-queries.ts).
 */
import { dailyPool, type QuotaPool } from "../alibaba/accept";
import type { TaskView } from "../alibaba/tasks";
import { isoSeconds } from "../alibaba/time";
import type { Call } from "../alibaba/types";
import { echoUrl } from "../alibaba/urls";
import { reportedStatus } from "../core/common-variants";
import { variantValue } from "../core/variants";
import { preloadQuotaReading } from "./variants";

/** Product identity: version, `Recommend` product code, public endpoint (`HostId`). */
export const CDN = { product: "cdn", code: "Cdn", version: "2018-05-10", hostId: "cdn.aliyuncs.com" } as const;

/** DescribeRefreshTasks: PageSize 1..100, array under `Tasks.CDNTask` (https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-describerefreshtasks). */
export const CDN_LIST = { wrapper: "CDNTask", maxPageSize: 100, objectTypes: ["file", "directory", "regex", "preload"] } as const;

/**
 * L1 ("edge") prefetch quota per day, the `PreloadEdgeQuota` of the documented example (cloud-apis.md §A.1). Spent only
 * under `cdn.preloadQuotaFields` = `edgeUnlessL2` / `edgeForL2`; otherwise reported full.
 */
export const EDGE_DAILY = 20;

/** Whether a submit spends the L1 pool under `cdn.preloadQuotaFields`. */
function spendsEdge(call: Call): boolean {
  const reading = variantValue(call.ctx.config, preloadQuotaReading);
  if (reading === "preload") return false;
  const l2 = call.params.bool("L2Preload", false);
  return reading === "edgeUnlessL2" ? !l2 : l2;
}

/** The quota pool a PushObjectCache spends: the daily `Preload*` pool, or the L1 `PreloadEdge*` one. */
export function cdnQuotaPool(call: Call): QuotaPool {
  if (!spendsEdge(call)) return dailyPool(call, "cdn");
  return { key: "cdnEdge", allowance: EDGE_DAILY, used: call.state.quota.usedOn("cdnEdge", call.now), code: "QuotaExceeded.Preload" };
}

/** `PreloadEdgeQuota`/`PreloadEdgeRemain` as strings. */
export function edgeQuotaFields(call: Call): Record<string, string> {
  const remain = Math.max(0, EDGE_DAILY - call.state.quota.usedOn("cdnEdge", call.now));
  return { PreloadEdgeQuota: String(EDGE_DAILY), PreloadEdgeRemain: String(remain) };
}

/** Description of a URL prefetched on every node (seed 000). */
export const SUCCESS_DESCRIPTION = "Successfully preloaded";

/** The path (with query) of a URL, as `UrlDetails[].Urls[].Url` shows it (seed 000: `/abc.jpg`). */
export function pathOf(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = rest.search(/[/?#]/);
  const path = slash < 0 ? "/" : rest.slice(slash);
  return path.startsWith("/") ? path : `/${path}`;
}

function urlItem(call: Call, v: TaskView): Record<string, string> {
  const p = v.progress;
  const description = p.status === "Complete" ? SUCCESS_DESCRIPTION : p.description;
  return { Url: pathOf(echoUrl(v.task.url, call.ctx.config)), Success: `${p.percent}%`, Description: description };
}

/**
 * One `UrlDetails` item of DescribePreloadDetailById (seed 000): one per domain of the task. Rendering choices (the
 * page documents the fields, not every value): `Status` is `Refreshing` while any URL runs (the API has no `Pending`),
 * else `Failed` if any URL failed, else `Complete`; `RetCode` is "0" unless the task failed ("1"); `EndTime` is ""
 * while running; a failed URL's `Description` is its failure reason (a one-item `|`-separated list).
 */
export function detailItem(call: Call, taskId: string, domain: string, views: TaskView[]): Record<string, unknown> {
  const running = views.some((v) => v.progress.finishedAt === null);
  const failed = views.some((v) => v.progress.status === "Failed");
  const status = running ? "Refreshing" : failed ? "Failed" : "Complete";
  const process = Math.floor(views.reduce((s, v) => s + (v.progress.finishedAt === null ? v.progress.percent : 100), 0) / views.length);
  const created = Math.min(...views.map((v) => v.task.createdAt));
  const ended = running ? "" : isoSeconds(Math.max(...views.map((v) => v.progress.finishedAt as number)));
  return {
    TaskId: taskId, Domain: domain, CreationTime: isoSeconds(created), EndTime: ended, Status: reportedStatus(call.ctx.config, status),
    Process: `${process}%`, RetCode: status === "Failed" ? "1" : "0", Urls: views.map((v) => urlItem(call, v)),
  };
}
