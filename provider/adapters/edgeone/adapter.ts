/**
 * The EdgeOne adapter: assembles the PrefetchAdapter from client, submit, query (and the shared rounds), find and quota.
 * It holds no state: the zone's per-request limit (`Batch`) is what `quota()` returns, and the lifecycle chunks submits
 * by it; what a round learns about a zone lives in provider/adapters/memory.ts under `scope`.
 */
import type { Clock } from "../../engine/clock";
import type { EdgeOneSpec, PrefetchSpec } from "../../model/spec";
import { accountScope, type AccountScope } from "../memory";
import type { AdapterFactory, Connection, PrefetchAdapter, PurgeAdapter } from "../types";
import { createTeoApi, hasTeoPurge, type TeoApi } from "./client";
import { findTasksEdgeOne } from "./find";
import { EDGEONE_LIMITS, EDGEONE_PURGE_URLS_PER_REQUEST, teoHost } from "./limits";
import { findPurgeTasksEdgeOne, purgeEdgeOne, purgeQuotaEdgeOne, queryPurgeEdgeOne, type TeoPurgeCalls } from "./purge";
import { queryEdgeOne } from "./query";
import { quotaEdgeOne } from "./quota";
import { edgeOneRoundCost, queryEdgeOneRound } from "./rounds";
import { submitEdgeOne } from "./submit";

function edgeOneSpec(spec: PrefetchSpec): EdgeOneSpec {
  if (spec.cloud !== "edgeone") throw new Error(`edgeone adapter received a ${spec.cloud} spec`);
  return spec;
}

/** The purge side over an API that makes the purge calls (purge.ts). */
function edgeOnePurgeAdapter(api: TeoPurgeCalls, clock: Clock): PurgeAdapter {
  return {
    urlsPerRequest: EDGEONE_PURGE_URLS_PER_REQUEST,
    submit: async (spec, urls, method) => purgeEdgeOne(api, edgeOneSpec(spec), urls, method),
    query: async (spec, batches) => queryPurgeEdgeOne(api, edgeOneSpec(spec), batches, clock.now()),
    quota: async (spec, how) => purgeQuotaEdgeOne(api, edgeOneSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findPurgeTasksEdgeOne(api, edgeOneSpec(spec), urls, sinceMs, clock.now(), EDGEONE_LIMITS.historyDays),
  };
}

/** Builds the adapter over an already built API (tests inject one); `purge` is there when the API makes the purge calls. */
export function edgeOneAdapter(api: TeoApi, clock: Clock, scope: AccountScope): PrefetchAdapter {
  const memory = () => ({ scope, nowMs: clock.now() });
  return {
    cloud: "edgeone",
    limits: EDGEONE_LIMITS,
    submit: async (spec, urls) => submitEdgeOne(api, edgeOneSpec(spec), urls),
    query: async (spec, batches) => queryEdgeOne(api, edgeOneSpec(spec), batches, clock.now()),
    rounds: {
      // `DescribePrefetchTasks` lists one zone (seed 003: ZoneId required): the account and the zone are the scope.
      scope: (spec) => JSON.stringify(["edgeone", scope.accessKeyId, scope.endpoint, edgeOneSpec(spec).zoneId]),
      cost: (spec, requests) => edgeOneRoundCost(edgeOneSpec(spec).zoneId, requests, memory()),
      query: async (spec, requests) => queryEdgeOneRound(api, edgeOneSpec(spec).zoneId, requests,
        { ...memory(), mediaSegments: edgeOneSpec(spec).prefetchMediaSegments === true }),
    },
    quota: async (spec, how) => quotaEdgeOne(api, edgeOneSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findTasksEdgeOne(api, edgeOneSpec(spec), urls, sinceMs, clock.now(), EDGEONE_LIMITS.historyDays),
    ...(hasTeoPurge(api) ? { purge: edgeOnePurgeAdapter(api, clock) } : {}),
  };
}

/** The EdgeOne adapter factory: builds the SDK client for the connection. */
export const createEdgeOneAdapter: AdapterFactory = (connection: Connection, clock: Clock) => edgeOneAdapter(createTeoApi(connection, clock), clock,
  accountScope("edgeone", connection, teoHost(connection.tencentDomain ?? null)));
