/**
 * The Alibaba Cloud CDN adapter: assembles the PrefetchAdapter from client (`PushObjectCache`,
 * `DescribeRefreshTaskById`, opt-in `DescribePreloadDetailById`, `DescribeRefreshTasks`, `DescribeRefreshQuota`),
 * submit, query, find and quota — thin over the refresh family it shares with DCDN (alibaba/refresh-api.ts). It holds
 * no state; what it learns about the account (a refused detail API) lives in provider/adapters/memory.ts.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import { accountScope, type AccountScope } from "../memory";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { hasRefreshPurge } from "../alibaba/refresh-purge";
import { createCdnApi, type CdnApi } from "./client";
import { findTasksCdn } from "./find";
import { CDN_LIMITS } from "./limits";
import { cdnPurgeAdapter } from "./purge";
import { cdnRoundCost, queryCdn, queryCdnRound } from "./query";
import { quotaCdn } from "./quota";
import { submitCdn } from "./submit";

function cdnSpec(spec: PrefetchSpec): AlibabaCdnSpec {
  if (spec.cloud !== "alibaba-cdn") throw new Error(`alibaba-cdn adapter received a ${spec.cloud} spec`);
  return spec;
}

/** How the adapter uses the per-URL detail API: enabled or not, and whose verdict it remembers. */
export interface CdnAdapterOptions {
  preloadDetail: boolean;
  scope: AccountScope;
}

/** Builds the adapter over an already built API (tests inject one); `purge` is there when the API makes the purge call. */
export function cdnAdapter(api: CdnApi, clock: Clock, o: CdnAdapterOptions): PrefetchAdapter {
  const detail = () => ({ enabled: o.preloadDetail, scope: o.scope, nowMs: clock.now() });
  return {
    cloud: "alibaba-cdn",
    limits: CDN_LIMITS,
    submit: async (spec, urls) => submitCdn(api, cdnSpec(spec), urls),
    query: async (spec, batches) => {
      cdnSpec(spec);
      return queryCdn(api, detail(), batches);
    },
    rounds: {
      // One account's task ids are readable together whatever the domain (seed 002: TaskId only), so the account is the scope.
      scope: (spec) => JSON.stringify([cdnSpec(spec).cloud, o.scope.accessKeyId, o.scope.endpoint, o.preloadDetail]),
      cost: (_spec, requests) => cdnRoundCost(detail(), requests),
      query: async (spec, requests) => {
        cdnSpec(spec);
        return queryCdnRound(api, detail(), requests);
      },
    },
    quota: async (spec, how) => quotaCdn(api, cdnSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findTasksCdn(api, cdnSpec(spec), urls, sinceMs, clock.now()),
    ...(hasRefreshPurge(api) ? { purge: cdnPurgeAdapter(api, cdnSpec, clock) } : {}),
  };
}

/**
 * The CDN adapter factory: builds the SDK client for the connection. The detail enrichment follows
 * `connection.alibabaPreloadDetail` (false when absent).
 */
export const createCdnAdapter: AdapterFactory = (connection: Connection, clock: Clock) => cdnAdapter(createCdnApi(connection, clock), clock, {
  preloadDetail: connection.alibabaPreloadDetail === true,
  scope: accountScope("alibaba-cdn", connection, `SDK default for region ${connection.region || "cn-hangzhou"}`),
});
