/**
 * Vendor limits the whole provider reads from one place: `check` (preview-time validation), the adapters (request
 * sizes, query windows) and the lifecycle (batch size when a quota read fails, "the cloud no longer has this task").
 * Each number carries its source.
 */
import type { CloudKind } from "./cloud";

/**
 * Most URLs one submit call may carry when the cloud does not tell us better.
 * - Alibaba CDN `PushObjectCache`: "You can specify up to 100 URLs in each request"
 *   (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache).
 * - Alibaba DCDN `PreloadDcdnObjectCaches`: "up to 100 URLs" (https://www.alibabacloud.com/help/en/doc-detail/130636.html).
 * - Alibaba ESA `PreloadCaches`: **not documented** (cloud-apis.md §A.3); 100 assumed, as for CDN/DCDN.
 * - EdgeOne `CreatePrefetchTask`: the zone's `Batch` from `DescribeContentQuota` is authoritative
 *   (https://www.tencentcloud.com/document/product/1145/50534); until it has been read (or when the read is refused)
 *   a conservative 100 is used, and the progress output says so.
 */
export const URLS_PER_REQUEST: Readonly<Record<CloudKind, number>> = {
  "alibaba-cdn": 100,
  "alibaba-dcdn": 100,
  "alibaba-esa": 100,
  edgeone: 100,
};

/**
 * The largest per-request size any EdgeOne plan is known to allow: the `Batch` of the `DescribeContentQuota` example
 * (cloud-apis.md §A.4). `check` refuses `batching: false` above this; the real zone value is read at create time.
 */
export const EDGEONE_MAX_BATCH = 1000;

/**
 * How long each cloud keeps prefetch tasks queryable, in days. A recorded task older than this that the cloud does
 * not report is "gone" (decided in `history.ts`, nowhere else).
 * - Alibaba CDN/DCDN/ESA: "data within the last 3 days" (seeds 000, 001, 002).
 * - EdgeOne: **not documented** (a query range may span at most 7 days, seed 003); 30 days assumed. A shorter real
 *   retention only delays the "gone" verdict; it never ends a wait early.
 */
export const HISTORY_DAYS: Readonly<Record<CloudKind, number>> = {
  "alibaba-cdn": 3,
  "alibaba-dcdn": 3,
  "alibaba-esa": 3,
  edgeone: 30,
};

/**
 * How long after a submit the cloud may still not show the task in its query/list APIs (eventual consistency). Not
 * documented by any of the vendors (ledger ALL-1 in emulator/FIDELITY.md; the emulator offers the lag as the
 * `tasks.visibilityLag` variant): 60 s assumed. Until it has passed since an
 * uncertain submit, "not found" proves nothing and nothing is resubmitted. Overridable with the
 * `cdnPrefetch:visibilityGraceSeconds` config key (tests shorten it).
 */
export const VISIBILITY_GRACE_MS = 60_000;

/**
 * How long a submit refused with "the domain is being configured / not online yet" (`ServiceBusy`,
 * `InvalidDomain.Offline`, ESA `Site.ServiceBusy`) is retried: such a refusal proves nothing was accepted. The alicloud
 * Terraform preload resource retries `InvalidDomain.Offline` within 5 minutes (aliyun/terraform-provider-alicloud
 * `alicloud/resource_alicloud_cdn_preload_object_cache.go`, PR #10214; cloud-apis.md §A.1 table and §E).
 */
export const BUSY_RETRY_WINDOW_MS = 5 * 60_000;

/**
 * After this many consecutive observations of a status the adapter does not know, the wait stops and fails naming the
 * raw status, instead of spinning until the timeout.
 */
export const MAX_UNKNOWN_STATUS_OBSERVATIONS = 5;
