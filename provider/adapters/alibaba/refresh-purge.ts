/**
 * The refresh family's URL purge (issue 11; refresh-api.ts): CDN `RefreshObjectCaches` and DCDN
 * `RefreshDcdnObjectCaches` take the same `ObjectPath` (newline-separated URLs), `ObjectType` and `Force`, and answer a
 * comma-separated `RefreshTaskId` (cdn20180510 / dcdn20180115 `RefreshObjectCachesRequest`,
 * `RefreshDcdnObjectCachesRequest`; ledger PG-4). The purge tasks are read back by the same by-id query as prefetch
 * tasks (`DescribeRefreshTaskById` / `DescribeDcdnRefreshTaskById` list refresh and prefetch tasks alike, `ObjectType:
 * file`; seed 002, PG-5) and found for reconciliation by the list query with `ObjectType: file` (refresh-list.ts), and
 * the URL refresh quota is the `UrlQuota` / `UrlRemain` pair of the same quota call as the prefetch quota (PG-6),
 * remembered for the account under a purge key (adapters/purge-quota.ts). Each product's client.ts implements
 * {@link RefreshPurgeApi} over its own SDK; each product's purge.ts is {@link refreshPurgeAdapter} with its limits.
 */
import type { Clock } from "../../engine/clock";
import type { PurgeMethod } from "../../model/purge";
import type { AlibabaCdnSpec, PrefetchSpec } from "../../model/spec";
import type { FoundTask, QueryResult, QuotaInfo, SubmitResult, SubmittedBatch } from "../../model/task";
import { purgeQuotaKey, rememberedPurgeQuota, spendingPurgeQuota } from "../purge-quota";
import type { QuotaRead } from "../quota-memory";
import type { PurgeAdapter } from "../types";
import { splitTaskIds } from "./push-params";
import { quotaNumber } from "./quota";
import type { RefreshApi } from "./refresh-api";
import { findRefreshTasks } from "./refresh-list";
import { queryRefreshById } from "./refresh-tasks";

/** The scope of the URL refresh quota in the purge family (purge-quota.ts): the account's, whatever the domain (§A.1). */
export const REFRESH_PURGE_QUOTA_SCOPE = "url";

/** `RefreshObjectCaches` / `RefreshDcdnObjectCaches` parameters (SDK model field names). */
export interface RefreshParams {
  objectPath: string;
  /** `File`: URLs (the SDKs' default; `Directory`, `Regex`, `IgnoreParams` are not used). */
  objectType: "File";
  /** `true`: delete the cached copies; `false`: mark them expired (the SDKs' default). */
  force: boolean;
}

/** The purge call of a refresh-family product, beside its {@link RefreshApi}. */
export interface RefreshPurgeApi {
  /** `RefreshObjectCaches` / `RefreshDcdnObjectCaches`: the `RefreshTaskId` of the answer (a comma-separated list). */
  refresh(p: RefreshParams): Promise<string | number | null | undefined>;
}

/** True when an API also makes the purge call (every client the products' factories build). */
export function hasRefreshPurge<A extends RefreshApi>(api: A): api is A & RefreshPurgeApi {
  return typeof (api as Partial<RefreshPurgeApi>).refresh === "function";
}

/** `Force` for a method: `delete` removes the copies, `invalidate` marks them expired (ledger EDGE-3). */
export function forceOf(method: PurgeMethod): boolean {
  return method === "delete";
}

/** The parameters of one purge: the URLs joined by "\n" exactly as given (as `PushObjectCache`, cloud-apis.md §D.4). */
export function refreshParams(urls: readonly string[], method: PurgeMethod): RefreshParams {
  return { objectPath: urls.join("\n"), objectType: "File", force: forceOf(method) };
}

/**
 * Submits one purge: the whole request is accepted (its task ids) or refused (a CloudError). An accepted request's URLs
 * are spent from the account's remembered URL refresh quota; a failed one forgets it.
 */
export async function submitRefreshPurge(api: RefreshApi & RefreshPurgeApi, urls: readonly string[], method: PurgeMethod): Promise<SubmitResult> {
  return spendingPurgeQuota(api.account, purgeQuotaKey(REFRESH_PURGE_QUOTA_SCOPE),
    async () => ({ taskIds: splitTaskIds(await api.refresh(refreshParams(urls, method))), rejected: [] }), () => urls.length);
}

/** The URL refresh tasks the product lists for `urls` created since `sinceMs` (less the margin), newest first. */
export function findRefreshPurgeTasks(api: RefreshApi, domain: string | null, urls: string[], sinceMs: number, nowMs: number,
  historyDays: number): Promise<FoundTask[]> {
  return findRefreshTasks(api.list, domain, urls, sinceMs, nowMs, historyDays, "file");
}

/**
 * Reads purge tasks by id with the by-id query the prefetch side uses (refresh-tasks.ts): a purge task id never mixes
 * into a prefetch answer, the ids being the purge's own (PG-5). A reason the vendor leaves empty is said as a purge's.
 */
export async function queryRefreshPurge(api: RefreshApi, batches: readonly SubmittedBatch[]): Promise<QueryResult> {
  const res = await queryRefreshById(api, batches);
  return { ...res, observations: res.observations.map((o) => (o.status === "failed" && o.reason === "prefetch failed (no description)" ? { ...o, reason: "purge failed (no description)" } : o)) };
}

/**
 * The account's URL refresh quota: `UrlQuota` / `UrlRemain` of `DescribeRefreshQuota` / `DescribeDcdnRefreshQuota`
 * (strings, cloud-apis.md §A.1; PG-6: the figure is read, never assumed — the example says 2,000, the SDK notes 10,000).
 * Per request: fixed (each product's limits.ts), so null here. Remembered for the account (`how` as quota-memory.ts).
 */
export async function readRefreshPurgeQuota(api: RefreshApi, how?: QuotaRead): Promise<QuotaInfo | null> {
  return rememberedPurgeQuota(api.account, REFRESH_PURGE_QUOTA_SCOPE, how, async () => {
    const f = await api.quota();
    const daily = quotaNumber(f.urlQuota);
    const remaining = quotaNumber(f.urlRemain);
    return daily === null && remaining === null ? null : { daily, remaining, perRequest: null };
  });
}

/** What differs between the CDN and DCDN purge sides. */
export interface RefreshPurgeOptions {
  /** Narrows a spec to the product's (throws for another cloud's). */
  check(spec: PrefetchSpec): AlibabaCdnSpec;
  /** Most URLs per refresh request (the product's limits.ts). */
  urlsPerRequest: number;
  /** How far back the list query sees (the product's limits.ts). */
  historyDays: number;
  clock: Clock;
}

/** The purge side of a refresh-family product. */
export function refreshPurgeAdapter(api: RefreshApi & RefreshPurgeApi, o: RefreshPurgeOptions): PurgeAdapter {
  return {
    urlsPerRequest: o.urlsPerRequest,
    submit: async (spec, urls, method) => {
      o.check(spec);
      return submitRefreshPurge(api, urls, method);
    },
    query: async (spec, batches) => {
      o.check(spec);
      return queryRefreshPurge(api, batches);
    },
    quota: async (spec, how) => {
      o.check(spec);
      return readRefreshPurgeQuota(api, how);
    },
    findTasks: async (spec, urls, sinceMs) => findRefreshPurgeTasks(api, o.check(spec).domain, urls, sinceMs, o.clock.now(), o.historyDays),
  };
}
