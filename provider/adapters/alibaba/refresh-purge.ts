/**
 * The refresh family's URL purge (issue 11; refresh-api.ts): CDN `RefreshObjectCaches` and DCDN
 * `RefreshDcdnObjectCaches` take the same `ObjectPath` (newline-separated URLs), `ObjectType` and `Force`, and answer a
 * comma-separated `RefreshTaskId` (cdn20180510 / dcdn20180115 `RefreshObjectCachesRequest`,
 * `RefreshDcdnObjectCachesRequest`; ledger PG-4). The purge tasks are read back by the same by-id query as prefetch
 * tasks (`DescribeRefreshTaskById` / `DescribeDcdnRefreshTaskById` list refresh and prefetch tasks alike, `ObjectType:
 * file`; seed 002, PG-5), and the URL refresh quota is the `UrlQuota` / `UrlRemain` pair of the same quota call as the
 * prefetch quota (PG-6). Each product's client.ts implements {@link RefreshPurgeApi} over its own SDK.
 */
import type { PurgeMethod } from "../../model/purge";
import type { QueryResult, QuotaInfo, SubmitResult, SubmittedBatch } from "../../model/task";
import { splitTaskIds } from "./push-params";
import { quotaNumber } from "./quota";
import type { RefreshApi } from "./refresh-api";
import { queryRefreshById } from "./refresh-tasks";

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

/** Submits one purge: the whole request is accepted (its task ids) or refused (a CloudError). */
export async function submitRefreshPurge(api: RefreshPurgeApi, urls: readonly string[], method: PurgeMethod): Promise<SubmitResult> {
  return { taskIds: splitTaskIds(await api.refresh(refreshParams(urls, method))), rejected: [] };
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
 * Per request: fixed (each product's limits.ts), so null here. Read fresh on every call.
 */
export async function readRefreshPurgeQuota(api: RefreshApi): Promise<QuotaInfo | null> {
  const f = await api.quota();
  const daily = quotaNumber(f.urlQuota);
  const remaining = quotaNumber(f.urlRemain);
  return daily === null && remaining === null ? null : { daily, remaining, perRequest: null };
}
