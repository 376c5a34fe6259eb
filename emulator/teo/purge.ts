/**
 * The EdgeOne purge actions (TEO 2022-09-01): `CreatePurgeTask` with `Type: purge_url` and `DescribePurgeTasks`, with
 * the same zone, target, batch and daily-quota checks, task model and listing as the prefetch side (responses.ts).
 *
 * Request fields: teo_models.d.ts `CreatePurgeTaskRequest` (ZoneId, Type, Method, Targets, EncodeUrl, CacheTag; line
 * 16066), response `CreatePurgeTaskResponse` (JobId, FailedList; line 5330); `DescribePurgeTasksRequest` (ZoneId,
 * StartTime, EndTime, Offset, Limit, Filters job-id|target|domains|statuses|type; line 2346), response
 * `DescribePurgeTasksResponse` (TotalCount, Tasks[] of `Task`; line 16183).
 * Fidelity gaps (FIDELITY.md "Purge"): only `purge_url` is served (`purge_prefix`, `purge_host`, `purge_all`,
 * `purge_cache_tag` are refused with InvalidParameter.ParameterError); `teo.newDomain` does not apply to purges.
 * Variants: what a URL purge does with its `Method` (`purge.urlMethod`), and whether a `Method` on a URL purge is refused
 * (`teo.purgeUrlMethod`): teo_models.d.ts documents it for prefix, host and all purges only (FIDELITY.md PG-1).
 */
import { urlPurgeEffect } from "../core/common-variants";
import type { PurgeMethod } from "../core/edge";
import type { EmulatorContext } from "../core/types";
import { variantValue } from "../core/variants";
import { TeoError } from "./errors";
import { PURGE_URL_QUOTA, PURGE_URL_TYPE, type TeoStore } from "./models";
import { optionalString, optionalStrings, zoneIdOf, type Body } from "./params";
import { checkDaily, listTasks, place, type TaskListing } from "./responses";
import { teoPurgeUrlMethod } from "./variants";

/** `Type` values the SDK documents (teo_models.d.ts `CreatePurgeTaskRequest.Type`). */
const PURGE_TYPES = ["purge_url", "purge_prefix", "purge_host", "purge_all", "purge_cache_tag"];

/** DescribePurgeTasks: the prefetch listing's filters plus `type`; `target` may match a part (teo_models.d.ts line 2346). */
const PURGE_LISTING: TaskListing = {
  action: "DescribePurgeTasks", purges: true, filters: ["job-id", "target", "domains", "statuses", "type"], fuzzyTarget: true,
};

/**
 * `Method`: `invalidate` (default) or `delete` (teo_models.d.ts `CreatePurgeTaskRequest.Method`); under
 * `teo.purgeUrlMethod` = `InvalidParameter.ParameterError` any `Method` on a URL purge is refused.
 */
function methodOf(ctx: EmulatorContext, b: Body): PurgeMethod {
  const method = optionalString(b, "Method");
  if (method !== undefined && method !== "invalidate" && method !== "delete") throw new TeoError("InvalidParameterValue", "Method must be invalidate or delete.");
  if (method !== undefined && variantValue(ctx.config, teoPurgeUrlMethod) === "InvalidParameter.ParameterError") {
    throw new TeoError("InvalidParameter.ParameterError", "Parameter error: Method is only supported for purge_prefix, purge_host and purge_all.");
  }
  return method ?? "invalidate";
}

/** `Type`: required; only `purge_url` is served by the emulator. */
function typeOf(b: Body): string {
  const type = optionalString(b, "Type");
  if (type === undefined) throw new TeoError("MissingParameter", "The request is missing a required parameter `Type`.");
  if (!PURGE_TYPES.includes(type)) throw new TeoError("InvalidParameterValue", `Type must be one of ${PURGE_TYPES.join(", ")}.`);
  if (type !== PURGE_URL_TYPE) throw new TeoError("InvalidParameter.ParameterError", `Parameter error: the emulator serves Type ${PURGE_URL_TYPE} only, not ${type}.`);
  return type;
}

/**
 * `CreatePurgeTask` (`Type: purge_url`): places the targets like CreatePrefetchTask (refused ones in `FailedList`),
 * refuses more than the `purge_url` Batch (`LimitExceeded.BatchQuota`) or the zone's daily `purge_url` quota
 * (`LimitExceeded.DailyQuota`), stores one task per accepted URL under one JobId and reports each to the edge model.
 */
export function createPurgeTask(b: Body, ctx: EmulatorContext, store: TeoStore) {
  const zoneId = zoneIdOf(b, true);
  typeOf(b);
  const method = methodOf(ctx, b);
  const targets = optionalStrings(b, "Targets");
  if (!targets || targets.length === 0) throw new TeoError("MissingParameter", "The request is missing a required parameter `Targets`.");
  const { accepted, failed } = place(ctx, zoneId, targets);
  if (targets.length > PURGE_URL_QUOTA.batch) throw new TeoError("LimitExceeded.BatchQuota", `The number of URLs submitted at a time exceeds the limit (${PURGE_URL_QUOTA.batch}).`);
  if (accepted.length === 0) throw new TeoError("InvalidParameter.Target", "None of the targets can be purged: check the URLs and the zone's domains.");
  const now = ctx.now();
  checkDaily(ctx, store, "purge", accepted, now);
  const jobId = store.nextJobId();
  for (const p of accepted) {
    store.spend("purge", p.zoneId, now, 1);
    const plan = ctx.plan(p.target, "purge");
    store.purges.push({ jobId, zoneId: p.zoneId, target: p.target, createdAt: now, plan, method });
    ctx.edge?.purge("teo", p.target, now + plan.durationMs, plan.outcome, urlPurgeEffect(ctx.config, method));
  }
  ctx.record("teo", "CreatePurgeTask", "purge", accepted.length);
  return { JobId: jobId, FailedList: [...failed].map(([Reason, Targets]) => ({ Reason, Targets })) };
}

/** `DescribePurgeTasks`: the prefetch listing's rules over the purge tasks, plus the `type` filter. */
export function describePurgeTasks(b: Body, ctx: EmulatorContext, store: TeoStore) {
  return listTasks(b, ctx, store, PURGE_LISTING);
}
