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
import { ALL_ZONES, TEO_SITES, type TeoSite } from "./limits";

/** A code's classification. */
export interface TencentClass {
  kind: ErrorKind;
  detail: ErrorDetail | null;
}

/** Frequency limit: `RequestLimitExceeded[.UinLimitExceeded|…]` (https://cloud.tencent.com/document/product/1778/111040). */
const THROTTLING_PREFIXES = ["RequestLimitExceeded"];

/**
 * Server-side trouble: `InternalError[.BackendError|.DomainConfig|.QuotaSystem|…]` (CreatePrefetchTask codes, §A.4).
 * `InternalError.DomainConfig` ("failed to get configuration", TencentCloud/tencentcloud-sdk-go
 * `tencentcloud/teo/v20220901/errors.go`) may come back while a domain just added to the zone deploys (undocumented:
 * emulator variant `teo.newDomain`); nothing says the submit was not accepted, so it stays transient: an uncertain
 * batch, reconciled before any of its URLs is sent again.
 */
const TRANSIENT_PREFIXES = ["InternalError"];

/**
 * Refusals that prove nothing was accepted and may clear by themselves: `InvalidParameter.DomainNotFound` ("the domain
 * name does not exist or does not belong to this account", errors.go; a CreatePrefetchTask code, §A.4) is the answer
 * a domain may get while it deploys right after being added to the zone (undocumented: `teo.newDomain`), like Alibaba's
 * `InvalidDomain.Offline`. `busy`: retried within the bounded window (model/limits.ts `BUSY_RETRY_WINDOW_MS`, 5
 * minutes), then reported with a message that also names the other cause, a URL host that is not in the zone
 * ({@link withDomainHint}).
 */
const BUSY_CODES = ["InvalidParameter.DomainNotFound"];

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
 * The "unknown zone" answers: the request names a zone that does not exist for these credentials on this site. Retrying
 * or changing the credentials' policy does not help, so they are `invalid` with detail `scopeNotFound` (and the client
 * names the other EdgeOne site in the message, errors below). Codes and meanings from TencentCloud/tencentcloud-sdk-go
 * `tencentcloud/teo/v20220901/errors.go`:
 * - `UnauthorizedOperation.DomainEmpty` (DescribePrefetchTasks, §A.4): the zone has no domain names, or is not in this
 *   account;
 * - `ResourceUnavailable.ZoneNotFound`: "the zone does not exist or does not belong to this account";
 * - `InvalidParameter.ZoneNotFound`: "the zone does not exist";
 * - `ResourceNotFound` ("the resource does not exist"): the only resource these three calls name is the zone (a job id
 *   is a filter: an unknown one lists nothing rather than failing).
 * None of the three prefetch APIs documents its answer for a zone of the other site; these are the codes TEO has for
 * an unknown zone.
 */
const SCOPE_NOT_FOUND = ["UnauthorizedOperation.DomainEmpty", "ResourceUnavailable.ZoneNotFound", "InvalidParameter.ZoneNotFound", "ResourceNotFound"];

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
  if (BUSY_CODES.includes(code)) return { kind: "busy", detail: null };
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

/** Where a client sends its calls. */
export interface TeoTarget {
  /** `host[:port]` the calls go to. */
  host: string;
  /** The EdgeOne site the calls reach (an emulator or proxy counts as the site `tencentcloud:domain` selects). */
  site: TeoSite;
  /** True when an endpoint override chose the host (it wins over `tencentcloud:domain`). */
  overridden: boolean;
}

/** What to change to reach the other site, for messages. */
function otherSiteAdvice(target: TeoTarget): string {
  const other = target.site === "china" ? "intl" : "china";
  const how = other === "intl"
    ? `set tencentcloud:domain=${TEO_SITES.intl.domain} (or TENCENTCLOUD_DOMAIN=${TEO_SITES.intl.domain}; calls then go to ${TEO_SITES.intl.host})`
    : `remove tencentcloud:domain / TENCENTCLOUD_DOMAIN or set it to ${TEO_SITES.china.domain} (calls then go to ${TEO_SITES.china.host})`;
  const override = target.overridden
    ? `; an endpoint override (the endpoint input, cdnPrefetch:tencentEndpoint or cdnPrefetch:endpoint) is set and wins over tencentcloud:domain: point it at https://${TEO_SITES[other].host} instead`
    : "";
  return `this zone may live on the ${TEO_SITES[other].name}: ${how}${override}`;
}

