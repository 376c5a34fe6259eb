/**
 * A profile of the Alibaba Cloud CLI's configuration file (`~/.aliyun/config.json`, or `alicloud:sharedCredentialsFile`),
 * as the alicloud provider reads it for `profile` / `shared_credentials_file` (aliyun/terraform-provider-alicloud
 * `website/docs/index.html.markdown`, "Shared credentials file"), turned into a plan. The file format and the modes
 * are those of `@alicloud/credentials` 2.4.7 `dist/src/providers/cli_profile.js` (`getCredentialsProvider`): `AK`,
 * `StsToken`, `RamRoleArn`, `EcsRamRole`, `OIDC`, `ChainableRamRoleArn` (and `CredentialsURI`) become plans built with
 * the vendor's providers; `CloudSSO`, `OAuth` and `External`, which write refreshed tokens back to the default file, go
 * to the vendor's own CLI-profile provider and are accepted only from the default location.
 *
 * Read when the connection is resolved, so a missing file or profile is reported before any call.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CredentialsError } from "../adapters/credentials/errors";
import type { AlibabaPlan, StsTarget } from "../adapters/credentials/source";
import { DEFAULT_SESSION_NAME, homeDir } from "./values";

/** One profile as the CLI writes it (the fields read here). */
interface CliProfile {
  name?: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  ram_role_name?: string;
  ram_role_arn?: string;
  ram_session_name?: string;
  expired_seconds?: number;
  duration_seconds?: number;
  external_id?: string;
  source_profile?: string;
  oidc_provider_arn?: string;
  oidc_token_file?: string;
  credentials_uri?: string;
  sts_endpoint?: string;
}

/** The default STS session length, s (`@alicloud/credentials` ram_role_arn.js and oidc_role_arn.js: 3600). */
export const DEFAULT_ALIBABA_DURATION_S = 3600;

/** The CLI's default configuration file. */
export function defaultCliConfigFile(env: NodeJS.ProcessEnv): string {
  return path.join(homeDir(env), ".aliyun", "config.json");
}

function readConfig(file: string): { current?: string; profiles?: CliProfile[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CredentialsError(`cannot read the Alibaba Cloud CLI configuration ${file}: ${(e as NodeJS.ErrnoException).code ?? "unreadable"}`);
  }
  try {
    const conf = JSON.parse(text) as { current?: string; profiles?: CliProfile[] };
    if (Array.isArray(conf.profiles)) return conf;
  } catch {
    /* fall through: the content is never quoted (it holds secrets) */
  }
  throw new CredentialsError(`the Alibaba Cloud CLI configuration ${file} is not a JSON object with a "profiles" list`);
}

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const positive = (...vs: unknown[]) => vs.map(Number).find((n) => Number.isInteger(n) && n > 0);

/** The plan for profile `name` of `conf`; `seen` guards `source_profile` loops. */
function planOf(conf: { profiles?: CliProfile[] }, name: string, file: string, isDefaultFile: boolean, sts: StsTarget, seen: string[]): AlibabaPlan {
  const p = conf.profiles!.find((x) => x.name === name);
  const names = conf.profiles!.map((x) => x.name).filter(Boolean).join(", ");
  if (!p) throw new CredentialsError(`profile ${JSON.stringify(name)} is not in ${file} (profiles: ${names || "none"})`);
  const origin = `profile ${name} of ${file}`;
  const profileSts: StsTarget = text(p.sts_endpoint) ? { protocol: "https", host: text(p.sts_endpoint)!.replace(/^https:\/\//, "") } : sts;
  const role = () => ({
    roleArn: required(p.ram_role_arn, "ram_role_arn", origin), sessionName: text(p.ram_session_name) ?? DEFAULT_SESSION_NAME,
    durationSeconds: positive(p.expired_seconds, p.duration_seconds) ?? DEFAULT_ALIBABA_DURATION_S,
  });
  const staticKeys = (token: string | null): AlibabaPlan => ({
    kind: "static", origin, keyId: required(p.access_key_id, "access_key_id", origin), secret: required(p.access_key_secret, "access_key_secret", origin), token,
  });
  switch (p.mode) {
    case "AK": return staticKeys(null);
    case "StsToken": return staticKeys(required(p.sts_token, "sts_token", origin));
    case "RamRoleArn":
      return { kind: "assumeRole", origin, base: staticKeys(null), ...role(), policy: null, externalId: text(p.external_id), sts: profileSts };
    case "ChainableRamRoleArn": {
      const source = required(p.source_profile, "source_profile", origin);
      if (seen.includes(source)) throw new CredentialsError(`${origin}: source_profile loops back to ${source}`);
      return { kind: "assumeRole", origin, base: planOf(conf, source, file, isDefaultFile, sts, [...seen, name]), ...role(), policy: null,
        externalId: text(p.external_id), sts: profileSts };
    }
    case "EcsRamRole": return { kind: "ecsRole", origin, roleName: required(p.ram_role_name, "ram_role_name", origin) };
    case "CredentialsURI": return { kind: "credentialsUri", origin, uri: required(p.credentials_uri, "credentials_uri", origin) };
    case "OIDC":
      return { kind: "oidc", origin, ...role(), oidcProviderArn: required(p.oidc_provider_arn, "oidc_provider_arn", origin),
        tokenFile: required(p.oidc_token_file, "oidc_token_file", origin), token: null, policy: null, sts: profileSts };
    case "CloudSSO": case "OAuth": case "External":
      if (isDefaultFile) return { kind: "cliProfile", origin, name };
      throw new CredentialsError(`${origin}: mode ${p.mode} is supported only in the CLI's own file (~/.aliyun/config.json), which it updates`);
    default:
      throw new CredentialsError(`${origin}: unsupported mode ${JSON.stringify(p.mode ?? "")}`);
  }
}

function required(v: unknown, name: string, origin: string): string {
  const t = text(v);
  if (t === null) throw new CredentialsError(`${origin} has no ${name}`);
  return t;
}

/** The plan for a profile (`name`, else the file's `current`) of `file`. */
export function cliProfilePlan(file: string, name: string | null, env: NodeJS.ProcessEnv, sts: StsTarget): AlibabaPlan {
  const conf = readConfig(file);
  const chosen = name ?? text(conf.current);
  if (!chosen) throw new CredentialsError(`${file} names no current profile; set alicloud:profile (or ALICLOUD_PROFILE)`);
  return planOf(conf, chosen, file, path.resolve(file) === path.resolve(defaultCliConfigFile(env)), sts, []);
}
