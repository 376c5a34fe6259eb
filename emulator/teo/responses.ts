/**
 * The three TEO 2022-09-01 actions, each turning a request body into the vendor's reply fields (cloud-apis.md §A.4;
 * seed 003 for DescribePrefetchTasks). Vendor errors are thrown as {@link TeoError}.
 */
import { prefetchRefreshesCached } from "../core/common-variants";
import type { EmulatorContext } from "../core/types";
import { variantValue } from "../core/variants";
import { TeoError, zoneNotFound } from "./errors";
import {
  dailyLimit, EDGE_PREFETCH_QUOTA_TYPE, PREFETCH_QUOTA_TYPE, PURGE_URL_QUOTA, PURGE_URL_TYPE, renderTask, type QuotaPool, type RenderedTask, type TeoStore, type TeoTaskRecord,
} from "./models";
import { ALL_ZONES, optionalInt, optionalString, optionalStrings, zoneIdOf, type Body } from "./params";
import { hostOf, isPlaylist, segmentsOf, targetRefusal } from "./urls";
import { teoEdgeQuotaListing, teoFutureEndTime, teoJobIdReach, teoMediaSegments, teoNewDomain, teoUnknownJobId, teoZoneEndpoint } from "./variants";

/** Longest DescribePrefetchTasks time range: 7 days (seed 003, `InvalidParameter.ParameterError`). */
const MAX_RANGE_MS = 7 * 86_400_000;
/** How long a domain is refused after its first submit under `teo.newDomain` when `config.teo.newDomainForMs` is unset (emulator choice). */
export const NEW_DOMAIN_FOR_MS = 2000;
/** DescribePrefetchTasks `Limit`: default 20, at most 1000 (seed 003). */
const LIMIT = { default: 20, max: 1000 };
/**
 * Purge quota types and figures reported beside prefetch (teo_models.d.ts `Quota.Type`; figures: cloud-apis.md §A.4
 * example). `purge_url` is spent by CreatePurgeTask (purge.ts); the other types are reported full (not modelled).
 */
const PURGE_TYPES = ["purge_prefix", "purge_url", "purge_host", "purge_all", "purge_cache_tag"];

/** True when the zone lives on the other EdgeOne site (`teo.zoneEndpoint`). */
const onOtherSite = (ctx: EmulatorContext) => variantValue(ctx.config, teoZoneEndpoint) === "other";

/** The declared zone's domains, or null when any zone is auto-provisioned. Unknown zones: {@link zoneNotFound}. */
export function zoneDomains(ctx: EmulatorContext, zoneId: string): string[] | null {
  if (onOtherSite(ctx)) throw zoneNotFound(zoneId);
  const zones = ctx.config.restrict?.teoZones;
  if (!zones) return null;
  const zone = zones.find((z) => z.zoneId === zoneId);
  if (!zone) throw zoneNotFound(zoneId);
  return zone.domains;
}

/** Accepted targets with the zone each goes to, and refused ones by reason (`FailedList`). */
export interface Placement {
  accepted: { target: string; zoneId: string }[];
  failed: Map<string, string[]>;
}

/**
 * Places each target in a zone. A zone id: the zone itself, targets outside its domains refused. `*`: the declared zone
 * whose domains hold the host (refused when none does), or `*` itself when zones are auto-provisioned.
 */
export function place(ctx: EmulatorContext, zoneId: string, targets: string[]): Placement {
  const out: Placement = { accepted: [], failed: new Map() };
  const refuse = (why: string, t: string) => out.failed.set(why, [...(out.failed.get(why) ?? []), t]);
  if (zoneId === ALL_ZONES && onOtherSite(ctx)) throw new TeoError("ResourceNotFound", "No zone of this account exists on this site.");
  const domains = zoneId === ALL_ZONES ? null : zoneDomains(ctx, zoneId);
  const zones = zoneId === ALL_ZONES ? ctx.config.restrict?.teoZones ?? null : null;
  for (const target of targets) {
    const why = targetRefusal(target, domains);
    if (why) {
      refuse(why, target);
      continue;
    }
    const zone = zones ? zones.find((z) => z.domains.includes(hostOf(target)))?.zoneId : zoneId;
    if (zone) out.accepted.push({ target, zoneId: zone });
    else refuse("The domain of the URL does not belong to any zone of the account.", target);
  }
  return out;
}

/** `Mode` → the quota it spends (`default` or `edge`, teo_models.d.ts `CreatePrefetchTaskRequest.Mode`). */
function poolOf(b: Body): QuotaPool {
  const mode = optionalString(b, "Mode");
  if (mode !== undefined && mode !== "default" && mode !== "edge") throw new TeoError("InvalidParameterValue", "Mode must be default or edge.");
  return mode === "edge" ? "edge" : "default";
}

