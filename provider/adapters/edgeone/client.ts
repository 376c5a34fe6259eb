/**
 * The EdgeOne (TEO 2022-09-01) calls the adapter makes, through the official `tencentcloud-sdk-nodejs-teo` SDK, and the
 * parts of their request/response shapes it uses (the SDK's `teo_models.d.ts` declares the full ones; these are
 * structurally compatible subsets; cloud-apis.md §A.4, seed 003). Every call goes through one wrapper that waits for
 * the action's token in the account's rate limit (adapters/rate-gate.ts, rates.ts) and classifies errors. The SDK is
 * `require`d inside the factory, never at module level (pulumi-dynamic-providers.md §3.3).
 */
import type * as TeoSdk from "tencentcloud-sdk-nodejs-teo";
import type { Clock } from "../../engine/clock";
import type { Connection } from "../types";
import { tencentClientCredential } from "../credentials";
import { isLoopbackHost, parseEndpoint } from "../endpoint";
import { accountScope, type AccountContext } from "../memory";
import { rateGate } from "../rate-gate";
import { classifyTencentError, withAllowListHint, withDomainHint, withZoneHint, type AllowListedOptions, type TeoTarget } from "./errors";
import { teoHost, teoSiteOfHost } from "./limits";
import { TEO_RATES, type TeoAction } from "./rates";

/** `CreatePrefetchTask` request. `Headers` are `{Name, Value}` pairs; `PrefetchMediaSegments` is "on" | "off". */
export interface CreatePrefetchTaskRequest {
  ZoneId: string;
  Targets?: string[];
  Mode?: string;
  Headers?: { Name: string; Value: string }[];
  PrefetchMediaSegments?: string;
}

/** `CreatePrefetchTask` response. `FailedList` items are `{Reason, Targets[]}` and the list may be null. */
export interface CreatePrefetchTaskResponse {
  JobId?: string;
  FailedList?: { Reason: string; Targets: string[] }[] | null;
  RequestId?: string;
}

/** `DescribePrefetchTasks` request: `job-id` filter or a time range (≤ 7 days) is required. */
export interface DescribePrefetchTasksRequest {
  ZoneId?: string;
  StartTime?: string;
  EndTime?: string;
  Offset?: number;
  Limit?: number;
  Filters?: { Name: string; Values: string[]; Fuzzy?: boolean }[];
}

/** One prefetch task (one URL). */
export interface TeoTask {
  JobId?: string;
  Target?: string;
  Type?: string;
  Status?: string;
  CreateTime?: string;
  UpdateTime?: string;
  FailType?: string;
  FailMessage?: string;
}

/** `DescribePrefetchTasks` response. */
export interface DescribePrefetchTasksResponse {
  TotalCount?: number;
  Tasks?: TeoTask[];
  RequestId?: string;
}

/** One content quota (`Type` `prefetch_url` for URL prefetch). */
export interface TeoQuota {
  Batch: number;
  Daily: number;
  DailyAvailable: number;
  Type: string;
}

/** `DescribeContentQuota` response (both lists may be null). */
export interface DescribeContentQuotaResponse {
  PurgeQuota?: TeoQuota[] | null;
  PrefetchQuota?: TeoQuota[] | null;
  RequestId?: string;
}

/** The TEO calls (PascalCase, as the SDK names them), and the account they run under. */
export interface TeoApi {
  /** Whose calls these are: the key of the rate limits and of the remembered quota (quota.ts, submit.ts). */
  readonly account: AccountContext;
  CreatePrefetchTask(req: CreatePrefetchTaskRequest): Promise<CreatePrefetchTaskResponse>;
  DescribePrefetchTasks(req: DescribePrefetchTasksRequest): Promise<DescribePrefetchTasksResponse>;
  DescribeContentQuota(req: { ZoneId: string }): Promise<DescribeContentQuotaResponse>;
}

/** `CreatePurgeTask` request (teo_models.d.ts `CreatePurgeTaskRequest`): `Type` `purge_url`, `Method` `invalidate` | `delete`. */
export interface CreatePurgeTaskRequest {
  ZoneId: string;
  Type: string;
  Method?: string;
  Targets?: string[];
}

/** `CreatePurgeTask` response (teo_models.d.ts `CreatePurgeTaskResponse`): `JobId` and `FailedList`, as for prefetch. */
export type CreatePurgeTaskResponse = CreatePrefetchTaskResponse;

/** `DescribePurgeTasks` request (teo_models.d.ts `DescribePurgeTasksRequest`): the prefetch listing's shape. */
export type DescribePurgeTasksRequest = DescribePrefetchTasksRequest;

/** `DescribePurgeTasks` response: `Tasks` of the same `Task` shape, with `Type` `purge_url` (teo_models.d.ts `Task`). */
export type DescribePurgeTasksResponse = DescribePrefetchTasksResponse;

/**
 * The TEO purge calls (issue 11), beside {@link TeoApi}: a separate interface so that API doubles written for the
 * prefetch calls stay complete; {@link createTeoApi} returns both.
 */
