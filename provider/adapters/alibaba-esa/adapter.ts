/**
 * The Alibaba Cloud ESA adapter: assembles the PrefetchAdapter from client (`PreloadCaches`, `DescribePreloadTasks`,
 * `ListInstanceQuotasWithUsage`), submit, query, find and quota. It holds no state; what it learns about the account
 * (the zone of `CreateTime`) lives in provider/adapters/memory.ts.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaEsaSpec, PrefetchSpec } from "../../model/spec";
import { accountScope, type AccountScope } from "../memory";
import type { AdapterFactory, Connection, PrefetchAdapter, PurgeAdapter } from "../types";
import { createEsaApi, esaDefaultEndpoint, hasEsaPurge, type EsaApi, type EsaPurgeApi } from "./client";
import { findTasksEsa } from "./find";
import { ESA_LIMITS, ESA_PURGE_URLS_PER_REQUEST } from "./limits";
import { purgeEsa, purgeQuotaEsa, queryPurgeEsa } from "./purge";
import { findPurgeTasksEsa } from "./purge-list";
import { esaRoundCost, queryEsa, queryEsaRound } from "./query";
import { quotaEsa } from "./quota";
import { esaSiteId, submitEsa } from "./submit";

function esaSpec(spec: PrefetchSpec): AlibabaEsaSpec {
  if (spec.cloud !== "alibaba-esa") throw new Error(`alibaba-esa adapter received a ${spec.cloud} spec`);
  return spec;
}

/** The purge side over an API that makes the purge calls (purge.ts). */
function esaPurgeAdapter(api: EsaApi & EsaPurgeApi, clock: Clock): PurgeAdapter {
  return {
    urlsPerRequest: ESA_PURGE_URLS_PER_REQUEST,
    submit: async (spec, urls, method) => purgeEsa(api, esaSpec(spec), urls, method),
    query: async (spec, batches) => queryPurgeEsa(api, esaSpec(spec), batches, clock.now(), ESA_LIMITS.historyDays),
    quota: async (spec, how) => purgeQuotaEsa(api, esaSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findPurgeTasksEsa(api, esaSiteId(esaSpec(spec)), urls, sinceMs, clock.now(), ESA_LIMITS.historyDays),
  };
}

/**
 * Builds the adapter over an already built API (tests inject one); `scope` keys what is remembered for the account;
 * `purge` is there when the API makes the purge calls.
 */
export function esaAdapter(api: EsaApi, clock: Clock, scope: AccountScope): PrefetchAdapter {
  const memory = () => ({ scope, nowMs: clock.now() });
  return {
    cloud: "alibaba-esa",
    limits: ESA_LIMITS,
    submit: async (spec, urls) => submitEsa(api, esaSpec(spec), urls),
    query: async (spec, batches) => queryEsa(api, memory(), esaSiteId(esaSpec(spec)), batches, ESA_LIMITS.historyDays),
    rounds: {
      // `DescribePreloadTasks` lists one site (seed 001: SiteId required): the account and the site are the scope.
      scope: (spec) => JSON.stringify(["alibaba-esa", scope.accessKeyId, scope.endpoint, esaSiteId(esaSpec(spec))]),
      cost: (_spec, requests) => esaRoundCost(requests),
      query: async (spec, requests) => queryEsaRound(api, memory(), esaSiteId(esaSpec(spec)), requests, ESA_LIMITS.historyDays),
    },
    quota: async (spec, how) => quotaEsa(api, esaSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findTasksEsa(api, memory(), esaSiteId(esaSpec(spec)), urls, sinceMs, ESA_LIMITS.historyDays),
    ...(hasEsaPurge(api) ? { purge: esaPurgeAdapter(api, clock) } : {}),
  };
}

/** The ESA adapter factory: builds the SDK client for the connection. */
export const createEsaAdapter: AdapterFactory = (connection: Connection, clock: Clock) => esaAdapter(createEsaApi(connection, clock), clock,
  accountScope("alibaba-esa", connection, esaDefaultEndpoint(connection.region || "cn-hangzhou", connection.alibabaAccountType ?? null)));
