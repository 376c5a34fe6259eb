/**
 * A scripted in-memory cloud behind the PrefetchAdapter interface, with a call log, for lifecycle unit tests.
 * Each URL finishes after its own number of queries of its task (`pollsToFinish`, a number or a function of the URL,
 * so completions can be staggered); its final status comes from `outcome(url)`. Submits can be refused
 * (`submitErrors`), or accepted and then answered with an error (`dropAfterAccept`: the task exists, the caller sees
 * the error). `findTasks` lists tasks by URL, hidden for `listLagMs` of clock time after the submit.
 */
import type { QuotaRead } from "../../provider/adapters/quota-memory";
import type { PrefetchAdapter, AdapterLimits } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import { CloudError } from "../../provider/model/errors";
import type { UrlStatus } from "../../provider/model/status";
import type { FoundTask, QueryResult, QuotaInfo, SubmitResult, SubmittedBatch, UrlObservation } from "../../provider/model/task";

export interface FakeCloudOptions {
  pollsToFinish?: number | ((url: string) => number);
  outcome?: (url: string) => UrlStatus;
  reject?: (url: string) => string | null;
  quota?: QuotaInfo | null;
  /**
   * What the process remembers of the quota (adapters/quota-memory.ts): the answer to a `rememberedOnly` read, which
   * makes no call (default: nothing at hand, null).
   */
  rememberedQuota?: QuotaInfo | null;
  limits?: Partial<AdapterLimits>;
  /** Clock time a new task stays invisible to `findTasks`, ms (default 0). */
  listLagMs?: number;
  /** Raw vendor status reported instead of a known one for matching URLs (stays unknown). */
  unknownStatus?: (url: string) => string | null;
}

/** A clock whose sleep advances virtual time at once and records every sleep. */
export function instantClock(start = Date.parse("2026-11-23T00:00:00Z")) {
  const c = { t: start, sleeps: [] as number[], now: () => c.t, sleep: async (ms: number) => { c.sleeps.push(ms); c.t += ms; } };
  return c as Clock & { t: number; sleeps: number[] };
}

interface FakeTask { id: string; urls: string[]; polls: number; createdAt: number }

/** The fake cloud: adapter plus knobs and a log of calls. */
export class FakeCloud {
  readonly log: string[] = [];
  /** Errors thrown by the next submits (refused: no task) / queries / quota reads / listings, in order. */
  readonly submitErrors: (CloudError | null)[] = [];
  readonly queryErrors: (CloudError | null)[] = [];
  readonly quotaErrors: (CloudError | null)[] = [];
  readonly findErrors: (CloudError | null)[] = [];
  /** Errors thrown by the next submits AFTER the task was created (the answer is lost). */
  readonly dropAfterAccept: (CloudError | null)[] = [];
  /** Answer the next N queries as if no task existed. */
  emptyAnswers = 0;
  historyGone = false;
  readonly tasks = new Map<string, FakeTask>();
  private seq = 0;
  private clock: Clock = instantClock();

  constructor(private readonly o: FakeCloudOptions = {}) {}

  /** The adapter; `clock` stamps task creation times (pass the provider's clock). */
  adapter(clock?: Clock): PrefetchAdapter {
    if (clock) this.clock = clock;
    const limits: AdapterLimits = { urlsPerRequest: 100, historyDays: 3, pollInitialMs: 1000, pollMaxMs: 8000, ...this.o.limits };
    return {
      cloud: "edgeone", limits, submit: (_s, urls) => this.submit(urls), query: (_s, b) => this.query(b),
      quota: async (_s, how) => this.quotaInfo(how), findTasks: (_s, urls, since) => this.find(urls, since),
    };
  }

  get submits(): number {
    return this.log.filter((l) => l.startsWith("submit")).length;
  }

  /** URLs the cloud accepted, counted with repeats (a duplicate submit shows up here). */
  acceptedUrls(): string[] {
    return [...this.tasks.values()].flatMap((t) => t.urls);
  }

  private async quotaInfo(how?: QuotaRead): Promise<QuotaInfo | null> {
    if (how?.rememberedOnly) return this.o.rememberedQuota ?? null;
    const err = this.quotaErrors.shift();
    this.log.push(`quota${how?.fresh ? " (fresh)" : ""}${err ? ` -> ${err.code}` : ""}`);
    if (err) throw err;
    return this.o.quota ?? null;
  }

  private async submit(urls: string[]): Promise<SubmitResult> {
    const err = this.submitErrors.shift();
    const drop = err ? null : this.dropAfterAccept.shift();
    this.log.push(`submit ${urls.length}${err ? ` -> ${err.code}` : drop ? ` -> accepted, answer lost (${drop.code})` : ""}`);
    if (err) throw err;
    const id = `task-${++this.seq}`;
    const rejected = urls.flatMap((url) => { const reason = this.o.reject?.(url); return reason ? [{ url, reason }] : []; });
    this.tasks.set(id, { id, urls: urls.filter((u) => !rejected.some((r) => r.url === u)), polls: 0, createdAt: this.clock.now() });
    if (drop) throw drop;
    return { taskIds: [id], rejected };
  }

  private async find(urls: string[], since: number): Promise<FoundTask[]> {
    const err = this.findErrors.shift();
    this.log.push(`find ${urls.length}${err ? ` -> ${err.code}` : ""}`);
    if (err) throw err;
    const visible = [...this.tasks.values()].filter((t) => t.createdAt >= since - 120_000 && this.clock.now() >= t.createdAt + (this.o.listLagMs ?? 0));
    return visible.reverse().flatMap((t) => t.urls.filter((u) => urls.includes(u)).map((url) => ({ url, taskId: t.id, createdAtMs: t.createdAt, status: "running" as UrlStatus })));
  }

  private async query(batches: SubmittedBatch[]): Promise<QueryResult> {
    const err = this.queryErrors.shift();
    this.log.push(`query ${batches.map((b) => b.taskIds.join(",")).join(" ")}${err ? ` -> ${err.code}` : ""}`);
    if (err) throw err;
    if (this.historyGone) return { observations: [], historyUnavailable: true };
    if (this.emptyAnswers > 0) {
      this.emptyAnswers--;
      return { observations: [], historyUnavailable: false };
    }
    const observations = batches.flatMap((b) => b.taskIds.flatMap((id) => this.observe(id)));
    return { observations, historyUnavailable: false };
  }

  private observe(id: string): UrlObservation[] {
    const t = this.tasks.get(id);
    if (!t) return [];
    t.polls++;
    return t.urls.map((url) => {
      const finish = typeof this.o.pollsToFinish === "function" ? this.o.pollsToFinish(url) : this.o.pollsToFinish ?? 2;
      const done = t.polls >= finish;
      const unknown = this.o.unknownStatus?.(url) ?? null;
      if (unknown) return { url, taskId: id, status: "running" as UrlStatus, progress: null, reason: null, unknownStatus: unknown };
      const status = done ? (this.o.outcome?.(url) ?? "succeeded") : "running" as UrlStatus;
      return { url, taskId: id, status, progress: done ? 100 : Math.floor((100 * t.polls) / finish),
        reason: done && status !== "succeeded" ? "originPullFailed: 502" : null };
    });
  }
}

/** A classified error for scripting. */
export function cloudError(kind: CloudError["kind"], code: string, action = "CreatePrefetchTask"): CloudError {
  return new CloudError("edgeone", kind, code, `${code} (scripted)`, "req-1", 200, null, action);
}
