/**
 * The three TEO 2022-09-01 actions (cloud-apis.md §A.4; seed 003 for DescribePrefetchTasks).
 */
import type { EmulatorContext } from "../core/types";
import { TeoError } from "./errors";
import { optionalInt, optionalString, optionalStrings, zoneIdOf, type Body } from "./params";
import { renderTask, type TeoStore, type TeoTaskRecord } from "./store";

/** Longest DescribePrefetchTasks time range: 7 days (seed 003, `InvalidParameter.ParameterError`). */
const MAX_RANGE_MS = 7 * 86_400_000;
/** DescribePrefetchTasks `Limit`: default 20, at most 1000 (seed 003). */
const LIMIT = { default: 20, max: 1000 };

/** The declared zone's domains, or null when any zone is auto-provisioned. Unknown zones: `ResourceNotFound` (§D.2). */
function zoneDomains(ctx: EmulatorContext, zoneId: string): string[] | null {
  const zones = ctx.config.restrict?.teoZones;
  if (!zones) return null;
  const zone = zones.find((z) => z.zoneId === zoneId);
  if (!zone) throw new TeoError("ResourceNotFound", `The zone ${zoneId} does not exist or does not belong to this account.`);
  return zone.domains;
}

/** Why a target is refused, or null. */
function refusal(target: string, domains: string[] | null): string | null {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    return "Invalid URL: targets must be full URLs with scheme.";
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return "Invalid URL: only http and https are supported.";
  if (domains && !domains.includes(u.hostname.toLowerCase())) return "The domain of the URL does not belong to the zone.";
  return null;
}

/** `CreatePrefetchTask`. */
export function createPrefetchTask(b: Body, ctx: EmulatorContext, store: TeoStore) {
  const zoneId = zoneIdOf(b);
  const targets = optionalStrings(b, "Targets");
  if (!targets || targets.length === 0) throw new TeoError("MissingParameter", "The request is missing a required parameter `Targets`.");
  const mode = optionalString(b, "Mode");
  if (mode !== undefined && mode !== "default" && mode !== "edge") throw new TeoError("InvalidParameterValue", "Mode must be default or edge.");
  const domains = zoneDomains(ctx, zoneId);
  const quota = ctx.config.quotas.teo;
  if (targets.length > quota.batch) throw new TeoError("LimitExceeded.BatchQuota", `The number of URLs submitted at a time exceeds the limit (${quota.batch}).`);
  const now = ctx.now();
  const failed = new Map<string, string[]>();
  const accepted: string[] = [];
  for (const t of targets) {
    const why = refusal(t, domains);
    if (why) failed.set(why, [...(failed.get(why) ?? []), t]);
    else accepted.push(t);
  }
  if (accepted.length === 0) throw new TeoError("InvalidParameter.Target", "None of the targets can be prefetched: check the URLs and the zone's domains.");
  if (store.usedToday(zoneId, now) + accepted.length > quota.daily) {
    throw new TeoError("LimitExceeded.DailyQuota", `The daily prefetch quota (${quota.daily}) of the zone is used up.`);
  }
  store.spend(zoneId, now, accepted.length);
  const jobId = store.nextJobId();
  for (const target of accepted) store.tasks.push({ jobId, zoneId, target, createdAt: now, plan: ctx.plan(target) });
  ctx.record("teo", "CreatePrefetchTask", "submit", accepted.length);
  return { JobId: jobId, FailedList: [...failed].map(([Reason, Targets]) => ({ Reason, Targets })) };
}

interface Filter { Name: string; Values: string[] }

function filtersOf(b: Body): Filter[] {
  const raw = b.Filters ?? [];
  if (!Array.isArray(raw)) throw new TeoError("InvalidParameterValue", "Filters must be an array.");
  return raw.map((f: Filter) => {
    if (!f || typeof f.Name !== "string" || !Array.isArray(f.Values)) throw new TeoError("InvalidParameterValue", "Each filter needs Name and Values.");
    if (f.Values.length > 20) throw new TeoError("InvalidParameter.ParameterError", "A filter takes at most 20 values.");
    if ((f.Name === "job-id" || f.Name === "target") && f.Values.length !== 1) throw new TeoError("InvalidParameter.ParameterError", `Filter ${f.Name} takes exactly one value.`);
    if (!["job-id", "target", "domains", "statuses"].includes(f.Name)) throw new TeoError("InvalidParameter.ParameterError", `Unknown filter ${f.Name}.`);
    return f;
  });
}

