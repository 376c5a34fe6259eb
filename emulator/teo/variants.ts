/**
 * EdgeOne behaviours no page documents, each offered as a variant (core/variants.ts; the first value is the default).
 * The fidelity ledger names each next to the behaviour it stands for.
 */
import { edgePrefetchOfCached, purgeUrlMethod, tasksUnknownStatus, tasksVisibilityLag } from "../core/common-variants";
import type { VariantDef } from "../core/variants";

/** `teo.futureEndTime`: DescribePrefetchTasks with an `EndTime` later than now. */
export const teoFutureEndTime: VariantDef = {
  name: "teo.futureEndTime",
  products: ["teo"],
  values: ["accept", "refuse"],
  behaviour: {
    accept: "an EndTime in the future is served like any other range",
    refuse: "DescribePrefetchTasks refuses an EndTime later than the server's now (whole second, virtual or wall clock, whichever is later) with InvalidParameter.ParameterError",
  },
  why:
    "Seed 003 says only 'either time or job-id is required' and that the range cannot exceed 7 days; whether an EndTime " +
    "after now is accepted is not stated. When refused, InvalidParameter.ParameterError is the one parameter code " +
    "DescribePrefetchTasks documents, and seed 003 already gives it for an invalid End time ('Parameter error: Invalid " +
    "“End time”'); TencentCloud/tencentcloud-sdk-go teo/v20220901/client.go lists no other.",
};

/** `teo.throttleCode`: the code of a rate-limit refusal (throttle faults and the core's rate limiter). */
export const teoThrottleCode: VariantDef = {
  name: "teo.throttleCode",
  products: ["teo"],
  values: ["RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded"],
  behaviour: {
    RequestLimitExceeded: "rate-limit refusals are RequestLimitExceeded (HTTP 200 envelope)",
    "RequestLimitExceeded.UinLimitExceeded": "rate-limit refusals are RequestLimitExceeded.UinLimitExceeded (the per-account sub-code)",
  },
  why:
    "The common error page (https://cloud.tencent.com/document/product/1778/111040, cloud-apis.md §D.2) lists " +
    "RequestLimitExceeded and per-account sub-codes such as RequestLimitExceeded.UinLimitExceeded; the prefetch pages do " +
    "not say which one a call over its 20/s limit gets.",
};

/** `teo.urlEcho`: the form in which DescribePrefetchTasks echoes a submitted target. */
export const teoUrlEcho: VariantDef = {
  name: "teo.urlEcho",
  products: ["teo"],
  values: ["asSubmitted", "normalized", "encoded"],
  behaviour: {
    asSubmitted: "Target is echoed exactly as submitted",
    normalized: "Target is stored and echoed with the scheme and host lower-cased and percent-escapes upper-cased; the exact-match `target` filter compares against that form",
    encoded: "Target is stored and echoed with non-ASCII characters and spaces percent-encoded as UTF-8 (RFC 3986); the `target` filter compares against that form",
  },
  why:
    "Seed 003 and teo_models.d.ts show ASCII examples only. The deprecated `EncodeUrl` ('encode the URL per RFC3986 when " +
    "it contains non-ASCII characters', teo_models.d.ts CreatePrefetchTaskRequest) suggests the service may encode " +
    "targets itself; cloud-apis.md §D.4 notes user reports of errors with raw Chinese characters.",
};

/** `teo.zoneEndpoint`: whether the zone lives on the EdgeOne site the client called. */
export const teoZoneEndpoint: VariantDef = {
  name: "teo.zoneEndpoint",
  products: ["teo"],
  values: ["same", "other"],
  behaviour: {
    same: "the zone lives on the site called",
    other: "the zone lives on the other site (teo.tencentcloudapi.com vs teo.intl.tencentcloudapi.com): every call naming a zone (or `*`) is refused with ResourceNotFound",
  },
  why:
    "EdgeOne's China and international sites are separate API hosts (seed 003: teo.intl.tencentcloudapi.com; SDK default " +
    "teo.tencentcloudapi.com; cloud-apis.md §B.1) and no page says what one answers for a zone of the other. None of the " +
    "three prefetch APIs lists a zone-not-found code (tencentcloud-sdk-go teo/v20220901/client.go); ResourceNotFound " +
    "('the resource does not exist', errors.go) is the code most TEO APIs list for an unknown resource and the common " +
    "code of cloud-apis.md §D.2. Other plausible answers (InvalidParameter.ZoneNotFound, ResourceUnavailable.ZoneNotFound, " +
    "UnauthorizedOperation.DomainEmpty) are classified alike by the provider.",
};

