/**
 * The Alibaba Cloud CDN (2018-05-10) calls the adapter makes, through the official `@alicloud/cdn20180510` SDK
 * (over `@alicloud/openapi-core`). The SDK is `require`d here, inside the factory, never at module level: the provider
 * runs inside Pulumi's dynamic-provider host, and module-level SDK objects break closure serialization
 * (pulumi-dynamic-providers.md §3.3). Every call converts SDK errors into CloudErrors.
 */
import type * as CdnSdk from "@alicloud/cdn20180510";
import type { Connection } from "../types";
import { alibabaConfigOptions } from "../alibaba/config";
import { classifyAlibabaError } from "../alibaba/errors";
import type { PreloadParams } from "../alibaba/push-params";
import type { RefreshListParams } from "../alibaba/refresh-list";

/** The CDN calls, with SDK response bodies. */
export interface CdnApi {
  pushObjectCache(p: PreloadParams): Promise<CdnSdk.PushObjectCacheResponseBody>;
  /** `TaskId`: up to 10 ids, comma-separated. */
  describeRefreshTaskById(taskIds: string): Promise<CdnSdk.DescribeRefreshTaskByIdResponseBody>;
  /** `TaskId`: exactly one id (allow-listed accounts only). */
  describePreloadDetailById(taskId: string): Promise<CdnSdk.DescribePreloadDetailByIdResponseBody>;
  describeRefreshQuota(): Promise<CdnSdk.DescribeRefreshQuotaResponseBody>;
  /** The list API (reconciliation): tasks by `ObjectPath`/`DomainName`/`ObjectType` and time window, paged. */
  describeRefreshTasks(p: RefreshListParams): Promise<CdnSdk.DescribeRefreshTasksResponseBody>;
}

/**
 * Builds the SDK client for a connection. Without an endpoint override the SDK picks the host from `regionId`
 * (`cdn.aliyuncs.com`, or `cdn.ap-southeast-1.aliyuncs.com` for international regions: its `_endpointMap`, §B.1).
 */
export function createCdnApi(connection: Connection): CdnApi {
  const sdk = require("@alicloud/cdn20180510") as typeof CdnSdk;
  const { $OpenApiUtil } = require("@alicloud/openapi-core") as typeof import("@alicloud/openapi-core");
  const client = new sdk.default(new $OpenApiUtil.Config(alibabaConfigOptions(connection, null)));
  const call = async <T>(action: string, run: () => Promise<{ body?: T }>): Promise<T> => {
    try {
      const res = await run();
      return (res.body ?? {}) as T;
    } catch (e) {
      throw classifyAlibabaError("alibaba-cdn", action, e);
    }
  };
  return {
    pushObjectCache: (p) => call("PushObjectCache", () => client.pushObjectCache(new sdk.PushObjectCacheRequest(p))),
    describeRefreshTaskById: (taskIds) =>
      call("DescribeRefreshTaskById", () => client.describeRefreshTaskById(new sdk.DescribeRefreshTaskByIdRequest({ taskId: taskIds }))),
    describePreloadDetailById: (taskId) =>
      call("DescribePreloadDetailById", () => client.describePreloadDetailById(new sdk.DescribePreloadDetailByIdRequest({ taskId }))),
    describeRefreshQuota: () => call("DescribeRefreshQuota", () => client.describeRefreshQuota(new sdk.DescribeRefreshQuotaRequest({}))),
    describeRefreshTasks: (p) => call("DescribeRefreshTasks", () => client.describeRefreshTasks(new sdk.DescribeRefreshTasksRequest({ ...p }))),
  };
}
