/**
 * Classifies whatever an Alibaba SDK call threw (CDN, DCDN, ESA) into a {@link CloudError}. The retry policy reads
 * only `kind` (what the failure proves), messages read `detail` (what exactly was refused); this file is the one place
 * that knows Alibaba's codes.
 *
 * Error shapes: openapi-core (CDN, ESA) throws `ThrottlingError` / `ClientError` / `ServerError` with `code`,
 * `statusCode`, `requestId`, `data` (the error body) and, for throttling, `retryAfter` from the `x-acs-retry-after`
 * header; openapi-client (DCDN) throws a plain `Error` with `code` and `data.statusCode` (no headers reachable).
 * Sources: cloud-apis.md §C.6, §D.1 and the capture in sdk-wire-capture.json (`cdn_err_v3`, `dcdn_err_v3`).
 */
import type { CloudKind } from "../../model/cloud";
import { CloudError, type ErrorDetail, type ErrorKind } from "../../model/errors";
import { transportErrorCode, transportErrorKind } from "../network";

/** A code's classification. */
export interface AlibabaClass {
  kind: ErrorKind;
  detail: ErrorDetail | null;
}

/**
 * Rate limiting. Any code containing "Throttling" (`Throttling`, `Throttling.User`, `Throttling.Api`), whatever the
 * HTTP status: the SDK itself keys `ThrottlingError` on the code (§C.6). `TooManyRequests` is the 429 of the query
 * APIs (seed pages 000–002). https://help.aliyun.com/document_detail/51132.html
 */
const THROTTLING_CODES = ["TooManyRequests", "FlowControlError"];

/**
 * "Not ready yet" refusals: the API answered with an error, so nothing was accepted, and the domain or site is being
 * set up, so a bounded retry may succeed (the retry policy's busy window).
 * - `ServiceBusy` (403): "The specified Domain is configuring, please retry later" (§A.1 table).
 * - `InvalidDomain.Offline` (404): the edge lags right after a domain goes online; the alicloud Terraform provider
 *   retries it for 5 minutes (§A.1 table, §E).
 * - `InvalidDomain.Configure_failed` (500, no documented message; "failed to configure the domain"): a refusal tied to
 *   the domain's configuration state, not an unknown outcome: the API checked the domain and rejected the request, so
 *   it is never an uncertain batch (classifying it `transient` would reconcile and resubmit into the same refusal).
 *   It is seen while a just-created domain's configuration settles, the situation the busy window is for; if the
 *   configuration really failed, the window runs out and the error is reported with the vendor's code.
 * - ESA `Site.ServiceBusy`: the site is being configured (issue 7).
 */
const BUSY_CODES = ["ServiceBusy", "InvalidDomain.Offline", "InvalidDomain.Configure_failed", "Site.ServiceBusy"];

/** Server trouble whose outcome is unknown (§D.1). */
const TRANSIENT_CODES = ["ServiceUnavailable", "InternalError"];

/** Wrong, expired or skewed credentials and signatures (§D.1). */
const CREDENTIAL_PREFIXES = [
  "InvalidAccessKeyId", "SignatureDoesNotMatch", "IncompleteSignature", "InvalidTimeStamp", "SignatureNonceUsed",
  "InvalidSecurityToken", "InvalidCredentials",
];

/** Valid credentials whose policy refuses the action (§D.1: `Forbidden.RAM`, `Forbidden`; `NoPermission`). */
const NO_PERMISSION_PREFIXES = ["Forbidden", "NoPermission"];

/**
 * The product is not activated or is suspended: `OperationDenied` ("CDN is not opened, or is suspended", §A.1 table)
 * and any `…NotOpen…` code (e.g. `…ServiceNotOpened`).
 */
const isServiceNotOpened = (code: string) => code.startsWith("OperationDenied") || /NotOpen/.test(code);

