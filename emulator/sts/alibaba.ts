/**
 * Alibaba Cloud STS (2015-04-01): `AssumeRole` and `AssumeRoleWithOIDC`, as `@alicloud/credentials` 2.4.7 calls them
 * (`dist/src/providers/ram_role_arn.js`, `oidc_role_arn.js`): POST over HTTPS to the STS host, the common parameters
 * (`Action`, `Version`, `Format`, `Timestamp`, and for `AssumeRole` the RPC V1 signature parameters) in the query, the
 * action's parameters in a form body.
 *
 * - `AssumeRole` is signed (RPC V1 HMAC-SHA1 over query and body together, verified by alibaba/auth.ts like every
 *   product call, so an issued temporary key may assume a role in turn; its token is checked there too).
 * - `AssumeRoleWithOIDC` is not signed: the OIDC token is the proof
 *   (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerolewithoidc).
 *
 * Reference: https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole (parameters,
 * ranges, response, error codes). Every well-formed role ARN is accepted (roles are auto-provisioned, as zones and
 * domains are without `restrict`), with the largest documented `MaxSessionDuration` (43200 s); the emulator does not
 * know an IdP's keys, so an OIDC token is checked for its form and its `exp`/`iat` claims only (FIDELITY.md STS-5).
 */
import { authenticate } from "../alibaba/auth";
import { AlibabaError, renderError, type ErrorTarget } from "../alibaba/errors";
import { RpcParams } from "../alibaba/params";
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from "../core/types";
import type { IssuedKey } from "./keyring";
import { readOidcToken } from "./oidc-token";

/** The STS API version. */
export const ALIBABA_STS_VERSION = "2015-04-01";

/** The actions served. */
export const ALIBABA_STS_ACTIONS = ["AssumeRole", "AssumeRoleWithOIDC"] as const;

/**
 * `DurationSeconds`: at least 900, at most the role's `MaxSessionDuration` (3600 by default, settable up to 43200);
 * default 3600 (AssumeRole doc, "DurationSeconds").
 */
const DURATION = { min: 900, max: 43_200, fallback: 3600 };

/** STS error codes with their documented status and message (AssumeRole / AssumeRoleWithOIDC docs, "Error codes"). */
const STS_TARGET: ErrorTarget = {
  hostId: "sts.aliyuncs.com",
  code: "Sts",
  errors: {
    "InvalidParameter.RoleArn": { status: 400, message: "The parameter RoleArn is wrongly formed.", source: "AssumeRole doc" },
    "InvalidParameter.RoleSessionName": { status: 400, message: "The parameter RoleSessionName is wrongly formed.", source: "AssumeRole doc" },
    "InvalidParameter.DurationSeconds": { status: 400, message: "The Min/Max value of DurationSeconds is 15min/12hr.", source: "AssumeRole doc" },
    "InvalidParameter.PolicyGrammar": { status: 400, message: "The parameter Policy has not passed grammar check.", source: "AssumeRole doc" },
    "InvalidParameter.PolicySize": { status: 400, message: "The size of Policy must be smaller than 2048 bytes.", source: "AssumeRole doc" },
    "InvalidParameter.ExternalId": { status: 400, message: "The parameter ExternalId is wrongly formed.", source: "AssumeRole doc" },
    "InvalidParameter.OIDCProviderArn": { status: 400, message: "The parameter OIDCProviderArn is wrongly formed.", source: "AssumeRoleWithOIDC doc" },
    "AuthenticationFail.OIDCToken.Invalid": { status: 400, message: "The OIDC token is invalid.", source: "AssumeRoleWithOIDC doc" },
    "AuthenticationFail.OIDCToken.Expired": { status: 400, message: "The OIDC token has expired.", source: "AssumeRoleWithOIDC doc" },
  },
};

/** `acs:ram::<account id>:role/<role name>` (AssumeRole doc, "RoleArn"). */
const ROLE_ARN = /^acs:ram::(\d+):role\/([\w.@+=,-]{1,64})$/i;
/** `acs:ram::<account id>:oidc-provider/<name>` (AssumeRoleWithOIDC doc, "OIDCProviderArn"). */
const OIDC_PROVIDER_ARN = /^acs:ram::\d+:oidc-provider\/[\w.-]{1,128}$/i;
/** 2 to 64 characters: letters, digits, `. @ - _` (AssumeRole doc, "RoleSessionName"). */
const SESSION_NAME = /^[\w.@-]{2,64}$/;
/** 2 to 1,224 characters: letters, digits, `= , . @ : / - _` (AssumeRole doc, "ExternalId"). */
const EXTERNAL_ID = /^[\w=,.@:/-]{2,1224}$/;
/** Largest `Policy` (AssumeRole doc, "Policy": "up to 2,048 characters"). */
const POLICY_MAX = 2048;

