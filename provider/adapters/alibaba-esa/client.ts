/**
 * The Alibaba Cloud ESA (2024-09-10) calls the adapter makes, through the official `@alicloud/esa20240910` SDK (over
 * `@alicloud/openapi-core`), each through the family's one call wrapper (alibaba/call.ts), which first waits for the
 * action's token in the account's rate limit (rates.ts, adapters/rate-gate.ts). The SDK is `require`d
 * inside the factory (pulumi-dynamic-providers.md §3.3).
 */
import type * as EsaSdk from "@alicloud/esa20240910";
import type { Clock } from "../../engine/clock";
import { accountScope, type AccountContext } from "../memory";
import { rateGate } from "../rate-gate";
import type { AlibabaAccountType, Connection } from "../types";
import { esaEndpointFor, withEsaSiteHint } from "./endpoint";
import { alibabaCall } from "../alibaba/call";
import { alibabaConfigOptions } from "../alibaba/config";
import { ESA_RATES } from "./rates";

/** `DescribePreloadTasks` parameters (seed 001). */
export interface DescribePreloadTasksParams {
  siteId: number;
  startTime: string;
  endTime: string;
  pageNumber: number;
  pageSize: number;
  content?: string;
}

/**
 * One `Tasks[]` item of `DescribePreloadTasks` (seed 001; SDK model field names). `CreateTime` is
 * `yyyy-MM-dd HH:mm:ss` without a zone; `TaskId` may or may not be the id `PreloadCaches` returned (undocumented).
 */
export interface EsaTask {
  taskId?: string;
  content?: string;
  status?: string;
  process?: string;
  description?: string;
  createTime?: string;
}

/** The ESA calls, and the account they run under. */
export interface EsaApi {
  /** Whose calls these are: the key of the rate limits and of the remembered quota (quota.ts, submit.ts). */
  readonly account: AccountContext;
  /** `Content` and `Headers` go on the wire as JSON strings in one query parameter each (§A.3, verified). */
  preloadCaches(siteId: number, content: string[], headers: Record<string, string> | null): Promise<EsaSdk.PreloadCachesResponseBody>;
  describePreloadTasks(p: DescribePreloadTasksParams): Promise<EsaSdk.DescribePreloadTasksResponseBody>;
  /** `QuotaNames` is a comma-separated list (SDK model ListInstanceQuotasWithUsageRequest). */
  listInstanceQuotasWithUsage(instanceId: string, siteId: number, quotaNames: string): Promise<EsaSdk.ListInstanceQuotasWithUsageResponseBody>;
}

/**
 * `DescribePurgeTasks` parameters (esa20240910 DescribePurgeTasksRequest: no task-id filter; ISO UTC times, pages of
 * ≤ 50; `content` an exact match).
 */
export interface DescribePurgeTasksParams {
  siteId: number;
  type: string;
  startTime: string;
  endTime: string;
  pageNumber: number;
  pageSize: number;
  content?: string;
}

/**
 * The ESA purge calls (issue 11; ledger PG-7), beside {@link EsaApi}: a separate interface so that API doubles written
 * for the prefetch calls stay complete; {@link createEsaApi} returns both.
 */
export interface EsaPurgeApi {
  /** `PurgeCaches` with `Type: file`: `Content.Files` (full URLs) and `Force` (esa20240910 PurgeCachesRequest). */
  purgeCaches(siteId: number, files: string[], force: boolean): Promise<EsaSdk.PurgeCachesResponseBody>;
  describePurgeTasks(p: DescribePurgeTasksParams): Promise<EsaSdk.DescribePurgeTasksResponseBody>;
  /** `GetPurgeQuota` of one purge type (`Quota`, `Usage` strings; esa20240910 GetPurgeQuotaResponseBody). */
  getPurgeQuota(siteId: number, type: string): Promise<EsaSdk.GetPurgeQuotaResponseBody>;
}

/** True when an API also makes the purge calls (every client {@link createEsaApi} builds). */
export function hasEsaPurge(api: EsaApi): api is EsaApi & EsaPurgeApi {
  const a = api as Partial<EsaPurgeApi>;
  return typeof a.purgeCaches === "function" && typeof a.describePurgeTasks === "function" && typeof a.getPurgeQuota === "function";
}

/**
 * The ESA host for an account type and region (endpoint.ts): `esa.ap-southeast-1.aliyuncs.com` for `International`,
 * `esa.cn-hangzhou.aliyuncs.com` for `Domestic`, and without an account type by region (`cn-*`: China site). The SDK
 * has no endpoint map and would always use `esa.aliyuncs.com` (verified quirk, cloud-apis.md §B.1).
 */
export function esaDefaultEndpoint(region: string, accountType: AlibabaAccountType | null = null): string {
  return esaEndpointFor(region, accountType);
}

/**
 * Builds the SDK client for a connection (explicit endpoint: the override, else {@link esaDefaultEndpoint}); its calls
 * wait on `clock` for the account's rate limit (rates.ts, adapters/rate-gate.ts). An unknown-site error names the
 * other ESA endpoint and the setting that selects it (endpoint.ts `withEsaSiteHint`).
 */
export function createEsaApi(connection: Connection, clock: Clock): EsaApi & EsaPurgeApi {
  const sdk = require("@alicloud/esa20240910") as typeof EsaSdk;
  const { $OpenApiUtil } = require("@alicloud/openapi-core") as typeof import("@alicloud/openapi-core");
  const host = esaDefaultEndpoint(connection.region || "cn-hangzhou", connection.alibabaAccountType ?? null);
  const client = new sdk.default(new $OpenApiUtil.Config(alibabaConfigOptions(connection, host)));
  const account: AccountContext = { scope: accountScope("alibaba-esa", connection, host), clock };
  const gate = rateGate(account, ESA_RATES, connection.apiRateShare);
  const call = (siteId: number) => alibabaCall("alibaba-esa", gate, (e) => withEsaSiteHint(e, connection, siteId));
  return {
    account,
    preloadCaches: (siteId, content, headers) => call(siteId)("PreloadCaches",
      () => client.preloadCaches(new sdk.PreloadCachesRequest(headers ? { siteId, content, headers } : { siteId, content }))),
    describePreloadTasks: (p) => call(p.siteId)("DescribePreloadTasks", () => client.describePreloadTasks(new sdk.DescribePreloadTasksRequest(p))),
    listInstanceQuotasWithUsage: (instanceId, siteId, quotaNames) => call(siteId)("ListInstanceQuotasWithUsage",
      () => client.listInstanceQuotasWithUsage(new sdk.ListInstanceQuotasWithUsageRequest({ instanceId, siteId, quotaNames }))),
    purgeCaches: (siteId, files, force) => call(siteId)("PurgeCaches", () => client.purgeCaches(new sdk.PurgeCachesRequest({
      siteId, type: "file", content: new sdk.PurgeCachesRequestContent({ files }), force,
    }))),
    describePurgeTasks: (p) => call(p.siteId)("DescribePurgeTasks", () => client.describePurgeTasks(new sdk.DescribePurgeTasksRequest(p))),
    getPurgeQuota: (siteId, type) => call(siteId)("GetPurgeQuota", () => client.getPurgeQuota(new sdk.GetPurgeQuotaRequest({ siteId, type }))),
  };
}