/** `teo.mediaSegments`: whether the TS segments of `PrefetchMediaSegments: on` are listed under the job. */
export const teoMediaSegments: VariantDef = {
  name: "teo.mediaSegments",
  products: ["teo"],
  values: ["listedUnderJob", "notListed"],
  behaviour: {
    listedUnderJob: "with PrefetchMediaSegments 'on', each accepted .m3u8 target adds 3 segment tasks <dir>/seg-N.ts (N = 1..3) under the same JobId, within the daily quota (segments over it are dropped silently)",
    notListed: "the segments are prefetched (and spend the daily quota) but DescribePrefetchTasks never lists them",
  },
  why:
    "teo_models.d.ts CreatePrefetchTaskRequest.PrefetchMediaSegments says the M3U8 is parsed and its TS segments " +
    "prefetched, counted in the daily usage and silently skipped over quota (cloud-apis.md §A.4); it does not say whether " +
    "the segments appear as tasks, or under which job.",
};

/** `teo.edgeQuotaListing`: whether DescribeContentQuota reports the edge-mode quota. */
export const teoEdgeQuotaListing: VariantDef = {
  name: "teo.edgeQuotaListing",
  products: ["teo"],
  values: ["notListed", "listed"],
  behaviour: {
    notListed: "PrefetchQuota holds only the prefetch_url entry; the edge-mode quota is enforced but not shown",
    listed: "PrefetchQuota holds a second entry, Type prefetch_url_edge, with the edge-mode Batch, Daily and DailyAvailable (the Type name is a guess)",
  },
  why:
    "teo_models.d.ts CreatePrefetchTaskRequest.Mode says edge mode has its own quota (1,000/day by default) that does not " +
    "consume the regular one, but Quota.Type lists only prefetch_url for prefetch (teo_models.d.ts Quota; the Go SDK " +
    "models say the same), so whether and under which Type the edge quota is listed is undocumented.",
};

/**
 * `teo.jobIdReach`: how far back a `job-id` query without a time range reaches. Seed 003 says only that "either the time
 * or job-id is required" and that a time range may span at most 7 days; whether a range-less job-id query searches the
 * whole retention or a default window of the last 7 days is not stated.
 */
export const teoJobIdReach: VariantDef = {
  name: "teo.jobIdReach",
  products: ["teo"],
  values: ["retention", "sevenDays"],
  behaviour: {
    retention: "a job-id query without StartTime/EndTime finds the job wherever it is in the retention (config historyMs.teo)",
    sevenDays: "a job-id query without StartTime/EndTime only sees tasks created in the last 7 days (the longest documented range); with a time range, the range decides",
  },
  why:
    "Seed 003 and teo_models.d.ts DescribePrefetchTasksRequest: 'either the time or job-id is required', and 'the interval " +
    "between the start and end time cannot exceed 7 days'. Nothing says which period a job-id query without times " +
    "covers; Tencent APIs often default an omitted range to the recent days.",
};

/** `teo.unknownJobId`: DescribePrefetchTasks with a `job-id` the query does not know. */
export const teoUnknownJobId: VariantDef = {
  name: "teo.unknownJobId",
  products: ["teo"],
  values: ["emptyList", "InvalidParameter.ParameterError"],
  behaviour: {
    emptyList: "a job-id filter that matches no task answers TotalCount 0 and no Tasks, like any other filter",
    "InvalidParameter.ParameterError": "a job-id the query cannot see (never issued, in another zone, not visible yet under tasks.visibilityLag, beyond the retention or teo.jobIdReach, or outside the time range) is refused with InvalidParameter.ParameterError",
  },
  why:
    "Seed 003 documents job-id as an exact, single-value filter and nothing about an id the zone never had. A filter " +
    "usually lists nothing; a service that validates ids refuses with its one documented parameter code, " +
    "InvalidParameter.ParameterError (TencentCloud/tencentcloud-sdk-go teo/v20220901/client.go DescribePrefetchTasks). " +
    "A service cannot tell an id never issued apart from one not indexed yet or no longer kept, so the refusal covers all three.",
};

