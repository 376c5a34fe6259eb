/**
 * The client configuration shared by the three Alibaba SDKs (`@alicloud/openapi-core` `$OpenApiUtil.Config` for CDN
 * and ESA, `@alicloud/openapi-client` `Config` for DCDN: both take the same option names).
 */
import type { Connection } from "../types";
import { alibabaKeyOptions } from "../credentials";
import { parseEndpoint } from "../endpoint";

/** Plain options for `new Config(...)` of either Alibaba core. */
export interface AlibabaConfigOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  /** A renewing `@alicloud/credentials` credential instead of a key pair (adapters/credentials). */
  credential?: object;
  regionId: string;
  endpoint?: string;
  protocol: "http" | "https";
  readTimeout: number;
  connectTimeout: number;
  signatureAlgorithm?: "v2";
}

/**
 * Builds the config options.
 * - `endpoint`: the override (`host[:port]`, its scheme becomes `protocol`), else `defaultEndpoint`, else none (the
 *   SDK's own endpoint map for `regionId`). `config.protocol` overrides the per-API "HTTPS" (§C.5).
 * - Both timeouts: httpx defaults both to 3 s and uses `connectTimeout` as the socket idle timeout, so raising only
 *   `readTimeout` does not help (cloud-apis.md §C.6, verified).
 * - `signatureAlgorithm: "v2"` selects the legacy RPC HMAC-SHA1 signature; unset keeps the SDK default ACS3-HMAC-SHA256
 *   (§C.1).
 * - An STS token switches the SDK's credential type to `sts` (openapi-core client constructor); a credential source
 *   replaces the key pair (adapters/credentials `alibabaKeyOptions`).
 */
export function alibabaConfigOptions(connection: Connection, defaultEndpoint: string | null): AlibabaConfigOptions {
  const parsed = connection.endpoint ? parseEndpoint(connection.endpoint) : null;
  const options: AlibabaConfigOptions = {
    ...alibabaKeyOptions(connection),
    regionId: connection.region || "cn-hangzhou",
    protocol: parsed?.protocol ?? "https",
    readTimeout: connection.requestTimeoutMs,
    connectTimeout: connection.requestTimeoutMs,
  };
  const endpoint = parsed?.host ?? defaultEndpoint;
  if (endpoint) options.endpoint = endpoint;
  if (connection.signatureAlgorithm === "v2") options.signatureAlgorithm = "v2";
  return options;
}
