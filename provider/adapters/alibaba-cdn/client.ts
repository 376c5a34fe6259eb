/**
 * The Alibaba Cloud CDN (2018-05-10) calls, through the official `@alicloud/cdn20180510` SDK (over
 * `@alicloud/openapi-core`): the refresh family's {@link RefreshApi} (alibaba/refresh-api.ts) plus the allow-listed
 * per-URL detail, each through the family's one call wrapper (alibaba/call.ts), which first waits for the action's
 * token in the account's rate limit (rates.ts, adapters/rate-gate.ts). The SDK is `require`d here, inside the
 * factory, never at module level: the provider runs inside Pulumi's dynamic-provider host, and module-level SDK objects
 * break closure serialization (pulumi-dynamic-providers.md §3.3).
 */
import type * as CdnSdk from "@alicloud/cdn20180510";
import type { Clock } from "../../engine/clock";
import { accountScope, type AccountContext } from "../memory";
import { rateGate } from "../rate-gate";
import type { Connection } from "../types";
import { alibabaCall } from "../alibaba/call";
import { alibabaConfigOptions } from "../alibaba/config";
import type { RefreshApi } from "../alibaba/refresh-api";
import type { RefreshPurgeApi } from "../alibaba/refresh-purge";
import { CDN_LIST_MAX_PAGES, CDN_LIST_PAGE_SIZE } from "./limits";
import { CDN_RATES } from "./rates";

/** One `Urls[]` entry of a `DescribePreloadDetailById` item (SDK model field names; seed 000). */
export interface DetailUrl {
  url?: string;
  success?: string;
  description?: string;
}

/** One `UrlDetails[]` item of `DescribePreloadDetailById` (SDK model field names; seed 000). */
export interface Detail {
  taskId?: string;
  domain?: string;
  status?: string;
  process?: string;
  urls?: DetailUrl[];
}

/** The CDN calls: the refresh family's, and the per-URL detail. */
export interface CdnApi extends RefreshApi {
  /** `DescribePreloadDetailById` for exactly one task id (allow-listed accounts only, seed 000). */
  preloadDetail(taskId: string): Promise<Detail[]>;
}

/** Where CDN calls go without an override: the SDK picks the host from the region (see {@link createCdnApi}). */
export function cdnDefaultEndpoint(region: string): string {
  return `SDK default for region ${region || "cn-hangzhou"}`;
}

/**
 * Builds the SDK client for a connection; its calls wait on `clock` for the account's rate limit. Without an endpoint
 * override the SDK picks the host from `regionId` (`cdn.aliyuncs.com`, or `cdn.ap-southeast-1.aliyuncs.com` for
 * international regions: its `_endpointMap`, §B.1).
 */
export function createCdnApi(connection: Connection, clock: Clock): CdnApi & RefreshPurgeApi {
  const sdk = require("@alicloud/cdn20180510") as typeof CdnSdk;
  const { $OpenApiUtil } = require("@alicloud/openapi-core") as typeof import("@alicloud/openapi-core");
  const client = new sdk.default(new $OpenApiUtil.Config(alibabaConfigOptions(connection, null)));
  const account: AccountContext = { scope: accountScope("alibaba-cdn", connection, cdnDefaultEndpoint(connection.region)), clock };
  const call = alibabaCall("alibaba-cdn", rateGate(account, CDN_RATES, connection.apiRateShare));
  return {
    cloud: "alibaba-cdn",
    account,
    preload: async (p) => (await call("PushObjectCache", () => client.pushObjectCache(new sdk.PushObjectCacheRequest(p)))).pushTaskId,
    tasksById: async (ids) => (await call("DescribeRefreshTaskById",
      () => client.describeRefreshTaskById(new sdk.DescribeRefreshTaskByIdRequest({ taskId: ids.join(",") })))).tasks ?? [],
    quota: () => call("DescribeRefreshQuota", () => client.describeRefreshQuota(new sdk.DescribeRefreshQuotaRequest({}))),
    list: {
      cloud: "alibaba-cdn", action: "DescribeRefreshTasks", pageSize: CDN_LIST_PAGE_SIZE, maxPages: CDN_LIST_MAX_PAGES, guard: "CDN_LIST_MAX_PAGES",
      list: async (p) => {
        const body = await call("DescribeRefreshTasks", () => client.describeRefreshTasks(new sdk.DescribeRefreshTasksRequest({ ...p })));
        return { items: body.tasks?.CDNTask ?? [], total: body.totalCount ?? null };
      },
    },
    preloadDetail: async (taskId) => (await call("DescribePreloadDetailById",
      () => client.describePreloadDetailById(new sdk.DescribePreloadDetailByIdRequest({ taskId })))).urlDetails ?? [],
    refresh: async (p) => (await call("RefreshObjectCaches", () => client.refreshObjectCaches(new sdk.RefreshObjectCachesRequest({ ...p })))).refreshTaskId,
  };
}
