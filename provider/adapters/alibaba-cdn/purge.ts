/**
 * CDN URL purge (issue 11): `RefreshObjectCaches` (`ObjectType: File`, `Force` for `purgeMethod: "delete"`), read back by
 * `DescribeRefreshTaskById`, quota from `DescribeRefreshQuota` `UrlQuota`/`UrlRemain` — the refresh family's purge
 * (alibaba/refresh-purge.ts; ledger PG-4 to PG-6),
 * found for reconciliation with `DescribeRefreshTasks` and `ObjectType: file`.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import { refreshPurgeAdapter, type RefreshPurgeApi } from "../alibaba/refresh-purge";
import type { PurgeAdapter } from "../types";
import type { CdnApi } from "./client";
import { CDN_LIMITS, CDN_PURGE_URLS_PER_REQUEST } from "./limits";

/** The purge side of the adapter over an API that makes the purge call; `check` narrows the spec to this product's. */
export function cdnPurgeAdapter(api: CdnApi & RefreshPurgeApi, check: (spec: PrefetchSpec) => AlibabaCdnSpec, clock: Clock): PurgeAdapter {
  return refreshPurgeAdapter(api, { check, urlsPerRequest: CDN_PURGE_URLS_PER_REQUEST, historyDays: CDN_LIMITS.historyDays, clock });
}
