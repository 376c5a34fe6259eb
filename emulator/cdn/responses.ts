/**
 * CDN action handlers → vendor JSON: PushObjectCache, DescribeRefreshTaskById, DescribeRefreshTasks,
 * DescribePreloadDetailById (seed 000) and DescribeRefreshQuota (cloud-apis.md §A.1). The quota pool a PushObjectCache
 * spends is the `cdn.preloadQuotaFields` variant (models.ts).
 */
import { AlibabaError } from "../alibaba/errors";
import { preloadSubmit } from "../alibaba/preload-submit";
import { preloadQuotaFields, refreshQuotaFields, UNMODELLED_QUOTAS } from "../alibaba/quota";
import { refreshSubmit } from "../alibaba/refresh-submit";
import { checkTaskIds, describeById, describeList, parseTaskIds } from "../alibaba/refresh-queries";
import type { Call, Handler } from "../alibaba/types";
import { variantValue } from "../core/variants";
import { CDN_LIST, cdnQuotaPool, detailItem, edgeQuotaFields } from "./models";
import { detailForNonAllowListed } from "./variants";

/** PushObjectCache: ids in `PushTaskId`; refused when the prefetch queue is full (§A.1). */
export const pushObjectCache: Handler = preloadSubmit({
  product: "cdn", idField: "PushTaskId", declared: (c) => c.restrict?.cdnDomains, refuseWhenQueueFull: true, pool: cdnQuotaPool,
});

/** DescribeRefreshTaskById: ≤10 ids, flat `Tasks[]`. */
export const describeRefreshTaskById: Handler = describeById("cdn");

/** DescribeRefreshTasks: filters and paging, `Tasks.CDNTask[]`. */
export const describeRefreshTasks: Handler = describeList({ product: "cdn", ...CDN_LIST });

/** What an account off the allow list gets, under `cdn.detailForNonAllowListed` (null: an empty 200 answer). */
function notAllowListed(call: Call): AlibabaError | null {
  const v = variantValue(call.ctx.config, detailForNonAllowListed);
  if (v === "emptyOk") return null;
  if (v === "serverError") return new AlibabaError("InternalError");
  return new AlibabaError("Forbidden", "This operation is available only to users in the whitelist. Contact your business manager to apply.");
}

/**
 * DescribePreloadDetailById: per-URL detail of ONE task, for allow-listed accounts (`config.alibaba.preloadDetailAllowed`);
 * an unknown or expired id is answered as for DescribeRefreshTaskById (`alibaba.unknownTaskId`, `alibaba.expiredTaskIds`).
 */
export const describePreloadDetailById: Handler = (call) => {
  if (call.ctx.config.alibaba?.preloadDetailAllowed !== true) {
    const refusal = notAllowListed(call);
    if (refusal) throw refusal;
    return { body: { TotalCount: 0, UrlDetails: [] } };
  }
  const [id] = parseTaskIds(call.params.required("TaskId"), 1);
  checkTaskIds(call, [id]);
  const views = call.state.tasks.visible("cdn", call.now, call.ctx.config).filter((v) => v.task.taskId === id).sort((a, b) => a.task.seq - b.task.seq);
  const domains = [...new Set(views.map((v) => v.task.domain))];
  const details = domains.map((d) => detailItem(call, id, d, views.filter((v) => v.task.domain === d)));
  return { body: { TotalCount: details.length, UrlDetails: details } };
};

/** DescribeRefreshQuota: every field a string; `UrlRemain` and the prefetch fields as spent, other refresh quotas full (../alibaba/quota.ts), L1 as spent (models.ts). */
export const describeRefreshQuota: Handler = (call) => ({
  body: { ...UNMODELLED_QUOTAS, ...refreshQuotaFields(call, "cdnRefresh"), ...preloadQuotaFields(call, "cdn"), ...edgeQuotaFields(call) },
});

/** RefreshObjectCaches: URL purge, ids in `RefreshTaskId`, read back by the refresh-task queries with `ObjectType: file` (../alibaba/refresh-submit.ts). */
export const refreshObjectCaches: Handler = refreshSubmit({ product: "cdn", declared: (c) => c.restrict?.cdnDomains });
