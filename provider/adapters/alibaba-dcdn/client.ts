/**
 * The Alibaba Cloud DCDN (2018-01-15) calls the adapter makes, through the official `@alicloud/dcdn20180115` SDK (over
 * `@alicloud/openapi-client`). The SDK is `require`d inside the factory (pulumi-dynamic-providers.md §3.3).
 */
import type * as DcdnSdk from "@alicloud/dcdn20180115";
import type * as OpenApiClient from "@alicloud/openapi-client";
import type { Connection } from "../types";
import { alibabaConfigOptions } from "../alibaba/config";
import { classifyAlibabaError } from "../alibaba/errors";
import type { PreloadParams } from "../alibaba/push-params";
import type { RefreshListParams } from "../alibaba/refresh-list";

/** The raw `PreloadDcdnObjectCaches` body: the id field is `PreloadTaskId`, but a doc example showed `PushTaskId`. */
export interface PreloadBody {
  PreloadTaskId?: string | number;
  PushTaskId?: string | number;
  RequestId?: string;
}

/** The DCDN calls. */
export interface DcdnApi {
  preloadObjectCaches(p: PreloadParams): Promise<PreloadBody>;
  /** `TaskId`: up to 10 ids, comma-separated. */
  describeRefreshTaskById(taskIds: string): Promise<DcdnSdk.DescribeDcdnRefreshTaskByIdResponseBody>;
  describeRefreshQuota(): Promise<DcdnSdk.DescribeDcdnRefreshQuotaResponseBody>;
  /** The list API (reconciliation): tasks by `ObjectPath`/`DomainName`/`ObjectType` and time window, paged. */
  describeRefreshTasks(p: RefreshListParams): Promise<DcdnSdk.DescribeDcdnRefreshTasksResponseBody>;
}

/**
 * Default host: every region in the SDK's endpoint map resolves to `dcdn.aliyuncs.com` (§B.1), and a region missing
 * from the map would make the SDK build a non-existent regional host, so it is set explicitly.
 */
export const DCDN_DEFAULT_ENDPOINT = "dcdn.aliyuncs.com";

/** Query parameters as strings, the way the generated method serializes them (`OpenApiUtil.query`). */
function preloadQuery(p: PreloadParams): Record<string, string> {
  const q: Record<string, string> = { ObjectPath: p.objectPath };
  if (p.area !== undefined) q.Area = p.area;
  if (p.l2Preload !== undefined) q.L2Preload = String(p.l2Preload);
  if (p.queryHashkey !== undefined) q.QueryHashkey = String(p.queryHashkey);
  if (p.withHeader !== undefined) q.WithHeader = p.withHeader;
  return q;
}

/** Builds the SDK client for a connection. */
export function createDcdnApi(connection: Connection): DcdnApi {
  const sdk = require("@alicloud/dcdn20180115") as typeof DcdnSdk;
  const openApi = require("@alicloud/openapi-client") as typeof OpenApiClient;
  const client = new sdk.default(new openApi.Config(alibabaConfigOptions(connection, DCDN_DEFAULT_ENDPOINT)));
  const call = async <T>(action: string, run: () => Promise<{ body?: T }>): Promise<T> => {
    try {
      return ((await run()).body ?? {}) as T;
    } catch (e) {
      throw classifyAlibabaError("alibaba-dcdn", action, e);
    }
  };
  // Submit goes through the SDK's generic `callApi` with exactly the generated method's Params, so the raw body is
  // kept (the typed model would drop a `PushTaskId`). `callApi` reads runtime options as plain fields
  // (openapi-client doRequest/doRPCRequest); an empty object means "use the config's timeouts".
  const params = () => new openApi.Params({
    action: "PreloadDcdnObjectCaches", version: "2018-01-15", protocol: "HTTPS", pathname: "/", method: "POST",
    authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
  });
  const runtime = () => ({}) as Parameters<typeof client.callApi>[2];
  return {
    preloadObjectCaches: (p) => call<PreloadBody>("PreloadDcdnObjectCaches",
      () => client.callApi(params(), new openApi.OpenApiRequest({ query: preloadQuery(p) }), runtime())),
    describeRefreshTaskById: (taskIds) => call("DescribeDcdnRefreshTaskById",
      () => client.describeDcdnRefreshTaskById(new sdk.DescribeDcdnRefreshTaskByIdRequest({ taskId: taskIds }))),
    describeRefreshQuota: () => call("DescribeDcdnRefreshQuota",
      () => client.describeDcdnRefreshQuota(new sdk.DescribeDcdnRefreshQuotaRequest({}))),
    describeRefreshTasks: (p) => call("DescribeDcdnRefreshTasks",
      () => client.describeDcdnRefreshTasks(new sdk.DescribeDcdnRefreshTasksRequest({ ...p }))),
  };
}
