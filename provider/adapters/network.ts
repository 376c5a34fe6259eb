/**
 * Recognizes errors that happened below the vendor API (sockets, timeouts, unparsable replies), whichever SDK threw
 * them, and decides what each proves. Observed shapes (cloud-apis.md §C.6, re-checked against the installed SDKs):
 * - Alibaba (httpx, both cores): the Node socket error itself, `Error{code:"ECONNREFUSED", syscall:"connect"}` or
 *   `{code:"ENOTFOUND", syscall:"getaddrinfo"}`; `RequestTimeoutError` ("ReadTimeout(…)" / "ConnectTimeout: …");
 *   a non-JSON 5xx body surfaces as a raw `SyntaxError`.
 * - Tencent (node-fetch): `TencentCloudSDKHttpException` with no `code` and no `httpCode`, message
 *   "request to … failed, reason: connect ECONNREFUSED …" / "… reason: getaddrinfo ENOTFOUND …" or
 *   "network timeout at: …"; a 200 with a non-JSON body is a raw `FetchError` ("invalid json response body").
 */
import type { ErrorKind } from "../model/errors";

/** Socket error codes recognised as transport failures (Node `errno` names). */
const SOCKET_CODES = [
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH",
  "ENETUNREACH", "ENETDOWN", "EPROTO",
];

/**
 * Codes that can only happen before a connection exists, so no byte of the request reached the server: a refused
 * connection, a failed DNS lookup, no route to the host or network.
 */
const NEVER_CONNECTED = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"];

type TransportError = Error & { code?: unknown; type?: unknown; syscall?: unknown };

/** What went wrong below the API, as a short code; null when the error is not a network/transport error. */
export function transportErrorCode(e: unknown): string | null {
  if (!(e instanceof Error)) return null;
  const err = e as TransportError;
  if (typeof err.code === "string" && SOCKET_CODES.includes(err.code)) return err.code;
  if (err.name === "RequestTimeoutError" || err.type === "request-timeout") return "RequestTimeout";
  if (err.name === "SyntaxError" || err.type === "invalid-json") return "InvalidResponse";
  const message = String(err.message ?? "");
  const socket = SOCKET_CODES.find((c) => message.includes(c));
  if (socket) return socket;
  if (/socket hang up/i.test(message)) return "ECONNRESET";
  if (/network timeout|timed? ?out/i.test(message)) return "RequestTimeout";
  return null;
}

/**
 * What a transport failure proves:
 * - `unreached` when the request provably never left for the server: a {@link NEVER_CONNECTED} code, or `ETIMEDOUT`
 *   raised by `connect` itself (`syscall: "connect"`, or "connect ETIMEDOUT" in a wrapped message);
 * - `transient` for everything that may happen after bytes were sent: resets, "socket hang up", read timeouts,
 *   unparsable replies. httpx's "ConnectTimeout" is one of these: httpx passes `connectTimeout` to Node as the
 *   socket *idle* timeout (`timeout` option of `http.request`, node_modules/httpx/lib/index.js), so it also fires
 *   while waiting for the answer to a request that was sent (cloud-apis.md §C.6 observed it after 3 s of a slow
 *   reply). Node-fetch's "network timeout" covers the whole exchange likewise.
 */
export function transportErrorKind(code: string, e: unknown): Extract<ErrorKind, "unreached" | "transient"> {
  if (NEVER_CONNECTED.includes(code)) return "unreached";
  if (code === "ETIMEDOUT") {
    const err = e as TransportError;
    if (err?.syscall === "connect" || /\bconnect ETIMEDOUT\b/.test(String(err?.message ?? ""))) return "unreached";
  }
  return "transient";
}
