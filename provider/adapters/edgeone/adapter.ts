/**
 * The EdgeOne adapter: assembles the PrefetchAdapter from client, submit, query, find and quota. It holds no state: the
 * zone's per-request limit (`Batch`) is what `quota()` returns, and the lifecycle chunks submits by it.
 */
import type { Clock } from "../../engine/clock";
import type { EdgeOneSpec, PrefetchSpec } from "../../model/spec";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { createTeoApi, type TeoApi } from "./client";
import { findTasksEdgeOne } from "./find";
import { EDGEONE_LIMITS } from "./limits";
import { queryEdgeOne } from "./query";
import { quotaEdgeOne } from "./quota";
import { submitEdgeOne } from "./submit";

function edgeOneSpec(spec: PrefetchSpec): EdgeOneSpec {
  if (spec.cloud !== "edgeone") throw new Error(`edgeone adapter received a ${spec.cloud} spec`);
  return spec;
}

/** Builds the adapter over an already built API (tests inject one). */
export function edgeOneAdapter(api: TeoApi, clock: Clock): PrefetchAdapter {
  return {
    cloud: "edgeone",
    limits: EDGEONE_LIMITS,
    submit: async (spec, urls) => submitEdgeOne(api, edgeOneSpec(spec), urls),
    query: async (spec, batches) => queryEdgeOne(api, edgeOneSpec(spec), batches, clock.now()),
    quota: async (spec, how) => quotaEdgeOne(api, edgeOneSpec(spec), how),
    findTasks: async (spec, urls, sinceMs) => findTasksEdgeOne(api, edgeOneSpec(spec), urls, sinceMs, clock.now(), EDGEONE_LIMITS.historyDays),
  };
}

/** The EdgeOne adapter factory: builds the SDK client for the connection. */
export const createEdgeOneAdapter: AdapterFactory = (connection: Connection, clock: Clock) => edgeOneAdapter(createTeoApi(connection, clock), clock);
