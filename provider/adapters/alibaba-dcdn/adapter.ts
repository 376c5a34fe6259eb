/**
 * The Alibaba Cloud DCDN adapter: assembles the PrefetchAdapter from client (`PreloadDcdnObjectCaches`,
 * `DescribeDcdnRefreshTaskById`, `DescribeDcdnRefreshTasks`, `DescribeDcdnRefreshQuota`), submit, query, find and
 * quota — thin over the refresh family it shares with CDN (alibaba/refresh-api.ts). It holds no state.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { createDcdnApi, type DcdnApi } from "./client";
import { findTasksDcdn } from "./find";
import { DCDN_LIMITS } from "./limits";
import { queryDcdn } from "./query";
import { quotaDcdn } from "./quota";
import { submitDcdn } from "./submit";

function dcdnSpec(spec: PrefetchSpec): AlibabaCdnSpec {
  if (spec.cloud !== "alibaba-dcdn") throw new Error(`alibaba-dcdn adapter received a ${spec.cloud} spec`);
  return spec;
}

/** Builds the adapter over an already built API (tests inject one). */
export function dcdnAdapter(api: DcdnApi, clock: Clock): PrefetchAdapter {
  return {
    cloud: "alibaba-dcdn",
    limits: DCDN_LIMITS,
    submit: async (spec, urls) => submitDcdn(api, dcdnSpec(spec), urls),
    query: async (spec, batches) => {
      dcdnSpec(spec);
      return queryDcdn(api, batches);
    },
    quota: async (spec, how) => quotaDcdn(api, dcdnSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findTasksDcdn(api, dcdnSpec(spec), urls, sinceMs, clock.now()),
  };
}

/** The DCDN adapter factory: builds the SDK client for the connection. */
export const createDcdnAdapter: AdapterFactory = (connection: Connection, clock: Clock) => dcdnAdapter(createDcdnApi(connection, clock), clock);
