/**
 * Independent TC3-HMAC-SHA256 verification (cloud-apis.md §C.4, https://www.tencentcloud.com/document/product/1145/50458):
 * follows the SignedHeaders it receives, signs `host` without the port, takes the service from the credential scope.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorContext } from "../core/types";
import { TeoError } from "./errors";
import { tencentTokenError } from "../sts/token-errors";

/** Allowed clock skew between the signer and the server: 5 minutes (§C.4 "Server-side checks"). */
export const MAX_SKEW_S = 300;

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** Parsed `Authorization` header. */
export interface Tc3Authorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `TC3-HMAC-SHA256 Credential=id/date/service/tc3_request, SignedHeaders=a;b, Signature=hex`. */
export function parseAuthorization(value: string | undefined): Tc3Authorization {
  const m = /^TC3-HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/i.exec(value?.trim() ?? "");
  if (!m) throw new TeoError("AuthFailure.InvalidAuthorization", "Authorization header is missing or malformed; expected TC3-HMAC-SHA256.");
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].toLowerCase().split(";"), signature: m[5].toLowerCase() };
}

/** The canonical value of a signed header (`host` without its port). */
function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const raw = headers[name];
  const v = (Array.isArray(raw) ? raw.join(",") : raw ?? "").trim();
  return name === "host" ? v.replace(/:\d+$/, "").toLowerCase() : name === "content-type" ? v.toLowerCase() : v;
}

/** Computes the TC3 signature for the given pieces (exported for the test vector). */
export function tc3Signature(o: { method: string; path: string; query: string; headers: IncomingHttpHeaders; signedHeaders: string[];
  body: Buffer | string; timestamp: string; date: string; service: string; secretKey: string }): string {
  const canonicalHeaders = o.signedHeaders.map((h) => `${h}:${headerValue(o.headers, h)}\n`).join("");
  const canonicalRequest = [o.method, o.path, o.query, canonicalHeaders, o.signedHeaders.join(";"), sha256(o.body)].join("\n");
  const scope = `${o.date}/${o.service}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", o.timestamp, scope, sha256(canonicalRequest)].join("\n");
  const kSigning = hmac(hmac(hmac(`TC3${o.secretKey}`, o.date), o.service), "tc3_request");
  return createHmac("sha256", kSigning).update(stringToSign).digest("hex");
}

/** Verifies a request (and the token of a temporary key issued by the emulated STS); throws the vendor's AuthFailure error. */
export function verifyTc3(req: { method: string; path: string; rawQuery: string; headers: IncomingHttpHeaders; body: Buffer }, ctx: EmulatorContext): void {
  const auth = parseAuthorization(req.headers.authorization as string | undefined);
  const timestamp = String(req.headers["x-tc-timestamp"] ?? "");
  if (!/^\d+$/.test(timestamp)) throw new TeoError("AuthFailure.InvalidAuthorization", "X-TC-Timestamp is missing or not a Unix timestamp.");
  if (Math.abs(ctx.realNow() / 1000 - Number(timestamp)) > MAX_SKEW_S) {
    throw new TeoError("AuthFailure.SignatureExpire", "Signature expired: the request timestamp is more than 5 minutes away from the server time.");
  }
  if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== auth.date) {
    throw new TeoError("AuthFailure.SignatureFailure", "The credential scope date does not match X-TC-Timestamp.");
  }
  const secretKey = ctx.secretFor("tencent", auth.secretId);
  if (secretKey === null) throw new TeoError("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.");
  const expected = tc3Signature({ method: req.method, path: req.path || "/", query: req.method === "GET" ? req.rawQuery : "",
    headers: req.headers, signedHeaders: auth.signedHeaders, body: req.body, timestamp, date: auth.date, service: auth.service, secretKey });
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature))) {
    throw new TeoError("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
  }
  const token = req.headers["x-tc-token"];
  const problem = ctx.keys.tokenProblem("tencent", auth.secretId, typeof token === "string" ? token : null, ctx.now());
  if (problem) throw tencentTokenError(problem);
}