/** `teo.newDomain`: CreatePrefetchTask for a domain right after it was added to the zone. */
export const teoNewDomain: VariantDef = {
  name: "teo.newDomain",
  products: ["teo"],
  values: ["accepted", "InvalidParameter.DomainNotFound", "InternalError.DomainConfig"],
  behaviour: {
    accepted: "a domain's targets are accepted from its first submit on",
    "InvalidParameter.DomainNotFound": "a submit naming a domain (URL host) is refused with InvalidParameter.DomainNotFound from the domain's first submit until config.teo.newDomainForMs (default 2000 virtual ms) later; nothing is accepted",
    "InternalError.DomainConfig": "a submit naming a domain is refused with InternalError.DomainConfig from the domain's first submit until config.teo.newDomainForMs (default 2000 virtual ms) later; nothing is accepted",
  },
  why:
    "CreatePrefetchTask documents InvalidParameter.DomainNotFound ('the domain name does not exist or does not belong " +
    "to this account') and InternalError.DomainConfig ('failed to get configuration') (TencentCloud/tencentcloud-sdk-go " +
    "teo/v20220901/client.go and errors.go; cloud-apis.md §A.4) but not when they occur. A domain added to a zone is " +
    "deployed for a while before it serves; whether prefetch refuses it meanwhile, and with which code, is not stated.",
};

/** `teo.quotaReset`: when the daily prefetch quota (`Daily`/`DailyAvailable`) is replenished. */
export const teoQuotaReset: VariantDef = {
  name: "teo.quotaReset",
  products: ["teo"],
  values: ["utc8Midnight", "utcMidnight", "rolling24h"],
  behaviour: {
    utc8Midnight: "the quota counts the URLs submitted since the last 00:00 UTC+8",
    utcMidnight: "the quota counts the URLs submitted since the last 00:00 UTC",
    rolling24h: "the quota counts the URLs submitted in the last 24 hours",
  },
  why:
    "teo_models.d.ts Quota.Daily/DailyAvailable say 'daily' and nothing about when a day starts (doc 1145/50534 neither); " +
    "midnight UTC+8 is documented only for Alibaba CDN (https://www.alibabacloud.com/help/en/cdn/user-guide/quota-management).",
};

/**
 * `teo.purgeUrlMethod`: whether `CreatePurgeTask` accepts a `Method` on a URL purge. teo_models.d.ts documents `Method`
 * as "effective for directory, Hostname and purge-all purges" only (`CreatePurgeTaskRequest.Method`, ledger PG-1);
 * whether it is then ignored on `purge_url` (variant `purge.urlMethod`) or refused is not stated.
 */
export const teoPurgeUrlMethod: VariantDef = {
  name: "teo.purgeUrlMethod",
  products: ["teo"],
  values: ["accepted", "InvalidParameter.ParameterError"],
  behaviour: {
    accepted: "a Method on a purge_url request is accepted (what it does: purge.urlMethod)",
    "InvalidParameter.ParameterError": "a purge_url request carrying a Method is refused whole with InvalidParameter.ParameterError; without a Method it is accepted (the zone's default applies)",
  },
  why:
    "teo_models.d.ts CreatePurgeTaskRequest.Method: 'effective for directory, Hostname and purge-all purges' " +
    "(针对目录刷新、Hostname 刷新以及刷新全部缓存类型有效), nothing about purge_url. A service that validates the combination " +
    "refuses with InvalidParameter.ParameterError, the one generic parameter code CreatePurgeTask lists " +
    "(TencentCloud/tencentcloud-sdk-go teo/v20220901/client.go).",
};

/** Every variant that changes EdgeOne answers. */
export const TEO_VARIANTS: readonly VariantDef[] = [
  teoFutureEndTime, teoThrottleCode, teoUrlEcho, teoZoneEndpoint, teoMediaSegments, teoEdgeQuotaListing, teoJobIdReach,
  teoUnknownJobId, teoNewDomain, teoQuotaReset, teoPurgeUrlMethod, tasksVisibilityLag, tasksUnknownStatus, edgePrefetchOfCached,
  purgeUrlMethod,
];
