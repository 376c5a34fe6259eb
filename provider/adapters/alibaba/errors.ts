/**
 * Classifies whatever an Alibaba SDK call threw (CDN, DCDN, ESA) into a {@link CloudError}. The retry policy reads
 * only `kind`; this file is the one place that knows Alibaba's codes.
 *
 * Error shapes: openapi-core (CDN, ESA) throws `ThrottlingError` / `ClientError` / `ServerError` with `code`,
 * `statusCode`, `requestId`, `data` (the error body) and, for throttling, `retryAfter` from the `x-acs-retry-after`
 * header; openapi-client (DCDN) throws a plain `Error` with `code` and `data.statusCode` (no headers reachable).
 * Sources: cloud-apis.md §C.6, §D.1 and the capture in sdk-wire-capture.json (`cdn_err_v3`, `dcdn_err_v3`).
 */
import type { CloudKind } from "../../model/cloud";
import { CloudError, type ErrorKind } from "../../model/errors";
import { transportErrorCode } from "../network";

/**
 * Rate limiting. Any code containing "Throttling" (`Throttling`, `Throttling.User`, `Throttling.Api`), whatever the
 * HTTP status: the SDK itself keys `ThrottlingError` on the code (§C.6). `TooManyRequests` is the 429 of the query
 * APIs (seed pages 000–002). https://help.aliyun.com/document_detail/51132.html
 */
const THROTTLING_CODES = ["TooManyRequests", "FlowControlError"];

/**
 * Server trouble worth retrying. `ServiceBusy` is "the specified Domain is configuring, please retry later";
 * `InvalidDomain.Offline` is retried by the alicloud Terraform provider because the edge lags right after a domain
 * goes online (§A.1 table, https://alibabacloud.com/help/en/doc-detail/130636.html).
 */
const TRANSIENT_CODES = ["ServiceUnavailable", "InternalError", "ServiceBusy", "InvalidDomain.Offline", "InvalidDomain.Configure_failed"];

/** Credentials wrong, expired, clock skewed, or the account may not call the API (§D.1). */
const AUTH_PREFIXES = [
  "InvalidAccessKeyId", "SignatureDoesNotMatch", "IncompleteSignature", "InvalidTimeStamp", "SignatureNonceUsed",
  "InvalidSecurityToken", "Forbidden", "NoPermission", "OperationDenied", "InvalidCredentials",
];

/** Daily quota used up or the prefetch queue full (§A.1 table). */
const QUOTA_PREFIXES = ["QuotaExceeded", "PreloadQueueFull"];

/** Bad requests (§A.1, §D.1, seed pages). `InvalidTime` is handled before these (it is `notFound`). */
const INVALID_PREFIXES = ["Invalid", "Missing", "SingleRequest.OverLimit", "IllegalOperation", "DomainNameOverLimit", "UnsupportedHTTPMethod"];

/** "The query time cannot exceed the last 3 days" (seed pages 000–002): the task aged out of the history window. */
const HISTORY_CODES = ["InvalidTime"];

const startsWithAny = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/** The error kind for an Alibaba error code and HTTP status. */
export function alibabaErrorKind(code: string, httpStatus: number | null): ErrorKind {
  if (code.includes("Throttling") || THROTTLING_CODES.includes(code)) return "throttled";
  if (HISTORY_CODES.includes(code)) return "notFound";
  if (startsWithAny(code, AUTH_PREFIXES)) return "auth";
  if (startsWithAny(code, QUOTA_PREFIXES)) return "quota";
  if (TRANSIENT_CODES.includes(code)) return "transient";
  if (startsWithAny(code, INVALID_PREFIXES)) return "invalid";
  if (httpStatus === null) return "unknown";
  if (httpStatus === 429) return "throttled";
  if (httpStatus >= 500) return "transient";
  if (httpStatus === 401 || httpStatus === 403) return "auth";
  if (httpStatus >= 400) return "invalid";
  return "unknown";
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
    const kind = alibabaErrorKind(code, httpStatus);
    let message = vendorMessage(e);
    if (code === "PreloadQueueFull") message = `the prefetch queue is full; retry later (${message})`;
    return new CloudError(cloud, kind, code, message, requestId, httpStatus, kind === "throttled" ? retryAfterOf(e) : null, action);
  }
  const transport = transportErrorCode(e);
  if (transport) return new CloudError(cloud, "transient", transport, `network error: ${String(e.message).slice(0, 300)}`, null, null, null, action);
  return new CloudError(cloud, "unknown", code ?? e.name ?? "Error", String(e.message ?? e), null, null, null, action);
}

/** Node socket error codes also arrive in `code`; they are not vendor codes. */
function transportLike(code: string): boolean {
  return /^E[A-Z_]+$/.test(code);
}
