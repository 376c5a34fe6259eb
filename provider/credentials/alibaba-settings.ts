/**
 * Which Alibaba credentials to use, from stack config and the environment, with the keys and variables of the alicloud
 * provider users already have (`@pulumi/alicloud` 3.108.0 `config/vars.d.ts` and `types/output.d.ts` `config.AssumeRole`,
 * `config.AssumeRoleWithOidc`; their environment variables: aliyun/terraform-provider-alicloud
 * `website/docs/index.html.markdown`, "Authentication" and "Argument Reference").
 *
 * Precedence — the first that is set gives the base credentials:
 *  1. stack config: `alicloud:accessKey` + `alicloud:secretKey` (+ `alicloud:securityToken`)
 *  2. stack config: `alicloud:assumeRoleWithOidc` {roleArn, oidcProviderArn, oidcToken | oidcTokenFile, roleSessionName,
 *     policy, sessionExpiration}
 *  3. stack config: `alicloud:profile` and/or `alicloud:sharedCredentialsFile` (the CLI's `~/.aliyun/config.json`)
 *  4. stack config: `alicloud:ecsRoleName`
 *  5. stack config: `alicloud:credentialsUri`
 *  6. environment: `ALIBABA_CLOUD_ACCESS_KEY_ID` + `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (+ `ALIBABA_CLOUD_SECURITY_TOKEN`),
 *     or `ALICLOUD_ACCESS_KEY` + `ALICLOUD_SECRET_KEY` (+ `ALICLOUD_SECURITY_TOKEN`)
 *  7. environment: `ALIBABA_CLOUD_ROLE_ARN` + `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` + `ALIBABA_CLOUD_OIDC_TOKEN_FILE`
 *     (+ `ALIBABA_CLOUD_ROLE_SESSION_NAME`): RRSA on ACK, GitHub Actions
 *  8. environment: `ALICLOUD_PROFILE` / `ALIBABA_CLOUD_PROFILE`, `ALICLOUD_SHARED_CREDENTIALS_FILE`
 *  9. environment: `ALICLOUD_ECS_ROLE_NAME`, then `ALICLOUD_CREDENTIALS_URI`
 * 10. the `@alicloud/credentials` default chain (its environment variables, OIDC variables, `~/.aliyun/config.json`
 *     current profile, `~/.alibabacloud/credentials`, the ECS instance role via the metadata service,
 *     `ALIBABA_CLOUD_CREDENTIALS_URI`), which reads the process environment itself.
 * Then `alicloud:assumeRole` {roleArn, sessionName, policy, sessionExpiration, externalId} (or `ALICLOUD_ASSUME_ROLE_ARN`,
 * `ALICLOUD_ASSUME_ROLE_SESSION_NAME`, `ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION`) assumes that role with the base.
 * Within 1 and 6, each of the key, secret and token is taken from config first, then the environment (as before).
 */
import type { AlibabaPlan, StsTarget } from "../adapters/credentials/source";
import { CredentialsError } from "../adapters/credentials/errors";
import { cliProfilePlan, defaultCliConfigFile, DEFAULT_ALIBABA_DURATION_S } from "./alibaba-profile";
import { stsTarget } from "./sts";
import { DEFAULT_SESSION_NAME, expandHome, field, first, objectSetting, seconds, type ConfigValues } from "./values";

/**
 * Session length bounds, s: at least 900 (`@alicloud/credentials` refuses less: ram_role_arn.js, oidc_role_arn.js), at
 * most 43200 (a role's largest `MaxSessionDuration`: the alicloud provider's `session_expiration` "[900-43200]").
 */
const DURATION = { min: 900, max: 43_200 };

/** Every place Alibaba credentials may come from, for the message when none is found. */
export const ALIBABA_HELP = "Alibaba Cloud credentials may come from: stack config alicloud:accessKey + alicloud:secretKey " +
  "(pulumi config set --secret), alicloud:assumeRoleWithOidc, alicloud:profile / alicloud:sharedCredentialsFile, " +
  "alicloud:ecsRoleName, alicloud:credentialsUri, each optionally with alicloud:assumeRole; the environment variables " +
  "ALIBABA_CLOUD_ACCESS_KEY_ID + ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY + ALICLOUD_SECRET_KEY), " +
  "ALIBABA_CLOUD_ROLE_ARN + ALIBABA_CLOUD_OIDC_PROVIDER_ARN + ALIBABA_CLOUD_OIDC_TOKEN_FILE, ALICLOUD_PROFILE, " +
  "ALICLOUD_ECS_ROLE_NAME, ALIBABA_CLOUD_CREDENTIALS_URI; the files ~/.aliyun/config.json and ~/.alibabacloud/credentials; " +
  "or the RAM role of the ECS instance";

/** The static keys of config (source `stack config`) or the environment, when both key and secret are set. */
function staticKeys(config: ConfigValues, env: NodeJS.ProcessEnv): AlibabaPlan | null {
  const cfg = [config["alicloud:accessKey"], config["alicloud:secretKey"], config["alicloud:securityToken"]];
  const keyId = first(cfg[0], env.ALIBABA_CLOUD_ACCESS_KEY_ID, env.ALICLOUD_ACCESS_KEY);
  const secret = first(cfg[1], env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, env.ALICLOUD_SECRET_KEY);
  if (!keyId || !secret) return null;
  const token = first(cfg[2], env.ALIBABA_CLOUD_SECURITY_TOKEN, env.ALICLOUD_SECURITY_TOKEN);
  const origin = first(cfg[0], cfg[1]) ? "stack config alicloud:accessKey" : "environment variable ALIBABA_CLOUD_ACCESS_KEY_ID / ALICLOUD_ACCESS_KEY";
  return { kind: "static", origin, keyId, secret, token };
}

