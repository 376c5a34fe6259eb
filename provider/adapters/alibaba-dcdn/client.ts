/**
 * The Alibaba Cloud DCDN (2018-01-15) calls, through the official `@alicloud/dcdn20180115` SDK (over
 * `@alicloud/openapi-client`), as the refresh family's {@link RefreshApi} (alibaba/refresh-api.ts), each through the
 * family's one call wrapper (alibaba/call.ts). The SDK is `require`d inside the factory
 * (pulumi-dynamic-providers.md §3.3).
 */
import type * as DcdnSdk from "@alicloud/dcdn20180115";
import type * as OpenApiClient from "@alicloud/openapi-client";
import type { Clock } from "../../engine/clock";
import { accountScope, type AccountContext } from "../memory";
import { rateGate } from "../rate-gate";
import type { Connection } from "../types";
import { alibabaCall } from "../alibaba/call";
import { alibabaConfigOptions } from "../alibaba/config";
import type { PreloadParams } from "../alibaba/push-params";
import type { RefreshApi } from "../alibaba/refresh-api";
import type { RefreshParams, RefreshPurgeApi } from "../alibaba/refresh-purge";
import { DCDN_DEFAULT_ENDPOINT, DCDN_LIST_MAX_PAGES, DCDN_LIST_PAGE_SIZE } from "./limits";
import { DCDN_RATES } from "./rates";

/** The raw `PreloadDcdnObjectCaches` body: the id field is `PreloadTaskId`, but a doc example showed `PushTaskId` (§A.2). */
export interface PreloadBody {
  PreloadTaskId?: string | number;
  PushTaskId?: string | number;
  RequestId?: string;
}

/** The DCDN calls: the refresh family's. */
export type DcdnApi = RefreshApi;

/** Query parameters as strings, the way the generated method serializes them (`OpenApiUtil.query`). */
function preloadQuery(p: PreloadParams): Record<string, string> {
  const q: Record<string, string> = { ObjectPath: p.objectPath };
  if (p.area !== undefined) q.Area = p.area;
  if (p.l2Preload !== undefined) q.L2Preload = String(p.l2Preload);
  if (p.queryHashkey !== undefined) q.QueryHashkey = String(p.queryHashkey);
  if (p.withHeader !== undefined) q.WithHeader = p.withHeader;
  return q;
}

/** `RefreshDcdnObjectCaches` form fields as strings (dcdn20180115 RefreshDcdnObjectCachesRequest field names). */
function refreshForm(p: RefreshParams): Record<string, string> {
  return { ObjectPath: p.objectPath, ObjectType: p.objectType, Force: String(p.force) };
}

/**
 * Builds the SDK client for a connection (explicit endpoint: the override, else {@link DCDN_DEFAULT_ENDPOINT}); its calls
 * wait on `clock` for the account's rate limit (rates.ts, adapters/rate-gate.ts).
 */
export function createDcdnApi(connection: Connection, clock: Clock): DcdnApi & RefreshPurgeApi {
  const sdk = require("@alicloud/dcdn20180115") as typeof DcdnSdk;
  const openApi = require("@alicloud/openapi-client") as typeof OpenApiClient;
  const client = new sdk.default(new openApi.Config(alibabaConfigOptions(connection, DCDN_DEFAULT_ENDPOINT)));
  const account: AccountContext = { scope: accountScope("alibaba-dcdn", connection, DCDN_DEFAULT_ENDPOINT), clock };
  const call = alibabaCall("alibaba-dcdn", rateGate(account, DCDN_RATES, connection.apiRateShare));
  // Submit goes through the SDK's generic `callApi` with exactly the generated method's Params, so the raw body is
  // kept (the typed model would drop a `PushTaskId`). `callApi` reads runtime options as plain fields
  // (openapi-client doRequest/doRPCRequest); an empty object means "use the config's timeouts".
  const params = () => new openApi.Params({
    action: "PreloadDcdnObjectCaches", version: "2018-01-15", protocol: "HTTPS", pathname: "/", method: "POST",
    authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
  });
  const runtime = () => ({}) as Parameters<typeof client.callApi>[2];
  const refreshParams = () => new openApi.Params({
    action: "RefreshDcdnObjectCaches", version: "2018-01-15", protocol: "HTTPS", pathname: "/", method: "POST",
    authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
  });
  return {
    cloud: "alibaba-dcdn",
    account,
    preload: async (p) => {
      const body = await call<PreloadBody>("PreloadDcdnObjectCaches",
        () => client.callApi(params(), new openApi.OpenApiRequest({ query: preloadQuery(p) }), runtime()));
      return body.PreloadTaskId ?? body.PushTaskId;
    },
    tasksById: async (ids) => (await call("DescribeDcdnRefreshTaskById",
      () => client.describeDcdnRefreshTaskById(new sdk.DescribeDcdnRefreshTaskByIdRequest({ taskId: ids.join(",") })))).tasks ?? [],
    quota: () => call("DescribeDcdnRefreshQuota", () => client.describeDcdnRefreshQuota(new sdk.DescribeDcdnRefreshQuotaRequest({}))),
    list: {
      cloud: "alibaba-dcdn", action: "DescribeDcdnRefreshTasks", pageSize: DCDN_LIST_PAGE_SIZE, maxPages: DCDN_LIST_MAX_PAGES,
      guard: "DCDN_LIST_MAX_PAGES",
      list: async (p) => {
        const body = await call("DescribeDcdnRefreshTasks", () => client.describeDcdnRefreshTasks(new sdk.DescribeDcdnRefreshTasksRequest({ ...p })));
        return { items: body.tasks?.task ?? [], total: body.totalCount ?? null };
      },
    },
    // The generated `refreshDcdnObjectCaches` puts `ObjectPath` in the query string, which for 1,000 URLs (limits.ts
    // `DCDN_PURGE_URLS_PER_REQUEST`) is tens of kilobytes of request line; "DCDN supports POST requests in which
    // parameters are sent as a form" (dcdn20180115 client.d.ts `refreshDcdnObjectCachesWithOptions` remarks), so the
    // same action is sent through `callApi` with the parameters in the form body.
    refresh: async (p) => (await call<{ RefreshTaskId?: string }>("RefreshDcdnObjectCaches",
      () => client.callApi(refreshParams(), new openApi.OpenApiRequest({ body: refreshForm(p) }), runtime()))).RefreshTaskId,
  };
}
