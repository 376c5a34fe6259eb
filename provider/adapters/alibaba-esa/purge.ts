/**
 * ESA URL purge (issue 11; ledger PG-7): `PurgeCaches` with `Type: file`, `Content.Files` and `Force` (`delete`:
 * `true`), one `TaskId` per request; `DescribePurgeTasks` to read it back and to reconcile (purge-list.ts);
 * `GetPurgeQuota` (`Type: file`) for the quota, remembered per site (adapters/purge-quota.ts) (esa20240910
 * PurgeCachesRequest, DescribePurgeTasksRequest/ResponseBody, GetPurgeQuotaResponseBody; cloud-apis.md §A.3).
 *
 * `DescribePurgeTasks` has no task-id filter: a batch's tasks are found by listing the site's file purges in a window
 * from the batch's submit (less the reconciliation margin, never older than the 3-day history) to now, and a listed
 * task is the batch's when its `Content` is one of the batch's URLs (the provider's URL key) and it carries one of the
 * batch's ids or was created at or after the batch's submit second. `CreateTime` is ISO-8601 UTC here
 * (`2023-07-26T01:56:15Z`, DescribePurgeTasksResponseBody), unlike the prefetch listing's zone-less time. Several
 * tasks for one URL: the newest wins. A refused window (`InvalidTime`) sets `historyUnavailable`; a URL not listed is
 * left out (not visible yet), never read as done.
 */
import type { PurgeMethod } from "../../model/purge";
import type { AlibabaEsaSpec } from "../../model/spec";
import type { QueryResult, QuotaInfo, SubmitResult, SubmittedBatch, UrlObservation } from "../../model/task";
import { quotaNumber } from "../alibaba/quota";
import { refusedWindow } from "../alibaba/refresh-tasks";
import { ANY_PURGE_QUOTA, rememberedPurgeQuota, spendingPurgeQuota } from "../purge-quota";
import type { QuotaRead } from "../quota-memory";
import { RECONCILE_MARGIN_MS, wholeSecond } from "../reconcile";
import { createUrlMatcher } from "../url-match";
import type { EsaApi, EsaPurgeApi, EsaTask } from "./client";
import { ESA_HISTORY_MARGIN_MS, ESA_PURGE_FILE_TYPE } from "./limits";
import { listEsaPurges } from "./purge-list";
import { esaObservation } from "./status";
import { asBatchLimit, esaSiteId } from "./submit";

const DAY_MS = 86_400_000;

/**
 * Submits one file purge: the whole request is accepted (one `TaskId`) or refused (a CloudError). Whether the purge
 * quota belongs to the site or to its plan is undocumented (`GetPurgeQuota` takes a `SiteId`), so an accepted request
 * lowers every remembered ESA purge quota of the account (never a figure too high); a failed one forgets them.
 */
export async function purgeEsa(api: EsaApi & EsaPurgeApi, spec: AlibabaEsaSpec, urls: string[], method: PurgeMethod): Promise<SubmitResult> {
  const siteId = esaSiteId(spec);
  return spendingPurgeQuota(api.account, ANY_PURGE_QUOTA, async () => {
    let body: Awaited<ReturnType<EsaPurgeApi["purgeCaches"]>>;
    try {
      body = await api.purgeCaches(siteId, urls, method === "delete");
    } catch (e) {
      throw asBatchLimit(e, urls.length);
    }
    const id = body.taskId === undefined || body.taskId === null ? "" : String(body.taskId).trim();
    return { taskIds: id === "" ? [] : [id], rejected: [] };
  }, () => urls.length);
}

/** One batch as the matching sees it. */
interface PurgeSearch {
  batch: SubmittedBatch;
  ids: ReadonlySet<string>;
  /** Tasks without one of the batch's ids must not be older than the submit second. */
  fromMs: number;
  match: (content: string) => string | null;
}

function searchOf(batch: SubmittedBatch): PurgeSearch {
  const submitted = Date.parse(batch.windowStart ?? batch.submittedAt);
  return { batch, ids: new Set(batch.taskIds), fromMs: Number.isFinite(submitted) ? wholeSecond(submitted) : 0, match: createUrlMatcher(batch.urls, false) };
}

/** The window that covers every batch: from the earliest submit less the margin (inside the history) to now. */
function windowOf(searches: readonly PurgeSearch[], nowMs: number, historyDays: number): { startMs: number; endMs: number } {
  const earliest = Math.min(...searches.map((s) => s.fromMs));
  return { startMs: Math.max(earliest - RECONCILE_MARGIN_MS, nowMs - historyDays * DAY_MS + ESA_HISTORY_MARGIN_MS), endMs: nowMs };
}

/** The batches' observations from the listed tasks (newest task of a URL wins). */
function observe(searches: readonly PurgeSearch[], tasks: readonly EsaTask[]): UrlObservation[] {
  const seen = new Map<string, { at: number; obs: UrlObservation }>();
  for (const s of searches) {
    for (const task of tasks) {
      const url = task.content ? s.match(task.content) : null;
      const at = Date.parse(task.createTime ?? "");
      const ours = (task.taskId !== undefined && s.ids.has(task.taskId)) || (Number.isFinite(at) && at >= s.fromMs);
      if (url === null || !ours || (seen.get(url)?.at ?? -Infinity) > (at || 0)) continue;
      seen.set(url, { at: at || 0, obs: esaObservation(url, task) });
    }
  }
  return [...seen.values()].map((v) => ({ ...v.obs, reason: v.obs.reason === "prefetch failed (no description)" ? "purge failed (no description)" : v.obs.reason }));
}

/** Reads the purge state of the batches' URLs (one listing of the site's file purges, stopped once every URL is seen). */
export async function queryPurgeEsa(api: EsaPurgeApi, spec: AlibabaEsaSpec, batches: readonly SubmittedBatch[], nowMs: number, historyDays: number): Promise<QueryResult> {
  if (batches.length === 0) return { observations: [], historyUnavailable: false };
  const siteId = esaSiteId(spec);
  const searches = batches.map(searchOf);
  const w = windowOf(searches, nowMs, historyDays);
  const wanted = batches.reduce((n, b) => n + b.urls.length, 0);
  let tasks: EsaTask[];
  try {
    tasks = await listEsaPurges(api, siteId, w, null, (items) => observe(searches, items).length >= wanted);
  } catch (e) {
    if (!refusedWindow(e)) throw e;
    return { observations: [], historyUnavailable: true };
  }
  return { observations: observe(searches, tasks), historyUnavailable: false };
}

/**
 * The site's file purge quota from `GetPurgeQuota` (`Quota`, `Usage`: strings, "the total daily quota" and "the daily
 * quota usage", https://www.alibabacloud.com/help/en/edge-security-acceleration/esa/api-esa-2024-09-10-getpurgequota),
 * remembered per site (`how` as quota-memory.ts); null when `Quota` is not a number; `remaining` null when `Usage` is
 * not.
 */
export async function purgeQuotaEsa(api: EsaApi & EsaPurgeApi, spec: AlibabaEsaSpec, how?: QuotaRead): Promise<QuotaInfo | null> {
  const siteId = esaSiteId(spec);
  return rememberedPurgeQuota(api.account, `site:${siteId}`, how, async () => {
    const body = await api.getPurgeQuota(siteId, ESA_PURGE_FILE_TYPE);
    const daily = quotaNumber(body.quota);
    if (daily === null) return null;
    const used = quotaNumber(body.usage);
    return { daily, remaining: used === null ? null : Math.max(0, daily - used), perRequest: null };
  });
}
