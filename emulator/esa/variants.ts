/** The variants that change ESA answers: its own, then the family's (../alibaba/variants.ts) and the common ones. */
import { futureEndTime, listOrder, processCurve, throttleCode, urlEcho } from "../alibaba/variants";
import { edgePrefetchOfCached, purgeUrlMethod, tasksUnknownStatus, tasksVisibilityLag } from "../core/common-variants";
import type { VariantDef } from "../core/variants";

/** `esa.busyAfterFirstUse`: a site refuses PreloadCaches with `Site.ServiceBusy` for a while after its first use. */
export const esaBusyAfterFirstUse: VariantDef = {
  name: "esa.busyAfterFirstUse",
  products: ["esa"],
  values: ["none", "Site.ServiceBusy"],
  behaviour: {
    none: "a site accepts PreloadCaches at once",
    "Site.ServiceBusy": "PreloadCaches naming a site is refused with Site.ServiceBusy (400) from its first submit until config.alibaba.busyForMs (default 2000 virtual ms) later",
  },
  why:
    "Site.ServiceBusy (400, 'This website is being configured. Try again later.') is documented on ESA site pages " +
    "(https://help.aliyun.com/zh/edge-security-acceleration/esa/api-esa-2024-09-10-deletesite) but not on PreloadCaches " +
    "(cloud-apis.md §A.3); whether and when a prefetch gets it is undocumented.",
};

/** `esa.listTaskIds`: which id DescribePreloadTasks items carry. */
export const listTaskIds: VariantDef = {
  name: "esa.listTaskIds",
  products: ["esa"],
  values: ["submitId", "perUrlId"],
  behaviour: {
    submitId: "every item of DescribePreloadTasks carries the TaskId PreloadCaches returned for its submit",
    perUrlId: "every item carries its own 16-digit id, never the submit's TaskId (which is 11 digits)",
  },
  why:
    "DescribePreloadTasks (seed 001) has no task-id filter and its example id (1597854579687428, 16 digits) does not " +
    "look like the PreloadCaches example (16401427840, 11 digits, cloud-apis.md §A.3); no page says the two are the same id.",
};

/** `esa.createTimeZone`: the zone of the timezone-less `CreateTime`. */
export const createTimeZone: VariantDef = {
  name: "esa.createTimeZone",
  products: ["esa"],
  values: ["utc8", "utc"],
  behaviour: {
    utc8: "CreateTime (yyyy-MM-dd HH:mm:ss) is China Standard Time, UTC+8",
    utc: "CreateTime is UTC",
  },
  why:
    "Seed 001 gives CreateTime as 'yyyy-MM-dd HH:mm:ss' with no zone (example 2023-03-28 14:28:57) while its request " +
    "times must be UTC; the console and China-site APIs show UTC+8 (cloud-apis.md 'Surprises' 11).",
};

/** `esa.siteEndpoint`: whether the site lives on the endpoint the client called. */
export const siteEndpoint: VariantDef = {
  name: "esa.siteEndpoint",
  products: ["esa"],
  values: ["same", "other"],
  behaviour: {
    same: "the site lives on the endpoint called",
    other: "the site lives on the other ESA endpoint (cn-hangzhou vs ap-southeast-1): every call naming a SiteId is refused with SiteNotFound (404); DescribePreloadTasks without SiteId lists nothing",
  },
  why:
    "ESA has two endpoints (esa.cn-hangzhou / esa.ap-southeast-1, cloud-apis.md 'Surprises' 12) and a site lives on one " +
    "of them by account; no page says what the other one answers. SiteNotFound is the code the vendor's Terraform " +
    "provider treats as 'site not found' (aliyun/terraform-provider-alicloud, alicloud/service_alicloud_esa_v2.go).",
};

/**
 * `esa.urlsPerRequest`: the most URLs one `PreloadCaches` request may carry. A request over it is refused whole
 * (`InvalidParameter`, HTTP 400, the message naming the figure): nothing of it is accepted.
 */
export const urlsPerRequest: VariantDef = {
  name: "esa.urlsPerRequest",
  products: ["esa"],
  values: ["100", "50"],
  behaviour: {
    "100": "PreloadCaches takes up to 100 URLs (the CDN/DCDN figure); more is refused whole with InvalidParameter (400), naming 100",
    "50": "PreloadCaches takes up to 50 URLs; more is refused whole with InvalidParameter (400, 'A maximum of 50 URLs can be submitted in one request.')",
  },
  why:
    "The ESA PreloadCaches page states no per-request maximum (cloud-apis.md §A.3 '[unverified]'); CDN and DCDN take " +
    "100 (https://alibabacloud.com/help/en/cdn/api-pushobjectcache), and a smaller ESA figure cannot be ruled out.",
};

/**
 * `esa.quotaExceededCode`: the code of a `PreloadCaches` refused because the plan's prefetch quota is used up. A bare
 * `QuotaExceeded` or another `QuotaExceeded.X` is not offered: it would take the `QuotaExceeded.Preload` path of every
 * client that reads the prefix (the provider's classifier table covers it), only the host suite's time would grow.
 */
