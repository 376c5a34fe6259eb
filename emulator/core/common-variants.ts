/**
 * Variants shared by every product module. Each module lists the ones it honours in its own `variants`; the control
 * plane de-duplicates them by name, so one setting (`config.variants["tasks.visibilityLag"]`) applies to all.
 */
import type { PurgeMethod } from "./edge";
import type { EmulatorConfig } from "./types";
import { variantValue, type VariantDef } from "./variants";

/**
 * `tasks.visibilityLag`: virtual ms after a submit before the query and list APIs show its tasks. No vendor page says
 * when an accepted task becomes queryable; the CDN list page only says "API calls trigger asynchronous updates to the
 * task status" (cloud-apis.md §A.1 DescribeRefreshTasks, https://alibabacloud.com/help/en/cdn/api-describerefreshtasks)
 * and the emulator checklist of cloud-apis.md lists a "not visible yet" delay as plausible. EdgeOne's
 * DescribePrefetchTasks page (seed 003) is silent too.
 */
export const tasksVisibilityLag: VariantDef = {
  name: "tasks.visibilityLag",
  products: ["teo", "cdn", "dcdn", "esa"],
  values: ["0", "5000"],
  behaviour: {
    "0": "a task is visible to queries from the instant its submit is answered (or after config.visibilityLagMs)",
    "5000": "a task stays invisible to every query and list API for 5,000 virtual ms after its submit",
  },
  why:
    "Undocumented: no query page (seeds 000-003, cloud-apis.md §A.1-§A.4) says when an accepted task becomes " +
    "queryable; the CDN DescribeRefreshTasks page says status updates are asynchronous (cloud-apis.md §A.1).",
};

/**
 * The visibility lag in force, virtual ms: the larger of the configured `visibilityLagMs` and the
 * `tasks.visibilityLag` variant, so the variant never shortens a lag a test configured on purpose.
 */
export function visibilityLagMs(config: EmulatorConfig): number {
  return Math.max(config.visibilityLagMs, Number(variantValue(config, tasksVisibilityLag)));
}

/**
 * `tasks.unknownStatus`: every task reports a status the provider's adapters do not know, instead of its real one. No
 * vendor promises that its status list is final (seed 003 and teo_models.d.ts `Task.Status` list five values, and the
 * `statuses` filter already knows a sixth, `invalid`, cloud-apis.md §A.4), and none says a status is never blank. A
 * status added later (`paused` here, a plausible name) or a blank one is what the provider must never read as done.
 * The products list only the modules that honour it (a module that does lists it in its `variants`).
 */
export const tasksUnknownStatus: VariantDef = {
  name: "tasks.unknownStatus",
  products: ["teo", "cdn", "dcdn", "esa"],
  values: ["none", "paused", "blank"],
  behaviour: {
    none: "every task reports its documented status",
    paused: "every task reports the status `paused` (a status the vendor might add) for as long as it is listed, whatever its real state",
    blank: "every task reports an empty status \"\" for as long as it is listed, whatever its real state",
  },
  why:
    "Undocumented by nature: the status lists (seed 003, teo_models.d.ts Task.Status; cloud-apis.md §A.4) are what the " +
    "vendor documents today, the statuses filter already knows one value Task.Status does not (invalid), and no page " +
    "says the field is never empty.",
};

/** The status a task reports under `tasks.unknownStatus`: `status` itself, or the variant's unknown one. */
export function reportedStatus(config: EmulatorConfig, status: string): string {
  const v = variantValue(config, tasksUnknownStatus);
  if (v === "paused") return "paused";
  if (v === "blank") return "";
  return status;
}

/**
 * `edge.prefetchOfCached`: what a successful prefetch does to a URL whose edge already holds a fresh copy (the edge
 * model, core/edge.ts). Alibaba's "Purge and prefetch FAQ" says to purge first and prefetch after the purge finished
 * (https://www.alibabacloud.com/help/en/cdn/user-guide/refresh-and-warm-up-related-faq, ledger EDGE-1), which implies
 * that a prefetch alone does not replace a cached copy; no page of the four products says so outright (EDGE-2).
 */
