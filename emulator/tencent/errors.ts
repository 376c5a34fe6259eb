/**
 * Tencent Cloud API 3.0 errors: always HTTP 200 with `{"Response":{"Error":{"Code","Message"},"RequestId"}}`
 * (cloud-apis.md §B.3, §D.2); the SDK raises them with `code` = Error.Code.
 */
import type { EmulatorResponse } from "../core/types";

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
