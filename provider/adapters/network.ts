/**
 * Recognizes errors that happened below the vendor API (sockets, timeouts, unparsable replies), whichever SDK threw
 * them. Observed shapes (cloud-apis.md §C.6, re-checked against the installed SDKs):
 * - Alibaba (httpx): `Error{code:"ECONNREFUSED"}`, `RequestTimeoutError` ("ReadTimeout(…)" / "ConnectTimeout: …");
 *   a non-JSON 5xx body surfaces as a raw `SyntaxError`.
 * - Tencent (node-fetch): `TencentCloudSDKHttpException` with no `code` and no `httpCode`, message
 *   "request to … failed, reason: connect ECONNREFUSED …" or "network timeout at: …"; a 200 with a non-JSON body is
 *   a raw `FetchError` ("invalid json response body").
 */

/** Socket error codes worth retrying (Node `errno` names). */
const SOCKET_CODES = [
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH",
  "ENETUNREACH", "ENETDOWN", "EPROTO",
];

/** What went wrong below the API, as a short code; null when the error is not a network/transport error. */
export function transportErrorCode(e: unknown): string | null {
  if (!(e instanceof Error)) return null;
  const err = e as Error & { code?: unknown; type?: unknown };
  if (typeof err.code === "string" && SOCKET_CODES.includes(err.code)) return err.code;
  if (err.name === "RequestTimeoutError" || err.type === "request-timeout") return "RequestTimeout";
  if (err.name === "SyntaxError" || err.type === "invalid-json") return "InvalidResponse";
  const message = String(err.message ?? "");
  const socket = SOCKET_CODES.find((c) => message.includes(c));
  if (socket) return socket;
  if (/network timeout|socket hang up|timed? ?out/i.test(message)) return "RequestTimeout";
  return null;
}

/** True when the request is known not to have reached the server (safe to resend even a submit). */
export function neverReachedServer(code: string): boolean {
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH" || code === "ENETUNREACH";
}
