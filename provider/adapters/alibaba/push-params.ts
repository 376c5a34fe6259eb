/**
 * The refresh family's submit (refresh-api.ts): the parameters CDN `PushObjectCache` and DCDN
 * `PreloadDcdnObjectCaches` share (cloud-apis.md §A.1, §A.2), and the parsing of the comma-separated task id list both
 * return; an accepted submit spends from the account's remembered quota (quota.ts).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { SubmitResult } from "../../model/task";
import { spendingQuota } from "../quota-memory";
import { REFRESH_QUOTA_KEY } from "./quota";
import type { RefreshApi } from "./refresh-api";

/** Submit parameters (SDK model field names); unset options are left out so the vendor defaults apply. */
export interface PreloadParams {
  objectPath: string;
  area?: string;
  l2Preload?: boolean;
  withHeader?: string;
  queryHashkey?: boolean;
}

/**
 * Builds the parameters for one request.
 * - `ObjectPath`: the URLs joined by "\n", exactly as given (`domain/path`, scheme optional, §A.1).
 * - `Area`: the user's `area` as given (`domestic` | `overseas`, the only documented values), and only when set: see
 *   alibaba-cdn/limits.ts and alibaba-dcdn/limits.ts for what an omitted `Area` means on each product.
 * - `L2Preload`, `QueryHashkey`: only when set (vendor default `false`).
 * - `WithHeader`: a JSON map of header name to an **array** of values (`{"Accept-Encoding":["gzip"]}`, §A.1).
 */
export function preloadParams(spec: AlibabaCdnSpec, urls: readonly string[]): PreloadParams {
  const params: PreloadParams = { objectPath: urls.join("\n") };
  if (spec.area !== null) params.area = spec.area;
  if (spec.l2Preload !== null) params.l2Preload = spec.l2Preload;
  if (spec.queryHashkey !== null) params.queryHashkey = spec.queryHashkey;
  const names = Object.keys(spec.headers);
  if (names.length > 0) {
    const map: Record<string, string[]> = {};
    for (const name of names) map[name] = [spec.headers[name]];
    params.withHeader = JSON.stringify(map);
  }
  return params;
}

/**
 * Splits `PushTaskId` / `PreloadTaskId`: a string that can hold several ids separated by commas (tasks are merged per
 * domain and second, §A.1). Tolerates numbers, blanks and duplicates.
 */
export function splitTaskIds(value: string | number | undefined | null): string[] {
  if (value === undefined || value === null) return [];
  const ids = String(value).split(",").map((s) => s.trim()).filter((s) => s !== "");
  return [...new Set(ids)];
}

/**
 * Submits one request. The whole request is accepted or refused (a CloudError): neither product rejects single URLs.
 * The answer's id field may hold several comma-separated ids (tasks merged per domain and second, §A.1). An accepted
 * request's URLs are spent from the account's remembered quota (quota.ts `readRefreshQuota`).
 */
export async function submitRefresh(api: RefreshApi, spec: AlibabaCdnSpec, urls: readonly string[]): Promise<SubmitResult> {
  return spendingQuota(api.account, REFRESH_QUOTA_KEY, async () => ({ taskIds: splitTaskIds(await api.preload(preloadParams(spec, urls))), rejected: [] }),
    () => urls.length);
}