export const edgePrefetchOfCached: VariantDef = {
  name: "edge.prefetchOfCached",
  products: ["teo", "cdn", "dcdn", "esa"],
  values: ["keep", "refresh"],
  behaviour: {
    keep: "a prefetch leaves a fresh cached copy as it is (the old version stays until it is purged)",
    refresh: "a prefetch replaces any cached copy with the origin's current version",
  },
  why:
    "Undocumented: the vendors advise purging before prefetching (ledger EDGE-1, " +
    "https://www.alibabacloud.com/help/en/cdn/user-guide/refresh-and-warm-up-related-faq) but no page says what a " +
    "prefetch of a URL already cached does (EDGE-2).",
};

/** True when a prefetch replaces a fresh cached copy (`edge.prefetchOfCached` = `refresh`). */
export function prefetchRefreshesCached(config: EmulatorConfig): boolean {
  return variantValue(config, edgePrefetchOfCached) === "refresh";
}

/**
 * `purge.urlMethod`: what a URL purge does with the method it is sent (EdgeOne `Method`, Alibaba CDN/DCDN and ESA
 * `Force`). Every vendor documents the method for directory-like purges only: EdgeOne "effective for directory,
 * Hostname and purge-all purges" (teo_models.d.ts `CreatePurgeTaskRequest.Method`: 针对目录刷新、Hostname 刷新以及刷新全部缓存类型有效),
 * DCDN "whether to refresh resources in a directory" (dcdn20180115 `RefreshDcdnObjectCachesRequest.force`), ESA
 * "applies to: directory refresh, cachetag refresh, ignoreParams refresh, hostname refresh, and purge all"
 * (esa20240910 `PurgeCachesRequest.force`); CDN's `force` carries no comment (cdn20180510 client.d.ts). A URL purge may
 * honour it, or ignore it and always mark the copy expired (the vendors' default method, and the CDN page: "the cached
 * files that are refreshed immediately become invalid", https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-refreshobjectcaches)
 * or always remove it (the DCDN precautions: "your resources that are cached on POPs are removed", dcdn20180115
 * client.d.ts `refreshDcdnObjectCachesWithOptions`; EdgeOne's purge page: cached resources are cleared,
 * https://www.tencentcloud.com/document/product/1145/46179). Ledger PG-1, PG-4, PG-7, EDGE-3.
 */
export const purgeUrlMethod: VariantDef = {
  name: "purge.urlMethod",
  products: ["teo", "cdn", "dcdn", "esa"],
  values: ["honoured", "alwaysInvalidate", "alwaysDelete"],
  behaviour: {
    honoured: "a URL purge with delete (EdgeOne Method delete, Alibaba Force true) removes the cached copy, one with invalidate marks it stale",
    alwaysInvalidate: "the method is ignored on URL purges: every successful URL purge marks the cached copy stale",
    alwaysDelete: "the method is ignored on URL purges: every successful URL purge removes the cached copy",
  },
  why:
    "Undocumented: EdgeOne Method, DCDN and ESA Force are documented for directory, host and purge-all purges only " +
    "(teo_models.d.ts CreatePurgeTaskRequest.Method, dcdn20180115 RefreshDcdnObjectCachesRequest.force, esa20240910 " +
    "PurgeCachesRequest.force; CDN's force has no comment); the pages say refreshed URLs become invalid " +
    "(https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-refreshobjectcaches) or are removed (DCDN).",
};

/** The effect a successful URL purge sent with `requested` has on the edge under `purge.urlMethod`. */
export function urlPurgeEffect(config: EmulatorConfig, requested: PurgeMethod): PurgeMethod {
  const v = variantValue(config, purgeUrlMethod);
  if (v === "alwaysInvalidate") return "invalidate";
  if (v === "alwaysDelete") return "delete";
  return requested;
}
