/**
 * DCDN URL purge (issue 11): `RefreshDcdnObjectCaches` (`ObjectType: File`, `Force` for `purgeMethod: "delete"`), read back by
 * `DescribeDcdnRefreshTaskById`, quota from `DescribeDcdnRefreshQuota` `UrlQuota`/`UrlRemain` — the refresh family's purge
 * (alibaba/refresh-purge.ts; ledger PG-4 to PG-6),
 * found for reconciliation with `DescribeDcdnRefreshTasks` and `ObjectType: file`.
 */
import type { Clock } from "../../engine/clock";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import { refreshPurgeAdapter, type RefreshPurgeApi } from "../alibaba/refresh-purge";
import type { PurgeAdapter } from "../types";
import type { DcdnApi } from "./client";
import { DCDN_LIMITS, DCDN_PURGE_URLS_PER_REQUEST } from "./limits";

/** The purge side of the adapter over an API that makes the purge call; `check` narrows the spec to this product's. */
export function dcdnPurgeAdapter(api: DcdnApi & RefreshPurgeApi, check: (spec: PrefetchSpec) => AlibabaCdnSpec, clock: Clock): PurgeAdapter {
  return refreshPurgeAdapter(api, { check, urlsPerRequest: DCDN_PURGE_URLS_PER_REQUEST, historyDays: DCDN_LIMITS.historyDays, clock });
}
