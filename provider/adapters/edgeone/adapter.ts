/**
 * The EdgeOne adapter: `CreatePrefetchTask` to submit, `DescribePrefetchTasks` to query (by job id) and to reconcile
 * (by time range and target/domains), `DescribeContentQuota` for the quota. `limits.urlsPerRequest` starts at a conservative 100 and becomes the zone's `Batch` once `quota()` has
 * read it (see limits.ts).
 */
import type { Clock } from "../../engine/clock";
import type { EdgeOneSpec, PrefetchSpec } from "../../model/spec";
import type { AdapterFactory, AdapterLimits, Connection, PrefetchAdapter } from "../types";
import { createTeoApi, type TeoApi } from "./client";
import { EDGEONE_LIMITS } from "./limits";
import { findTasksEdgeOne } from "./find";
import { quotaEdgeOne, submitEdgeOne } from "./operations";
import { queryEdgeOne } from "./query";

function edgeOneSpec(spec: PrefetchSpec): EdgeOneSpec {
  if (spec.cloud !== "edgeone") throw new Error(`edgeone adapter received a ${spec.cloud} spec`);
  return spec;
}

/** Builds the adapter over an already built API (tests inject one); `limits` is per adapter instance. */
export function edgeOneAdapter(api: TeoApi, clock: Clock): PrefetchAdapter {
  const limits: AdapterLimits = { ...EDGEONE_LIMITS };
  return {
    cloud: "edgeone",
    limits,
    submit: async (spec, urls) => submitEdgeOne(api, edgeOneSpec(spec), urls),
    query: async (spec, batches) => queryEdgeOne(api, edgeOneSpec(spec), batches),
    quota: async (spec) => {
      const quota = await quotaEdgeOne(api, edgeOneSpec(spec));
      if (quota?.perRequest && quota.perRequest > 0) limits.urlsPerRequest = quota.perRequest;
      return quota;
    },
    findTasks: async (spec, urls, sinceMs) => findTasksEdgeOne(api, edgeOneSpec(spec), urls, sinceMs, clock.now(), limits.historyDays),
  };
}

/** The EdgeOne adapter factory: builds the SDK client for the connection. */
export const createEdgeOneAdapter: AdapterFactory = (connection: Connection, clock: Clock) => edgeOneAdapter(createTeoApi(connection), clock);
