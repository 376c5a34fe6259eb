/**
 * Which ESA API host the calls go to, and what an "unknown site" answer tells the user.
 *
 * ESA has two API hosts, `esa.cn-hangzhou.aliyuncs.com` (China site) and `esa.ap-southeast-1.aliyuncs.com`
 * (international site) (https://alibabacloud.com/help/en/edge-security-acceleration/esa/api-esa-2024-09-10-endpoint,
 * cloud-apis.md §B.1); the SDK has no endpoint map and would use `esa.aliyuncs.com` (verified quirk, §B.1), so the host
 * is chosen here. An ESA site lives on one of the two by **account**, not by region: the alicloud provider picks the ESA
 * host from its `account_type` (`Domestic` → cn-hangzhou, `International` → ap-southeast-1, whatever the region:
 * aliyun/terraform-provider-alicloud `alicloud/connectivity/endpoint.go`, `irregularProductEndpoint` and
 * `irregularProductEndpointForIntlAccount`). The same setting is read here (`alicloud:accountType`,
 * `ALIBABA_CLOUD_ACCOUNT_TYPE`); without it the region decides, as before (`cn-*` → China site, else international).
 */
import { CloudError } from "../../model/errors";
import { parseEndpoint } from "../endpoint";
import type { AlibabaAccountType, Connection } from "../types";

/** The two ESA sites. */
export const ESA_SITES = {
  Domestic: { name: "China site", host: "esa.cn-hangzhou.aliyuncs.com" },
  International: { name: "international site", host: "esa.ap-southeast-1.aliyuncs.com" },
} as const satisfies Record<AlibabaAccountType, { name: string; host: string }>;

/** The site for an account type, else for a region (`cn-*`: China). */
export function esaSiteFor(region: string, accountType: AlibabaAccountType | null): AlibabaAccountType {
  if (accountType !== null) return accountType;
  return region.trim().toLowerCase().startsWith("cn-") ? "Domestic" : "International";
}

/** The ESA host for a region and account type (see the file comment). */
export function esaEndpointFor(region: string, accountType: AlibabaAccountType | null): string {
  return ESA_SITES[esaSiteFor(region || "cn-hangzhou", accountType)].host;
}

/** Where a client sends its calls. */
export interface EsaTarget {
  /** `host[:port]` the calls go to. */
  host: string;
  /** The site the calls reach (an emulator or proxy counts as the site the settings select). */
  site: AlibabaAccountType;
  /** True when an endpoint override chose the host. */
  overridden: boolean;
}

/** The host and site of a connection's ESA calls. */
export function esaTarget(connection: Connection): EsaTarget {
  const parsed = connection.endpoint ? parseEndpoint(connection.endpoint) : null;
  const chosen = esaSiteFor(connection.region || "cn-hangzhou", connection.alibabaAccountType ?? null);
  const name = parsed?.host.replace(/:\d+$/, "");
  const site = name === ESA_SITES.Domestic.host ? "Domestic" : name === ESA_SITES.International.host ? "International" : chosen;
  return { host: parsed?.host ?? ESA_SITES[chosen].host, site, overridden: parsed !== null };
}

/**
 * Adds to an "unknown site" error (`scopeNotFound`, e.g. `InvalidSiteId.NotFound`) the other ESA host and the setting
 * that selects it: a site of an international account is unknown to the China host, and the other way round. Other
 * errors pass through unchanged. For the ESA client's call wrapper.
 */
export function withEsaSiteHint(e: CloudError, connection: Connection, siteId?: number | string | null): CloudError {
  if (e.detail !== "scopeNotFound") return e;
  const target = esaTarget(connection);
  const other: AlibabaAccountType = target.site === "Domestic" ? "International" : "Domestic";
  const override = target.overridden
    ? `; an endpoint override (the endpoint input, cdnPrefetch:alibabaEndpoint or cdnPrefetch:endpoint) is set and wins over it: point it at https://${ESA_SITES[other].host} instead`
    : "";
  const site = siteId !== undefined && siteId !== null && siteId !== "" ? `site ${siteId}` : "the site";
  const message = `${e.message} — ${site} is not known at ${target.host}; this site may live on the ${ESA_SITES[other].name}: ` +
    `set alicloud:accountType=${other} (or ALIBABA_CLOUD_ACCOUNT_TYPE=${other}; calls then go to ${ESA_SITES[other].host})${override}`;
  return new CloudError(e.cloud, e.kind, e.code, message, e.requestId, e.httpStatus, e.retryAfterMs, e.action).withDetail(e.detail);
}
