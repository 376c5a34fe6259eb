/**
 * ESA submit: `PreloadCaches` (cloud-apis.md §A.3) with `SiteId`, `Content` (the full URLs) and `Headers`. What it
 * spends is taken off the remembered plan quota (quota.ts, adapters/quota-memory.ts).
 */
import { CloudError, isCloudError } from "../../model/errors";
import type { AlibabaEsaSpec } from "../../model/spec";
import type { SubmitResult } from "../../model/task";
import { spendingQuota } from "../quota-memory";
import type { EsaApi } from "./client";
import { ESA_LIMITS } from "./limits";

/** Wording of a refusal that names a per-request maximum ("A maximum of 50 URLs can be submitted in one request"). */
const LIMIT_WORDING = /\b(max(imum)?|at most|up to|exceed(s|ed)?|too many|limit(ed)?)\b/i;
/** Wording of a refusal about one URL's length, which is not the per-request limit. */
const LENGTH_WORDING = /\b(length|characters|too long)\b/i;

/**
 * A refusal of a whole request of several URLs whose message names a maximum is the per-request limit, which ESA does
 * not document (cloud-apis.md §A.3; emulator variant `esa.urlsPerRequest`): reported as `quota`/`batchLimit` with the
 * request's size and the provider's assumption, never as a bad URL. The refusal proves nothing was accepted either way.
 */
export function asBatchLimit(e: unknown, count: number): unknown {
  if (!isCloudError(e) || e.kind !== "invalid" || e.detail !== null || count < 2) return e;
  if (!LIMIT_WORDING.test(e.message) || LENGTH_WORDING.test(e.message)) return e;
  const message = `ESA refused a request of ${count} URLs as over its per-request limit (${e.message}); ESA does not document ` +
    `that limit and this provider sends up to ${ESA_LIMITS.urlsPerRequest} URLs per request`;
  return new CloudError(e.cloud, "quota", e.code, message, e.requestId, e.httpStatus, null, e.action).withDetail("batchLimit");
}

/** The numeric site id the API wants (`SiteId` is a long); refuses ids a JS number cannot hold exactly. */
export function esaSiteId(spec: AlibabaEsaSpec): number {
  const id = Number(spec.siteId);
  if (!/^\d+$/.test(spec.siteId.trim()) || !Number.isSafeInteger(id)) {
    throw new CloudError("alibaba-esa", "invalid", "InvalidSiteId", `site id ${JSON.stringify(spec.siteId)} is not a usable numeric ESA site id`);
  }
  return id;
}

/**
 * The key the plan's quota is remembered under (quota.ts): its instance id, or null without one (a submit then spends
 * from a plan this process cannot name).
 */
export function esaQuotaKey(spec: AlibabaEsaSpec): string | null {
  return spec.instanceId ? `plan:${spec.instanceId}` : null;
}

/**
 * Submits one request. The reply has a single `TaskId` for the whole request, which the zh doc shows as a JSON number
 * (§A.3). Whether `DescribePreloadTasks` items carry it is not documented (query.ts does not rely on it). The URLs of
 * an accepted request are spent from the plan's remembered quota; without an instance id the plan is unknown, so every
 * remembered ESA quota of the account is lowered (never a figure too high).
 */
export async function submitEsa(api: EsaApi, spec: AlibabaEsaSpec, urls: string[]): Promise<SubmitResult> {
  return spendingQuota(api.account, esaQuotaKey(spec), () => preload(api, spec, urls), () => urls.length);
}

/** The `PreloadCaches` call of {@link submitEsa}. */
async function preload(api: EsaApi, spec: AlibabaEsaSpec, urls: string[]): Promise<SubmitResult> {
  const headers = Object.keys(spec.headers).length > 0 ? spec.headers : null;
  const siteId = esaSiteId(spec);
  let body: Awaited<ReturnType<EsaApi["preloadCaches"]>>;
  try {
    body = await api.preloadCaches(siteId, urls, headers);
  } catch (e) {
    throw asBatchLimit(e, urls.length);
  }
  const id = body.taskId === undefined || body.taskId === null ? "" : String(body.taskId).trim();
  return { taskIds: id === "" ? [] : [id], rejected: [] };
}
