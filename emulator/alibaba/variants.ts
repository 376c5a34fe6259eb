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

/** The variants shared by the Alibaba family. */
export const FAMILY_VARIANTS: readonly VariantDef[] = [busyAfterFirstUse, futureEndTime, throttleCode, urlEcho];
