/**
 * Alibaba Cloud DCDN limits and polling defaults.
 */
import type { AdapterLimits } from "../types";

/**
 * - urlsPerRequest 100: "You can specify up to 100 URLs to prefetch" (https://www.alibabacloud.com/help/en/doc-detail/130636.html).
 * - historyDays 3: "You can query data generated within the last three days" (seed 002, DescribeDcdnRefreshTaskById).
 * - polling 5 s → 60 s: prefetch takes 5–30 minutes like CDN (cloud-apis.md §A.1); DescribeDcdnRefreshTaskById
 *   allows 30 calls/s (seed 002).
 */
export const DCDN_LIMITS: AdapterLimits = { urlsPerRequest: 100, historyDays: 3, pollInitialMs: 5_000, pollMaxMs: 60_000 };
