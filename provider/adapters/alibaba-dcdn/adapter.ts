/**
 * The Alibaba Cloud DCDN adapter: assembles the PrefetchAdapter from client (`PreloadDcdnObjectCaches`,
 * `DescribeDcdnRefreshTaskById`, `DescribeDcdnRefreshTasks`, `DescribeDcdnRefreshQuota`), submit, query, find and
 * quota — thin over the refresh family it shares with CDN (alibaba/refresh-api.ts). It holds no state; `scope` names
 * the account for the shared poller.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import { refreshRoundCost } from "../alibaba/refresh-tasks";
import { accountScope, type AccountScope } from "../memory";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { hasRefreshPurge } from "../alibaba/refresh-purge";
import { createDcdnApi, type DcdnApi } from "./client";
import { findTasksDcdn } from "./find";
import { DCDN_DEFAULT_ENDPOINT, DCDN_LIMITS } from "./limits";
import { dcdnPurgeAdapter } from "./purge";
import { queryDcdn, queryDcdnRound } from "./query";
import { quotaDcdn } from "./quota";
import { submitDcdn } from "./submit";

function dcdnSpec(spec: PrefetchSpec): AlibabaCdnSpec {
  if (spec.cloud !== "alibaba-dcdn") throw new Error(`alibaba-dcdn adapter received a ${spec.cloud} spec`);
  return spec;
}

/** Builds the adapter over an already built API (tests inject one); `purge` is there when the API makes the purge call. */
export function dcdnAdapter(api: DcdnApi, clock: Clock, scope: AccountScope): PrefetchAdapter {
  return {
    cloud: "alibaba-dcdn",
    limits: DCDN_LIMITS,
    submit: async (spec, urls) => submitDcdn(api, dcdnSpec(spec), urls),
    query: async (spec, batches) => {
      dcdnSpec(spec);
      return queryDcdn(api, batches);
    },
    rounds: {
      // Task ids of one account are read together whatever the domain (seed 002: TaskId only): the account is the scope.
      scope: (spec) => JSON.stringify([dcdnSpec(spec).cloud, scope.accessKeyId, scope.endpoint]),
      cost: (_spec, requests) => refreshRoundCost(requests),
      query: async (spec, requests) => {
        dcdnSpec(spec);
        return queryDcdnRound(api, requests);
      },
    },
    quota: async (spec, how) => quotaDcdn(api, dcdnSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findTasksDcdn(api, dcdnSpec(spec), urls, sinceMs, clock.now()),
    ...(hasRefreshPurge(api) ? { purge: dcdnPurgeAdapter(api, dcdnSpec, clock) } : {}),
  };
}

/** The DCDN adapter factory: builds the SDK client for the connection. */
export const createDcdnAdapter: AdapterFactory = (connection: Connection, clock: Clock) => dcdnAdapter(createDcdnApi(connection, clock), clock,
  accountScope("alibaba-dcdn", connection, DCDN_DEFAULT_ENDPOINT));
