/**
 * The Alibaba Cloud CDN adapter: `PushObjectCache` to submit, `DescribePreloadDetailById` (falling back to
 * `DescribeRefreshTaskById`) to query, `DescribeRefreshTasks` to reconcile, `DescribeRefreshQuota` for the quota.
 */
import type { Clock } from "../../engine/clock";
import type { PrefetchSpec, AlibabaCdnSpec } from "../../model/spec";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { findRefreshTasks, type RefreshListApi } from "../alibaba/refresh-list";
import { createCdnApi, type CdnApi } from "./client";
import { CDN_LIMITS, CDN_LIST_MAX_PAGES, CDN_LIST_PAGE_SIZE } from "./limits";
import { quotaCdn, submitCdn } from "./operations";
import { queryCdn, type CdnQueryState } from "./query";

function cdnSpec(spec: PrefetchSpec): AlibabaCdnSpec {
  if (spec.cloud !== "alibaba-cdn") throw new Error(`alibaba-cdn adapter received a ${spec.cloud} spec`);
  return spec;
}

/** `DescribeRefreshTasks` as the shared reconciliation reads it (the array is under `Tasks.CDNTask`, §A.1). */
export function cdnListApi(api: CdnApi): RefreshListApi {
  return {
    cloud: "alibaba-cdn", action: "DescribeRefreshTasks", pageSize: CDN_LIST_PAGE_SIZE, maxPages: CDN_LIST_MAX_PAGES,
    list: async (p) => {
      const body = await api.describeRefreshTasks(p);
      return { items: body.tasks?.CDNTask ?? [], total: body.totalCount ?? null };
    },
  };
}

/** Builds the adapter over an already built API (tests inject one); the state is per adapter instance. */
export function cdnAdapter(api: CdnApi, clock: Clock): PrefetchAdapter {
  const state: CdnQueryState = { detailAllowed: true };
  const limits = { ...CDN_LIMITS };
  return {
    cloud: "alibaba-cdn",
    limits,
    submit: async (spec, urls) => submitCdn(api, cdnSpec(spec), urls),
    query: async (spec, batches) => {
      cdnSpec(spec);
      return queryCdn(api, state, batches);
    },
    quota: async (spec) => {
      cdnSpec(spec);
      return quotaCdn(api);
    },
    findTasks: async (spec, urls, sinceMs) =>
      findRefreshTasks(cdnListApi(api), cdnSpec(spec).domain, urls, sinceMs, clock.now(), limits.historyDays),
  };
}

/** The CDN adapter factory: builds the SDK client for the connection. */
export const createCdnAdapter: AdapterFactory = (connection: Connection, clock: Clock) => cdnAdapter(createCdnApi(connection), clock);
