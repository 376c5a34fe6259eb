/**
 * Input bounds checked at `check` time (preview), before anything reaches a cloud.
 */
import type { CloudKind } from "../model/cloud";

/**
 * Most URLs one submit call may carry, per cloud, when `batching: false`.
 * - Alibaba CDN `PushObjectCache` and DCDN `PreloadDcdnObjectCaches`: 100 URLs per request
 *   (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache, https://www.alibabacloud.com/help/en/doc-detail/130636.html).
 * - Alibaba ESA `PreloadCaches`: not documented; 100 assumed, as for CDN (cloud-apis.md §A.3).
 * - EdgeOne `CreatePrefetchTask`: the zone's `Batch` quota from `DescribeContentQuota`
 *   (https://www.tencentcloud.com/document/product/1145/50534); the static bound is the documented example's 1000,
 *   the real per-zone value is read at create time.
 */
export const URLS_PER_REQUEST: Readonly<Record<CloudKind, number>> = {
  "alibaba-cdn": 100,
  "alibaba-dcdn": 100,
  "alibaba-esa": 100,
  edgeone: 1000,
};

/**
 * Most URLs one resource may declare. The largest documented daily prefetch quota is 10,000 URLs (EdgeOne
 * `DescribeContentQuota` example, cloud-apis.md §A.4; Alibaba's default is 1,000/day, §A.1): a longer list could not
 * be accepted within one day. Split bigger warm-ups over several resources.
 */
export const MAX_URLS = 10_000;

/** Longest URL any of the APIs accepts: Alibaba `ObjectPath` entries are at most 1,024 characters (§A.1). */
export const MAX_URL_LENGTH = 1024;

/**
 * Wait budget bounds, seconds. Default 30 min: Alibaba documents that a prefetch "usually takes 5 to 30 minutes"
 * (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache). Upper bound 6 h: the longest job a common CI
 * runner allows (GitHub Actions job limit, https://docs.github.com/en/actions/reference/limits); a deployment that
 * waits longer should use `wait: false` and refresh later.
 */
export const WAIT_TIMEOUT = { defaultSeconds: 1800, minSeconds: 0, maxSeconds: 21_600 } as const;

/** Poll interval override bounds, seconds (the adapters' defaults apply when unset). */
export const POLL_INTERVAL = { minSeconds: 0.05, maxSeconds: 600 } as const;
