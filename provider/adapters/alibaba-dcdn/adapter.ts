/**
 * The Alibaba Cloud DCDN adapter: `PreloadDcdnObjectCaches` to submit, `DescribeDcdnRefreshTaskById` to query,
 * `DescribeDcdnRefreshQuota` for the quota.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { createDcdnApi, type DcdnApi } from "./client";
import { DCDN_LIMITS } from "./limits";
import { queryDcdn, quotaDcdn, submitDcdn } from "./operations";

function dcdnSpec(spec: PrefetchSpec): AlibabaCdnSpec {
  if (spec.cloud !== "alibaba-dcdn") throw new Error(`alibaba-dcdn adapter received a ${spec.cloud} spec`);
  return spec;
}

/** Builds the adapter over an already built API (tests inject one). */
export function dcdnAdapter(api: DcdnApi, clock: Clock): PrefetchAdapter {
  const limits = { ...DCDN_LIMITS };
  return {
    cloud: "alibaba-dcdn",
    limits,
    submit: async (spec, urls) => submitDcdn(api, dcdnSpec(spec), urls),
    query: async (spec, batches) => {
      dcdnSpec(spec);
      return queryDcdn(api, batches, limits.historyDays, clock.now());
    },
    quota: async (spec) => {
      dcdnSpec(spec);
      return quotaDcdn(api);
    },
  };
}

/** The DCDN adapter factory: builds the SDK client for the connection. */
export const createDcdnAdapter: AdapterFactory = (connection: Connection, clock: Clock) => dcdnAdapter(createDcdnApi(connection), clock);
