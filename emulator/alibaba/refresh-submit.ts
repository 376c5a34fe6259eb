/**
 * The CDN `RefreshObjectCaches` and DCDN `RefreshDcdnObjectCaches` handler (URL purge): `ObjectPath` (newline-separated
 * URLs, as for prefetch), `ObjectType` (`File`, the default), `Force`; reply `RefreshTaskId` (comma-joined ids, one per
 * domain under the same `alibaba.taskIdsPerSubmit` rule as prefetch). Request and response fields: cdn20180510
 * client.d.ts:23290 (`RefreshObjectCachesRequest`: force, objectPath, objectType) and :23311
 * (`RefreshObjectCachesResponseBody`: refreshTaskId); dcdn20180115 client.d.ts:18812 and :18862 (the same fields).
 *
 * Limits (SDK operation notes, cdn client.d.ts:28570-28580, dcdn client.d.ts:34230-34233): up to 1,000 URLs per call;
 * up to 1,000 URLs per minute per domain (`QuotaPerMinuteExceeded.Refresh`); a daily URL allowance (the emulator's
 * `UrlQuota`, quota.ts; `QuotaExceeded.Refresh`). The tasks are stored as `refresh` tasks in the family's store, so
 * DescribeRefreshTaskById / DescribeRefreshTasks (and the DCDN ones) read them back with `ObjectType: file` (seed 002
 * documents both task kinds). Order of checks: ObjectPath → ObjectType → Force → declared domains → per-minute limit →
 * daily quota. Fidelity gaps (FIDELITY.md "Purge"): only `File` is served (`Directory`, `Regex`, `IgnoreParams` are
 * refused); the refresh queue (`TooMany.Refresh`) is not modelled; busy domains do not refuse purges.
 */
import type { EmulatorConfig } from "../core/types";
import { acceptPurges, checkQuota } from "./accept";
import { AlibabaError, documented, invalidParameter, missingParameter, type ErrorTable } from "./errors";
import { taskIdsOf } from "./preload-submit";
import { REFRESH_URL_DAILY } from "./quota";
import { checkDomain } from "./restrictions";
import type { Call, Handler } from "./types";
import { parseObjectPath, type SubmittedUrl } from "./urls";

/** Most URLs per refresh call (cdn client.d.ts:28579 "up to 1,000 URL refresh rules … in each call"; dcdn :34231). */
export const MAX_REFRESH_URLS = 1000;
/** `ObjectType` values the SDKs document (File default; the others are not served by the emulator). */
const OBJECT_TYPES = ["File", "Directory", "Regex", "IgnoreParams"];

/** Most URLs refreshed per minute per domain (cdn client.d.ts:28580 "up to 1,000 URLs per minute for each domain name"; dcdn :34232). */
export const MAX_REFRESH_URLS_PER_MINUTE = 1000;

/**
 * Refresh-only codes. The daily quota, per-minute and queue codes are documented by the archived DCDN refresh page
 * (AlibabaCloudDocs/dcdn `cn.zh-CN/API参考/刷新预热接口/RefreshDcdnObjectCaches.md`, error table; the CDN pages list
 * `QuotaExceeded.Refresh` too); the unsupported-type code is the emulator's choice after the prefetch table's naming.
 */
export const REFRESH_SUBMIT_ERRORS: ErrorTable = {
  ...documented("AlibabaCloudDocs/dcdn cn.zh-CN/API参考/刷新预热接口/RefreshDcdnObjectCaches.md (error table)", {
    "QuotaExceeded.Refresh": [400, "Your refresh attempts have exceeded the daily limit."],
    "QuotaPerMinuteExceeded.Refresh": [400, "You tried to refresh too frequently; please try again later."],
    "TooMany.Refresh": [400, "The refresh queue is full; please try again later."],
  }),
  ...documented("emulator choice after the PushObjectCache table's naming (cloud-apis.md §A.1)", {
    "InvalidObjectType.ValueNotSupported": [400, "The specified ObjectType is not supported."],
  }),
};

/** What differs between the CDN and DCDN refresh submit. */
export interface RefreshSubmitOptions {
  product: "cdn" | "dcdn";
  /** The declared domains of the product, or undefined when not restricted. */
  declared(config: EmulatorConfig): string[] | undefined;
}

/** `ObjectType`: `File` by default (case-insensitive); the other documented types are refused, anything else is invalid. */
function checkObjectType(raw: string | undefined): void {
  if (raw === undefined || raw.toLowerCase() === "file") return;
  if (!OBJECT_TYPES.some((t) => t.toLowerCase() === raw.toLowerCase())) throw invalidParameter("ObjectType", `Valid values: ${OBJECT_TYPES.join(", ")}.`);
  throw new AlibabaError("InvalidObjectType.ValueNotSupported", `The emulator serves ObjectType File only, not ${raw}.`);
}

/**
 * Refuses the call when one of its domains would pass {@link MAX_REFRESH_URLS_PER_MINUTE} URL refreshes within the last
 * minute (tasks created after `now - 60 s`, visible to queries or not).
 */
function checkPerMinute(call: Call, product: "cdn" | "dcdn", urls: readonly SubmittedUrl[]): void {
  const recent = call.state.tasks.held(product, call.now, call.ctx.config, "refresh").filter((v) => v.task.createdAt > call.now - 60_000);
  const perDomain = new Map<string, number>();
  for (const v of recent) perDomain.set(v.task.domain, (perDomain.get(v.task.domain) ?? 0) + 1);
  for (const u of urls) perDomain.set(u.domain, (perDomain.get(u.domain) ?? 0) + 1);
  if ([...perDomain.values()].some((n) => n > MAX_REFRESH_URLS_PER_MINUTE)) throw new AlibabaError("QuotaPerMinuteExceeded.Refresh");
}

/** The refresh submit handler of CDN or DCDN. */
export function refreshSubmit(o: RefreshSubmitOptions): Handler {
  return (call) => {
    const urls = parseObjectPath(call.params.required("ObjectPath"), MAX_REFRESH_URLS);
    if (urls.length === 0) throw missingParameter("ObjectPath");
    checkObjectType(call.params.str("ObjectType"));
    const force = call.params.bool("Force", false);
    for (const u of urls) checkDomain(o.declared(call.ctx.config), u.domain);
    checkPerMinute(call, o.product, urls);
    const key = o.product === "cdn" ? "cdnRefresh" : "dcdnRefresh";
    checkQuota({ key, allowance: REFRESH_URL_DAILY, used: call.state.quota.usedOn(key, call.now), code: "QuotaExceeded.Refresh" }, urls.length);
    const ids = taskIdsOf(call, o.product, urls, "refresh ");
    acceptPurges(call, o.product, urls, (i) => ids[i], key, force);
    return { body: { RefreshTaskId: [...new Set(ids)].join(",") }, urls: urls.length };
  };
}
