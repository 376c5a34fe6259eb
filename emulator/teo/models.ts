/**
 * EdgeOne prefetch state in memory: one job per submit, one task per accepted URL (plus listed media segments), with
 * status derived from the virtual clock and the planned outcome; daily quota spending per zone, one pool for the regular
 * quota and one for edge mode, counted from the quota period of `teo.quotaReset`; the first submit of each domain
 * (`teo.newDomain`); and how a task is rendered.
 */
import { reportedStatus, visibilityLagMs } from "../core/common-variants";
import type { PurgeMethod } from "../core/edge";
import type { EmulatorConfig, PlannedOutcome } from "../core/types";
import { variantValue } from "../core/variants";
import { echoTarget } from "./urls";
import { teoQuotaReset } from "./variants";

const DAY_MS = 86_400_000;

/** One stored URL task. */
export interface TeoTaskRecord {
  jobId: string;
  zoneId: string;
  /** The target as submitted (queries echo it under `teo.urlEcho`). */
  target: string;
  createdAt: number;
  plan: PlannedOutcome;
  /** For a media segment: the playlist it came from (segments are not submitted URLs). */
  segmentOf?: string;
  /** For a purge task (`CreatePurgeTask`, `Type: purge_url`): its `Method`; absent for prefetch tasks. */
  method?: PurgeMethod;
}

/** Which daily quota a submit spends: `Mode: default` or `Mode: edge` (prefetch), or `purge` (`purge_url` purges). */
export type QuotaPool = "default" | "edge" | "purge";

/**
 * The `purge_url` quota per zone: the figures of the documented DescribeContentQuota example (`{"Type":"purge_url","Batch":1000,"Daily":10000}`, cloud-apis.md §A.4).
 */
export const PURGE_URL_QUOTA = { batch: 1000, daily: 10_000 } as const;
/** `Quota.Type` of the URL purge quota (teo_models.d.ts `Quota.Type`, CreatePurgeTaskRequest.Type `purge_url`). */
export const PURGE_URL_TYPE = "purge_url";

/**
 * Edge mode's own daily quota when `config.quotas.teo.edgeDaily` is unset: "edge prefetch is allotted its own quota,
 * 1,000 a day by default, and does not consume the regular prefetch quota" (teo_models.d.ts
 * `CreatePrefetchTaskRequest.Mode`, cloud-apis.md §A.4).
 */
export const EDGE_DAILY_DEFAULT = 1000;

/** `Quota.Type` of the regular URL prefetch quota (teo_models.d.ts `Quota.Type`). */
export const PREFETCH_QUOTA_TYPE = "prefetch_url";
/** `Quota.Type` of the edge-mode quota under `teo.edgeQuotaListing` = `listed`: a guess, no page names it. */
export const EDGE_PREFETCH_QUOTA_TYPE = "prefetch_url_edge";

/** The daily limit of a pool. */
export function dailyLimit(pool: QuotaPool, config: EmulatorConfig): number {
  const q = config.quotas.teo;
  if (pool === "purge") return PURGE_URL_QUOTA.daily;
  return pool === "edge" ? q.edgeDaily ?? EDGE_DAILY_DEFAULT : q.daily;
}

/** FailType/FailMessage for an outcome when the rule names none (FailType values: cloud-apis.md §A.4; message: seed 003). */
const FAILURE_DEFAULTS: Record<string, [string, string]> = {
  failed: ["originPullFailed", "Origin-pull failure, retry or check if the origin server exists, service unavailable or response timeout, throttling policy triggered, security policy restricted, network failure, bandwidth/connection limit."],
  timeout: ["taskFailed", "The prefetch task timed out."],
  canceled: ["taskFailed", "The prefetch task was canceled."],
  invalid: ["originPullFailed", "The origin server responded with a non-2xx status code. Please check the origin server."],
};

/** ISO-8601 UTC without milliseconds, as the API renders times (`2022-02-09T02:28:43Z`). */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A task as `DescribePrefetchTasks` renders it (seed 003 `Task`). */
export interface RenderedTask {
  JobId: string;
  Target: string;
  Type: string;
  Method: string;
  Status: string;
  CreateTime: string;
  UpdateTime: string;
  FailType: string;
  FailMessage: string;
}