/**
 * Quota and limit refusals (§A.1 table). `QuotaExceeded.Preload` is the daily quota; `PreloadQueueFull` the prefetch
 * queue (clears in minutes); `SingleRequest.OverLimit` ("a maximum of 1000 URLs … for each request") and
 * `InvalidObjectPath.ExceedsMaximum` ("the maximum number of urls is exceeded") are the per-request limit. For URL
 * refreshes (purges, issue 11): `QuotaExceeded.Refresh` is the daily refresh quota ("Your refresh attempts have exceeded
 * the daily limit") and `TooMany.Refresh` the refresh queue of a domain ("The refresh queue is full; please try again
 * later"; both AlibabaCloudDocs/dcdn `cn.zh-CN/API参考/刷新预热接口/RefreshDcdnObjectCaches.md`). Any other code with a
 * `QuotaExceeded` segment (`QuotaExceeded`, `QuotaExceeded.X`, and ESA-style `X.QuotaExceeded`: ESA documents no
 * prefetch or purge quota code, emulator variants `esa.quotaExceededCode`, `esa.purgeQuotaExceededCode`) is a quota
 * whose nature we do not know (detail null).
 */
const isQuotaExceeded = (code: string) => /(^|\.)QuotaExceeded/.test(code);
const QUOTA_DETAILS: Readonly<Record<string, ErrorDetail>> = {
  PreloadQueueFull: "queueFull",
  "TooMany.Refresh": "queueFull",
  "SingleRequest.OverLimit": "batchLimit",
  "InvalidObjectPath.ExceedsMaximum": "batchLimit",
};

/** Daily quota codes: the prefetch one (§A.1) and the URL refresh one (the archived DCDN page above). */
const DAILY_QUOTA_CODES = ["QuotaExceeded.Preload", "QuotaExceeded.Refresh"];

/**
 * Per-minute limits: `QuotaPerMinuteExceeded.Refresh` ("You tried to refresh too frequently; please try again later",
 * the archived DCDN page above), the "up to 1,000 URLs per minute for each domain name" of the refresh APIs
 * (cdn20180510 / dcdn20180115 client.d.ts `refreshObjectCachesWithOptions`, `refreshDcdnObjectCachesWithOptions`).
 * Nothing was accepted and the window passes within a minute, so it is `throttled`, with a retry hint of
 * {@link PER_MINUTE_RETRY_MS} when the reply carries none.
 */
const PER_MINUTE_CODES = ["QuotaPerMinuteExceeded.Refresh"];

/** The retry hint of a per-minute refusal without `x-acs-retry-after`: the minute the limit counts. */
export const PER_MINUTE_RETRY_MS = 60_000;

/**
 * The domain or site is not in this account (§A.1 table; ESA `InvalidSiteId.NotFound`, and `SiteNotFound`, the code the
 * alicloud Terraform provider treats as "site not found" for ESA site calls: aliyun/terraform-provider-alicloud
 * `alicloud/service_alicloud_esa_v2.go`). For ESA it is also what a site on the other endpoint looks like
 * (alibaba-esa/endpoint.ts names that endpoint).
 */
const SCOPE_NOT_FOUND = ["InvalidDomain.NotFound", "InvalidSiteId.NotFound", "SiteNotFound"];

/** Bad requests (§A.1, §D.1, seed pages). `InvalidTime` is handled before these (it is `notFound`). */
const INVALID_PREFIXES = ["Invalid", "Missing", "IllegalOperation", "DomainNameOverLimit", "UnsupportedHTTPMethod"];

/** "The query time cannot exceed the last 3 days" (seed pages 000–002): the vendor refuses the time window. */
const HISTORY_CODES = ["InvalidTime"];

const startsWithAny = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/** The class of a code the tables know, or null. */
function knownClass(code: string): AlibabaClass | null {
  if (code.includes("Throttling") || THROTTLING_CODES.includes(code) || PER_MINUTE_CODES.includes(code)) return { kind: "throttled", detail: null };
  if (HISTORY_CODES.includes(code)) return { kind: "notFound", detail: null };
  if (BUSY_CODES.includes(code)) return { kind: "busy", detail: null };
  if (TRANSIENT_CODES.includes(code)) return { kind: "transient", detail: null };
  if (startsWithAny(code, CREDENTIAL_PREFIXES)) return { kind: "auth", detail: "credentials" };
  if (isServiceNotOpened(code)) return { kind: "auth", detail: "serviceNotOpened" };
  if (startsWithAny(code, NO_PERMISSION_PREFIXES)) return { kind: "auth", detail: "noPermission" };
  if (isQuotaExceeded(code)) return { kind: "quota", detail: DAILY_QUOTA_CODES.some((c) => code.startsWith(c)) ? "dailyQuota" : null };
  if (QUOTA_DETAILS[code]) return { kind: "quota", detail: QUOTA_DETAILS[code] };
  if (SCOPE_NOT_FOUND.includes(code)) return { kind: "invalid", detail: "scopeNotFound" };
  if (startsWithAny(code, INVALID_PREFIXES)) return { kind: "invalid", detail: null };
  return null;
}

