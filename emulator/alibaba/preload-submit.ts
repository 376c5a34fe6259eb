/**
 * The CDN `PushObjectCache` and DCDN `PreloadDcdnObjectCaches` handler: the same parameters, limits and error table
 * (cloud-apis.md §A.1, §A.2, https://alibabacloud.com/help/en/doc-detail/130636.html). The ids are comma-joined; how
 * many a request gets is the `alibaba.taskIdsPerSubmit` variant: by default one per domain, merged with same-domain
 * submits of the same second (see ids.ts), else one per URL or one per request.
 *
 * Order of checks: ObjectPath → options → declared domains → busy domains (`alibaba.busyAfterFirstUse`) → daily quota →
 * queue. Fidelity notes: `Area`, `QueryHashkey` and `WithHeader` are validated but change nothing in the emulated
 * prefetch; `L2Preload` only chooses the CDN quota pool under `cdn.preloadQuotaFields`.
 */
import type { EmulatorConfig } from "../core/types";
import { variantValue } from "../core/variants";
import { acceptUrls, checkQuota, dailyPool, type QuotaPool } from "./accept";
import { refuseWhileBusy } from "./busy";
import { AlibabaError, documented, invalidParameter, missingParameter, type ErrorTable } from "./errors";
import { checkDomain } from "./restrictions";
import type { Call, Handler } from "./types";
import { parseObjectPath, type SubmittedUrl } from "./urls";
import { busyAfterFirstUse, taskIdsPerSubmit } from "./variants";

/**
 * The error table PushObjectCache and PreloadDcdnObjectCaches share (cloud-apis.md §A.1 and §A.2 "the same table",
 * https://alibabacloud.com/help/en/doc-detail/130636.html). CDN and DCDN list it in their errors.ts.
 */
export const PRELOAD_SUBMIT_ERRORS: ErrorTable = {
  ...documented("cloud-apis.md §A.1 PushObjectCache table, https://alibabacloud.com/help/en/doc-detail/130636.html", {
    "QuotaExceeded.Preload": [400, "Your refresh attempts have exceeded the daily limit."],
    "InvalidObjectPath.Malformed": [400, "The specified ObjectPath is invalid."],
    "InvalidObjectPath.ExceedsMaximum": [400, "The maximum number of urls is exceeded."],
    "SingleRequest.OverLimit": [400, "A maximum of 1000 URLs are supported for each request."],
    "PreloadQueueFull": [400, "The warming queue is full; please try again later."],
    "InvalidExtensiveDomain.ValueNotSupported": [400, "Wildcard domains are not supported."],
    "InvalidDomain.NotFound": [404, "The domain provided does not belong to you."],
    "InvalidDomain.Offline": [404, "The domain provided is offline."],
    "ServiceBusy": [403, "The specified Domain is configuring, please retry later."],
    "OperationDenied": [403, "Your account does not open CDN service yet."],
    "IllegalOperation": [403, "Illegal domain operate is not permitted."],
    "Throttling": [503, "Request was denied due to request throttling."],
  }),
  ...documented("cloud-apis.md §A.1 PushObjectCache table (status and code; the table gives no message, this one is the emulator's)", {
    "InvalidDomain.Configure_failed": [500, "Failed to configure the domain."],
  }),
};

/** Prefetch queue size in URLs (https://alibabacloud.com/help/en/doc-detail/130636.html: 100,000). */
export const DEFAULT_QUEUE_CAPACITY = 100_000;
/** `Area` values (cloud-apis.md §A.1). */
const AREAS = ["domestic", "overseas"];

/** What differs between the CDN and DCDN submit. */
export interface PreloadSubmitOptions {
  product: "cdn" | "dcdn";
  /** Response field holding the ids: `PushTaskId` (CDN) or `PreloadTaskId` (DCDN). */
  idField: string;
  /** The declared domains of the product, or undefined when not restricted. */
  declared(config: EmulatorConfig): string[] | undefined;
  /** CDN refuses when the queue is full; DCDN queues (cloud-apis.md §A.2). */
  refuseWhenQueueFull: boolean;
  /** The quota pool a submit spends (CDN: variant `cdn.preloadQuotaFields`); default the product's daily pool. */
  pool?(call: Call): QuotaPool;
}

function checkOptions(call: Call): void {
  const area = call.params.str("Area");
  if (area !== undefined && !AREAS.includes(area)) throw invalidParameter("Area", "Valid values: domestic, overseas.");
  call.params.bool("L2Preload", false);
  call.params.bool("QueryHashkey", false);
  const header = call.params.json("WithHeader");
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (header !== undefined && (!isMap(header) || !Object.values(header).every((x) => Array.isArray(x) && x.every((s) => typeof s === "string")))) {
    throw invalidParameter("WithHeader", 'It must be a JSON map of header name to an array of values, e.g. {"Accept-Encoding":["gzip"]}.');
  }
}

function checkQueue(call: Call, o: PreloadSubmitOptions, urls: number): void {
  if (!o.refuseWhenQueueFull) return;
  const capacity = call.ctx.config.alibaba?.preloadQueueCapacity ?? DEFAULT_QUEUE_CAPACITY;
  if (call.state.tasks.inProgress(o.product, call.now) + urls > capacity) throw new AlibabaError("PreloadQueueFull");
}

/** One id per domain, in order of first appearance; `slot` keeps other task kinds' merges apart (refresh submits). */
function idsByDomain(call: Call, product: "cdn" | "dcdn", urls: SubmittedUrl[], slot: string): Map<string, string> {
  const counts = new Map<string, number>();
  for (const u of urls) counts.set(u.domain, (counts.get(u.domain) ?? 0) + 1);
  return new Map([...counts].map(([domain, n]) => [domain, call.state.ids.forDomain(product, slot + domain, n, call.now)]));
}

/** The id of each URL of the request (same order), under `alibaba.taskIdsPerSubmit` (refresh submits share the rule). */
export function taskIdsOf(call: Call, product: "cdn" | "dcdn", urls: SubmittedUrl[], slot = ""): string[] {
  const mode = variantValue(call.ctx.config, taskIdsPerSubmit);
  if (mode === "perUrl") return urls.map(() => call.state.ids.fresh(call.now));
  if (mode === "perRequest") {
    const id = call.state.ids.fresh(call.now);
    return urls.map(() => id);
  }
  const byDomain = idsByDomain(call, product, urls, slot);
  return urls.map((u) => byDomain.get(u.domain) as string);
}

/** The submit handler of CDN or DCDN. */
export function preloadSubmit(o: PreloadSubmitOptions): Handler {
  return (call) => {
    const urls = parseObjectPath(call.params.required("ObjectPath"));
    if (urls.length === 0) throw missingParameter("ObjectPath");
    checkOptions(call);
    for (const u of urls) checkDomain(o.declared(call.ctx.config), u.domain);
    const domains = [...new Set(urls.map((u) => u.domain))];
    refuseWhileBusy(call, domains.map((d) => `${o.product} ${d}`), variantValue(call.ctx.config, busyAfterFirstUse));
    const pool = o.pool?.(call) ?? dailyPool(call, o.product);
    checkQuota(pool, urls.length);
    checkQueue(call, o, urls.length);
    const ids = taskIdsOf(call, o.product, urls);
    acceptUrls(call, o.product, urls, (i) => ids[i], pool.key);
    return { body: { [o.idField]: [...new Set(ids)].join(",") }, urls: urls.length };
  };
}
