/**
 * Where credentials, region and endpoint come from: stack config (delivered to the provider's `configure`), then the
 * standard environment variables; credentials then fall back to the vendors' own chains (provider/credentials).
 * Nothing here is ever written to outputs or logs.
 */
import type { CloudKind } from "../model/cloud";
import { vendorOf } from "../model/cloud";
import { DEFAULT_API_RATE_SHARE } from "../adapters/rate-gate";
import type { AlibabaAccountType, Connection } from "../adapters/types";
import { VISIBILITY_GRACE_MS } from "../model/limits";
import { CREDENTIAL_CONFIG_KEYS, resolveCredentials } from "../credentials";

/** Stack config as `configure` received it (`namespace:key` → value). */
export type ConfigValues = Record<string, string | undefined>;

/** Config keys the provider reads, for `configure`. */
export const CONFIG_KEYS = [
  "tencentcloud:secretId", "tencentcloud:secretKey", "tencentcloud:securityToken", "tencentcloud:region", "tencentcloud:domain",
  "alicloud:accessKey", "alicloud:secretKey", "alicloud:securityToken", "alicloud:region", "alicloud:accountType",
  "cdnPrefetch:endpoint", "cdnPrefetch:tencentEndpoint", "cdnPrefetch:alibabaEndpoint",
  "cdnPrefetch:alibabaSignatureAlgorithm", "cdnPrefetch:requestTimeoutSeconds", "cdnPrefetch:visibilityGraceSeconds",
  "cdnPrefetch:alibabaPreloadDetail", "cdnPrefetch:apiRateShare", ...CREDENTIAL_CONFIG_KEYS,
] as const;

/** Default per-call timeout: both SDK connect and read timeouts (Alibaba's 3 s default is too short, cloud-apis.md §C.6). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export { CredentialsError } from "../credentials";

/** Thrown when a connection setting has a value the provider cannot use; the message names the setting. */
export class ConnectionSettingError extends Error {
  override readonly name = "ConnectionSettingError";
}

function first(...values: (string | undefined | null)[]): string | null {
  for (const v of values) if (typeof v === "string" && v.trim() !== "") return v.trim();
  return null;
}

/**
 * The Tencent API root domain: `tencentcloud:domain` / `TENCENTCLOUD_DOMAIN`, the tencentcloud provider's own setting
 * ("The root domain of the API request, Default is `tencentcloudapi.com`", tencentcloudstack/terraform-provider-tencentcloud
 * `tencentcloud/provider.go`, and `tencentcloud:domain` in tencentcloudstack/pulumi-tencentcloud
 * `sdk/nodejs/config/vars.ts`). The SDKs build a service's host as `<service>.<root domain>` (TencentCloud/tencentcloud-sdk-go
 * `tencentcloud/common/http/request.go` `GetServiceDomain`), so `intl.tencentcloudapi.com` selects
 * `teo.intl.tencentcloudapi.com`, the international site (seed 003). Null when unset.
 */
export function tencentDomain(raw: string | null): string | null {
  if (raw === null) return null;
  const domain = raw.toLowerCase().replace(/^\.+|\.+$/g, "");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    throw new ConnectionSettingError(`tencentcloud:domain (TENCENTCLOUD_DOMAIN) ${JSON.stringify(raw)} is not a domain name; ` +
      "give the root domain of the API hosts, such as intl.tencentcloudapi.com (international site) or tencentcloudapi.com (China site)");
  }
  if (domain.startsWith("teo.")) {
    throw new ConnectionSettingError(`tencentcloud:domain (TENCENTCLOUD_DOMAIN) ${JSON.stringify(raw)} names a host, not the root domain: ` +
      `the TEO host is teo.<domain>, so give ${JSON.stringify(domain.slice(4))} (or set cdnPrefetch:tencentEndpoint to the full host)`);
  }
  return domain;
}

/**
 * The Alibaba account type: `alicloud:accountType` / `ALIBABA_CLOUD_ACCOUNT_TYPE`, the alicloud provider's own setting
 * (`account_type`, "Domestic" or "International", matched case-insensitively: aliyun/terraform-provider-alicloud
 * `alicloud/provider.go`; `accountType` in `@pulumi/alicloud` `config/vars.d.ts`). Null when unset.
 */
export function alibabaAccountType(raw: string | null): AlibabaAccountType | null {
  if (raw === null) return null;
  const lower = raw.toLowerCase();
  if (lower === "domestic") return "Domestic";
  if (lower === "international") return "International";
  throw new ConnectionSettingError(`alicloud:accountType (ALIBABA_CLOUD_ACCOUNT_TYPE) must be Domestic or International, got ${JSON.stringify(raw)}`);
}

