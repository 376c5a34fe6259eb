/**
 * Where credentials, region and endpoint come from: stack config (delivered to the provider's `configure`), then the
 * standard environment variables. Nothing here is ever written to outputs or logs.
 */
import type { CloudKind } from "../model/cloud";
import { vendorOf } from "../model/cloud";
import type { Connection } from "../adapters/types";
import { VISIBILITY_GRACE_MS } from "../model/limits";

/** Stack config as `configure` received it (`namespace:key` → value). */
export type ConfigValues = Record<string, string | undefined>;

/** Config keys the provider reads, for `configure`. */
export const CONFIG_KEYS = [
  "tencentcloud:secretId", "tencentcloud:secretKey", "tencentcloud:securityToken", "tencentcloud:region",
  "alicloud:accessKey", "alicloud:secretKey", "alicloud:securityToken", "alicloud:region",
  "cdnPrefetch:endpoint", "cdnPrefetch:tencentEndpoint", "cdnPrefetch:alibabaEndpoint",
  "cdnPrefetch:alibabaSignatureAlgorithm", "cdnPrefetch:requestTimeoutSeconds", "cdnPrefetch:visibilityGraceSeconds",
] as const;

/** Default per-call timeout: both SDK connect and read timeouts (Alibaba's 3 s default is too short, cloud-apis.md §C.6). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Thrown when no credentials can be found; the message says where to put them. */
export class CredentialsError extends Error {
  override readonly name = "CredentialsError";
}

function first(...values: (string | undefined | null)[]): string | null {
  for (const v of values) if (typeof v === "string" && v.trim() !== "") return v.trim();
  return null;
}

function tencent(config: ConfigValues, env: NodeJS.ProcessEnv) {
  return {
    id: first(config["tencentcloud:secretId"], env.TENCENTCLOUD_SECRET_ID),
    secret: first(config["tencentcloud:secretKey"], env.TENCENTCLOUD_SECRET_KEY),
    token: first(config["tencentcloud:securityToken"], env.TENCENTCLOUD_SECURITY_TOKEN, env.TENCENTCLOUD_SESSION_TOKEN),
    region: first(config["tencentcloud:region"], env.TENCENTCLOUD_REGION) ?? "",
    endpoint: first(config["cdnPrefetch:tencentEndpoint"], config["cdnPrefetch:endpoint"], env.CDN_PREFETCH_TENCENT_ENDPOINT, env.CDN_PREFETCH_ENDPOINT),
    help: "set `pulumi config set tencentcloud:secretId <id>` and `pulumi config set --secret tencentcloud:secretKey <key>`, " +
      "or the environment variables TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY",
  };
}

function alibaba(config: ConfigValues, env: NodeJS.ProcessEnv) {
  return {
    id: first(config["alicloud:accessKey"], env.ALIBABA_CLOUD_ACCESS_KEY_ID, env.ALICLOUD_ACCESS_KEY),
    secret: first(config["alicloud:secretKey"], env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, env.ALICLOUD_SECRET_KEY),
    token: first(config["alicloud:securityToken"], env.ALIBABA_CLOUD_SECURITY_TOKEN, env.ALICLOUD_SECURITY_TOKEN),
    region: first(config["alicloud:region"], env.ALIBABA_CLOUD_REGION, env.ALICLOUD_REGION) ?? "cn-hangzhou",
    endpoint: first(config["cdnPrefetch:alibabaEndpoint"], config["cdnPrefetch:endpoint"], env.CDN_PREFETCH_ALIBABA_ENDPOINT, env.CDN_PREFETCH_ENDPOINT),
    help: "set `pulumi config set alicloud:accessKey <id>` and `pulumi config set --secret alicloud:secretKey <secret>`, " +
      "or the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY)",
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
  if (!v.id || !v.secret) throw new CredentialsError(`${cloud}: no credentials found; ${v.help}`);
  const timeoutSeconds = Number(first(config["cdnPrefetch:requestTimeoutSeconds"], env.CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS));
  const algorithm = first(config["cdnPrefetch:alibabaSignatureAlgorithm"], env.CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM);
  return {
    credentials: { accessKeyId: v.id, accessKeySecret: v.secret, securityToken: v.token },
    region: inputs.region ?? v.region,
    endpoint: inputs.endpoint ?? v.endpoint,
    requestTimeoutMs: timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_REQUEST_TIMEOUT_MS,
    signatureAlgorithm: algorithm === "v2" ? "v2" : "v3",
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
