/**
 * ESA submit and quota: `PreloadCaches` and `ListInstanceQuotas` (cloud-apis.md §A.3).
 */
import { CloudError } from "../../model/errors";
import type { AlibabaEsaSpec } from "../../model/spec";
import type { QuotaInfo, SubmitResult } from "../../model/task";
import { quotaNumber } from "../alibaba/quota";
import type { EsaApi } from "./client";

/** The numeric site id the API wants (`SiteId` is a long); refuses ids a JS number cannot hold exactly. */
export function esaSiteId(spec: AlibabaEsaSpec): number {
  const id = Number(spec.siteId);
  if (!/^\d+$/.test(spec.siteId.trim()) || !Number.isSafeInteger(id)) {
    throw new CloudError("alibaba-esa", "invalid", "InvalidSiteId", `site id ${JSON.stringify(spec.siteId)} is not a usable numeric ESA site id`);
  }
  return id;
}

/** Submits one request; the reply has a single `TaskId`, which the zh doc shows as a JSON number (§A.3). */
export async function submitEsa(api: EsaApi, spec: AlibabaEsaSpec, urls: string[]): Promise<SubmitResult> {
  const headers = Object.keys(spec.headers).length > 0 ? spec.headers : null;
  const body = await api.preloadCaches(esaSiteId(spec), urls, headers);
  const id = body.taskId === undefined || body.taskId === null ? "" : String(body.taskId).trim();
  return { taskIds: id === "" ? [] : [id], rejected: [] };
}

/** The `QuotaNames` entry for prefetch (ListInstanceQuotasRequest.d.ts, §A.3). */
const PRELOAD_QUOTA = "preload";

/**
 * The plan's prefetch quota via `ListInstanceQuotas(QuotaNames=preload)`, which needs the plan instance id; without
 * one (or without a numeric `preload` entry) there is nothing to report: null. ESA has no prefetch entry in
 * `GetPurgeQuota` (§A.3). `QuotaValue` is the plan's allowance; usage is not part of this API, so `remaining` is null.
 */
export async function quotaEsa(api: EsaApi, spec: AlibabaEsaSpec): Promise<QuotaInfo | null> {
  if (!spec.instanceId) return null;
  const body = await api.listInstanceQuotas(spec.instanceId, esaSiteId(spec), PRELOAD_QUOTA);
  const entry = (body.quotas ?? []).find((q) => q.quotaName === PRELOAD_QUOTA);
  const daily = quotaNumber(entry?.quotaValue);
  return daily === null ? null : { daily, remaining: null, perRequest: null };
}
