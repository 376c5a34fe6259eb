/**
 * Alibaba Cloud ESA, API version 2024-09-10 (cloud-apis.md §A.3): what the product is, its sites (declared in
 * `config.restrict.esaSites`, and on which endpoint they live), and how its tasks render in DescribePreloadTasks
 * (seed 001). Its tasks live in the family's shared store (../alibaba/tasks.ts), one per URL, all carrying the
 * submit's TaskId.
 *
 * Rendering: ESA has no `Pending`, so a queued URL is `Refreshing` at "0%"; `CreateTime` is `yyyy-MM-dd HH:mm:ss`
 * without a zone, in the zone `esa.createTimeZone` picks; the item id is the one `esa.listTaskIds` picks.
 * Quota: usage is counted over the period `esa.quotaPeriod` picks, and a submit over it is refused with the code
 * `esa.quotaExceededCode` picks.
 */
import { AlibabaError, invalidParameter } from "../alibaba/errors";
import { wildcardCovers } from "../alibaba/restrictions";
import type { TaskView } from "../alibaba/tasks";
import type { QuotaPool } from "../alibaba/accept";
import { dailyQuota } from "../alibaba/quota";
import { UTC8_OFFSET_MS, zonelessTime } from "../alibaba/time";
import type { Call } from "../alibaba/types";
import { echoUrl } from "../alibaba/urls";
import { reportedStatus } from "../core/common-variants";
import type { EmulatorConfig } from "../core/types";
import { variantValue } from "../core/variants";
import { createTimeZone, listTaskIds, quotaExceededCode, quotaPeriod, siteEndpoint, urlsPerRequest } from "./variants";

/** Product identity: version, `Recommend` product code, public endpoint (`HostId`). */
export const ESA = { product: "esa", code: "ESA", version: "2024-09-10", hostId: "esa.cn-hangzhou.aliyuncs.com" } as const;

/** Largest PageSize of DescribePreloadTasks (seed 001: "Valid values: 1 to 50"). */
export const MAX_PAGE_SIZE = 50;
/** DescribePreloadTasks `Status` values (seed 001). */
export const STATUSES = ["Complete", "Refreshing", "Failed"];
/** Plan id reported when the caller sends none (format of the SDK example `sp-xcdn-96wblslz****`). */
export const DEFAULT_INSTANCE_ID = "sp-xcdn-emulator";
/** First per-URL id under `esa.listTaskIds` = `perUrlId`: the seed 001 example id (16 digits), then one up per URL. */
export const PER_URL_ID_BASE = 1_597_854_579_687_428;

/** A `SiteId` parameter: digits only. */
export function siteIdOf(call: Call, required: boolean): string | undefined {
  const raw = required ? call.params.required("SiteId") : call.params.str("SiteId");
  if (raw !== undefined && !/^\d{1,20}$/.test(raw)) throw invalidParameter("SiteId");
  return raw;
}

/** Whether the account's sites live on another endpoint than the one called (`esa.siteEndpoint`). */
export function sitesElsewhere(config: EmulatorConfig): boolean {
  return variantValue(config, siteEndpoint) === "other";
}

function siteNotFound(siteId: string): AlibabaError {
  return new AlibabaError("SiteNotFound", `The specified site does not exist: ${siteId}.`);
}

/**
 * The declared hostnames of a site (empty: any host), or throws `SiteNotFound` when the site is not on this endpoint
 * (`esa.siteEndpoint` = `other`) or not declared in `config.restrict.esaSites` (absent list: every site exists).
 */
export function esaSiteHosts(config: EmulatorConfig, siteId: string): string[] {
  if (sitesElsewhere(config)) throw siteNotFound(siteId);
  const sites = config.restrict?.esaSites;
  if (!sites) return [];
  const site = sites.find((s) => String(s.siteId) === siteId);
  if (!site) throw siteNotFound(siteId);
  return site.hostnames.map((h) => h.toLowerCase());
}

/** Checks that a URL host is a declared (proxied) record of its site; any host when none are declared (§A.3). */
export function checkEsaRecord(hostnames: string[], host: string): void {
  if (hostnames.length === 0 || hostnames.includes(host) || hostnames.some((h) => wildcardCovers(h, host))) return;
  throw new AlibabaError("InvalidParameter.RecordNotBelongToSite", `The record ${host} does not belong to the site.`);
}

/** A site's name as ListInstanceQuotasWithUsage shows it: its first declared hostname, else `site-<id>`. */
export function esaSiteName(config: EmulatorConfig, siteId: string): string {
  const site = config.restrict?.esaSites?.find((s) => String(s.siteId) === siteId);
  return site?.hostnames[0] ?? `site-${siteId}`;
}

/** One DescribePreloadTasks item. */
export function taskItem(call: Call, v: TaskView): Record<string, string> {
  const config = call.ctx.config;
  const status = reportedStatus(config, v.progress.status === "Pending" ? "Refreshing" : v.progress.status);
  const taskId = variantValue(config, listTaskIds) === "perUrlId" ? String(PER_URL_ID_BASE + v.task.seq) : v.task.taskId;
  const offset = variantValue(config, createTimeZone) === "utc" ? 0 : UTC8_OFFSET_MS;
  return {
    TaskId: taskId, Content: echoUrl(v.task.url, config), Status: status, Process: `${v.progress.percent}%`,
    CreateTime: zonelessTime(v.task.createdAt, offset), Description: v.progress.description,
  };
}

const DAY_MS = 86_400_000;

/** Most URLs one PreloadCaches request may carry (`esa.urlsPerRequest`). */
export function maxUrlsPerRequest(config: EmulatorConfig): number {
  return Number(variantValue(config, urlsPerRequest));
}

/** Where the current quota period began (virtual ms, inclusive), under `esa.quotaPeriod`. */
export function quotaPeriodStart(config: EmulatorConfig, now: number): number {
  const period = variantValue(config, quotaPeriod);
  if (period === "rolling30Days") return now - 30 * DAY_MS + 1;
  const offset = period === "dailyUtc" ? 0 : UTC8_OFFSET_MS;
  return Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
}

/** URLs used in the current quota period, plan-wide or for one site. */
export function esaUsage(call: Call, siteId?: string): number {
  return call.state.quota.usedSince("esa", quotaPeriodStart(call.ctx.config, call.now), siteId);
}

/** The quota PreloadCaches spends: the plan's `preload` allowance, usage in the current period, `esa.quotaExceededCode`. */
export function esaQuotaPool(call: Call): QuotaPool {
  return { key: "esa", allowance: dailyQuota(call, "esa"), used: esaUsage(call), code: variantValue(call.ctx.config, quotaExceededCode) };
}

/** Submitted URLs per site in the current quota period. */
export function siteUsage(call: Call): Map<string, number> {
  const from = quotaPeriodStart(call.ctx.config, call.now);
  return new Map(call.state.quota.sitesSince("esa", from).map((site) => [site, esaUsage(call, site)]));
}
