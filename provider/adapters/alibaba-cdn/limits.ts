/**
 * Alibaba Cloud CDN limits and polling defaults.
 */
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest 100: "You can specify up to 100 URLs in each request"
 *   (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache).
 * - historyDays 3: task queries "can query data within the last 3 days" (seed 000, DescribePreloadDetailById;
 *   DescribeRefreshTaskById: same, cloud-apis.md §A.1).
 * - polling 5 s → 60 s: a prefetch "usually takes 5 to 30 minutes" (PushObjectCache doc above), and
 *   DescribeRefreshTaskById allows 30 calls/s per account (§D.3), so a slow poll costs nothing and saves quota.
 */
export const CDN_LIMITS: AdapterLimits = { urlsPerRequest: 100, historyDays: 3, pollInitialMs: 5_000, pollMaxMs: 60_000 };
