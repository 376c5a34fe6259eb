/**
 * CDN status queries. The primary path is the refresh family's `DescribeRefreshTaskById` (≤ 10 ids per call, every
 * account; seed 002, cloud-apis.md §A.1; alibaba/refresh-tasks.ts). The per-URL `DescribePreloadDetailById` (one id
 * per call, allow-listed accounts only: seed 000, "accounts above 100 Gbit/s") is an opt-in enrichment, used only
 * when the connection enables it (`cdnPrefetch:alibabaPreloadDetail`):
 * - any error of the detail API (a refusal — what a non-allow-listed account gets is undocumented: 403, an empty 200
 *   or a 5xx, variant `cdn.detailForNonAllowListed` — throttling, a 5xx, a network error) falls back to by-id for the
 *   round;
 * - an answer that does not cover every URL of a batch falls back to by-id for that batch;
 * - the verdict "the detail API does not serve this account" is remembered for the account (memory.ts,
 *   `CDN_DETAIL_REFUSAL_TTL_MS`), so the other resources of the stack do not spend a refused call again. It is drawn
 *   from an error the API answered (not throttling, not `InvalidTime`, not a network error), or from a by-id answer
 *   that shows tasks the detail answer left out (an empty 200 for a non-allow-listed account);
 * - a round whose batches carry more than `CDN_DETAIL_MAX_IDS` ids reads by id only (the detail API takes one id per
 *   call; how many ids a submit returns is undocumented, limits.ts);
 * - an error about the ids themselves (`InvalidTaskId*`: an id this account was never issued, variant
 *   `alibaba.unknownTaskId`) is not a verdict on the account: by-id answers for the round.
 *
 * A shared round (the host's poller, {@link queryCdnRound}) reads the ids of every resource in it together and gives
 * each resource the answers for its own ids, exactly as if it had asked alone.
 *
 * `historyUnavailable` is true only when the by-id API refused the window (`InvalidTime`); an answer without a task is
 * never read as "gone" here.
 */
import { isCloudError, type CloudError } from "../../model/errors";
import type { QueryResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { recall, remember, type AccountScope } from "../memory";
import { queryRefreshRound, refreshRoundCost, taskIdsOf } from "../alibaba/refresh-tasks";
import type { CdnApi, Detail } from "./client";
import { CDN_DETAIL_MAX_IDS, CDN_DETAIL_REFUSAL_TTL_MS } from "./limits";
import { observePreloadDetails } from "./status";

/** Whether and for whom the detail enrichment runs. */
export interface CdnDetailOptions {
  /** The connection enables `DescribePreloadDetailById`. */
  enabled: boolean;
  /** The account whose verdict is remembered. */
  scope: AccountScope;
  nowMs: number;
}

/** The memory.ts fact: the detail API refused this account. */
const REFUSED = "cdn.preloadDetailRefused";

/** An error that says the detail API will not serve this account (as opposed to "not now", or "not this id"). */
function isRefusal(e: CloudError): boolean {
  return e.httpStatus !== null && e.kind !== "throttled" && e.kind !== "busy" && e.kind !== "notFound" && !e.code.startsWith("InvalidTaskId");
}

/** Detail items by the task id they were read for, or the first error (a CloudError; anything else propagates). */
async function readDetails(api: CdnApi, ids: readonly string[]): Promise<{ items: Map<string, Detail[]> } | { error: CloudError }> {
  const items = new Map<string, Detail[]>();
  for (const id of ids) {
    try {
      items.set(id, await api.preloadDetail(id));
    } catch (e) {
      if (!isCloudError(e)) throw e;
      return { error: e };
    }
  }
  return { items };
}

/** True when the detail enrichment runs for a round over these ids. */
function detailFor(o: CdnDetailOptions, ids: readonly string[]): boolean {
  return o.enabled && ids.length <= CDN_DETAIL_MAX_IDS && recall<boolean>(o.scope, REFUSED, o.nowMs) !== true;
}

/** Calls one round over these requests is expected to make: one detail call per id when enriched, else by id. */
export function cdnRoundCost(o: CdnDetailOptions, requests: readonly (readonly SubmittedBatch[])[]): number {
  const ids = taskIdsOf(requests.flat());
  return detailFor(o, ids) ? ids.length : refreshRoundCost(requests);
}

/** One request's detail observations, and its batches the detail answer does not cover. */
function detailShare(items: ReadonlyMap<string, Detail[]>, batches: readonly SubmittedBatch[]): { detailed: UrlObservation[]; uncovered: SubmittedBatch[] } {
  const detailed = observePreloadDetails(taskIdsOf(batches).flatMap((id) => items.get(id) ?? []), batches);
  const seen = new Set(detailed.map((d) => d.url));
  return { detailed, uncovered: batches.filter((b) => !b.urls.every((u) => seen.has(u))) };
}

/**
 * Reads the state of several resources' batches in one round (result i for request i): by id, ten ids of any of them
 * per call, enriched with per-URL detail when enabled and served (each request gets the details of its own ids).
 */
export async function queryCdnRound(api: CdnApi, o: CdnDetailOptions, requests: readonly (readonly SubmittedBatch[])[]): Promise<QueryResult[]> {
  const ids = taskIdsOf(requests.flat());
  if (!detailFor(o, ids)) return queryRefreshRound(api, requests);
  const read = await readDetails(api, ids);
  if ("error" in read) {
    if (isRefusal(read.error)) remember(o.scope, REFUSED, true, CDN_DETAIL_REFUSAL_TTL_MS, o.nowMs);
    return queryRefreshRound(api, requests);
  }
  const shares = requests.map((batches) => detailShare(read.items, batches));
  if (shares.every((s) => s.uncovered.length === 0)) return shares.map((s) => ({ observations: s.detailed, historyUnavailable: false }));
  const byId = await queryRefreshRound(api, shares.map((s) => s.uncovered));
  return shares.map((s, i) => {
    const seen = new Set(s.detailed.map((d) => d.url));
    if (byId[i].observations.some((d) => !seen.has(d.url))) remember(o.scope, REFUSED, true, CDN_DETAIL_REFUSAL_TTL_MS, o.nowMs);
    const replaced = new Set(s.uncovered.flatMap((b) => b.urls));
    return { observations: [...s.detailed.filter((d) => !replaced.has(d.url)), ...byId[i].observations], historyUnavailable: byId[i].historyUnavailable };
  });
}

/** Reads the state of the batches' URLs: by id, enriched with per-URL detail when enabled and served. */
export async function queryCdn(api: CdnApi, o: CdnDetailOptions, batches: readonly SubmittedBatch[]): Promise<QueryResult> {
  return (await queryCdnRound(api, o, [batches]))[0];
}