/**
 * The task as `DescribePrefetchTasks` renders it at virtual time `now`: its target in the `teo.urlEcho` form, its status
 * as `tasks.unknownStatus` reports it.
 */
export function renderTask(t: TeoTaskRecord, now: number, config: EmulatorConfig): RenderedTask {
  const done = now >= t.createdAt + t.plan.durationMs;
  const status = !done ? "processing" : t.plan.outcome === "success" ? "success" : t.plan.outcome;
  const [failType, failMessage] = done && t.plan.outcome !== "success" ? FAILURE_DEFAULTS[t.plan.outcome] : ["", ""];
  return {
    JobId: t.jobId, Target: echoTarget(t.target, config), Type: t.method === undefined ? "prefetch_url" : PURGE_URL_TYPE, Method: t.method ?? "",
    Status: reportedStatus(config, status),
    CreateTime: isoSeconds(t.createdAt), UpdateTime: isoSeconds(done ? t.createdAt + t.plan.durationMs : t.createdAt),
    FailType: t.plan.failType ?? failType, FailMessage: t.plan.message ?? failMessage,
  };
}

/**
 * The first instant that counts toward the daily quota at `now` (`teo.quotaReset`): the last midnight UTC+8 (the
 * emulator's default, as Alibaba documents for its CDN, §D.3), the last midnight UTC, or 24 hours ago (exclusive).
 */
export function quotaPeriodStart(now: number, config: EmulatorConfig): number {
  const mode = variantValue(config, teoQuotaReset);
  if (mode === "rolling24h") return now - DAY_MS + 1;
  const offset = mode === "utcMidnight" ? 0 : 8 * 3_600_000;
  return Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
}

/** One submit's spending of a pool. */
interface Spend {
  at: number;
  n: number;
}

/** The store. */
export class TeoStore {
  tasks: TeoTaskRecord[] = [];
  /** Purge URL tasks (`CreatePurgeTask`), listed by `DescribePurgeTasks` only. */
  purges: TeoTaskRecord[] = [];
  private spends = new Map<string, Spend[]>();
  private firstUse = new Map<string, number>();
  private seq = 0;

  /** A fresh 12-character job id like the vendor's `20ga521cpwch`. */
  nextJobId(): string {
    this.seq += 1;
    return `20${this.seq.toString(36).padStart(4, "0")}${Math.random().toString(36).slice(2, 8).padEnd(6, "x")}`;
  }

  /** URLs a zone's pool has spent in the quota period of `now` (`teo.quotaReset`). */
  usedToday(pool: QuotaPool, zoneId: string, now: number, config: EmulatorConfig): number {
    const from = quotaPeriodStart(now, config);
    return (this.spends.get(`${pool}|${zoneId}`) ?? []).filter((s) => s.at >= from && s.at <= now).reduce((a, s) => a + s.n, 0);
  }

  /** What is left of a zone's pool today. */
  availableToday(pool: QuotaPool, zoneId: string, now: number, config: EmulatorConfig): number {
    return Math.max(0, dailyLimit(pool, config) - this.usedToday(pool, zoneId, now, config));
  }

  /** Records `n` URLs spent from a zone's pool at `now` (spending older than two days is forgotten). */
  spend(pool: QuotaPool, zoneId: string, now: number, n: number): void {
    const key = `${pool}|${zoneId}`;
    this.spends.set(key, [...(this.spends.get(key) ?? []).filter((s) => s.at > now - 2 * DAY_MS), { at: now, n }]);
  }

  /** The first submit naming `host` (`teo.newDomain`), recording `now` when it is the first. */
  firstUseOf(host: string, now: number): number {
    const seen = this.firstUse.get(host);
    if (seen !== undefined) return seen;
    this.firstUse.set(host, now);
    return now;
  }

  /** Tasks a query may see at `now`: past the visibility lag (`tasks.visibilityLag`) and within history; `purges`: the purge tasks. */
  visible(zoneId: string, now: number, config: EmulatorConfig, purges = false): TeoTaskRecord[] {
    const lag = visibilityLagMs(config);
    return (purges ? this.purges : this.tasks).filter((t) => t.zoneId === zoneId && now >= t.createdAt + lag && now - t.createdAt <= config.historyMs.teo);
  }

  reset(): void {
    this.tasks = [];
    this.purges = [];
    this.spends.clear();
    this.firstUse.clear();
  }
}