/** The kind an unknown code gets from its HTTP status. */
function httpStatusKind(httpStatus: number | null): ErrorKind {
  if (httpStatus === null) return "unknown";
  if (httpStatus === 429) return "throttled";
  if (httpStatus >= 500) return "transient";
  if (httpStatus === 401 || httpStatus === 403) return "auth";
  return httpStatus >= 400 ? "invalid" : "unknown";
}

/** The kind and detail for an Alibaba error code and HTTP status (the status decides only for unknown codes). */
export function alibabaErrorClass(code: string, httpStatus: number | null): AlibabaClass {
  return knownClass(code) ?? { kind: httpStatusKind(httpStatus), detail: null };
}

/** The error kind for an Alibaba error code and HTTP status. */
export function alibabaErrorKind(code: string, httpStatus: number | null): ErrorKind {
  return alibabaErrorClass(code, httpStatus).kind;
}

type SdkError = Error & {
  code?: unknown; statusCode?: unknown; requestId?: unknown; retryAfter?: unknown;
  data?: Record<string, unknown>; headers?: Record<string, unknown>;
};

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" && v !== "undefined" ? v : null);
const int = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number.parseInt(v, 10) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/** The vendor's own message, without the SDK's "code: 400, … request id: …" wrapping or a signing string. */
function vendorMessage(e: SdkError): string {
  const raw = text(e.data?.Message) ?? text(e.data?.message) ?? String(e.message ?? "");
  return raw.replace(/\s*server string to sign is:.*$/is, "").trim() || "(no message)";
}

/** `x-acs-retry-after` (ms) when the SDK exposes it: openapi-core's `ThrottlingError.retryAfter` (§C.6). */
function retryAfterOf(e: SdkError): number | null {
  return int(e.retryAfter) ?? int(e.headers?.["x-acs-retry-after"]) ?? int((e.data?.headers as Record<string, unknown> | undefined)?.["x-acs-retry-after"]);
}

/** Converts anything an Alibaba SDK call threw into a CloudError (CloudErrors pass through). */
export function classifyAlibabaError(cloud: CloudKind, action: string, err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  const e = (err instanceof Error ? err : new Error(String(err))) as SdkError;
  const code = text(e.code) ?? text(e.data?.Code);
  if (code && !transportLike(code)) {
    const httpStatus = int(e.statusCode) ?? int(e.data?.statusCode);
    const requestId = text(e.requestId) ?? text(e.data?.RequestId);
    const { kind, detail } = alibabaErrorClass(code, httpStatus);
    let message = vendorMessage(e);
    if (code === "PreloadQueueFull") message = `the prefetch queue is full; retry later (${message})`;
    const retryAfter = kind === "throttled" || kind === "busy" ? retryAfterOf(e) ?? (PER_MINUTE_CODES.includes(code) ? PER_MINUTE_RETRY_MS : null) : null;
    return new CloudError(cloud, kind, code, message, requestId, httpStatus, retryAfter, action).withDetail(detail);
  }
  const transport = transportErrorCode(e);
  if (transport) {
    return new CloudError(cloud, transportErrorKind(transport, e), transport, `network error: ${String(e.message).slice(0, 300)}`, null, null, null, action);
  }
  return new CloudError(cloud, "unknown", code ?? e.name ?? "Error", String(e.message ?? e), null, null, null, action);
}

/** Node socket error codes also arrive in `code`; they are not vendor codes. */
function transportLike(code: string): boolean {
  return /^E[A-Z_]+$/.test(code);
}
