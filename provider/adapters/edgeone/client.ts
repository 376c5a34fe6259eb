/**
 * The EdgeOne (TEO 2022-09-01) calls the adapter makes, through the official `tencentcloud-sdk-nodejs-teo` SDK. The
 * SDK is `require`d inside the factory, never at module level (pulumi-dynamic-providers.md §3.3).
 */
import type * as TeoSdk from "tencentcloud-sdk-nodejs-teo";
import type { Connection } from "../types";
import { isLoopbackHost, parseEndpoint } from "../endpoint";
import { classifyTencentError } from "./errors";
import { EDGEONE_DEFAULT_ENDPOINT } from "./limits";
import type {
  CreatePrefetchTaskRequest, CreatePrefetchTaskResponse, DescribeContentQuotaResponse, DescribePrefetchTasksRequest,
  DescribePrefetchTasksResponse,
} from "./wire";

/** The TEO calls (PascalCase, as the SDK names them). */
export interface TeoApi {
  CreatePrefetchTask(req: CreatePrefetchTaskRequest): Promise<CreatePrefetchTaskResponse>;
  DescribePrefetchTasks(req: DescribePrefetchTasksRequest): Promise<DescribePrefetchTasksResponse>;
  DescribeContentQuota(req: { ZoneId: string }): Promise<DescribeContentQuotaResponse>;
}

type TeoClientConfig = ConstructorParameters<typeof TeoSdk.teo.v20220901.Client>[0];

/**
 * The SDK client config.
 * - `protocol` must include "://" ("http" alone throws "Only HTTP(S) protocols are supported", §C.5, verified).
 * - `reqTimeout` is in seconds (default 60).
 * - A loopback endpoint (the emulator) gets a direct agent: without an agent the SDK routes every request through
 *   `process.env.http_proxy` when set (common `http/fetch.js`), which cannot reach this machine's 127.0.0.1.
 * - The region may be empty: TEO needs none (seed 003: "Region: not required"); the SDK then omits `X-TC-Region`.
 */
export function teoClientConfig(connection: Connection): TeoClientConfig {
  const parsed = connection.endpoint ? parseEndpoint(connection.endpoint) : null;
  const host = parsed?.host ?? EDGEONE_DEFAULT_ENDPOINT;
  const protocol = parsed?.protocol ?? "https";
  const { accessKeyId, accessKeySecret, securityToken } = connection.credentials;
  const httpProfile: NonNullable<NonNullable<TeoClientConfig["profile"]>["httpProfile"]> = {
    endpoint: host, protocol: `${protocol}://`, reqTimeout: connection.requestTimeoutMs / 1000,
  };
  if (isLoopbackHost(host)) {
    const mod = protocol === "http" ? (require("node:http") as typeof import("node:http")) : (require("node:https") as typeof import("node:https"));
    httpProfile.agent = new mod.Agent();
  }
  return {
    credential: securityToken ? { secretId: accessKeyId, secretKey: accessKeySecret, token: securityToken } : { secretId: accessKeyId, secretKey: accessKeySecret },
    region: connection.region || "",
    profile: { httpProfile },
  };
}

/** Builds the SDK client for a connection; every call converts SDK errors into CloudErrors. */
export function createTeoApi(connection: Connection): TeoApi {
  const sdk = require("tencentcloud-sdk-nodejs-teo") as typeof TeoSdk;
  const client: TeoApi = new sdk.teo.v20220901.Client(teoClientConfig(connection));
  const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw classifyTencentError(action, e);
    }
  };
  return {
    CreatePrefetchTask: (req) => call("CreatePrefetchTask", () => client.CreatePrefetchTask(req)),
    DescribePrefetchTasks: (req) => call("DescribePrefetchTasks", () => client.DescribePrefetchTasks(req)),
    DescribeContentQuota: (req) => call("DescribeContentQuota", () => client.DescribeContentQuota(req)),
  };
}
