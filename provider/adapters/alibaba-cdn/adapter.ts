/**
 * The Alibaba Cloud CDN adapter: `PushObjectCache` to submit, `DescribePreloadDetailById` (falling back to
 * `DescribeRefreshTaskById`) to query, `DescribeRefreshQuota` for the quota.
 */
import type { Clock } from "../../engine/clock";
import type { PrefetchSpec, AlibabaCdnSpec } from "../../model/spec";
import type { AdapterFactory, Connection, PrefetchAdapter } from "../types";
import { createCdnApi, type CdnApi } from "./client";
import { CDN_LIMITS } from "./limits";
import { quotaCdn, submitCdn } from "./operations";
import { queryCdn, type CdnQueryState } from "./query";

function cdnSpec(spec: PrefetchSpec): AlibabaCdnSpec {
  if (spec.cloud !== "alibaba-cdn") throw new Error(`alibaba-cdn adapter received a ${spec.cloud} spec`);
  return spec;
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
      return queryCdn(api, state, batches, limits.historyDays, clock.now());
    },
    quota: async (spec) => {
      cdnSpec(spec);
      return quotaCdn(api);
    },
  };
}

/** The CDN adapter factory: builds the SDK client for the connection. */
export const createCdnAdapter: AdapterFactory = (connection: Connection, clock: Clock) => cdnAdapter(createCdnApi(connection), clock);
