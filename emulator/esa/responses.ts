/**
 * ESA action handlers → vendor JSON: PreloadCaches (cloud-apis.md §A.3), DescribePreloadTasks (seed 001),
 * ListInstanceQuotas and ListInstanceQuotasWithUsage (quota name `preload`).
 *
 * PreloadCaches takes `SiteId`, `Content` (a JSON array of full URLs in one parameter) and `Headers` (a JSON object of
 * strings) and returns ONE `TaskId` string per request (the SDK type; a zh doc example shows a JSON number). Emulator
 * choices where the vendor is silent (§A.3 "[unverified]"): `SiteId` is required (`MissingParameter`); at most 100 URLs
 * per request (`InvalidParameter`, as for CDN; variant `esa.urlsPerRequest`); over the quota → `QuotaExceeded.Preload`,
 * as for CDN (variants `esa.quotaExceededCode`, `esa.quotaPeriod`). Listings are newest first (`alibaba.listOrder`).
 */
import { acceptUrls, checkQuota } from "../alibaba/accept";
import { refuseWhileBusy } from "../alibaba/busy";
import { AlibabaError, invalidParameter, missingParameter } from "../alibaba/errors";
import { inWindow, listed, paginate, timeWindow } from "../alibaba/listing";
import { dailyQuota } from "../alibaba/quota";
import type { Call, Handler } from "../alibaba/types";
import { echoUrl, parseFullUrl, type SubmittedUrl } from "../alibaba/urls";
import { variantValue } from "../core/variants";
import {
  checkEsaRecord, DEFAULT_INSTANCE_ID, esaQuotaPool, esaSiteHosts, esaSiteName, esaUsage, MAX_PAGE_SIZE, maxUrlsPerRequest, siteIdOf,
  sitesElsewhere, siteUsage, STATUSES, taskItem,
} from "./models";
import { esaBusyAfterFirstUse } from "./variants";

function contentOf(call: Call): SubmittedUrl[] {
  const content = call.params.json("Content");
  if (content === undefined) throw missingParameter("Content");
  if (!Array.isArray(content) || !content.every((u) => typeof u === "string")) {
    throw invalidParameter("Content", "It must be a JSON array of URL strings.");
  }
  if (content.length === 0) throw missingParameter("Content");
  const max = maxUrlsPerRequest(call.ctx.config);
  if (content.length > max) throw invalidParameter("Content", `A maximum of ${max} URLs can be submitted in one request.`);
  return (content as string[]).map(parseFullUrl);
}

function checkHeaders(call: Call): void {
  const headers = call.params.json("Headers");
  if (headers === undefined) return;
  const ok = typeof headers === "object" && headers !== null && !Array.isArray(headers) && Object.values(headers).every((v) => typeof v === "string");
  if (!ok) throw invalidParameter("Headers", 'It must be a JSON object of header name to value, e.g. {"Accept-Encoding":"gzip"}.');
}

/** PreloadCaches: one TaskId per request; checks site, records, busy site (`esa.busyAfterFirstUse`), then quota. */
export const preloadCaches: Handler = (call) => {
  const siteId = siteIdOf(call, true) as string;
  const urls = contentOf(call);
  checkHeaders(call);
  const hostnames = esaSiteHosts(call.ctx.config, siteId);
  for (const u of urls) checkEsaRecord(hostnames, u.domain);
  refuseWhileBusy(call, [`esa site ${siteId}`], variantValue(call.ctx.config, esaBusyAfterFirstUse));
  checkQuota(esaQuotaPool(call), urls.length);
  const taskId = call.state.ids.fresh(call.now);
  acceptUrls(call, "esa", urls, () => taskId, "esa", siteId);
  return { body: { TaskId: taskId }, urls: urls.length };
};

/** DescribePreloadTasks: by site, time window, status or exact `Content`, newest first (`alibaba.listOrder`), paged by ≤50. */
export const describePreloadTasks: Handler = (call) => {
  const siteId = siteIdOf(call, false);
  if (siteId !== undefined) esaSiteHosts(call.ctx.config, siteId);
  const content = call.params.str("Content");
  const status = call.params.str("Status");
  if (status !== undefined && !STATUSES.includes(status)) throw new AlibabaError("InvalidParameters", `The specified Status is invalid: ${status}.`);
  const window = timeWindow(call);
  const held = sitesElsewhere(call.ctx.config) ? [] : listed(call, call.state.tasks.visible("esa", call.now, call.ctx.config));
  const items = held
    .filter((v) => (siteId === undefined || v.task.siteId === siteId) && (content === undefined || echoUrl(v.task.url, call.ctx.config) === content))
    .filter((v) => inWindow(v.task.createdAt, window))
    .map((v) => taskItem(call, v))
    .filter((t) => status === undefined || t.Status === status);
  const page = paginate(call, items, MAX_PAGE_SIZE);
  return { body: { PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: page.total, Tasks: page.items } };
};

function instanceQuotas(withUsage: boolean): Handler {
  return (call) => {
    const names = call.params.required("QuotaNames").split(",").map((s) => s.trim());
    const siteId = siteIdOf(call, false);
    if (siteId !== undefined) esaSiteHosts(call.ctx.config, siteId);
    const quotas = names.filter((n) => n === "preload").map((n) => {
      const quota: Record<string, unknown> = { QuotaName: n, QuotaValue: String(dailyQuota(call, "esa")), QuotaValueType: "num" };
      if (!withUsage) return quota;
      const sites = [...siteUsage(call)].map(([id, used]) => ({ SiteId: Number(id), SiteName: esaSiteName(call.ctx.config, id), SiteUsage: String(used) }));
      return { ...quota, Usage: String(esaUsage(call)), SiteUsage: sites };
    });
    return { body: { InstanceId: call.params.str("InstanceId") ?? DEFAULT_INSTANCE_ID, Status: "online", Quotas: quotas } };
  };
}

/** ListInstanceQuotas: `Quotas[]{QuotaName, QuotaValue (string), QuotaValueType}` for `preload`. */
export const listInstanceQuotas: Handler = instanceQuotas(false);

/** ListInstanceQuotasWithUsage: the same plus `Usage` and `SiteUsage[]`. */
export const listInstanceQuotasWithUsage: Handler = instanceQuotas(true);