/** `alicloud:assumeRoleWithOidc` from stack config. */
function oidcFromConfig(config: ConfigValues, env: NodeJS.ProcessEnv, sts: StsTarget): AlibabaPlan | null {
  const o = objectSetting(config, "alicloud:assumeRoleWithOidc");
  if (!o) return null;
  const token = field(o, "oidcToken");
  const tokenFile = field(o, "oidcTokenFile") ?? (token ? null : first(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE));
  const roleArn = field(o, "roleArn") ?? first(env.ALIBABA_CLOUD_ROLE_ARN);
  const oidcProviderArn = field(o, "oidcProviderArn") ?? first(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN);
  if (!roleArn || !oidcProviderArn || (!token && !tokenFile)) {
    throw new CredentialsError("alicloud:assumeRoleWithOidc needs roleArn, oidcProviderArn and oidcToken or oidcTokenFile " +
      "(or ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE)");
  }
  return {
    kind: "oidc", origin: "stack config alicloud:assumeRoleWithOidc", roleArn, oidcProviderArn, token,
    tokenFile: tokenFile ? expandHome(tokenFile, env) : null,
    sessionName: field(o, "roleSessionName") ?? first(env.ALIBABA_CLOUD_ROLE_SESSION_NAME) ?? DEFAULT_SESSION_NAME,
    durationSeconds: seconds(field(o, "sessionExpiration"), DEFAULT_ALIBABA_DURATION_S, "alicloud:assumeRoleWithOidc.sessionExpiration", DURATION),
    policy: field(o, "policy"), sts,
  };
}

/** The RRSA / OIDC environment variables, when all three are set. */
function oidcFromEnv(env: NodeJS.ProcessEnv, sts: StsTarget): AlibabaPlan | null {
  const roleArn = first(env.ALIBABA_CLOUD_ROLE_ARN);
  const oidcProviderArn = first(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN);
  const tokenFile = first(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE);
  if (!roleArn || !oidcProviderArn || !tokenFile) return null;
  return {
    kind: "oidc", origin: "environment variables ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE",
    roleArn, oidcProviderArn, token: null, tokenFile: expandHome(tokenFile, env),
    sessionName: first(env.ALIBABA_CLOUD_ROLE_SESSION_NAME) ?? DEFAULT_SESSION_NAME, durationSeconds: DEFAULT_ALIBABA_DURATION_S, policy: null, sts,
  };
}

/** A CLI profile named or located by `name` / `file` (null when neither is set). */
function profile(name: string | null, file: string | null, env: NodeJS.ProcessEnv, sts: StsTarget): AlibabaPlan | null {
  if (!name && !file) return null;
  return cliProfilePlan(file ? expandHome(file, env) : defaultCliConfigFile(env), name, env, sts);
}

/** The base credentials (steps 1–10 of the file comment). */
function basePlan(config: ConfigValues, env: NodeJS.ProcessEnv, sts: StsTarget): AlibabaPlan {
  const fromConfig = first(config["alicloud:accessKey"], config["alicloud:secretKey"]) ? staticKeys(config, env) : null;
  const ecs = (v: string | null, origin: string): AlibabaPlan | null => (v ? { kind: "ecsRole", origin, roleName: v } : null);
  const uri = (v: string | null, origin: string): AlibabaPlan | null => (v ? { kind: "credentialsUri", origin, uri: v } : null);
  return fromConfig
    ?? oidcFromConfig(config, env, sts)
    ?? profile(first(config["alicloud:profile"]), first(config["alicloud:sharedCredentialsFile"]), env, sts)
    ?? ecs(first(config["alicloud:ecsRoleName"]), "stack config alicloud:ecsRoleName")
    ?? uri(first(config["alicloud:credentialsUri"]), "stack config alicloud:credentialsUri")
    ?? staticKeys(config, env)
    ?? oidcFromEnv(env, sts)
    ?? profile(first(env.ALICLOUD_PROFILE, env.ALIBABA_CLOUD_PROFILE), first(env.ALICLOUD_SHARED_CREDENTIALS_FILE), env, sts)
    ?? ecs(first(env.ALICLOUD_ECS_ROLE_NAME), "environment variable ALICLOUD_ECS_ROLE_NAME")
    ?? uri(first(env.ALICLOUD_CREDENTIALS_URI), "environment variable ALICLOUD_CREDENTIALS_URI")
    ?? { kind: "defaultChain", help: ALIBABA_HELP };
}

/** The Alibaba credential plan for stack config `config` and environment `env`. */
export function alibabaPlan(config: ConfigValues, env: NodeJS.ProcessEnv): AlibabaPlan {
  const sts = stsTarget("alibaba", config, env);
  const base = basePlan(config, env, sts);
  const o = objectSetting(config, "alicloud:assumeRole");
  const roleArn = field(o, "roleArn") ?? first(env.ALICLOUD_ASSUME_ROLE_ARN);
  if (!roleArn) return base;
  const origin = o ? "stack config alicloud:assumeRole" : "environment variable ALICLOUD_ASSUME_ROLE_ARN";
  return {
    kind: "assumeRole", origin, base, roleArn,
    sessionName: field(o, "sessionName") ?? first(env.ALICLOUD_ASSUME_ROLE_SESSION_NAME) ?? DEFAULT_SESSION_NAME,
    durationSeconds: seconds(field(o, "sessionExpiration") ?? first(env.ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION), DEFAULT_ALIBABA_DURATION_S,
      "alicloud:assumeRole.sessionExpiration (ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION)", DURATION),
    policy: field(o, "policy"), externalId: field(o, "externalId"), sts,
  };
}
