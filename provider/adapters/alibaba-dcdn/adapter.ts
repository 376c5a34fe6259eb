/**
 * The Alibaba Cloud DCDN adapter: `PreloadDcdnObjectCaches` to submit, `DescribeDcdnRefreshTaskById` to query,
 * `DescribeDcdnRefreshTasks` to reconcile, `DescribeDcdnRefreshQuota` for the quota.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { findRefreshTasks, type RefreshListApi } from "../alibaba/refresh-list";
import { createDcdnApi, type DcdnApi } from "./client";
import { DCDN_LIMITS, DCDN_LIST_MAX_PAGES, DCDN_LIST_PAGE_SIZE } from "./limits";
import { queryDcdn, quotaDcdn, submitDcdn } from "./operations";

function dcdnSpec(spec: PrefetchSpec): AlibabaCdnSpec {
  if (spec.cloud !== "alibaba-dcdn") throw new Error(`alibaba-dcdn adapter received a ${spec.cloud} spec`);
  return spec;
}

/** `DescribeDcdnRefreshTasks` as the shared reconciliation reads it (the array is under `Tasks.Task`, §A.2). */
export function dcdnListApi(api: DcdnApi): RefreshListApi {
  return {
    cloud: "alibaba-dcdn", action: "DescribeDcdnRefreshTasks", pageSize: DCDN_LIST_PAGE_SIZE, maxPages: DCDN_LIST_MAX_PAGES,
    list: async (p) => {
      const body = await api.describeRefreshTasks(p);
      return { items: body.tasks?.task ?? [], total: body.totalCount ?? null };
    },
  };
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
      return queryDcdn(api, batches);
    },
    quota: async (spec) => {
      dcdnSpec(spec);
      return quotaDcdn(api);
    },
    findTasks: async (spec, urls, sinceMs) =>
      findRefreshTasks(dcdnListApi(api), dcdnSpec(spec).domain, urls, sinceMs, clock.now(), limits.historyDays),
  };
}

/** The DCDN adapter factory: builds the SDK client for the connection. */
export const createDcdnAdapter: AdapterFactory = (connection: Connection, clock: Clock) => dcdnAdapter(createDcdnApi(connection), clock);
