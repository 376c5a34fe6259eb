/**
 * DCDN submit: `PreloadDcdnObjectCaches`, the refresh family's submit (alibaba/push-params.ts): the same parameters as
 * CDN's `PushObjectCache` (cloud-apis.md §A.2); `Area` only when the user sets `area` (limits.ts `DCDN_AREA_VALUES`).
 * The answer's `PreloadTaskId` (or a `PushTaskId`, client.ts) may list several comma-separated ids.
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { SubmitResult } from "../../model/task";
import { submitRefresh } from "../alibaba/push-params";
import type { DcdnApi } from "./client";

/** Submits one request (an accepted one spends from the remembered quota: alibaba/push-params.ts). */
export function submitDcdn(api: DcdnApi, spec: AlibabaCdnSpec, urls: string[]): Promise<SubmitResult> {
  return submitRefresh(api, spec, urls);
}
