/**
 * Alibaba Cloud errors: the `AlibabaError` handlers throw, the gateway codes every product shares, and the JSON
 * envelope `{RequestId, HostId, Code, Message, Recommend}` (cloud-apis.md §B.2).
 *
 * A handler throws a code (optionally with a message or status); the HTTP status and default message are resolved
 * when the error is rendered, from the routed product's table (cdn/errors.ts, dcdn/errors.ts, esa/errors.ts) and then
 * the gateway table below, so one code may carry a different documented status per product (e.g. `TooManyRequests`:
 * 429 for CDN/DCDN, 400 for ESA). An unknown code is rendered with HTTP 400 and the code as its message.
 */
import type { EmulatorResponse } from "../core/types";

/** A documented error: HTTP status, message, and where it is documented. */
export interface ErrorSpec {
  status: number;
  message: string;
  source: string;
}

/** Code → documented status and message. */
export type ErrorTable = Readonly<Record<string, ErrorSpec>>;

/** Builds table rows that share one source: `code → [status, message]`. */
export function documented(source: string, rows: Record<string, [number, string]>): ErrorTable {
  return Object.fromEntries(Object.entries(rows).map(([code, [status, message]]) => [code, { status, message, source }]));
}

/**
 * Gateway and authentication errors, the same for every product (cloud-apis.md §D.1,
 * https://help.aliyun.com/document_detail/51132.html). Status codes differ between vendor pages; the POP gateway
 * values are used (SignatureDoesNotMatch 400, InvalidAccessKeyId.NotFound 404).
 */
export const GATEWAY_ERRORS: ErrorTable = documented("cloud-apis.md §D.1, https://help.aliyun.com/document_detail/51132.html", {
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
  "Throttling.Api": [400, "Request was denied due to api flow control."],
  "Throttling": [400, "Request was denied due to request throttling."],
  "Forbidden": [403, "User not authorized to operate on the specified resource."],
  "Forbidden.RAM": [403, "User not authorized to operate on the specified resource, or this API doesn't support RAM."],
  "InternalError": [500, "The request processing has failed due to some unknown error, exception or failure."],
  "ServiceUnavailable": [503, "The request has failed due to a temporary failure of the server."],
});

/** An Alibaba API error: thrown by handlers and rendered into the vendor envelope by the module. */
export class AlibabaError extends Error {
  constructor(
    readonly code: string,
    /** The message to send; default: the code's documented message. */
    readonly explicitMessage?: string,
    /** The HTTP status to send; default: the code's documented status for the routed product. */
    readonly explicitStatus?: number,
    readonly headers: Record<string, string> = {},
  ) {
    super(explicitMessage ?? code);
    this.name = "AlibabaError";
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

/** What renders an error: the product's table, host and `Recommend` product code (gateway defaults when unrouted). */
export interface ErrorTarget {
  errors: ErrorTable;
  hostId: string;
  code: string;
}

/** The error envelope of a request whose product is not known (unknown version, missing parameters). */
export const GATEWAY_TARGET: ErrorTarget = { errors: {}, hostId: "aliyuncs.com", code: "Unknown" };

/** The status and message an error is sent with. */
export function resolveError(err: AlibabaError, errors: ErrorTable): { status: number; message: string } {
  const spec = errors[err.code] ?? GATEWAY_ERRORS[err.code];
  return { status: err.explicitStatus ?? spec?.status ?? 400, message: err.explicitMessage ?? spec?.message ?? err.code };
}

/** Renders an error as the reply the official SDKs parse (JSON body, `x-acs-request-id` header). */
export function renderError(err: AlibabaError, requestId: string, target: ErrorTarget): EmulatorResponse {
  const { status, message } = resolveError(err, target.errors);
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=${target.code}&requestId=${requestId}`;
  return {
    status,
    headers: { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId, ...err.headers },
    body: { RequestId: requestId, HostId: target.hostId, Code: err.code, Message: message, Recommend: recommend },
  };
}
