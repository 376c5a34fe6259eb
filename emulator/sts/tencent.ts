/**
 * Tencent Cloud STS (2018-08-13): `AssumeRole` and `AssumeRoleWithWebIdentity`, as `tencentcloud-sdk-nodejs-common`
 * 4.1.220 calls them (`tencentcloud/common/credential.js`: `STSCredential`, `OIDCRoleArnCredential`): API 3.0, POST
 * JSON, errors as HTTP 200 envelopes (cloud-apis.md §B.3).
 *
 * - `AssumeRole` is signed TC3-HMAC-SHA256 (verified by teo/signature.ts like a product call, so an issued temporary
 *   key may assume a role in turn; its token is checked there too). https://cloud.tencent.com/document/api/1312/48197
 * - `AssumeRoleWithWebIdentity` is not signed: the SDK sends `Authorization: SKIP` (`skipSign`,
 *   tencentcloud/common/http/http_connection.js) and the web identity token is the proof ("with signature method v3,
 *   header X-TC-Token could be ignored, and Authorization should be SKIP": https://www.tencentcloud.com/document/product/1150/49454).
 *
 * Every well-formed role ARN is accepted (roles are auto-provisioned); the emulator does not know an IdP's keys, so a
 * web identity token is checked for its form and its `exp` claim only (FIDELITY.md STS-5).
 */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from "../core/types";
import { renderTeoError, renderTeoResult, TeoError } from "../teo/errors";
import { verifyTc3 } from "../teo/signature";
import { readOidcToken } from "./oidc-token";

/** The STS API version. */
export const TENCENT_STS_VERSION = "2018-08-13";

/** The actions served. */
export const TENCENT_STS_ACTIONS = ["AssumeRole", "AssumeRoleWithWebIdentity"] as const;

/** `DurationSeconds`: default 7200, at most 43200 (both docs, "DurationSeconds"). */
const DURATION = { fallback: 7200, max: 43_200 };
/** `qcs::cam::uin/<uin>:roleName/<name>` or `qcs::cam::uin/<uin>:role/<role id>` (AssumeRole doc, "RoleArn"). */
const ROLE_ARN = /^qcs::cam::uin\/\d+:(roleName\/[\w+=,.@-]{1,128}|role\/\d+)$/;
/** 2 to 128 characters of `[\w+=,.@-]` (AssumeRole doc, "RoleSessionName"). */
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;
/** Largest URL-encoded `Policy` (the documented `InvalidParameter.PolicyTooLong`; the limit is the emulator's reading). */
const POLICY_MAX = 2048;

/** True for a request to one of the STS actions served. */
export function isTencentStsRequest(req: EmulatorRequest): boolean {
  const action = req.headers["x-tc-action"];
  return req.headers["x-tc-version"] === TENCENT_STS_VERSION && TENCENT_STS_ACTIONS.includes(action as (typeof TENCENT_STS_ACTIONS)[number]);
}

type Body = Record<string, unknown>;

function parseBody(req: EmulatorRequest): Body {
  try {
    const v: unknown = JSON.parse(req.body.toString("utf8") || "{}");
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Body;
  } catch {
    /* fall through */
  }
  throw new TeoError("InvalidParameter.ParamError", "The request body is not a JSON object.");
}

function str(body: Body, name: string, required: boolean): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === "") {
    if (required) throw new TeoError("MissingParameter", `The request is missing a required parameter \`${name}\`.`);
    return undefined;
  }
  if (typeof v !== "string") throw new TeoError("InvalidParameter.ParamError", `${name} must be a string.`);
  return v;
}

/** The session parameters both actions share, validated; the duration in seconds. */
function session(body: Body) {
  const roleArn = str(body, "RoleArn", true)!;
  if (!ROLE_ARN.test(roleArn)) throw new TeoError("InvalidParameter.ResouceError", `The role ${roleArn} is not a valid role ARN.`);
  const sessionName = str(body, "RoleSessionName", true)!;
  if (!SESSION_NAME.test(sessionName)) throw new TeoError("InvalidParameter.ParamError", "RoleSessionName must be 2 to 128 characters of [\\w+=,.@-].");
  const raw = body.DurationSeconds;
  const seconds = raw === undefined || raw === null || raw === 0 ? DURATION.fallback : raw;
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 1 || seconds > DURATION.max) {
    throw new TeoError("InvalidParameter.OverTimeError", `DurationSeconds must be an integer from 1 to ${DURATION.max}.`);
  }
  const policy = str(body, "Policy", false);
  if (policy !== undefined && policy.length > POLICY_MAX) throw new TeoError("InvalidParameter.PolicyTooLong", "The policy is too long.");
  return { roleArn, sessionName, seconds };
}

function issued(ctx: EmulatorContext, action: string, s: ReturnType<typeof session>): Body {
  const key = ctx.keys.issue({ vendor: "tencent", action, roleArn: s.roleArn, sessionName: s.sessionName, durationMs: s.seconds * 1000, now: ctx.now() });
  return {
    Credentials: { Token: key.token, TmpSecretId: key.keyId, TmpSecretKey: key.secret },
    ExpiredTime: Math.floor(key.expiresAt / 1000),
    Expiration: new Date(key.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

function assumeRole(req: EmulatorRequest, body: Body, ctx: EmulatorContext): Body {
  verifyTc3(req, ctx);
  return issued(ctx, "AssumeRole", session(body));
}

function assumeRoleWithWebIdentity(req: EmulatorRequest, body: Body, ctx: EmulatorContext): Body {
  if (String(req.headers.authorization ?? "") !== "SKIP") verifyTc3(req, ctx);
  str(body, "ProviderId", true);
  const token = readOidcToken(str(body, "WebIdentityToken", true)!, ctx.now());
  if (token.problem) {
    throw new TeoError("InvalidParameter.WebIdentityTokenError", token.problem === "expired" ? "The WebIdentityToken has expired." : "The WebIdentityToken is invalid.");
  }
  return issued(ctx, "AssumeRoleWithWebIdentity", session(body));
}

/** Serves one Tencent STS request. */
export function serveTencentSts(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
  const requestId = ctx.requestId().toLowerCase();
  try {
    const body = parseBody(req);
    const action = req.headers["x-tc-action"];
    return renderTeoResult(action === "AssumeRole" ? assumeRole(req, body, ctx) : assumeRoleWithWebIdentity(req, body, ctx), requestId);
  } catch (e) {
    if (e instanceof TeoError) return renderTeoError(e, requestId);
    throw e;
  }
}