/** True for a request to Alibaba STS (by version), in RPC (V1) or V3 style. */
export function isAlibabaStsRequest(req: EmulatorRequest): boolean {
  if (req.headers["x-tc-action"] !== undefined) return false;
  const version = req.headers["x-acs-version"] ?? RpcParams.from(req).str("Version");
  return version === ALIBABA_STS_VERSION;
}

function check(ok: boolean, code: string): void {
  if (!ok) throw new AlibabaError(code);
}

/** The session parameters both actions share, validated. */
function session(params: RpcParams) {
  const roleArn = params.required("RoleArn");
  const role = ROLE_ARN.exec(roleArn);
  check(role !== null, "InvalidParameter.RoleArn");
  const sessionName = params.required("RoleSessionName");
  check(SESSION_NAME.test(sessionName), "InvalidParameter.RoleSessionName");
  const policy = params.str("Policy");
  if (policy !== undefined) {
    check(policy.length <= POLICY_MAX, "InvalidParameter.PolicySize");
    check(isJsonObject(policy), "InvalidParameter.PolicyGrammar");
  }
  const durationSeconds = params.int("DurationSeconds", { ...DURATION, code: "InvalidParameter.DurationSeconds" });
  return { roleArn, account: role![1], roleName: role![2], sessionName, durationSeconds };
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** `2015-04-09T11:52:19Z` (the documented `Expiration` form: seconds, no fraction). */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function credentialsBody(key: IssuedKey, account: string, roleName: string) {
  return {
    AssumedRoleUser: { Arn: `acs:ram::${account}:role/${roleName.toLowerCase()}/${key.sessionName}`, AssumedRoleId: `3${key.keyId.slice(-16)}:${key.sessionName}` },
    Credentials: { AccessKeyId: key.keyId, AccessKeySecret: key.secret, SecurityToken: key.token, Expiration: isoSeconds(key.expiresAt) },
  };
}

/** Issues a key for a validated session. */
function issue(ctx: EmulatorContext, action: string, s: ReturnType<typeof session>): IssuedKey {
  return ctx.keys.issue({ vendor: "alibaba", action, roleArn: s.roleArn, sessionName: s.sessionName, durationMs: s.durationSeconds * 1000, now: ctx.now() });
}

function assumeRole(req: EmulatorRequest, params: RpcParams, ctx: EmulatorContext): Record<string, unknown> {
  authenticate(req, params, ctx);
  const s = session(params);
  const externalId = params.str("ExternalId");
  if (externalId !== undefined) check(EXTERNAL_ID.test(externalId), "InvalidParameter.ExternalId");
  const key = issue(ctx, "AssumeRole", s);
  return credentialsBody(key, s.account, s.roleName);
}

function assumeRoleWithOidc(params: RpcParams, ctx: EmulatorContext): Record<string, unknown> {
  check(OIDC_PROVIDER_ARN.test(params.required("OIDCProviderArn")), "InvalidParameter.OIDCProviderArn");
  const token = readOidcToken(params.required("OIDCToken"), ctx.now());
  if (token.problem) throw new AlibabaError(token.problem === "expired" ? "AuthenticationFail.OIDCToken.Expired" : "AuthenticationFail.OIDCToken.Invalid");
  const s = session(params);
  const key = issue(ctx, "AssumeRoleWithOIDC", s);
  return {
    ...credentialsBody(key, s.account, s.roleName),
    OIDCTokenInfo: { Subject: token.claims.sub ?? "", Issuer: token.claims.iss ?? "", ClientIds: [token.claims.aud].flat().filter(Boolean).join(",") },
  };
}

/** Serves one Alibaba STS request (errors in the vendor envelope, host `sts.aliyuncs.com`). */
export function serveAlibabaSts(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
  const requestId = ctx.requestId().toUpperCase();
  try {
    const params = RpcParams.from(req);
    const action = params.str("Action") ?? (req.headers["x-acs-action"] as string | undefined);
    let body: Record<string, unknown>;
    if (action === "AssumeRole") body = assumeRole(req, params, ctx);
    else if (action === "AssumeRoleWithOIDC") body = assumeRoleWithOidc(params, ctx);
    else throw new AlibabaError("InvalidApi.NotFound", `Specified api is not found, please check your url and method: ${action ?? "(no Action)"} (Sts ${ALIBABA_STS_VERSION}).`);
    return { status: 200, headers: { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId }, body: { RequestId: requestId, ...body } };
  } catch (e) {
    const err = e instanceof AlibabaError ? e : new AlibabaError("InternalError", `The request processing has failed (emulator: ${String(e)}).`, 500);
    return renderError(err, requestId, STS_TARGET);
  }
}