/** `PrefetchMediaSegments`: `on` or `off` (default off, teo_models.d.ts). */
function mediaSegmentsOn(b: Body): boolean {
  const v = optionalString(b, "PrefetchMediaSegments");
  if (v !== undefined && v !== "on" && v !== "off") throw new TeoError("InvalidParameterValue", "PrefetchMediaSegments must be on or off.");
  return v === "on";
}

/**
 * EdgeOne options this module reads besides the core configuration (set with `setConfig({ teo: { … } })`):
 * `newDomainForMs`, the window of `teo.newDomain`, virtual ms.
 */
export interface TeoOptions {
  newDomainForMs?: number;
}

/** The `teo.newDomain` window in force, virtual ms. */
export function newDomainForMs(ctx: EmulatorContext): number {
  const v = (ctx.config as { teo?: TeoOptions }).teo?.newDomainForMs;
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : NEW_DOMAIN_FOR_MS;
}

/**
 * Records the first submit of every accepted target's domain (whatever the variant, so switching `teo.newDomain` on
 * later does not make an old domain new again), then refuses the whole submit with the variant's code while one of
 * them is within its window: nothing is accepted, no quota is spent.
 */
function refuseNewDomains(ctx: EmulatorContext, store: TeoStore, placed: Placement["accepted"], now: number): void {
  const firsts = [...new Set(placed.map((p) => hostOf(p.target)))].map((host) => [host, store.firstUseOf(host, now)] as const);
  const code = variantValue(ctx.config, teoNewDomain);
  if (code === "accepted") return;
  const young = firsts.filter(([, first]) => now < first + newDomainForMs(ctx)).map(([host]) => host);
  if (young.length === 0) return;
  throw new TeoError(code, code === "InternalError.DomainConfig"
    ? `Failed to get the configuration of the domain ${young[0]}.`
    : `The domain name ${young[0]} does not exist or does not belong to this account.`);
}

/** Refuses the whole submit when a zone's pool cannot take its share (`LimitExceeded.DailyQuota`, §A.4). */
export function checkDaily(ctx: EmulatorContext, store: TeoStore, pool: QuotaPool, placed: Placement["accepted"], now: number): void {
  const perZone = new Map<string, number>();
  for (const p of placed) perZone.set(p.zoneId, (perZone.get(p.zoneId) ?? 0) + 1);
  const limit = dailyLimit(pool, ctx.config);
  for (const [zoneId, n] of perZone) {
    if (store.usedToday(pool, zoneId, now, ctx.config) + n > limit) {
      const which = pool === "edge" ? "edge-mode prefetch quota" : pool === "purge" ? "URL purge quota" : "prefetch quota";
      throw new TeoError("LimitExceeded.DailyQuota", `The daily ${which} (${limit}) of the zone is used up.`);
    }
  }
}

/**
 * Media segments of the accepted playlists (`PrefetchMediaSegments: on`): each spends its zone's pool while any is left
 * and is dropped silently after that (teo_models.d.ts); under `teo.mediaSegments` = `listedUnderJob` the kept ones
 * become tasks of the same job.
 */
function addSegments(ctx: EmulatorContext, store: TeoStore, pool: QuotaPool, jobId: string, placed: Placement["accepted"], now: number): void {
  const listed = variantValue(ctx.config, teoMediaSegments) === "listedUnderJob";
  for (const { target, zoneId } of placed.filter((p) => isPlaylist(p.target))) {
    const kept = segmentsOf(target).slice(0, store.availableToday(pool, zoneId, now, ctx.config));
    store.spend(pool, zoneId, now, kept.length);
    if (!listed) continue;
    for (const seg of kept) {
      const plan = ctx.plan(seg);
      store.tasks.push({ jobId, zoneId, target: seg, createdAt: now, plan, segmentOf: target });
      ctx.edge?.prefetch("teo", seg, now + plan.durationMs, plan.outcome, prefetchRefreshesCached(ctx.config));
    }
  }
}

/** `CreatePrefetchTask`. */
export function createPrefetchTask(b: Body, ctx: EmulatorContext, store: TeoStore) {
  const zoneId = zoneIdOf(b, true);
  const targets = optionalStrings(b, "Targets");
  if (!targets || targets.length === 0) throw new TeoError("MissingParameter", "The request is missing a required parameter `Targets`.");
  const pool = poolOf(b);
  const segments = mediaSegmentsOn(b);
  const { accepted, failed } = place(ctx, zoneId, targets);
  const { batch } = ctx.config.quotas.teo;
  if (targets.length > batch) throw new TeoError("LimitExceeded.BatchQuota", `The number of URLs submitted at a time exceeds the limit (${batch}).`);
  if (accepted.length === 0) throw new TeoError("InvalidParameter.Target", "None of the targets can be prefetched: check the URLs and the zone's domains.");
  const now = ctx.now();
  refuseNewDomains(ctx, store, accepted, now);
  checkDaily(ctx, store, pool, accepted, now);
  const jobId = store.nextJobId();
  for (const p of accepted) {
    store.spend(pool, p.zoneId, now, 1);
    const plan = ctx.plan(p.target);
    store.tasks.push({ jobId, zoneId: p.zoneId, target: p.target, createdAt: now, plan });
    ctx.edge?.prefetch("teo", p.target, now + plan.durationMs, plan.outcome, prefetchRefreshesCached(ctx.config));
  }
  if (segments) addSegments(ctx, store, pool, jobId, accepted, now);
  ctx.record("teo", "CreatePrefetchTask", "submit", accepted.length);
  return { JobId: jobId, FailedList: [...failed].map(([Reason, Targets]) => ({ Reason, Targets })) };
}