function timeOf(b: Body, name: string): number | undefined {
  const s = optionalString(b, name);
  if (s === undefined) return undefined;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) throw new TeoError("InvalidParameterValue", `${name} must be an ISO 8601 time.`);
  return t;
}

function matches(t: ReturnType<typeof renderTask>, filters: Filter[]): boolean {
  return filters.every((f) => {
    if (f.Name === "job-id") return t.JobId === f.Values[0];
    if (f.Name === "target") return t.Target === f.Values[0];
    if (f.Name === "statuses") return f.Values.includes(t.Status);
    return f.Values.map((v) => v.toLowerCase()).includes(new URL(t.Target).hostname);
  });
}

/**
 * `DescribePrefetchTasks`: job-id or a time range required (ISO 8601, any offset); range at most 7 days; filters
 * `job-id` and `target` (one exact value each), `domains` (host names), `statuses`; newest first; paged.
 */
export function describePrefetchTasks(b: Body, ctx: EmulatorContext, store: TeoStore) {
  const zoneId = zoneIdOf(b);
  zoneDomains(ctx, zoneId);
  const filters = filtersOf(b);
  const start = timeOf(b, "StartTime"), end = timeOf(b, "EndTime");
  const byJob = filters.some((f) => f.Name === "job-id");
  if (!byJob && (start === undefined || end === undefined)) throw new TeoError("InvalidParameter.ParameterError", "Parameter error: either the time range or job-id is required.");
  if (start !== undefined && end !== undefined && (end < start || end - start > MAX_RANGE_MS)) {
    throw new TeoError("InvalidParameter.ParameterError", "Parameter error: Invalid “End time”. The interval between the start and end time cannot exceed 7 days.");
  }
  const offset = optionalInt(b, "Offset") ?? 0;
  const limit = optionalInt(b, "Limit") ?? LIMIT.default;
  if (limit > LIMIT.max) throw new TeoError("InvalidParameterValue", `Limit must be at most ${LIMIT.max}.`);
  const now = ctx.now();
  // CreateTime is rendered in whole seconds, so the range is compared at that precision (both ends inclusive).
  const second = (t: TeoTaskRecord) => Math.floor(t.createdAt / 1000) * 1000;
  const inRange = (t: TeoTaskRecord) => (start === undefined || second(t) >= start) && (end === undefined || second(t) <= end);
  const all = store.visible(zoneId, now, ctx.config).filter(inRange).sort((a, c) => c.createdAt - a.createdAt)
    .map((t) => renderTask(t, now)).filter((t) => matches(t, filters));
  ctx.record("teo", "DescribePrefetchTasks", "query");
  return { TotalCount: all.length, Tasks: all.slice(offset, offset + limit) };
}

/** `DescribeContentQuota`: prefetch and purge quotas of the zone. */
export function describeContentQuota(b: Body, ctx: EmulatorContext, store: TeoStore) {
  const zoneId = zoneIdOf(b);
  zoneDomains(ctx, zoneId);
  const q = ctx.config.quotas.teo;
  ctx.record("teo", "DescribeContentQuota", "quota");
  const prefetch = { Type: "prefetch_url", Batch: q.batch, Daily: q.daily, DailyAvailable: Math.max(0, q.daily - store.usedToday(zoneId, ctx.now())) };
  const purge = ["purge_prefix", "purge_url", "purge_host", "purge_all", "purge_cache_tag"].map((Type) => ({ Type, Batch: 1000, Daily: 10_000, DailyAvailable: 10_000 }));
  return { PrefetchQuota: [prefetch], PurgeQuota: purge };
}
