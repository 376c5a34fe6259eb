/**
 * Classifies whatever the Tencent SDK threw into a {@link CloudError}.
 *
 * Error shapes (tencentcloud-sdk-nodejs-common 4.1.220, cloud-apis.md §C.6, verified): business errors arrive as HTTP
 * 200 + `Response.Error` and are thrown as `TencentCloudSDKHttpException` with `code`, `message`, `requestId`; a
 * non-200 reply is thrown with `httpCode` and no `code`; network failures are thrown with neither.
 */
import { CloudError, type ErrorKind } from "../../model/errors";
import { transportErrorCode } from "../network";

/** Frequency limit: `RequestLimitExceeded[.UinLimitExceeded|…]` (https://cloud.tencent.com/document/product/1778/111040). */
const THROTTLING_PREFIXES = ["RequestLimitExceeded"];

/** Server-side trouble: `InternalError[.BackendError|.QuotaSystem|…]` (CreatePrefetchTask codes, §A.4). */
const TRANSIENT_PREFIXES = ["InternalError"];

/** Credentials or permissions (§D.2; `OperationDenied` and `UnauthorizedOperation.*` from the API pages, §A.4). */
const AUTH_PREFIXES = ["AuthFailure", "UnauthorizedOperation", "OperationDenied"];

/** Daily or per-request prefetch quota: `LimitExceeded.DailyQuota`, `LimitExceeded.BatchQuota` (§A.4). */
const QUOTA_PREFIXES = ["LimitExceeded"];

/** Bad requests and unknown resources (§A.4, §D.2). */
const INVALID_PREFIXES = [
  "InvalidParameter", "InvalidParameterValue", "ResourceNotFound", "MissingParameter", "UnknownParameter", "InvalidAction",
  "UnsupportedRegion", "UnsupportedProtocol", "UnsupportedOperation", "NoSuchVersion", "InvalidRequest", "ActionOffline",
];

const startsWithAny = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/** The error kind for a Tencent error code. */
export function tencentErrorKind(code: string): ErrorKind {
  if (startsWithAny(code, THROTTLING_PREFIXES)) return "throttled";
  if (startsWithAny(code, TRANSIENT_PREFIXES)) return "transient";
  if (startsWithAny(code, AUTH_PREFIXES)) return "auth";
  if (startsWithAny(code, QUOTA_PREFIXES)) return "quota";
  if (startsWithAny(code, INVALID_PREFIXES)) return "invalid";
  return "unknown";
}

/** The error kind for a non-200 reply without a code. */
export function tencentHttpKind(httpStatus: number): ErrorKind {
  if (httpStatus === 429) return "throttled";
  if (httpStatus >= 500) return "transient";
  return "unknown";
}

type SdkError = Error & { code?: unknown; httpCode?: unknown; requestId?: unknown };

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Converts anything a TEO SDK call threw into a CloudError (CloudErrors pass through). */
export function classifyTencentError(action: string, err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  const e = (err instanceof Error ? err : new Error(String(err))) as SdkError;
  const code = text(e.code);
  const requestId = text(e.requestId);
  const message = String(e.message ?? "").trim() || "(no message)";
  if (code) return new CloudError("edgeone", tencentErrorKind(code), code, message, requestId, 200, null, action);
  if (typeof e.httpCode === "number") {
    return new CloudError("edgeone", tencentHttpKind(e.httpCode), `HTTP${e.httpCode}`, message, requestId, e.httpCode, null, action);
  }
  const transport = transportErrorCode(e);
  if (transport) return new CloudError("edgeone", "transient", transport, `network error: ${message.slice(0, 300)}`, null, null, null, action);
  return new CloudError("edgeone", "unknown", e.name || "Error", message, requestId, null, null, action);
}
