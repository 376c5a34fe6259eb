/**
 * CDN submit: `PushObjectCache`, the refresh family's submit (alibaba/push-params.ts; cloud-apis.md §A.1). The whole
 * request is accepted or refused; `PushTaskId` may hold several comma-separated ids (merged tasks, §A.1).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { SubmitResult } from "../../model/task";
import { submitRefresh } from "../alibaba/push-params";
import type { CdnApi } from "./client";

/** Submits one request (an accepted one spends from the remembered quota: alibaba/push-params.ts). */
export function submitCdn(api: CdnApi, spec: AlibabaCdnSpec, urls: string[]): Promise<SubmitResult> {
  return submitRefresh(api, spec, urls);
}
