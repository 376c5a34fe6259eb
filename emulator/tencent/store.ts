/**
 * EdgeOne prefetch tasks in memory: one job per submit, one task per accepted URL, with status derived from the
 * virtual clock and the planned outcome; plus per-zone daily quota counters.
 */
import type { EmulatorConfig, PlannedOutcome } from "../core/types";

/** One stored URL task. */
export interface TeoTaskRecord {
  jobId: string;
  zoneId: string;
  target: string;
  createdAt: number;
  plan: PlannedOutcome;
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

/** The task as `DescribePrefetchTasks` renders it at virtual time `now`. */
export function renderTask(t: TeoTaskRecord, now: number) {
  const done = now >= t.createdAt + t.plan.durationMs;
  const status = !done ? "processing" : t.plan.outcome === "success" ? "success" : t.plan.outcome;
  const [failType, failMessage] = done && t.plan.outcome !== "success" ? FAILURE_DEFAULTS[t.plan.outcome] : ["", ""];
  return {
    JobId: t.jobId, Target: t.target, Type: "prefetch_url", Method: "", Status: status,
    CreateTime: isoSeconds(t.createdAt), UpdateTime: isoSeconds(done ? t.createdAt + t.plan.durationMs : t.createdAt),
    FailType: t.plan.failType ?? failType, FailMessage: t.plan.message ?? failMessage,
  };
}

/** The UTC+8 calendar day of a time: the daily quota rolls over at midnight China Standard Time (§D.3). */
export const quotaDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** The store. */
export class TeoStore {
  tasks: TeoTaskRecord[] = [];
  private used = new Map<string, number>();
  private seq = 0;

  /** A fresh 12-character job id like the vendor's `20ga521cpwch`. */
  nextJobId(): string {
    this.seq += 1;
    return `20${this.seq.toString(36).padStart(4, "0")}${Math.random().toString(36).slice(2, 8).padEnd(6, "x")}`;
  }

  usedToday(zoneId: string, now: number): number {
    return this.used.get(`${zoneId}|${quotaDay(now)}`) ?? 0;
  }

  spend(zoneId: string, now: number, n: number): void {
    this.used.set(`${zoneId}|${quotaDay(now)}`, this.usedToday(zoneId, now) + n);
  }

  /** Tasks a query may see at `now`: past the visibility lag and within history. */
  visible(zoneId: string, now: number, config: EmulatorConfig): TeoTaskRecord[] {
    return this.tasks.filter((t) => t.zoneId === zoneId && now >= t.createdAt + config.visibilityLagMs && now - t.createdAt <= config.historyMs.teo);
  }

  reset(): void {
    this.tasks = [];
    this.used.clear();
  }
}
