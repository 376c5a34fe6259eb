/**
 * Tencent Cloud API 3.0 errors: always HTTP 200 with `{"Response":{"Error":{"Code","Message"},"RequestId"}}`
 * (cloud-apis.md §B.3, §D.2); the SDK raises them with `code` = Error.Code.
 */
import type { EmulatorResponse } from "../core/types";

/**
 * Default messages of codes an injected `error` fault may name without a message. The codes and their meaning are from
 * TencentCloud/tencentcloud-sdk-go `tencentcloud/teo/v20220901/errors.go` (Chinese comments, rendered in English
 * here) and the common errors of cloud-apis.md §D.2; the wording is the emulator's.
 */
const MESSAGES: Record<string, string> = {
  RequestLimitExceeded: "Your current request times exceeds the limit, please try again later.",
  InternalError: "Internal error.",
  FailedOperation: "Operation failed.",
  OperationDenied: "Operation denied.",
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
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The vendor envelope for an error. */
export function renderTeoError(e: TeoError, requestId: string): EmulatorResponse {
  return { status: 200, headers: { "x-tc-traceid": requestId }, body: { Response: { Error: { Code: e.code, Message: e.message }, RequestId: requestId } } };
}

/** The vendor envelope for a success. */
export function renderTeoResult(fields: Record<string, unknown>, requestId: string): EmulatorResponse {
  return { status: 200, headers: { "x-tc-traceid": requestId }, body: { Response: { ...fields, RequestId: requestId } } };
}
