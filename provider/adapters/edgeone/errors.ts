/**
 * Classifies whatever the Tencent SDK threw into a {@link CloudError}: the kind (what the failure proves, for retries)
 * and the detail (what exactly was refused, for the message).
 *
 * Error shapes (tencentcloud-sdk-nodejs-common 4.1.220, cloud-apis.md §C.6, verified): business errors arrive as HTTP
 * 200 + `Response.Error` and are thrown as `TencentCloudSDKHttpException` with `code`, `message`, `requestId`; a
 * non-200 reply is thrown with `httpCode` and no `code`; network failures are thrown with neither.
 */
import { CloudError, type ErrorDetail, type ErrorKind } from "../../model/errors";
import { transportErrorCode, transportErrorKind } from "../network";

/** A code's classification. */
export interface TencentClass {
  kind: ErrorKind;
  detail: ErrorDetail | null;
}

/** Frequency limit: `RequestLimitExceeded[.UinLimitExceeded|…]` (https://cloud.tencent.com/document/product/1778/111040). */
const THROTTLING_PREFIXES = ["RequestLimitExceeded"];

/** Server-side trouble: `InternalError[.BackendError|.QuotaSystem|…]` (CreatePrefetchTask codes, §A.4). */
const TRANSIENT_PREFIXES = ["InternalError"];

/**
 * Codes that name a quota or plan limit exactly (CreatePrefetchTask codes, §A.4; `PackNotAllow` is "the plan does not
 * support this", e.g. `Mode: edge` or media segments without the allow-list). Any other `LimitExceeded[.X]` is a quota
 * refusal whose nature we do not know (detail null): never called a daily quota.
 */
const QUOTA_DETAILS: Readonly<Record<string, ErrorDetail>> = {
  "LimitExceeded.DailyQuota": "dailyQuota",
  "LimitExceeded.BatchQuota": "batchLimit",
  "LimitExceeded.PackNotAllow": "planLimit",
};

/**
 * `UnauthorizedOperation.DomainEmpty` (DescribePrefetchTasks, §A.4) says the zone has no domain names, or is not in
 * this account: the request names a scope that does not exist for these credentials. Retrying or changing the
 * credentials' policy does not help, so it is `invalid` with detail `scopeNotFound`.
 */
const SCOPE_NOT_FOUND = ["UnauthorizedOperation.DomainEmpty"];

/** Bad requests and unknown resources (§A.4, §D.2). */
const INVALID_PREFIXES = [
  "InvalidParameter", "InvalidParameterValue", "ResourceNotFound", "MissingParameter", "UnknownParameter", "InvalidAction",
  "UnsupportedRegion", "UnsupportedProtocol", "UnsupportedOperation", "NoSuchVersion", "InvalidRequest", "ActionOffline",
  // `ResourceUnavailable[.X]` (common code, §D.2: "the resource is unavailable") is not among the prefetch APIs'
  // documented codes, and its TEO sub-codes name resources that are missing or disabled rather than being set up; a
  // business error reply proves nothing was accepted, but nothing says waiting helps, so it is not `busy`.
  "ResourceUnavailable",
];

const startsWithAny = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/**
 * Auth codes (§D.2, §A.4):
 * - `OperationDenied` (the API's own code: the service is not opened or the zone's account is suspended) →
 *   `serviceNotOpened`;
 * - `UnauthorizedOperation[.CamUnauthorized|.NoPermission|.Unknown]` and `AuthFailure.UnauthorizedOperation` (CAM
 *   policy refuses the action) → `noPermission`;
 * - every other `AuthFailure.*` (signature, expired signature, unknown SecretId, token, MFA) → `credentials`.
 */
function authDetail(code: string): ErrorDetail | null {
  if (code === "OperationDenied") return "serviceNotOpened";
  if (code.startsWith("OperationDenied.")) return null;
  if (code === "AuthFailure.UnauthorizedOperation" || startsWithAny(code, ["UnauthorizedOperation"])) return "noPermission";
  return "credentials";
}

/** The kind and detail for a Tencent error code. */
export function tencentErrorClass(code: string): TencentClass {
  if (startsWithAny(code, THROTTLING_PREFIXES)) return { kind: "throttled", detail: null };
  if (startsWithAny(code, TRANSIENT_PREFIXES)) return { kind: "transient", detail: null };
  if (SCOPE_NOT_FOUND.includes(code)) return { kind: "invalid", detail: "scopeNotFound" };
  if (startsWithAny(code, ["AuthFailure", "UnauthorizedOperation", "OperationDenied"])) return { kind: "auth", detail: authDetail(code) };
  if (startsWithAny(code, ["LimitExceeded"])) return { kind: "quota", detail: QUOTA_DETAILS[code] ?? null };
  if (startsWithAny(code, INVALID_PREFIXES)) return { kind: "invalid", detail: null };
  return { kind: "unknown", detail: null };
}

/** The error kind for a Tencent error code. */
export function tencentErrorKind(code: string): ErrorKind {
  return tencentErrorClass(code).kind;
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
  if (code) {
    const c = tencentErrorClass(code);
    return new CloudError("edgeone", c.kind, code, message, requestId, 200, null, action).withDetail(c.detail);
  }
  if (typeof e.httpCode === "number") {
    return new CloudError("edgeone", tencentHttpKind(e.httpCode), `HTTP${e.httpCode}`, message, requestId, e.httpCode, null, action);
  }
  const transport = transportErrorCode(e);
  if (transport) {
    return new CloudError("edgeone", transportErrorKind(transport, e), transport, `network error: ${message.slice(0, 300)}`, null, null, null, action);
  }
  return new CloudError("edgeone", "unknown", e.name || "Error", message, requestId, null, null, action);
}
