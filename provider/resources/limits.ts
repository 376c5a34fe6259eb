/**
 * Input bounds checked at `check` time (preview), before anything reaches a cloud. The per-request URL limit is a
 * vendor limit shared with the adapters and lives in `model/limits.ts` (`URLS_PER_REQUEST`, `EDGEONE_MAX_BATCH`).
 */

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
