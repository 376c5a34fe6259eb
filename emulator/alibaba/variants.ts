/**
 * Variants shared by the Alibaba products (core/variants.ts): undocumented behaviours of the family's gateway and
 * query pages. Product-only variants live in the product folders (cdn/variants.ts, esa/variants.ts).
 */
import type { VariantDef } from "../core/variants";

/**
 * `alibaba.busyAfterFirstUse` (CDN, DCDN): a domain refuses submits for `config.alibaba.busyForMs` after its first use.
 * The codes are documented (`ServiceBusy` 403 "The specified Domain is configuring", `InvalidDomain.Offline` 404,
 * cloud-apis.md §A.1 table); when and for how long they are answered is not.
 */
export const busyAfterFirstUse: VariantDef = {
  name: "alibaba.busyAfterFirstUse",
  products: ["cdn", "dcdn"],
  values: ["none", "ServiceBusy", "InvalidDomain.Offline"],
  behaviour: {
    none: "a declared (or auto-provisioned) domain accepts submits at once",
    ServiceBusy: "submits naming a domain are refused with ServiceBusy (403) from its first submit until config.alibaba.busyForMs (default 2000 virtual ms) later",
    "InvalidDomain.Offline": "the same, refused with InvalidDomain.Offline (404)",
  },
  why:
    "The PushObjectCache/PreloadDcdnObjectCaches error table documents ServiceBusy (403) and InvalidDomain.Offline (404) " +
    "but not when they happen (cloud-apis.md §A.1, https://alibabacloud.com/help/en/doc-detail/130636.html); the alicloud " +
    "Terraform provider retries InvalidDomain.Offline because the edge lags behind the control plane after a domain goes online.",
};

/**
 * `alibaba.futureEndTime` (CDN, DCDN, ESA list APIs): an `EndTime` later than the server's now is accepted or refused.
 * Refused with `InvalidTime` ("The query time cannot exceed the last 3 days."), the seed 001/002 code for a query
 * window the server will not serve; `InvalidEndTime.Mismatch` is documented only for an EndTime before the StartTime.
 */
export const futureEndTime: VariantDef = {
  name: "alibaba.futureEndTime",
  products: ["cdn", "dcdn", "esa"],
  values: ["accept", "refuse"],
  behaviour: {
    accept: "an EndTime in the future is served like any other window",
    refuse: "DescribeRefreshTasks, DescribeDcdnRefreshTasks and DescribePreloadTasks refuse an EndTime later than now with InvalidTime (400, 'The query time cannot exceed the last 3 days.')",
  },
  why:
    "Seed 001 (ESA DescribePreloadTasks) and cloud-apis.md §A.1/§A.2 say only that EndTime must be later than StartTime " +
    "and the window within the last 3 days; whether an EndTime after now is accepted is not stated. When refused, the only " +
    "documented code that fits is InvalidTime (seed 001/002 error tables), which a client can mistake for 'history gone'.",
};

/**
 * `alibaba.throttleCode`: the code and status of a rate-limit refusal (throttle faults and the core's rate limiter).
 * Statuses per product come from the product tables: `Throttling` 503 (CDN/DCDN per-API tables, §A.1), `TooManyRequests`
 * 429 (seeds 000, 002) or 400 (ESA, seed 001).
 */
export const throttleCode: VariantDef = {
  name: "alibaba.throttleCode",
  products: ["cdn", "dcdn", "esa"],
  values: ["Throttling.User", "Throttling", "TooManyRequests"],
  behaviour: {
    "Throttling.User": "rate-limit refusals are Throttling.User, HTTP 400, with x-acs-retry-after",
    Throttling: "rate-limit refusals are Throttling, HTTP 503, with x-acs-retry-after",
    TooManyRequests: "rate-limit refusals are TooManyRequests, HTTP 429 (CDN, DCDN) or 400 (ESA), with x-acs-retry-after",
  },
  why:
    "Each is documented somewhere and none says which one a prefetch call gets: Throttling.User 400 (common errors, " +
    "cloud-apis.md §D.1), Throttling 503 (the PushObjectCache table, §A.1), TooManyRequests 429 (seeds 000 and 002) or " +
    "400 (seed 001, ESA).",
};

/**
 * `alibaba.urlEcho`: the form in which queries echo a submitted URL. The pages show only plain ASCII examples; the ESA
 * cache guide asks for URIs with non-ASCII or reserved characters (spaces) to be encoded
 * (https://help.aliyun.com/en/edge-security-acceleration/esa/user-guide/refresh-cache/).
 */
export const urlEcho: VariantDef = {
  name: "alibaba.urlEcho",
  products: ["cdn", "dcdn", "esa"],
  values: ["asSubmitted", "normalized"],
  behaviour: {
    asSubmitted: "ObjectPath / Content / Urls[].Url echo the URL as submitted (CDN/DCDN add http:// when no scheme was sent)",
    normalized: "echoed and stored normalised: scheme and host lower-cased, percent-escapes upper-cased, non-ASCII characters percent-encoded as UTF-8; the exact-match ObjectPath and Content filters compare against that form",
  },
  why:
    "No query page says whether the stored URL is normalised (seeds 000-002 show only ASCII examples; cloud-apis.md §D.4 " +
    "says query strings and case matter for the cache key); the ESA cache guide asks for non-ASCII and reserved " +
    "characters to be encoded (https://help.aliyun.com/en/edge-security-acceleration/esa/user-guide/refresh-cache/).",
};

