/**
 * Where STS calls go: `cdnPrefetch:tencentStsEndpoint` / `cdnPrefetch:alibabaStsEndpoint`, then `cdnPrefetch:stsEndpoint`
 * (stack config), then `CDN_PREFETCH_TENCENT_STS_ENDPOINT` / `CDN_PREFETCH_ALIBABA_STS_ENDPOINT`, then
 * `CDN_PREFETCH_STS_ENDPOINT` — the same order as the product endpoint overrides (resources/connection.ts). Unset:
 * Tencent `sts.<tencentcloud:domain>` when a root domain is set (the tencentcloud provider's `domain` applies to
 * every service; `sts.intl.tencentcloudapi.com` is the international host:
 * https://www.tencentcloud.com/document/product/1150/49454), else the SDK's default host; Alibaba the SDK's default
 * (`sts.aliyuncs.com`, or the host `ALIBABA_CLOUD_STS_REGION` / `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED` select:
 * `@alicloud/credentials` `dist/src/providers/ram_role_arn.js`).
 *
 * Alibaba's credential providers call STS over HTTPS only (same file: `withProtocol('https')`), so an `http://`
 * override is refused for Alibaba with a message saying so.
 */
import { parseEndpoint } from "../adapters/endpoint";
import type { StsTarget } from "../adapters/credentials/source";
import { CredentialsError } from "../adapters/credentials/errors";
import { first, type ConfigValues } from "./values";

/** The STS target for a vendor. */
export function stsTarget(vendor: "alibaba" | "tencent", config: ConfigValues, env: NodeJS.ProcessEnv): StsTarget {
  const own = vendor === "alibaba"
    ? ["cdnPrefetch:alibabaStsEndpoint", "CDN_PREFETCH_ALIBABA_STS_ENDPOINT"]
    : ["cdnPrefetch:tencentStsEndpoint", "CDN_PREFETCH_TENCENT_STS_ENDPOINT"];
  const raw = first(config[own[0]], config["cdnPrefetch:stsEndpoint"], env[own[1]], env.CDN_PREFETCH_STS_ENDPOINT);
  if (raw === null) {
    const domain = vendor === "tencent" ? first(config["tencentcloud:domain"], env.TENCENTCLOUD_DOMAIN) : null;
    return domain ? { protocol: "https", host: `sts.${domain.toLowerCase().replace(/^\.+|\.+$/g, "")}` } : null;
  }
  let target: NonNullable<StsTarget>;
  try {
    target = parseEndpoint(raw);
  } catch (e) {
    throw new CredentialsError(`STS endpoint (${own[0]}, cdnPrefetch:stsEndpoint or their environment variables): ${(e as Error).message}`);
  }
  if (vendor === "alibaba" && target.protocol !== "https") {
    throw new CredentialsError(`STS endpoint ${JSON.stringify(raw)}: Alibaba Cloud's credential providers call STS over HTTPS only; give https://${target.host}`);
  }
  return target;
}
