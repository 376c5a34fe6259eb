/**
 * EdgeOne submit: `CreatePrefetchTask` (singular; cloud-apis.md §A.4).
 */
import type { EdgeOneSpec } from "../../model/spec";
import type { RejectedUrl, SubmitResult } from "../../model/task";
import { createUrlMatcher } from "../url-match";
import type { CreatePrefetchTaskRequest, CreatePrefetchTaskResponse, TeoApi } from "./client";

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

/** Submits one request: one `JobId` for the accepted URLs, per-URL refusals from `FailedList`. */
export async function submitEdgeOne(api: TeoApi, spec: EdgeOneSpec, urls: string[]): Promise<SubmitResult> {
  const res = await api.CreatePrefetchTask(createPrefetchRequest(spec, urls));
  const jobId = res.JobId?.trim() ?? "";
  return { taskIds: jobId === "" ? [] : [jobId], rejected: rejectedUrls(res, urls) };
}
