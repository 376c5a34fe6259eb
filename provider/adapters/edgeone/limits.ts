/**
 * EdgeOne limits, polling defaults and endpoints, each with its source.
 */
import { HISTORY_DAYS, URLS_PER_REQUEST } from "../../model/limits";
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest and historyDays: the provider-wide table (provider/model/limits.ts, with sources). The per-request
 *   figure is the conservative fallback; the zone's real `Batch` is what `quota()` returns (`perRequest`), and the
 *   lifecycle chunks submits by it.
 * - pollMaxMs 30 s, the status schedule's cap (engine/schedule.ts): EdgeOne prefetches typically finish within seconds
 *   to minutes (seed 003's example: 9 s between CreateTime and UpdateTime), and the cap only binds for jobs longer than
 *   cap / k = 10 minutes, whose overshoot it keeps under 5 %.
 * - pollInitialMs 3 s between reconciliation passes (lifecycle): DescribePrefetchTasks allows 20 calls/s (seed 003),
 *   shared by every resource of the account.
 */
export const EDGEONE_LIMITS: Readonly<AdapterLimits> = Object.freeze({
  urlsPerRequest: URLS_PER_REQUEST.edgeone, historyDays: HISTORY_DAYS.edgeone, pollInitialMs: 3_000, pollMaxMs: 30_000,
});

/** Largest `DescribePrefetchTasks` page: "Maximum value: 1000" (seed 003). */
export const EDGEONE_PAGE_LIMIT = 1000;

/**
 * Most pages read for one listing (a guard against a `TotalCount` that never stops growing: 50 × 1000 tasks, far above
 * any job, which holds one request's URLs plus, with media segments, their TS segments, or a reconciliation window of
 * one zone's daily quota).
 */
export const EDGEONE_MAX_PAGES = 50;

/**
 * Longest `StartTime`–`EndTime` span of one `DescribePrefetchTasks` call: "the interval between the start and end time
 * cannot exceed 7 days" (seed 003, `InvalidParameter.ParameterError`); kept one hour below it so that a vendor counting
 * the bounds differently never refuses a window.
 */
export const EDGEONE_MAX_RANGE_MS = 7 * 86_400_000 - 3_600_000;

/**
 * How far a job's time window (query.ts `jobWindow`) reaches beyond its recorded submit on either side: the vendor's
 * `CreateTime` comes from its clock, ours from this machine's, and Tencent refuses requests signed more than 5 minutes
 * off (`AuthFailure.SignatureExpire`, cloud-apis.md §C.3, §D.2), so the two differ by less than 5 minutes; doubled.
 * The window only accompanies a `job-id` filter, so its width never lets another job in.
 */
export const EDGEONE_JOB_MARGIN_MS = 10 * 60_000;

/**
 * How long a zone's task count from a shared round's listing (rounds.ts), or the zone's refusal of a listing, is
 * remembered for the account (provider/adapters/memory.ts): the next rounds of the same `pulumi up` plan with it (a
 * zone busy with other tools' tasks is read job by job without paying a first listing page every round); after five
 * minutes one listing checks again.
 */
export const EDGEONE_ZONE_LISTING_TTL_MS = 5 * 60_000;

/** Most values of one `Filters[]` entry: "the maximum number of Filters.Values is 20" (seed 003). */
export const EDGEONE_MAX_FILTER_VALUES = 20;

/**
 * `ZoneId: "*"`: "if you want to submit Targets of different zones quickly, fill in `*`, provided the calling account
 * has permission on all zones of the root account" (teo_models.d.ts `CreatePrefetchTaskRequest.ZoneId`). Only
 * `CreatePrefetchTask` documents it: `DescribePrefetchTasksRequest.ZoneId` and `DescribeContentQuotaRequest.ZoneId`
 * say "zone ID" and nothing more (same file).
 */
export const ALL_ZONES = "*";

/**
 * The two EdgeOne sites and their API hosts. The SDK default is the China site, `teo.tencentcloudapi.com`
 * (teo_client.js); the international site is `teo.intl.tencentcloudapi.com` (seed 003: "Domain name for API request:
 * teo.intl.tencentcloudapi.com", cloud-apis.md §B.1). The Tencent SDKs build a host as `<service>.<root domain>`
 * (TencentCloud/tencentcloud-sdk-go `tencentcloud/common/http/request.go` `GetServiceDomain`), and the tencentcloud
 * provider names the root domain `domain` (`tencentcloud:domain`, `TENCENTCLOUD_DOMAIN`; default `tencentcloudapi.com`:
 * tencentcloudstack/terraform-provider-tencentcloud `tencentcloud/provider.go`).
 */
export const TEO_SITES = {
  china: { name: "China site", domain: "tencentcloudapi.com", host: "teo.tencentcloudapi.com" },
  intl: { name: "international site", domain: "intl.tencentcloudapi.com", host: "teo.intl.tencentcloudapi.com" },
} as const;

/** One of {@link TEO_SITES}. */
export type TeoSite = keyof typeof TEO_SITES;

/** Default API host (SDK default, China site). */
export const EDGEONE_DEFAULT_ENDPOINT = TEO_SITES.china.host;

/** The TEO host for a root domain (`tencentcloud:domain`); null: the SDK default. */
export function teoHost(domain: string | null): string {
  return `teo.${domain ?? TEO_SITES.china.domain}`;
}

/** The site a TEO host belongs to, or null for any other host (an emulator, a proxy). */
export function teoSiteOfHost(host: string): TeoSite | null {
  const name = host.toLowerCase().replace(/:\d+$/, "");
  if (name === TEO_SITES.intl.host || name.endsWith(`.${TEO_SITES.intl.domain}`)) return "intl";
  if (name === TEO_SITES.china.host || name.endsWith(`.${TEO_SITES.china.domain}`)) return "china";
  return null;
}

/**
 * The edge-mode daily quota: "edge prefetch is allotted its own quota, 1,000 a day by default, and does not consume the
 * regular prefetch quota" (teo_models.d.ts `CreatePrefetchTaskRequest.Mode`). Its `DescribeContentQuota` entry is not
 * documented: `Quota.Type` lists only `prefetch_url` for prefetch (teo_models.d.ts `Quota.Type`). An entry is taken for
 * the edge quota when its `Type` names both prefetch and edge (e.g. `prefetch_url_edge`); without one, edge mode has no
 * daily figure and is not checked before submitting.
 */
export function isEdgePrefetchQuotaType(type: string | undefined | null): boolean {
  const t = (type ?? "").toLowerCase();
  return t.includes("prefetch") && t.includes("edge");
}

/** The regular URL prefetch quota entry of `DescribeContentQuota` (teo_models.d.ts `Quota.Type`). */
export const PREFETCH_URL_QUOTA_TYPE = "prefetch_url";

/** The URL purge task type of `CreatePurgeTask` and its quota entry in `DescribeContentQuota.PurgeQuota` (teo_models.d.ts `CreatePurgeTaskRequest.Type`, `Quota.Type`). */
export const PURGE_URL_TYPE = "purge_url";

/**
 * Most URLs one `CreatePurgeTask` may carry until the zone's `purge_url` `Batch` has been read (`DescribeContentQuota`
 * `PurgeQuota`, https://www.tencentcloud.com/document/product/1145/50534; the example's `Batch` is 1,000, cloud-apis.md
 * §A.4): the conservative figure the prefetch side uses (provider/model/limits.ts `URLS_PER_REQUEST.edgeone`). The
 * read `Batch` is authoritative (purge.ts `quota().perRequest`).
 */
export const EDGEONE_PURGE_URLS_PER_REQUEST = URLS_PER_REQUEST.edgeone;