export const quotaExceededCode: VariantDef = {
  name: "esa.quotaExceededCode",
  products: ["esa"],
  values: ["QuotaExceeded.Preload", "Preload.QuotaExceeded"],
  behaviour: {
    "QuotaExceeded.Preload": "refused with QuotaExceeded.Preload (400), the CDN/DCDN code",
    "Preload.QuotaExceeded": "refused with Preload.QuotaExceeded (400), in ESA's <Object>.<Reason> style (as Site.ServiceBusy)",
  },
  why:
    "ESA documents no prefetch quota code (cloud-apis.md §A.3, §D.3; the PreloadCaches zh page copies the list-page " +
    "table); CDN and DCDN use QuotaExceeded.Preload (§A.1), ESA's own site codes read <Object>.<Reason> " +
    "(Site.ServiceBusy, https://help.aliyun.com/zh/edge-security-acceleration/esa/api-esa-2024-09-10-deletesite).",
};

/** `esa.quotaPeriod`: the period of the plan's `preload` quota and of the `Usage` ListInstanceQuotasWithUsage reports. */
export const quotaPeriod: VariantDef = {
  name: "esa.quotaPeriod",
  products: ["esa"],
  values: ["dailyUtc8", "dailyUtc", "rolling30Days"],
  behaviour: {
    dailyUtc8: "usage (Usage, SiteUsage and the PreloadCaches check) counts URLs since 00:00 UTC+8 of the virtual clock",
    dailyUtc: "usage counts URLs since 00:00 UTC",
    rolling30Days: "usage counts URLs of the last 30 days; QuotaValue is the allowance for those 30 days",
  },
  why:
    "ListInstanceQuotasWithUsage calls Usage 'the quota usage' without a period (esa-sdk ListInstanceQuotasWithUsageResponseBody); " +
    "the CDN quota resets at 00:00 UTC+8 (https://www.alibabacloud.com/help/en/cdn/user-guide/quota-management), and " +
    "ESA's purge quota has a daily and a 30-day figure (Quota30Day, https://www.alibabacloud.com/help/en/edge-security-acceleration/esa/api-esa-2024-09-10-getpurgequota).",
};

/**
 * `esa.purgeQuotaExceededCode`: the code of a `PurgeCaches` refused because the file purge quota (`GetPurgeQuota`) is
 * used up. ESA documents no purge error code (esa20240910 client.d.ts `purgeCaches`, ledger PG-7).
 */
export const purgeQuotaExceededCode: VariantDef = {
  name: "esa.purgeQuotaExceededCode",
  products: ["esa"],
  values: ["QuotaExceeded.Refresh", "Purge.QuotaExceeded"],
  behaviour: {
    "QuotaExceeded.Refresh": "refused with QuotaExceeded.Refresh (400), the CDN/DCDN daily refresh code",
    "Purge.QuotaExceeded": "refused with Purge.QuotaExceeded (400), in ESA's <Object>.<Reason> style (as Site.ServiceBusy)",
  },
  why:
    "ESA documents no PurgeCaches error code (esa20240910 client.d.ts; cloud-apis.md §A.3); CDN and DCDN refuse a " +
    "refresh over the daily quota with QuotaExceeded.Refresh ('Your refresh attempts have exceeded the daily limit', " +
    "AlibabaCloudDocs/dcdn cn.zh-CN/API参考/刷新预热接口/RefreshDcdnObjectCaches.md), ESA's own codes read <Object>.<Reason> " +
    "(Site.ServiceBusy, https://help.aliyun.com/zh/edge-security-acceleration/esa/api-esa-2024-09-10-deletesite).",
};

/**
 * `esa.purgeFilesPerRequest`: the most files one `PurgeCaches` (`Type: file`) may carry. A request over it is refused
 * whole (`InvalidParameter`, HTTP 400, the message naming the figure): nothing of it is accepted.
 */
export const purgeFilesPerRequest: VariantDef = {
  name: "esa.purgeFilesPerRequest",
  products: ["esa"],
  values: ["1000", "50"],
  behaviour: {
    "1000": "PurgeCaches takes up to 1,000 files (the CDN/DCDN URL refresh figure); more is refused whole with InvalidParameter (400), naming 1,000",
    "50": "PurgeCaches takes up to 50 files; more is refused whole with InvalidParameter (400, 'A maximum of 50 files can be purged in one request.')",
  },
  why:
    "The ESA PurgeCaches page states no per-request maximum (esa20240910 PurgeCachesRequest; " +
    "https://www.alibabacloud.com/help/en/edge-security-acceleration/esa/api-esa-2024-09-10-purgecaches; ledger PG-7); CDN " +
    "and DCDN take 1,000 URLs per refresh (cdn20180510 client.d.ts refreshObjectCachesWithOptions), and a smaller ESA " +
    "figure cannot be ruled out (the prefetch side's esa.urlsPerRequest offers 50 for PreloadCaches).",
};

/** Every variant that changes ESA answers. */
export const ESA_VARIANTS: readonly VariantDef[] = [
  esaBusyAfterFirstUse, listTaskIds, createTimeZone, siteEndpoint, urlsPerRequest, quotaExceededCode, quotaPeriod,
  purgeQuotaExceededCode, purgeFilesPerRequest,
  futureEndTime, throttleCode, urlEcho, listOrder, processCurve, tasksVisibilityLag, tasksUnknownStatus, edgePrefetchOfCached, purgeUrlMethod,
];
