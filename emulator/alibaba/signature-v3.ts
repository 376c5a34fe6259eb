/**
 * ACS3-HMAC-SHA256 (signature V3, the SDK default), computed independently with node:crypto.
 *
 * Algorithm: cloud-apis.md §C.2, https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 * - CanonicalQueryString comes from the DECODED query parameters, re-encoded with RFC3986;
 * - CanonicalHeaders follow the `SignedHeaders` list the client sent (host is signed WITH its port);
 * - HashedRequestPayload is the SHA-256 of the body bytes actually received.
 */
import { createHash, createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { canonicalParams } from "./encode";

/** The only V3 algorithm the emulator verifies (the SDKs' default). */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** Everything the V3 signature covers. */
export interface Acs3Input {
  method: string;
  /** Path without the query string, as received. */
  path: string;
  /** Decoded query parameters (the form body is NOT part of the canonical query; its hash is). */
  query: Map<string, string>;
  headers: IncomingHttpHeaders;
  /** Lower-case header names, in the order of the `SignedHeaders` field. */
  signedHeaders: string[];
  /** Hex SHA-256 of the body. */
  payloadHash: string;
}

/** The fields of an `Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..` header. */
export interface Acs3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Hex SHA-256 of a body (the empty body hashes to `e3b0c442...b855`). */
export function sha256Hex(body: Buffer | string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Parses an ACS3 `Authorization` header; null when it is not one or a field is missing. */
export function parseAcs3Authorization(header: string | undefined): Acs3Authorization | null {
  const m = /^(ACS3-[A-Z0-9-]+)\s+(.*)$/.exec((header ?? "").trim());
  if (!m) return null;
  const fields = new Map<string, string>();
  for (const part of m[2].split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature) return null;
  return { algorithm: m[1], accessKeyId, signedHeaders: signedHeaders.toLowerCase().split(";"), signature };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  const values = Array.isArray(v) ? [...v] : [v ?? ""];
  return values.map((x) => x.trim()).sort().join(",");
}

/** The V3 canonical request. */
export function acs3CanonicalRequest(input: Acs3Input): string {
  const uri = input.path.replace(/\+/g, "%20").replace(/\*/g, "%2A").replace(/%7E/g, "~");
  const names = [...input.signedHeaders];
  const canonicalHeaders = names.map((n) => `${n}:${headerValue(input.headers, n)}\n`).join("");
  return [input.method.toUpperCase(), uri, canonicalParams(input.query), canonicalHeaders, names.join(";"), input.payloadHash].join("\n");
}

/** `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request. */
export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** Hex HMAC-SHA256 of the string to sign, keyed with the AccessKey secret. */
export function acs3Signature(secret: string, input: Acs3Input): string {
  return createHmac("sha256", secret).update(acs3StringToSign(acs3CanonicalRequest(input))).digest("hex");
}