/** A boolean setting: `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`), false when unset. */
function flag(name: string, raw: string | null): boolean {
  if (raw === null) return false;
  const lower = raw.toLowerCase();
  if (["true", "1", "yes", "on"].includes(lower)) return true;
  if (["false", "0", "no", "off"].includes(lower)) return false;
  throw new ConnectionSettingError(`${name} must be true or false, got ${JSON.stringify(raw)}`);
}

/**
 * The share of each documented per-account API rate the provider may use: `cdnPrefetch:apiRateShare` /
 * `CDN_PREFETCH_API_RATE_SHARE`, a number above 0 and at most 1; {@link DEFAULT_API_RATE_SHARE} when unset.
 */
export function apiRateShare(raw: string | null): number {
  if (raw === null) return DEFAULT_API_RATE_SHARE;
  const share = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(share > 0 && share <= 1)) {
    throw new ConnectionSettingError(`cdnPrefetch:apiRateShare (CDN_PREFETCH_API_RATE_SHARE) must be a number above 0 and at most 1 ` +
      `(the share of each documented per-account API rate this provider may use, e.g. 0.5), got ${JSON.stringify(raw)}`);
  }
  return share;
}

function tencent(config: ConfigValues, env: NodeJS.ProcessEnv) {
  return {
    region: first(config["tencentcloud:region"], env.TENCENTCLOUD_REGION) ?? "",
    domain: tencentDomain(first(config["tencentcloud:domain"], env.TENCENTCLOUD_DOMAIN)),
    endpoint: first(config["cdnPrefetch:tencentEndpoint"], config["cdnPrefetch:endpoint"], env.CDN_PREFETCH_TENCENT_ENDPOINT, env.CDN_PREFETCH_ENDPOINT),
  };
}

function alibaba(config: ConfigValues, env: NodeJS.ProcessEnv) {
  return {
    region: first(config["alicloud:region"], env.ALIBABA_CLOUD_REGION, env.ALICLOUD_REGION) ?? "cn-hangzhou",
    accountType: alibabaAccountType(first(config["alicloud:accountType"], env.ALIBABA_CLOUD_ACCOUNT_TYPE)),
    endpoint: first(config["cdnPrefetch:alibabaEndpoint"], config["cdnPrefetch:endpoint"], env.CDN_PREFETCH_ALIBABA_ENDPOINT, env.CDN_PREFETCH_ENDPOINT),
  };
}

/** Resolves the connection for a cloud; resource inputs `endpoint`/`region` win over config and environment. */
export function resolveConnection(
  cloud: CloudKind,
  inputs: { endpoint?: string; region?: string },
  config: ConfigValues,
  env: NodeJS.ProcessEnv,
): Connection {
  const v = vendorOf(cloud) === "tencent" ? tencent(config, env) : alibaba(config, env);
  const auth = resolveCredentials(vendorOf(cloud), config, env);
  const timeoutSeconds = Number(first(config["cdnPrefetch:requestTimeoutSeconds"], env.CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS));
  const algorithm = first(config["cdnPrefetch:alibabaSignatureAlgorithm"], env.CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM);
  return {
    credentials: auth.credentials,
    ...(auth.source ? { credentialSource: auth.source } : {}),
    region: inputs.region ?? v.region,
    endpoint: inputs.endpoint ?? v.endpoint,
    requestTimeoutMs: timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_REQUEST_TIMEOUT_MS,
    signatureAlgorithm: algorithm === "v2" ? "v2" : "v3",
    tencentDomain: "domain" in v ? v.domain : null,
    alibabaAccountType: "accountType" in v ? v.accountType : null,
    alibabaPreloadDetail: flag("cdnPrefetch:alibabaPreloadDetail", first(config["cdnPrefetch:alibabaPreloadDetail"], env.CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL)),
    apiRateShare: apiRateShare(first(config["cdnPrefetch:apiRateShare"], env.CDN_PREFETCH_API_RATE_SHARE)),
  };
}

/**
 * How long after an uncertain submit "not listed by the cloud" still proves nothing: `cdnPrefetch:visibilityGraceSeconds`
 * or `CDN_PREFETCH_VISIBILITY_GRACE_SECONDS`, else {@link VISIBILITY_GRACE_MS}.
 */
export function visibilityGraceMs(config: ConfigValues, env: NodeJS.ProcessEnv): number {
  const raw = first(config["cdnPrefetch:visibilityGraceSeconds"], env.CDN_PREFETCH_VISIBILITY_GRACE_SECONDS);
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : VISIBILITY_GRACE_MS;
}
