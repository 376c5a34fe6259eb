/**
 * EdgeOne behaviours no page documents, each offered as a variant (core/variants.ts; the first value is the default).
 * The fidelity ledger names each next to the behaviour it stands for.
 */
import { tasksVisibilityLag } from "../core/common-variants";
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

/** Every variant that changes EdgeOne answers. */
export const TEO_VARIANTS: readonly VariantDef[] = [
  teoFutureEndTime, teoThrottleCode, teoUrlEcho, teoZoneEndpoint, teoMediaSegments, teoEdgeQuotaListing, tasksVisibilityLag,
];