/** One `Filters` entry (teo_models.d.ts `AdvancedFilter`). */
export interface Filter { Name: string; Values: string[] }

/** Filter names of DescribePrefetchTasks (seed 003). */
const PREFETCH_FILTERS = ["job-id", "target", "domains", "statuses"];

function filtersOf(b: Body, names: readonly string[] = PREFETCH_FILTERS): Filter[] {
  const raw = b.Filters ?? [];
  if (!Array.isArray(raw)) throw new TeoError("InvalidParameterValue", "Filters must be an array.");
  return raw.map((f: Filter) => {
    if (!f || typeof f.Name !== "string" || !Array.isArray(f.Values)) throw new TeoError("InvalidParameterValue", "Each filter needs Name and Values.");
    if (f.Values.length > 20) throw new TeoError("InvalidParameter.ParameterError", "A filter takes at most 20 values.");
    if ((f.Name === "job-id" || f.Name === "target") && f.Values.length !== 1) throw new TeoError("InvalidParameter.ParameterError", `Filter ${f.Name} takes exactly one value.`);
    if (f.Name === "type" && f.Values.length !== 1) throw new TeoError("InvalidParameter.ParameterError", `Filter ${f.Name} takes exactly one value.`);
    if (!names.includes(f.Name)) throw new TeoError("InvalidParameter.ParameterError", `Unknown filter ${f.Name}.`);
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

/**
 * `target` compares the echoed form exactly (seed 003: "no fuzzy matching"), or as a substring where `fuzzyTarget`
 * (DescribePurgeTasks: "支持模糊查询", teo_models.d.ts `DescribePurgeTasksRequest.Filters`); `domains` compares host
 * names; `type` the task type.
 */
function matches(t: RenderedTask, filters: Filter[], fuzzyTarget = false): boolean {
  return filters.every((f) => {
    if (f.Name === "job-id") return t.JobId === f.Values[0];
    if (f.Name === "target") return fuzzyTarget ? t.Target.includes(f.Values[0]) : t.Target === f.Values[0];
    if (f.Name === "type") return t.Type === f.Values[0];
    if (f.Name === "statuses") return f.Values.includes(t.Status);
    return f.Values.map((v) => v.toLowerCase()).includes(hostOf(t.Target));
  });
}

/**
 * The time range's checks: both bounds or neither with a job-id (seed 003); at most 7 days; under
 * `teo.futureEndTime` = `refuse`, no EndTime after now (the later of the virtual and the wall clock, rounded up to the
 * second, so a client sending its own "now" is never refused for clock drift against a frozen virtual clock).
 */
function checkRange(ctx: EmulatorContext, start: number | undefined, end: number | undefined, byJob: boolean): void {
  if (!byJob && (start === undefined || end === undefined)) throw new TeoError("InvalidParameter.ParameterError", "Parameter error: either the time range or job-id is required.");
  if (start !== undefined && end !== undefined && (end < start || end - start > MAX_RANGE_MS)) {
    throw new TeoError("InvalidParameter.ParameterError", "Parameter error: Invalid “End time”. The interval between the start and end time cannot exceed 7 days.");
  }
  const now = Math.ceil(Math.max(ctx.now(), ctx.realNow()) / 1000) * 1000;
  if (end !== undefined && end > now && variantValue(ctx.config, teoFutureEndTime) === "refuse") {
    throw new TeoError("InvalidParameter.ParameterError", "Parameter error: Invalid “End time”. The end time cannot be later than the current time.");
  }
}

/**
 * The earliest creation time a query sees: without a time range, the last 7 days under `teo.jobIdReach` = `sevenDays`
 * (the whole retention otherwise); with one, the range decides.
 */
function reachStart(ctx: EmulatorContext, ranged: boolean, now: number): number {
  return !ranged && variantValue(ctx.config, teoJobIdReach) === "sevenDays" ? now - MAX_RANGE_MS : -Infinity;
}

/** Under `teo.unknownJobId` = `InvalidParameter.ParameterError`: refuses a job-id no task the query sees carries. */
function refuseUnknownJob(ctx: EmulatorContext, filters: Filter[], seen: readonly TeoTaskRecord[]): void {
  const jobId = filters.find((f) => f.Name === "job-id")?.Values[0];
  if (jobId === undefined || variantValue(ctx.config, teoUnknownJobId) === "emptyList") return;
  if (!seen.some((t) => t.jobId === jobId)) throw new TeoError("InvalidParameter.ParameterError", `Parameter error: the job ${jobId} does not exist.`);
}

/** What differs between the prefetch and the purge task listings. */
export interface TaskListing {
  action: "DescribePrefetchTasks" | "DescribePurgeTasks";
  /** List the purge tasks instead of the prefetch ones. */
  purges: boolean;
  /** Accepted filter names. */
  filters: readonly string[];
  /** `target` filter by substring instead of exact match. */
  fuzzyTarget: boolean;
}

const PREFETCH_LISTING: TaskListing = { action: "DescribePrefetchTasks", purges: false, filters: PREFETCH_FILTERS, fuzzyTarget: false };

/**
 * A task listing: job-id or a time range required (ISO 8601, any offset); range at most 7 days; filters; newest first;
 * paged. Without a time range the query reaches as far as `teo.jobIdReach` says; a job-id it does not see is refused
 * under `teo.unknownJobId`.
 */
export function listTasks(b: Body, ctx: EmulatorContext, store: TeoStore, o: TaskListing) {
  const zoneId = zoneIdOf(b);
  zoneDomains(ctx, zoneId);
  const filters = filtersOf(b, o.filters);
  const start = timeOf(b, "StartTime"), end = timeOf(b, "EndTime");
  checkRange(ctx, start, end, filters.some((f) => f.Name === "job-id"));
  const offset = optionalInt(b, "Offset") ?? 0;
  const limit = optionalInt(b, "Limit") ?? LIMIT.default;
  if (limit > LIMIT.max) throw new TeoError("InvalidParameterValue", `Limit must be at most ${LIMIT.max}.`);
  const now = ctx.now();
  // CreateTime is rendered in whole seconds, so the range is compared at that precision (both ends inclusive).
  const second = (t: TeoTaskRecord) => Math.floor(t.createdAt / 1000) * 1000;
  const inRange = (t: TeoTaskRecord) => (start === undefined || second(t) >= start) && (end === undefined || second(t) <= end);
  const reach = reachStart(ctx, start !== undefined || end !== undefined, now);
  const seen = store.visible(zoneId, now, ctx.config, o.purges).filter((t) => inRange(t) && t.createdAt >= reach);
  refuseUnknownJob(ctx, filters, seen);
  const all = seen.sort((a, c) => c.createdAt - a.createdAt).map((t) => renderTask(t, now, ctx.config)).filter((t) => matches(t, filters, o.fuzzyTarget));
  ctx.record("teo", o.action, "query");
  return { TotalCount: all.length, Tasks: all.slice(offset, offset + limit) };
}

/**
 * `DescribePrefetchTasks` (seed 003): filters `job-id` and `target` (one exact value each), `domains` (host names),
 * `statuses`; the rest as {@link listTasks}.
 */
export function describePrefetchTasks(b: Body, ctx: EmulatorContext, store: TeoStore) {
  return listTasks(b, ctx, store, PREFETCH_LISTING);
}

/**
 * `DescribeContentQuota`: prefetch and purge quotas of the zone. The edge-mode quota is listed only under
 * `teo.edgeQuotaListing` = `listed`.
 */
export function describeContentQuota(b: Body, ctx: EmulatorContext, store: TeoStore) {
  const zoneId = zoneIdOf(b);
  zoneDomains(ctx, zoneId);
  const now = ctx.now();
  const { batch } = ctx.config.quotas.teo;
  const entry = (Type: string, pool: QuotaPool) => ({
    Type, Batch: batch, Daily: dailyLimit(pool, ctx.config), DailyAvailable: store.availableToday(pool, zoneId, now, ctx.config),
  });
  const prefetch = [entry(PREFETCH_QUOTA_TYPE, "default")];
  if (variantValue(ctx.config, teoEdgeQuotaListing) === "listed") prefetch.push(entry(EDGE_PREFETCH_QUOTA_TYPE, "edge"));
  const purge = PURGE_TYPES.map((Type) => (Type === PURGE_URL_TYPE
    ? { Type, Batch: PURGE_URL_QUOTA.batch, Daily: PURGE_URL_QUOTA.daily, DailyAvailable: store.availableToday("purge", zoneId, now, ctx.config) }
    : { Type, Batch: 1000, Daily: 10_000, DailyAvailable: 10_000 }));
  ctx.record("teo", "DescribeContentQuota", "quota");
  return { PrefetchQuota: prefetch, PurgeQuota: purge };
}
