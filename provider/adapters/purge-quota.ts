/**
 * The purge quotas in the process's quota memory (quota-memory.ts; issue 11): each cloud's URL purge quota is
 * remembered like its prefetch quota (one read shared in flight, reused for the TTL, lowered by every accepted purge
 * submit, forgotten after a failed one), under a key of the purge family, so that it never mixes with the prefetch
 * figure of the same zone, site or account (EdgeOne `PurgeQuota` vs `PrefetchQuota`, CDN/DCDN `UrlRemain` vs
 * `PreloadRemain`, ESA `GetPurgeQuota` vs the plan's `preload` quota: cloud-apis.md §A.1-§A.4).
 */
import type { QuotaInfo, SubmitResult } from "../model/task";
import type { AccountContext } from "./memory";
import { rememberedQuota, spendingQuota, type QuotaRead, type QuotaTarget } from "./quota-memory";

/** The prefix of every purge quota key: a purge never spends a prefetch figure, nor the reverse. */
export const PURGE_QUOTA_FAMILY = "purge:";

/** The key of one purge quota (`scope`: the zone, site or account part, e.g. `zone-1`, `site:42`, `url`). */
export function purgeQuotaKey(scope: string): string {
  return `${PURGE_QUOTA_FAMILY}${scope}`;
}

/** What a purge whose own quota is unknown (EdgeOne `zoneId: "*"`) spends from: every purge quota of the account. */
export const ANY_PURGE_QUOTA: QuotaTarget = { family: PURGE_QUOTA_FAMILY };

/** The purge quota of `scope`, remembered for the account (`how` as quota-memory.ts `QuotaRead`). */
export function rememberedPurgeQuota(account: AccountContext, scope: string, how: QuotaRead | undefined,
  read: () => Promise<QuotaInfo | null>): Promise<QuotaInfo | null> {
  return rememberedQuota(account, purgeQuotaKey(scope), how, read);
}

/**
 * Runs a purge submit and keeps the remembered purge quota honest (quota-memory.ts `spendingQuota`): the URLs
 * `accepted(result)` counts are spent from `target` (a key from {@link purgeQuotaKey}, or {@link ANY_PURGE_QUOTA});
 * a failed submit, or one whose spending cannot be counted (null), forgets it.
 */
export function spendingPurgeQuota(account: AccountContext, target: QuotaTarget, submit: () => Promise<SubmitResult>,
  accepted: (res: SubmitResult) => number | null): Promise<SubmitResult> {
  return spendingQuota(account, target, submit, accepted);
}
