/**
 * Which Tencent credentials to use, from stack config and the environment, with the keys and variables of the
 * tencentcloud provider users already have (tencentcloudstack/pulumi-tencentcloud `docs/_index.md`, "Authentication"
 * and "Configuration Reference"; `sdk/nodejs/config/vars.ts`).
 *
 * Precedence — the first that is set gives the base credentials:
 *  1. stack config: `tencentcloud:secretId` + `tencentcloud:secretKey` (+ `tencentcloud:securityToken`)
 *  2. stack config: `tencentcloud:assumeRoleWithWebIdentity` {providerId, roleArn, sessionName, sessionDuration,
 *     webIdentityToken}
 *  3. stack config: `tencentcloud:profile` and/or `tencentcloud:sharedCredentialsDir` (tccli's `~/.tccli`)
 *  4. stack config: `tencentcloud:camRoleName` (CVM instance role)
 *  5. stack config: `tencentcloud:enablePodOidc` = true (TKE pod OIDC, from the `TKE_*` variables)
 *  6. environment: `TENCENTCLOUD_SECRET_ID` + `TENCENTCLOUD_SECRET_KEY` (+ `TENCENTCLOUD_SECURITY_TOKEN` /
 *     `TENCENTCLOUD_SESSION_TOKEN`)
 *  7. environment: `TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN` + `TENCENTCLOUD_ASSUME_ROLE_ARN`
 *     (+ `TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID`, `…_SESSION_NAME`, `…_SESSION_DURATION`): GitHub Actions and other OIDC IdPs
 *  8. environment: `TKE_ROLE_ARN` + `TKE_PROVIDER_ID` + `TKE_WEB_IDENTITY_TOKEN_FILE` (TKE pod OIDC: the SDK's
 *     `OIDCRoleArnCredential` reads them, and the token file, at every renewal)
 *  9. environment: `TENCENTCLOUD_PROFILE`, `TENCENTCLOUD_SHARED_CREDENTIALS_DIR`
 * 10. environment: `TENCENTCLOUD_CAM_ROLE_NAME`
 * 11. tccli's default profile, `~/.tccli/default.credential`, when it exists ("If not set, the default profile created
 *     with `tccli configure` will be used")
 * 12. the SDK's default chain, in its order, less the steps above: `~/.tencentcloud/credentials`, then the CVM instance
 *     role from the metadata service.
 * Then `tencentcloud:assumeRole` {roleArn, sessionName, sessionDuration, policy, externalId} (or
 * `TENCENTCLOUD_ASSUME_ROLE_ARN` when no web identity token is in the environment, with `…_SESSION_NAME`,
 * `…_SESSION_DURATION`, `…_EXTERNAL_ID`) assumes that role with the base.
 */
import * as fs from "node:fs";
import { CredentialsError } from "../adapters/credentials/errors";
import type { StsTarget, TencentPlan } from "../adapters/credentials/source";
import { stsTarget } from "./sts";
import { tccliFile, tccliProfilePlan, DEFAULT_TCCLI_PROFILE } from "./tencent-profile";
import { DEFAULT_SESSION_NAME, field, first, objectSetting, seconds, type ConfigValues } from "./values";

/** Default session length, s ("default is 7200 seconds": `sessionDuration`, pulumi-tencentcloud `docs/_index.md`). */
export const DEFAULT_TENCENT_DURATION_S = 7200;
/** Largest session length, s ("ranges from 0 to 43200": same). */
const DURATION = { min: 1, max: 43_200 };
/** The identity provider name when none is given ("Default is OIDC": `providerId`, same). */
const DEFAULT_PROVIDER_ID = "OIDC";

/** Every place Tencent credentials may come from, for the message when none is found. */
export const TENCENT_HELP = "Tencent Cloud credentials may come from: stack config tencentcloud:secretId + tencentcloud:secretKey " +
  "(pulumi config set --secret), tencentcloud:assumeRoleWithWebIdentity, tencentcloud:profile / tencentcloud:sharedCredentialsDir, " +
  "tencentcloud:camRoleName, tencentcloud:enablePodOidc, each optionally with tencentcloud:assumeRole; the environment variables " +
  "TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN + TENCENTCLOUD_ASSUME_ROLE_ARN, " +
  "TKE_ROLE_ARN + TKE_PROVIDER_ID + TKE_WEB_IDENTITY_TOKEN_FILE, TENCENTCLOUD_PROFILE, TENCENTCLOUD_CAM_ROLE_NAME; the files " +
  "~/.tccli/default.credential and ~/.tencentcloud/credentials; or the CAM role of the CVM instance";

function staticKeys(config: ConfigValues, env: NodeJS.ProcessEnv): TencentPlan | null {
  const cfg = [config["tencentcloud:secretId"], config["tencentcloud:secretKey"], config["tencentcloud:securityToken"]];
  const keyId = first(cfg[0], env.TENCENTCLOUD_SECRET_ID);
  const secret = first(cfg[1], env.TENCENTCLOUD_SECRET_KEY);
  if (!keyId || !secret) return null;
  const token = first(cfg[2], env.TENCENTCLOUD_SECURITY_TOKEN, env.TENCENTCLOUD_SESSION_TOKEN);
  const origin = first(cfg[0], cfg[1]) ? "stack config tencentcloud:secretId" : "environment variable TENCENTCLOUD_SECRET_ID";
  return { kind: "static", origin, keyId, secret, token };
}

