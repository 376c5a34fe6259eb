/**
 * ESA submit: `PreloadCaches` (cloud-apis.md §A.3) with `SiteId`, `Content` (the full URLs) and `Headers`.
 */
import { CloudError } from "../../model/errors";
import type { AlibabaEsaSpec } from "../../model/spec";
import type { SubmitResult } from "../../model/task";
import type { EsaApi } from "./client";

/** The numeric site id the API wants (`SiteId` is a long); refuses ids a JS number cannot hold exactly. */
export function esaSiteId(spec: AlibabaEsaSpec): number {
  const id = Number(spec.siteId);
  if (!/^\d+$/.test(spec.siteId.trim()) || !Number.isSafeInteger(id)) {
    throw new CloudError("alibaba-esa", "invalid", "InvalidSiteId", `site id ${JSON.stringify(spec.siteId)} is not a usable numeric ESA site id`);
  }
  return id;
}

/**
 * Submits one request. The reply has a single `TaskId` for the whole request, which the zh doc shows as a JSON number
 * (§A.3). Whether `DescribePreloadTasks` items carry it is not documented (query.ts does not rely on it).
 */
export async function submitEsa(api: EsaApi, spec: AlibabaEsaSpec, urls: string[]): Promise<SubmitResult> {
  const headers = Object.keys(spec.headers).length > 0 ? spec.headers : null;
  const body = await api.preloadCaches(esaSiteId(spec), urls, headers);
  const id = body.taskId === undefined || body.taskId === null ? "" : String(body.taskId).trim();
  return { taskIds: id === "" ? [] : [id], rejected: [] };
}