/** A copy of `e` with another message (kind, code, detail and ids kept). */
function remessaged(e: CloudError, message: string): CloudError {
  return new CloudError(e.cloud, e.kind, e.code, message, e.requestId, e.httpStatus, e.retryAfterMs, e.action).withDetail(e.detail);
}

/**
 * Adds to an "unknown zone" error (`scopeNotFound`) what the user can change: EdgeOne's China and international sites
 * are separate (cloud-apis.md §B.1, seed 003), so a zone created on one is unknown to the other's API host, and the
 * message names the other host and the setting that selects it. A refused `ZoneId: "*"` on a query or quota call says
 * that only `CreatePrefetchTask` documents `*`. Other errors pass through unchanged.
 */
export function withZoneHint(e: CloudError, target: TeoTarget, zoneId: string | undefined): CloudError {
  if (zoneId === ALL_ZONES && e.action !== "CreatePrefetchTask" && (e.kind === "invalid" || e.detail === "scopeNotFound")) {
    return remessaged(e, `${e.message} — zoneId "*" (every zone of the account) was refused by ${e.action ?? "the call"} at ${target.host}: ` +
      "only CreatePrefetchTask documents \"*\" (teo_models.d.ts), so the tasks of such a submit cannot be read here; use the zone's own id");
  }
  if (e.detail !== "scopeNotFound") return e;
  const zone = zoneId ? `zone ${zoneId}` : "the zone";
  return remessaged(e, `${e.message} — ${zone} is not known at ${target.host}; ${otherSiteAdvice(target)}`);
}

/**
 * Adds to an `InvalidParameter.DomainNotFound` refusal ({@link BUSY_CODES}) its two possible causes and what was done:
 * a domain added to the zone moments ago (retried for minutes; nothing was accepted), or a URL whose host is not a
 * domain of the zone. Other errors pass through unchanged.
 */
export function withDomainHint(e: CloudError, zoneId: string | undefined): CloudError {
  if (!BUSY_CODES.includes(e.code)) return e;
  const zone = zoneId && zoneId !== ALL_ZONES ? `zone ${zoneId}` : "its zone";
  return remessaged(e, `${e.message} — EdgeOne does not know a domain of these URLs in ${zone}: a domain added to the zone moments ago ` +
    "is refused like this until it is deployed, so the submit is retried for a few minutes (nothing was accepted); if the " +
    `domain was not just added, check that every URL's host is a domain of ${zone}`);
}

/** The allow-listed options of a `CreatePrefetchTask` request ("whitelist" features, teo_models.d.ts). */
export interface AllowListedOptions {
  Mode?: string;
  PrefetchMediaSegments?: string;
}

/**
 * Adds to a refused `CreatePrefetchTask` that used an allow-listed feature (`Mode: edge`, `PrefetchMediaSegments: on`:
 * teo_models.d.ts `CreatePrefetchTaskRequest`) that the refusal may be about the feature: no page says which code an
 * account without the allow-list gets (ledger EO-10). `LimitExceeded.PackNotAllow` already says so (detail
 * `planLimit`); a refusal classified `noPermission`, `invalid` (not an unknown zone) or `unknown` gets the hint, since
 * its own next step (grant a policy, fix an input, read the vendor's message) may not be the cause. Other errors, and
 * requests without those options, pass through unchanged.
 */
export function withAllowListHint(e: CloudError, req: AllowListedOptions): CloudError {
  if (e.action !== "CreatePrefetchTask") return e;
  const mayBeFeature = (e.kind === "auth" && e.detail === "noPermission") || (e.kind === "invalid" && e.detail === null) || e.kind === "unknown";
  const features = [req.Mode === "edge" ? 'mode: "edge"' : null, req.PrefetchMediaSegments === "on" ? "prefetchMediaSegments" : null]
    .filter((f): f is string => f !== null);
  if (!mayBeFeature || features.length === 0) return e;
  return remessaged(e, `${e.message} — this request used ${features.join(" and ")}, which EdgeOne enables only for allow-listed ` +
    "accounts (teo_models.d.ts CreatePrefetchTaskRequest) and may refuse this way otherwise: if these credentials can submit " +
    "prefetches without it, ask Tencent Cloud to enable it for the account or remove the input");
}