function duration(raw: string | null, what: string): number {
  return seconds(raw, DEFAULT_TENCENT_DURATION_S, what, DURATION);
}

function webIdentity(config: ConfigValues, env: NodeJS.ProcessEnv, sts: StsTarget, fromConfig: boolean): TencentPlan | null {
  const o = fromConfig ? objectSetting(config, "tencentcloud:assumeRoleWithWebIdentity") : null;
  if (fromConfig && !o) return null;
  const token = field(o, "webIdentityToken") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN);
  const roleArn = field(o, "roleArn") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_ARN);
  if (!fromConfig && (!token || !roleArn)) return null;
  if (!token || !roleArn) {
    throw new CredentialsError("tencentcloud:assumeRoleWithWebIdentity needs roleArn and webIdentityToken " +
      "(or TENCENTCLOUD_ASSUME_ROLE_ARN, TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN)");
  }
  return {
    kind: "webIdentity", origin: fromConfig ? "stack config tencentcloud:assumeRoleWithWebIdentity" : "environment variable TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
    roleArn, token, providerId: field(o, "providerId") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID) ?? DEFAULT_PROVIDER_ID,
    sessionName: field(o, "sessionName") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME) ?? DEFAULT_SESSION_NAME,
    durationSeconds: duration(field(o, "sessionDuration") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION), "tencentcloud:assumeRoleWithWebIdentity.sessionDuration"),
    region: first(config["tencentcloud:region"], env.TENCENTCLOUD_REGION) ?? "ap-guangzhou", sts,
  };
}

function profile(dir: string | null, name: string | null, env: NodeJS.ProcessEnv): TencentPlan | null {
  if (!dir && !name) return null;
  return tccliProfilePlan(tccliFile(dir, name, env), name ?? DEFAULT_TCCLI_PROFILE);
}

/** True when `tencentcloud:enablePodOidc` is `true`. */
function podOidcEnabled(config: ConfigValues): boolean {
  return ["true", "1", "yes", "on"].includes((first(config["tencentcloud:enablePodOidc"]) ?? "").toLowerCase());
}

function basePlan(config: ConfigValues, env: NodeJS.ProcessEnv, sts: StsTarget): TencentPlan {
  const fromConfig = first(config["tencentcloud:secretId"], config["tencentcloud:secretKey"]) ? staticKeys(config, env) : null;
  const cam = (v: string | null, origin: string): TencentPlan | null => (v ? { kind: "camRole", origin, roleName: v } : null);
  const pod = (origin: string): TencentPlan => ({ kind: "podOidc", origin, roleArn: first(env.TKE_ROLE_ARN), sts });
  const tke = first(env.TKE_ROLE_ARN) && first(env.TKE_PROVIDER_ID) && first(env.TKE_WEB_IDENTITY_TOKEN_FILE);
  const tccliDefault = tccliFile(null, null, env);
  return fromConfig
    ?? webIdentity(config, env, sts, true)
    ?? profile(first(config["tencentcloud:sharedCredentialsDir"]), first(config["tencentcloud:profile"]), env)
    ?? cam(first(config["tencentcloud:camRoleName"]), "stack config tencentcloud:camRoleName")
    ?? (podOidcEnabled(config) ? pod("stack config tencentcloud:enablePodOidc") : null)
    ?? staticKeys(config, env)
    ?? webIdentity(config, env, sts, false)
    ?? (tke ? pod("environment variables TKE_ROLE_ARN, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE") : null)
    ?? profile(first(env.TENCENTCLOUD_SHARED_CREDENTIALS_DIR), first(env.TENCENTCLOUD_PROFILE), env)
    ?? cam(first(env.TENCENTCLOUD_CAM_ROLE_NAME), "environment variable TENCENTCLOUD_CAM_ROLE_NAME")
    ?? (fs.existsSync(tccliDefault) ? tccliProfilePlan(tccliDefault, DEFAULT_TCCLI_PROFILE) : null)
    ?? { kind: "defaultChain", help: TENCENT_HELP };
}

/** The Tencent credential plan for stack config `config` and environment `env`. */
export function tencentPlan(config: ConfigValues, env: NodeJS.ProcessEnv): TencentPlan {
  const sts = stsTarget("tencent", config, env);
  const base = basePlan(config, env, sts);
  const o = objectSetting(config, "tencentcloud:assumeRole");
  // With a web identity token in the environment, TENCENTCLOUD_ASSUME_ROLE_ARN names that identity's role (step 7),
  // never a role to assume on top of another base.
  const envRole = base.kind === "webIdentity" || first(env.TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN) ? null : first(env.TENCENTCLOUD_ASSUME_ROLE_ARN);
  const roleArn = field(o, "roleArn") ?? envRole;
  if (!roleArn) return base;
  return {
    kind: "assumeRole", origin: o ? "stack config tencentcloud:assumeRole" : "environment variable TENCENTCLOUD_ASSUME_ROLE_ARN", base, roleArn,
    sessionName: field(o, "sessionName") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME) ?? DEFAULT_SESSION_NAME,
    durationSeconds: duration(field(o, "sessionDuration") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION),
      "tencentcloud:assumeRole.sessionDuration (TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION)"),
    policy: field(o, "policy"), externalId: field(o, "externalId") ?? first(env.TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID), sts,
  };
}
