/**
 * CDN URL purge (issue 11): `RefreshObjectCaches` (`ObjectType: File`, `Force` for `purgeMethod: "delete"`), read back by
 * `DescribeRefreshTaskById`, quota from `DescribeRefreshQuota` `UrlQuota`/`UrlRemain` — the refresh family's purge
 * (alibaba/refresh-purge.ts; ledger PG-4 to PG-6).
 */
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import { queryRefreshPurge, readRefreshPurgeQuota, submitRefreshPurge, type RefreshPurgeApi } from "../alibaba/refresh-purge";
import type { PurgeAdapter } from "../types";
import type { CdnApi } from "./client";
import { CDN_PURGE_URLS_PER_REQUEST } from "./limits";

/** The purge side of the adapter over an API that makes the purge call; `check` narrows the spec to this product's. */
export function cdnPurgeAdapter(api: CdnApi & RefreshPurgeApi, check: (spec: PrefetchSpec) => AlibabaCdnSpec): PurgeAdapter {
  return {
    urlsPerRequest: CDN_PURGE_URLS_PER_REQUEST,
    submit: async (spec, urls, method) => {
      check(spec);
      return submitRefreshPurge(api, urls, method);
    },
    query: async (spec, batches) => {
      check(spec);
      return queryRefreshPurge(api, batches);
    },
    quota: async (spec) => {
      check(spec);
      return readRefreshPurgeQuota(api);
    },
  };
}
