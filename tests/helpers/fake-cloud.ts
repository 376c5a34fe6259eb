/**
 * A scripted in-memory cloud behind the PrefetchAdapter interface, with a call log, for lifecycle unit tests.
 * Each URL finishes after `pollsToFinish` queries of its task; its final status comes from `outcome(url)`.
 */
import type { PrefetchAdapter, AdapterLimits } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import { CloudError } from "../../provider/model/errors";
import type { UrlStatus } from "../../provider/model/status";
import type { QueryResult, QuotaInfo, SubmitResult, SubmittedBatch } from "../../provider/model/task";

export interface FakeCloudOptions {
  pollsToFinish?: number;
  outcome?: (url: string) => UrlStatus;
  reject?: (url: string) => string | null;
  quota?: QuotaInfo | null;
  limits?: Partial<AdapterLimits>;
}

/** A clock whose sleep advances virtual time at once and records every sleep. */
export function instantClock(start = Date.parse("2026-11-23T00:00:00Z")) {
  const c = { t: start, sleeps: [] as number[], now: () => c.t, sleep: async (ms: number) => { c.sleeps.push(ms); c.t += ms; } };
  return c as Clock & { t: number; sleeps: number[] };
}

/** The fake cloud: adapter plus knobs and a log of calls. */
export class FakeCloud {
  readonly log: string[] = [];
  /** Errors thrown by the next submits / queries, in order. */
  readonly submitErrors: (CloudError | null)[] = [];
  readonly queryErrors: (CloudError | null)[] = [];
  historyGone = false;
  private tasks = new Map<string, { urls: string[]; polls: number }>();
  private seq = 0;

  constructor(private readonly o: FakeCloudOptions = {}) {}

  adapter(): PrefetchAdapter {
    const limits: AdapterLimits = { urlsPerRequest: 100, historyDays: 3, pollInitialMs: 1000, pollMaxMs: 8000, ...this.o.limits };
    return { cloud: "edgeone", limits, submit: (_s, urls) => this.submit(urls), query: (_s, b) => this.query(b), quota: async () => this.quotaInfo() };
  }

  get submits(): number {
    return this.log.filter((l) => l.startsWith("submit")).length;
  }

  private async quotaInfo(): Promise<QuotaInfo | null> {
    this.log.push("quota");
    return this.o.quota ?? null;
  }

  private async submit(urls: string[]): Promise<SubmitResult> {
    const err = this.submitErrors.shift();
    this.log.push(`submit ${urls.length}${err ? ` -> ${err.code}` : ""}`);
    if (err) throw err;
    const id = `task-${++this.seq}`;
    const rejected = urls.flatMap((url) => { const reason = this.o.reject?.(url); return reason ? [{ url, reason }] : []; });
    this.tasks.set(id, { urls: urls.filter((u) => !rejected.some((r) => r.url === u)), polls: 0 });
    return { taskIds: [id], rejected };
  }

  private async query(batches: SubmittedBatch[]): Promise<QueryResult> {
    const err = this.queryErrors.shift();
    this.log.push(`query ${batches.map((b) => b.taskIds.join(",")).join(" ")}${err ? ` -> ${err.code}` : ""}`);
    if (err) throw err;
    if (this.historyGone) return { observations: [], historyUnavailable: true };
    const observations = batches.flatMap((b) => b.taskIds.flatMap((id) => this.observe(id)));
    return { observations, historyUnavailable: false };
  }

  private observe(id: string) {
    const t = this.tasks.get(id);
    if (!t) return [];
    t.polls++;
    const finish = this.o.pollsToFinish ?? 2;
    return t.urls.map((url) => {
      const done = t.polls >= finish;
      return { url, taskId: id, status: done ? (this.o.outcome?.(url) ?? "succeeded") : "running" as UrlStatus,
        progress: done ? 100 : Math.floor((100 * t.polls) / finish), reason: done && this.o.outcome?.(url) === "failed" ? "originPullFailed: 502" : null };
    });
  }
}

/** A classified error for scripting. */
export function cloudError(kind: CloudError["kind"], code: string): CloudError {
  return new CloudError("edgeone", kind, code, `${code} (scripted)`, "req-1", 200, null, "CreatePrefetchTask");
}
