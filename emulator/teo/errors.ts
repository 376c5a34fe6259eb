/**
 * Tencent Cloud API 3.0 errors: always HTTP 200 with `{"Response":{"Error":{"Code","Message"},"RequestId"}}`
 * (cloud-apis.md §B.3, §D.2); the SDK raises them with `code` = Error.Code.
 *
 * Codes the three prefetch actions document (TencentCloud/tencentcloud-sdk-go `tencentcloud/teo/v20220901/client.go`
 * comments, cloud-apis.md §A.4): CreatePrefetchTask `InternalError.*`, `InvalidParameter.{DomainNotFound,
 * ParameterError,Target,TaskNotGenerated,UploadUrl}`, `LimitExceeded.{BatchQuota,DailyQuota}`,
 * `UnauthorizedOperation.{CamUnauthorized,NoPermission,Unknown}`; DescribePrefetchTasks `InternalError`,
 * `InvalidParameter.ParameterError`, `OperationDenied`, `UnauthorizedOperation.DomainEmpty`; DescribeContentQuota
 * `UnauthorizedOperation.{CamUnauthorized,NoPermission,Unknown}`. Common codes: §D.2.
 */
import type { EmulatorConfig, EmulatorResponse, Fault } from "../core/types";
import { variantValue } from "../core/variants";
import { teoThrottleCode } from "./variants";

/**
 * Default messages of codes an injected `error` fault may name without a message. The codes and their meaning are from
 * TencentCloud/tencentcloud-sdk-go `tencentcloud/teo/v20220901/errors.go` (Chinese comments, rendered in English
 * here) and the common errors of cloud-apis.md §D.2; the wording is the emulator's.
 */
const MESSAGES: Record<string, string> = {
  RequestLimitExceeded: "Your current request times exceeds the limit, please try again later.",
  "RequestLimitExceeded.UinLimitExceeded": "The request frequency of this account exceeds the limit, please try again later.",
  InternalError: "Internal error.",
  FailedOperation: "Operation failed.",
  OperationDenied: "Operation denied.",
  ResourceNotFound: "The resource does not exist.",
  ResourceUnavailable: "The resource is unavailable.",
  "UnauthorizedOperation.DomainEmpty": "Authentication error.",
  "UnauthorizedOperation.NoPermission": "The sub-account has no permission for this operation; grant the permission and try again.",
  "UnauthorizedOperation.CamUnauthorized": "CAM authorization failed.",
  "LimitExceeded.PackNotAllow": "The billing plan does not support this operation.",
  "LimitExceeded.DailyQuota": "The number of resources submitted today exceeds the limit.",
  "LimitExceeded.BatchQuota": "The number of resources submitted at a time exceeds the limit.",
};

/** The default message for a code (a generic one for codes not listed). */
export function teoErrorMessage(code: string): string {
  return MESSAGES[code] ?? `Injected error ${code}.`;
}

/** A vendor error raised while serving a request. */
export class TeoError extends Error {
  constructor(readonly code: string, message: string = teoErrorMessage(code)) {
    super(message);
  }
}

/**
 * The answer for a zone this account does not have on the site called: a zone outside `restrict.teoZones`, or any zone
 * under `teo.zoneEndpoint` = `other`. `ResourceNotFound` (common code, §D.2; "the resource does not exist",
 * errors.go): none of the three actions documents a zone-not-found code (see teo/variants.ts `teoZoneEndpoint`).
 */
export function zoneNotFound(zoneId: string): TeoError {
  return new TeoError("ResourceNotFound", `The zone ${zoneId} does not exist or does not belong to this account.`);
}

/** The rate-limit error under the `teo.throttleCode` variant (throttle faults and the core's rate limiter). */
export function throttleError(config: EmulatorConfig, message?: string): TeoError {
  return new TeoError(variantValue(config, teoThrottleCode), message);
}

/** The vendor error a refusal fault stands for (`error` with a known code and no message gets the code's message). */
export function faultError(f: Fault, config: EmulatorConfig): TeoError {
  if (f.kind === "throttle") return throttleError(config, f.message);
  if (f.kind === "internal") return new TeoError("InternalError", f.message);
  return new TeoError(f.code ?? "InternalError", f.message);
}

/** The vendor envelope for an error. */
export function renderTeoError(e: TeoError, requestId: string): EmulatorResponse {
  return { status: 200, headers: { "x-tc-traceid": requestId }, body: { Response: { Error: { Code: e.code, Message: e.message }, RequestId: requestId } } };
}

/** The vendor envelope for a success. */
export function renderTeoResult(fields: Record<string, unknown>, requestId: string): EmulatorResponse {
  return { status: 200, headers: { "x-tc-traceid": requestId }, body: { Response: { ...fields, RequestId: requestId } } };
}
