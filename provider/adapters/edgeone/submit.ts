/**
 * EdgeOne submit: `CreatePrefetchTask` (singular; cloud-apis.md §A.4). What it spends is taken off the remembered
 * quota (quota.ts, adapters/quota-memory.ts).
 */
import type { EdgeOneSpec } from "../../model/spec";
import type { RejectedUrl, SubmitResult } from "../../model/task";
import { spendingQuota } from "../quota-memory";
import { createUrlMatcher } from "../url-match";
import type { CreatePrefetchTaskRequest, CreatePrefetchTaskResponse, TeoApi } from "./client";
import { edgeOneQuotaKey } from "./quota";

/**
 * The request for one submit; unset options are left out so the vendor defaults apply. `ZoneId` may be `*` (every
 * zone of the account, teo_models.d.ts `CreatePrefetchTaskRequest.ZoneId`): it is sent as given.
 */
export function createPrefetchRequest(spec: EdgeOneSpec, urls: readonly string[]): CreatePrefetchTaskRequest {
  const req: CreatePrefetchTaskRequest = { ZoneId: spec.zoneId, Targets: [...urls] };
  if (spec.mode !== null) req.Mode = spec.mode;
  const headers = Object.entries(spec.headers).map(([Name, Value]) => ({ Name, Value }));
  if (headers.length > 0) req.Headers = headers;
  if (spec.prefetchMediaSegments !== null) req.PrefetchMediaSegments = spec.prefetchMediaSegments ? "on" : "off";
  return req;
}

/** URLs refused in `FailedList` (`{Reason, Targets[]}` items; the list may be null), reported as submitted. */
export function rejectedUrls(res: CreatePrefetchTaskResponse, urls: readonly string[]): RejectedUrl[] {
  const match = createUrlMatcher(urls, false);
  const out: RejectedUrl[] = [];
  for (const failure of res.FailedList ?? []) {
    for (const target of failure?.Targets ?? []) {
      out.push({ url: match(target) ?? target, reason: failure.Reason?.trim() || "refused by EdgeOne (no reason given)" });
    }
  }
  return out;
}

/**
 * Submits one request: one `JobId` for the accepted URLs, per-URL refusals from `FailedList`. The accepted URLs are
 * spent from the remembered quota; with media segments on, the M3U8s' segments count too (teo_models.d.ts
 * `PrefetchMediaSegments`, ledger EO-11) and cannot be counted, so the remembered figure is forgotten instead.
 */
export async function submitEdgeOne(api: TeoApi, spec: EdgeOneSpec, urls: string[]): Promise<SubmitResult> {
  return spendingQuota(api.account, edgeOneQuotaKey(spec), async () => {
    const res = await api.CreatePrefetchTask(createPrefetchRequest(spec, urls));
    const jobId = res.JobId?.trim() ?? "";
    return { taskIds: jobId === "" ? [] : [jobId], rejected: rejectedUrls(res, urls) };
  }, (res) => (spec.prefetchMediaSegments === true ? null : urls.length - res.rejected.length));
}