/**
 * `alibaba.taskIdsPerSubmit` (CDN, DCDN): how many task ids one `PushObjectCache` / `PreloadDcdnObjectCaches` answer
 * carries. Documented: the id field is a comma-separated list and URL tasks of one domain submitted in the same second
 * are merged under one id (cdn-sdk PushObjectCacheResponseBody, dcdn-sdk PreloadDcdnObjectCachesResponseBody,
 * cloud-apis.md §A.1); how ids map to domains or URLs is not.
 */
export const taskIdsPerSubmit: VariantDef = {
  name: "alibaba.taskIdsPerSubmit",
  products: ["cdn", "dcdn"],
  values: ["perDomain", "perUrl", "perRequest"],
  behaviour: {
    perDomain: "one id per domain of the request, merged with same-domain submits of the same second (at most 500 URLs per id)",
    perUrl: "one fresh id per URL of the request, never shared with another submit",
    perRequest: "one fresh id for the whole request, whatever its domains",
  },
  why:
    "The CDN and DCDN submit pages say only that the id field may hold several comma-separated ids and that URL tasks " +
    "of one domain submitted in the same second are merged (cloud-apis.md §A.1, https://alibabacloud.com/help/en/cdn/api-pushobjectcache); " +
    "whether a request gets one id, one per domain or one per URL is not stated.",
};

/**
 * `alibaba.expiredTaskIds` (CDN, DCDN by-id queries): what `DescribeRefreshTaskById` / `DescribeDcdnRefreshTaskById`
 * answer for an id issued longer ago than the 3-day history.
 */
export const expiredTaskIds: VariantDef = {
  name: "alibaba.expiredTaskIds",
  products: ["cdn", "dcdn"],
  values: ["empty", "InvalidTime"],
  behaviour: {
    empty: "the expired id's tasks are simply not listed (HTTP 200; an answer naming only expired ids has TotalCount 0)",
    InvalidTime: "a call naming any id issued more than config.historyMs.alibaba (3 days) ago is refused whole with InvalidTime (400, 'The query time cannot exceed the last 3 days.'), even when its other ids are young",
  },
  why:
    "The by-id pages say tasks are kept for 3 days (seed 002, cdn-sdk DescribeRefreshTaskByIdRequest) and seed 002 lists " +
    "InvalidTime ('The query time cannot exceed the last 3 days') for DescribeDcdnRefreshTaskById although the call " +
    "takes no time parameter; whether an old id is refused or silently absent is not stated.",
};

/**
 * `alibaba.unknownTaskId` (CDN, DCDN by-id queries, CDN detail): what the by-id APIs answer for a well-formed id that
 * was never issued (an adopted `existingTaskIds` entry with a typo).
 */
export const unknownTaskId: VariantDef = {
  name: "alibaba.unknownTaskId",
  products: ["cdn", "dcdn"],
  values: ["empty", "InvalidTaskId.Malformed"],
  behaviour: {
    empty: "the id is ignored: HTTP 200 with no task for it",
    "InvalidTaskId.Malformed": "a call naming any well-formed id this account was never issued is refused whole with InvalidTaskId.Malformed (400); expired ids are answered as alibaba.expiredTaskIds says",
  },
  why:
    "The seed 000 and seed 002 error tables list InvalidTaskId.Malformed ('The specified TaskId is invalid') without saying whether a " +
    "well-formed but unknown id gets it or an empty answer.",
};

/**
 * `alibaba.listOrder` (CDN, DCDN, ESA list APIs): the order of the items of `DescribeRefreshTasks`,
 * `DescribeDcdnRefreshTasks` and `DescribePreloadTasks`, across pages.
 */
export const listOrder: VariantDef = {
  name: "alibaba.listOrder",
  products: ["cdn", "dcdn", "esa"],
  values: ["newestFirst", "oldestFirst"],
  behaviour: {
    newestFirst: "items are listed newest first (by creation time, then submission order), pages cut from that order",
    oldestFirst: "items are listed oldest first, pages cut from that order",
  },
  why:
    "Seed 001 (DescribePreloadTasks) and the CDN/DCDN list pages (cloud-apis.md §A.1, §A.2, " +
    "https://alibabacloud.com/help/en/cdn/api-describerefreshtasks) document paging but no order.",
};

/**
 * `alibaba.processCurve` (CDN, DCDN, ESA): how a running URL's `Process` percentage moves. The APIs document the
 * field ("Process": "100%", seed 002; ESA `Process`, seed 001) but not how it rises; the provider's poll schedule aims
 * at the finish with it (provider/engine/schedule.ts), so every plausible shape is offered.
 */
export const processCurve: VariantDef = {
  name: "alibaba.processCurve",
  products: ["cdn", "dcdn", "esa"],
  values: ["linear", "rounded", "none"],
  behaviour: {
    linear: "Pending for the first tenth of the URL's duration, then the share of the duration elapsed, floored (at most 99 % until done)",
    rounded: "the same share, rounded instead of floored",
    none: "Pending for the first tenth, then Refreshing at 0 % until the URL is done (no progress signal)",
  },
  why:
    "Process is documented as a percentage (seed 002 DescribeRefreshTaskById: \"Process\": \"100%\"; seed 001 " +
    "DescribePreloadTasks) with no word on how it rises while a URL refreshes, or whether it rounds or floors.",
};

/** The variants shared by the Alibaba family. */
export const FAMILY_VARIANTS: readonly VariantDef[] = [
  busyAfterFirstUse, futureEndTime, throttleCode, urlEcho, taskIdsPerSubmit, expiredTaskIds, unknownTaskId, listOrder,
  processCurve,
];