export interface TeoPurgeApi {
  CreatePurgeTask(req: CreatePurgeTaskRequest): Promise<CreatePurgeTaskResponse>;
  DescribePurgeTasks(req: DescribePurgeTasksRequest): Promise<DescribePurgeTasksResponse>;
}

/** True when an API also makes the purge calls (every client {@link createTeoApi} builds). */
export function hasTeoPurge(api: TeoApi): api is TeoApi & TeoPurgeApi {
  const a = api as Partial<TeoPurgeApi>;
  return typeof a.CreatePurgeTask === "function" && typeof a.DescribePurgeTasks === "function";
}

type TeoClientConfig = ConstructorParameters<typeof TeoSdk.teo.v20220901.Client>[0];

/**
 * Where the calls go: the endpoint override when there is one, else `teo.<tencentcloud:domain>` (limits.ts
 * `TEO_SITES`); the site is the host's, or for any other host (an emulator) the one `tencentcloud:domain` selects.
 */
export function teoTarget(connection: Connection): TeoTarget & { protocol: "http" | "https" } {
  const parsed = connection.endpoint ? parseEndpoint(connection.endpoint) : null;
  const byDomain = teoHost(connection.tencentDomain ?? null);
  const host = parsed?.host ?? byDomain;
  return { host, protocol: parsed?.protocol ?? "https", site: teoSiteOfHost(host) ?? teoSiteOfHost(byDomain) ?? "china", overridden: parsed !== null };
}

/**
 * The SDK client config.
 * - `endpoint`: the SDK takes one host (no root-domain setting in the Node SDK: common `abstract_client.js`), so the
 *   host is built here ({@link teoTarget}).
 * - `protocol` must include "://" ("http" alone throws "Only HTTP(S) protocols are supported", §C.5, verified).
 * - `reqTimeout` is in seconds (default 60).
 * - A loopback endpoint (the emulator) gets a direct agent: without an agent the SDK routes every request through
 *   `process.env.http_proxy` when set (common `http/fetch.js`), which cannot reach this machine's 127.0.0.1.
 * - The region may be empty: TEO needs none (seed 003: "Region: not required"); the SDK then omits `X-TC-Region`.
 */
export function teoClientConfig(connection: Connection): TeoClientConfig {
  const { host, protocol } = teoTarget(connection);
  const httpProfile: NonNullable<NonNullable<TeoClientConfig["profile"]>["httpProfile"]> = {
    endpoint: host, protocol: `${protocol}://`, reqTimeout: connection.requestTimeoutMs / 1000,
  };
  if (isLoopbackHost(host)) {
    const mod = protocol === "http" ? (require("node:http") as typeof import("node:http")) : (require("node:https") as typeof import("node:https"));
    httpProfile.agent = new mod.Agent();
  }
  return {
    credential: tencentClientCredential(connection) as TeoClientConfig["credential"],
    region: connection.region || "",
    profile: { httpProfile },
  };
}

/**
 * Builds the SDK client for a connection. Every call goes through one wrapper: it waits for a token of the account's
 * rate limit on `clock`, then SDK errors become CloudErrors (errors.ts), an "unknown zone" answer names the other
 * EdgeOne site and the setting that selects it, an "unknown domain" answer names its two causes, and a refused submit
 * using an allow-listed option says it may be the cause.
 */
export function createTeoApi(connection: Connection, clock: Clock): TeoApi & TeoPurgeApi {
  const sdk = require("tencentcloud-sdk-nodejs-teo") as typeof TeoSdk;
  const client: Omit<TeoApi, "account"> & TeoPurgeApi = new sdk.teo.v20220901.Client(teoClientConfig(connection));
  const target = teoTarget(connection);
  const account: AccountContext = { scope: accountScope("edgeone", connection, target.host), clock };
  const gate = rateGate(account, TEO_RATES, connection.apiRateShare);
  const call = async <Req extends { ZoneId?: string } & AllowListedOptions, Res>(action: TeoAction, req: Req, run: (r: Req) => Promise<Res>): Promise<Res> => {
    await gate(action);
    try {
      return await run(req);
    } catch (e) {
      throw withAllowListHint(withDomainHint(withZoneHint(classifyTencentError(action, e), target, req.ZoneId), req.ZoneId), req);
    }
  };
  return {
    account,
    CreatePrefetchTask: (req) => call("CreatePrefetchTask", req, (r) => client.CreatePrefetchTask(r)),
    DescribePrefetchTasks: (req) => call("DescribePrefetchTasks", req, (r) => client.DescribePrefetchTasks(r)),
    DescribeContentQuota: (req) => call("DescribeContentQuota", req, (r) => client.DescribeContentQuota(r)),
    CreatePurgeTask: (req) => call("CreatePurgeTask", req, (r) => client.CreatePurgeTask(r)),
    DescribePurgeTasks: (req) => call("DescribePurgeTasks", req, (r) => client.DescribePurgeTasks(r)),
  };
}
