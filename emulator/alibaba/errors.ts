/**
 * Alibaba Cloud error codes the emulator returns, with their documented HTTP status and message, and the JSON error
 * envelope `{RequestId, HostId, Code, Message, Recommend}` (cloud-apis.md §B.2).
 *
 * Sources: common errors cloud-apis.md §D.1 (https://help.aliyun.com/document_detail/51132.html); submit errors §A.1
 * (https://alibabacloud.com/help/en/doc-detail/130636.html); query errors in the seed pages 000/001/002.
 * Status codes differ between vendor pages; the POP gateway values are used (SignatureDoesNotMatch 400,
 * InvalidAccessKeyId.NotFound 404).
 */
import type { EmulatorResponse } from "../core/types";

/** Code → [HTTP status, default message]. */
const TABLE: Record<string, [number, string]> = {
  // Gateway / authentication (§D.1)
  "IncompleteSignature": [400, "The request signature does not conform to Aliyun standards."],
  "SignatureDoesNotMatch": [400, "Specified signature is not matched with our calculation."],
  "InvalidAccessKeyId.NotFound": [404, "Specified access key is not found."],
  "InvalidTimeStamp.Expired": [400, "Specified time stamp or date value is expired."],
  "InvalidTimeStamp.Format": [400, "Specified time stamp or date value is not well formatted."],
  "SignatureNonceUsed": [400, "Specified signature nonce was used already."],
  "InvalidApi.NotFound": [404, "Specified api is not found, please check your url and method."],
  "InvalidVersion": [400, "Specified parameter Version is not valid."],
  "MissingParameter": [400, "A required parameter is missing."],
  "InvalidParameter": [400, "The specified parameter is invalid."],
  "Throttling.User": [400, "Request was denied due to user flow control."],
  "Forbidden": [403, "User not authorized to operate on the specified resource."],
  "InternalError": [500, "The request processing has failed due to some unknown error, exception or failure."],
  // Submit (§A.1 table, shared by PushObjectCache and PreloadDcdnObjectCaches)
  "QuotaExceeded.Preload": [400, "Your refresh attempts have exceeded the daily limit."],
  "InvalidObjectPath.Malformed": [400, "The specified ObjectPath is invalid."],
  "InvalidObjectPath.ExceedsMaximum": [400, "The maximum number of urls is exceeded."],
  "PreloadQueueFull": [400, "The warming queue is full; please try again later."],
  "InvalidExtensiveDomain.ValueNotSupported": [400, "Wildcard domains are not supported."],
  "InvalidDomain.NotFound": [404, "The domain provided does not belong to you."],
  "InvalidDomain.Offline": [404, "The domain provided is offline."],
  "ServiceBusy": [403, "The specified Domain is configuring, please retry later."],
  "OperationDenied": [403, "Your account does not open CDN service yet."],
  "IllegalOperation": [403, "Illegal domain operate is not permitted."],
  "Throttling": [503, "Request was denied due to request throttling."],
  // Queries (seed pages 000, 001, 002)
  "InvalidTaskId.Malformed": [400, "The specified TaskId is invalid."],
  "InvalidTaskId": [400, "The maximum number of taskIds is 10."],
  "InvalidParameters": [400, "The parameters you provided are invalid."],
  "InvalidTime": [400, "The query time cannot exceed the last 3 days."],
  "MissingTimeParameter": [400, "The StartTime and EndTime must be both specified."],
  "InvalidEndTime.Mismatch": [400, "The specified EndTime is earlier than the StartTime."],
  "InvalidStartTime.Malformed": [400, "Specified StartTime is malformed."],
  "InvalidEndTime.Malformed": [400, "Specified EndTime is malformed."],
  "MissingParameter.ObjectType": [400, "The ObjectType parameter is required if DomainName or ObjectType is specified."],
  // ESA (§A.3; InvalidSiteId.NotFound is the emulator's choice, following the Invalid{Param}.NotFound convention)
  "InvalidParameter.RecordNotBelongToSite": [400, "The record does not belong to the site."],
  "InvalidParameters.InvalidUrls": [400, "The specified urls are invalid."],
  "InvalidSiteId.NotFound": [404, "The specified site does not exist."],
  // ESA `Site.ServiceBusy`: the HTTP status and message are not documented (the code appears in the vendor's ESA SDK
  // samples and in Terraform's alicloud ESA resources, which retry it); 400, the status of ESA's documented business
  // errors, is the emulator's choice. Clients must classify it by code.
  "Site.ServiceBusy": [400, "The site is busy, please try again later."],
};

/** An Alibaba API error: thrown by handlers and rendered into the vendor envelope by the module. */
export class AlibabaError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    message?: string,
    status?: number,
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? TABLE[code]?.[1] ?? code);
    this.name = "AlibabaError";
    this.status = status ?? TABLE[code]?.[0] ?? 400;
  }
}

/** `MissingParameter` naming the parameter, in the gateway's wording. */
export function missingParameter(name: string): AlibabaError {
  return new AlibabaError("MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
}

/** `InvalidParameter` naming the parameter. */
export function invalidParameter(name: string, detail?: string): AlibabaError {
  return new AlibabaError("InvalidParameter", `The specified parameter "${name}" is not valid.${detail ? " " + detail : ""}`);
}

/** Renders an error as the reply the official SDKs parse (JSON body, `x-acs-request-id` header). */
export function renderError(err: AlibabaError, requestId: string, hostId: string, productName: string): EmulatorResponse {
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=${productName}&requestId=${requestId}`;
  return {
    status: err.status,
    headers: { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId, ...err.headers },
    body: { RequestId: requestId, HostId: hostId, Code: err.code, Message: err.message, Recommend: recommend },
  };
}
