/**
 * The Alibaba Cloud ESA adapter: `PreloadCaches` to submit, `DescribePreloadTasks` to query (by window) and to
 * reconcile (by window and `Content`), `ListInstanceQuotas` for the quota (when the plan instance id is known).
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaEsaSpec, PrefetchSpec } from "../../model/spec";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { createEsaApi, type EsaApi } from "./client";
import { findTasksEsa } from "./find";
import { ESA_LIMITS } from "./limits";
import { esaSiteId, quotaEsa, submitEsa } from "./operations";
import { queryEsa } from "./query";

function esaSpec(spec: PrefetchSpec): AlibabaEsaSpec {
  if (spec.cloud !== "alibaba-esa") throw new Error(`alibaba-esa adapter received a ${spec.cloud} spec`);
  return spec;
}

/** Builds the adapter over an already built API (tests inject one). */
export function esaAdapter(api: EsaApi, clock: Clock): PrefetchAdapter {
  const limits = { ...ESA_LIMITS };
  return {
    cloud: "alibaba-esa",
    limits,
    submit: async (spec, urls) => submitEsa(api, esaSpec(spec), urls),
    query: async (spec, batches) => queryEsa(api, esaSiteId(esaSpec(spec)), batches, limits.historyDays, clock.now()),
    quota: async (spec) => quotaEsa(api, esaSpec(spec)),
    findTasks: async (spec, urls, sinceMs) => findTasksEsa(api, esaSiteId(esaSpec(spec)), urls, sinceMs, clock.now(), limits.historyDays),
  };
}

/** The ESA adapter factory: builds the SDK client for the connection. */
export const createEsaAdapter: AdapterFactory = (connection: Connection, clock: Clock) => esaAdapter(createEsaApi(connection), clock);
