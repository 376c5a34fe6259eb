/**
 * ESA quota: the plan's `preload` quota and its usage, from `ListInstanceQuotasWithUsage` (SDK model
 * ListInstanceQuotasWithUsageResponseBody: `Quotas[]{QuotaName, QuotaValue, Usage, SiteUsage[]}`, all strings;
 * https://www.alibabacloud.com/help/en/edge-security-acceleration/esa/api-esa-2024-09-10-listinstancequotaswithusage).
 * ESA has no prefetch entry in `GetPurgeQuota` (cloud-apis.md §A.3). The call needs the plan instance id
 * (`sp-xcdn-…`); without it there is nothing to report.
 *
 * `remaining` = `QuotaValue` − `Usage`, the plan-wide usage (the quota belongs to the plan; `SiteUsage` splits it per
 * site). The API page calls `Usage` "the quota usage" without naming a period; ESA's purge and prefetch quotas are
 * daily ("Daily quota limit" per plan, https://help.aliyun.com/en/edge-security-acceleration/esa/user-guide/refresh-cache-by-url),
 * so it is read as today's usage. The remainder does not depend on the period (emulator variant `esa.quotaPeriod`:
 * a UTC+8 day, a UTC day, 30 days): allowance and usage come from the same answer. A missing or non-numeric `Usage`
 * leaves `remaining` null (not checked up front).
 *
 * The figure is the plan's, remembered per plan for the process (adapters/quota-memory.ts; submit.ts spends from it).
 */
import type { AlibabaEsaSpec } from "../../model/spec";
import type { QuotaInfo } from "../../model/task";
import { quotaNumber } from "../alibaba/quota";
import { rememberedQuota, type QuotaRead } from "../quota-memory";
import type { EsaApi } from "./client";
import { ESA_PRELOAD_QUOTA } from "./limits";
import { esaQuotaKey, esaSiteId } from "./submit";

/** The plan's prefetch quota, or null without an instance id or without a numeric `preload` entry. */
export async function quotaEsa(api: EsaApi, spec: AlibabaEsaSpec, how?: QuotaRead): Promise<QuotaInfo | null> {
  const key = esaQuotaKey(spec);
  if (key === null || !spec.instanceId) return null;
  const [instanceId, siteId] = [spec.instanceId, esaSiteId(spec)];
  return rememberedQuota(api.account, key, how, () => readQuotaEsa(api, instanceId, siteId));
}

/** One `ListInstanceQuotasWithUsage` call for the plan's `preload` quota. */
async function readQuotaEsa(api: EsaApi, instanceId: string, siteId: number): Promise<QuotaInfo | null> {
  const body = await api.listInstanceQuotasWithUsage(instanceId, siteId, ESA_PRELOAD_QUOTA);
  const entry = (body.quotas ?? []).find((q) => q.quotaName === ESA_PRELOAD_QUOTA);
  const daily = quotaNumber(entry?.quotaValue);
  if (daily === null) return null;
  const used = quotaNumber(entry?.usage);
  return { daily, remaining: used === null ? null : Math.max(0, daily - used), perRequest: null };
}
