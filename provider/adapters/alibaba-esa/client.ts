/**
 * The Alibaba Cloud ESA (2024-09-10) calls the adapter makes, through the official `@alicloud/esa20240910` SDK (over
 * `@alicloud/openapi-core`). The SDK is `require`d inside the factory (pulumi-dynamic-providers.md §3.3).
 */
import type * as EsaSdk from "@alicloud/esa20240910";
import type { Connection } from "../types";
import { alibabaConfigOptions } from "../alibaba/config";
import { classifyAlibabaError } from "../alibaba/errors";

/** `DescribePreloadTasks` parameters (seed 001). */
export interface DescribePreloadTasksParams {
  siteId: number;
  startTime: string;
  endTime: string;
  pageNumber: number;
  pageSize: number;
  content?: string;
}

/** The ESA calls. */
export interface EsaApi {
  /** `Content` and `Headers` go on the wire as JSON strings in one query parameter each (§A.3, verified). */
  preloadCaches(siteId: number, content: string[], headers: Record<string, string> | null): Promise<EsaSdk.PreloadCachesResponseBody>;
  describePreloadTasks(p: DescribePreloadTasksParams): Promise<EsaSdk.DescribePreloadTasksResponseBody>;
  listInstanceQuotas(instanceId: string, siteId: number, quotaNames: string): Promise<EsaSdk.ListInstanceQuotasResponseBody>;
}

/**
 * The ESA host for a region. The SDK has no endpoint map and would always use `esa.aliyuncs.com` (verified quirk,
 * cloud-apis.md §B.1), so it is chosen here: `esa.cn-hangzhou.aliyuncs.com` (China site) for `cn-*` regions,
 * `esa.ap-southeast-1.aliyuncs.com` (international site) otherwise
 * (https://alibabacloud.com/help/en/edge-security-acceleration/esa/api-esa-2024-09-10-endpoint).
 */
export function esaDefaultEndpoint(region: string): string {
  return region.trim().toLowerCase().startsWith("cn-") ? "esa.cn-hangzhou.aliyuncs.com" : "esa.ap-southeast-1.aliyuncs.com";
}

/** Builds the SDK client for a connection (explicit endpoint: the override, else {@link esaDefaultEndpoint}). */
export function createEsaApi(connection: Connection): EsaApi {
  const sdk = require("@alicloud/esa20240910") as typeof EsaSdk;
  const { $OpenApiUtil } = require("@alicloud/openapi-core") as typeof import("@alicloud/openapi-core");
  const options = alibabaConfigOptions(connection, esaDefaultEndpoint(connection.region || "cn-hangzhou"));
  const client = new sdk.default(new $OpenApiUtil.Config(options));
  const call = async <T>(action: string, run: () => Promise<{ body?: T }>): Promise<T> => {
    try {
      return ((await run()).body ?? {}) as T;
    } catch (e) {
      throw classifyAlibabaError("alibaba-esa", action, e);
    }
  };
  return {
    preloadCaches: (siteId, content, headers) => call("PreloadCaches",
      () => client.preloadCaches(new sdk.PreloadCachesRequest(headers ? { siteId, content, headers } : { siteId, content }))),
    describePreloadTasks: (p) => call("DescribePreloadTasks", () => client.describePreloadTasks(new sdk.DescribePreloadTasksRequest(p))),
    listInstanceQuotas: (instanceId, siteId, quotaNames) => call("ListInstanceQuotas",
      () => client.listInstanceQuotas(new sdk.ListInstanceQuotasRequest({ instanceId, siteId, quotaNames }))),
  };
}
