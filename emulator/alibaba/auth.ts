/**
 * Request authentication: ACS3-HMAC-SHA256 (Authorization header) or RPC V1 HMAC-SHA1 (`Signature` parameter), then
 * the gateway checks on time stamp, key, signature and nonce (cloud-apis.md §C.2, §C.3, §D.1).
 *
 * Order: time stamp format → skew → AccessKey → signature → nonce. The nonce is remembered only for correctly signed
 * requests, so a refused request does not burn its nonce. A temporary key issued by the emulated STS needs its own
 * token (`x-acs-security-token` / `SecurityToken`) and is refused once expired (sts/token-errors.ts); with a static key
 * a token is covered by the signature and otherwise not checked.
 */
import { timingSafeEqual } from "node:crypto";
import type { EmulatorContext, EmulatorRequest } from "../core/types";
import { AlibabaError } from "./errors";
import type { RpcParams } from "./params";
import { ACS3_ALGORITHM, acs3CanonicalRequest, acs3StringToSign, acs3Signature, parseAcs3Authorization, sha256Hex } from "./signature-v3";
import { RPC_SIGNATURE_METHOD, rpcSignature, rpcStringToSign } from "./signature-v1";
import { alibabaTokenError } from "../sts/token-errors";

/** Largest accepted difference between the request time and the wall clock (cloud-apis.md §C.3). */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** Who signed a request, and how. */
export interface Caller {
  accessKeyId: string;
  signatureVersion: "v3" | "v1";
  securityToken: string | null;
}

function checkTimestamp(value: string | undefined, ctx: EmulatorContext): void {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AlibabaError("InvalidTimeStamp.Format", `Specified time stamp or date value is not well formatted: ${value ?? "(none)"}.`);
  }
  if (Math.abs(Date.parse(value) - ctx.realNow()) > MAX_CLOCK_SKEW_MS) throw new AlibabaError("InvalidTimeStamp.Expired");
}

function secretOf(ctx: EmulatorContext, accessKeyId: string): string {
  const secret = ctx.secretFor("alibaba", accessKeyId);
  if (secret === null) throw new AlibabaError("InvalidAccessKeyId.NotFound");
  return secret;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkNonce(nonce: string | undefined, ctx: EmulatorContext): void {
  if (!nonce) throw new AlibabaError("IncompleteSignature", "The signature nonce is missing.");
  if (!ctx.useNonce(nonce)) throw new AlibabaError("SignatureNonceUsed");
}

function header(req: EmulatorRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function verifyV3(req: EmulatorRequest, params: RpcParams, ctx: EmulatorContext): Caller {
  const auth = parseAcs3Authorization(header(req, "authorization"));
  if (!auth) throw new AlibabaError("IncompleteSignature", "The Authorization header is not a valid ACS3 authorization.");
  if (auth.algorithm !== ACS3_ALGORITHM) {
    throw new AlibabaError("IncompleteSignature", `Signature algorithm ${auth.algorithm} is not supported by the emulator.`);
  }
  checkTimestamp(header(req, "x-acs-date"), ctx);
  const secret = secretOf(ctx, auth.accessKeyId);
  const payloadHash = sha256Hex(req.body);
  const claimed = header(req, "x-acs-content-sha256");
  if (claimed !== undefined && claimed.toLowerCase() !== payloadHash) {
    throw new AlibabaError("SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the request body.");
  }
  const input = { method: req.method, path: req.path, query: params.query, headers: req.headers, signedHeaders: auth.signedHeaders, payloadHash };
  if (!sameText(acs3Signature(secret, input), auth.signature.toLowerCase())) {
    const toSign = acs3StringToSign(acs3CanonicalRequest(input));
    throw new AlibabaError("SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${toSign}`);
  }
  checkNonce(header(req, "x-acs-signature-nonce"), ctx);
  return { accessKeyId: auth.accessKeyId, signatureVersion: "v3", securityToken: header(req, "x-acs-security-token") ?? null };
}

function verifyV1(req: EmulatorRequest, params: RpcParams, ctx: EmulatorContext): Caller {
  const method = params.str("SignatureMethod");
  if (method !== undefined && method !== RPC_SIGNATURE_METHOD) {
    throw new AlibabaError("IncompleteSignature", `SignatureMethod ${method} is not supported by the emulator.`);
  }
  checkTimestamp(params.str("Timestamp"), ctx);
  const accessKeyId = params.str("AccessKeyId");
  if (!accessKeyId) throw new AlibabaError("IncompleteSignature", "The AccessKeyId parameter is missing.");
  const secret = secretOf(ctx, accessKeyId);
  if (!sameText(rpcSignature(secret, req.method, params.all), params.required("Signature"))) {
    const toSign = rpcStringToSign(req.method, params.all);
    throw new AlibabaError("SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${toSign}`);
  }
  checkNonce(params.str("SignatureNonce"), ctx);
  return { accessKeyId, signatureVersion: "v1", securityToken: params.str("SecurityToken") ?? null };
}

/** The caller, once its security token suits its key (sts/keyring.ts); the vendor's error otherwise. */
function withToken(caller: Caller, ctx: EmulatorContext): Caller {
  const problem = ctx.keys.tokenProblem("alibaba", caller.accessKeyId, caller.securityToken, ctx.now());
  if (problem) throw alibabaTokenError(problem);
  return caller;
}

/** Verifies the request's signature and gateway checks; throws the vendor's error when refused. */
export function authenticate(req: EmulatorRequest, params: RpcParams, ctx: EmulatorContext): Caller {
  if (header(req, "authorization") !== undefined) return withToken(verifyV3(req, params, ctx), ctx);
  if (params.all.has("Signature")) return withToken(verifyV1(req, params, ctx), ctx);
  throw new AlibabaError("IncompleteSignature", "The request carries neither an Authorization header nor a Signature parameter.");
}
