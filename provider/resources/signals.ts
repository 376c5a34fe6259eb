/**
 * What one wait learns across its rounds for the poll schedule (engine/schedule.ts): when each URL was submitted, its
 * vendor percentage, and how long the URLs of the run that finished during the wait took — measured as the midpoint
 * between the last round that saw a URL open and the first that saw it done, for URLs seen open in this wait only.
 */
import type { RunSignals } from "../engine/schedule";
import { isTerminal } from "../model/status";
import type { SubmittedBatch } from "../model/task";
import { declaredUrl, type RunContext } from "./run-context";
import type { TaskRecord } from "./state";

/** Submit times of a record's batches by declared URL (the newest batch holding a URL wins). */
function submitTimes(ctx: RunContext, batches: readonly SubmittedBatch[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of batches) {
    const at = Date.parse(b.submittedAt);
    if (!Number.isFinite(at)) continue;
    for (const u of b.urls) {
      const url = declaredUrl(ctx, u);
      out.set(url, Math.max(at, out.get(url) ?? -Infinity));
    }
  }
  return out;
}

/** The signals of one wait. */
export class ScheduleSignals {
  private readonly submitted: Map<string, number>;
  /** The run's first submit (or the wait's start when no batch carries a time). */
  readonly startMs: number;
  /**
   * The newest submit this run made (the first poll is due one floor after it); adopted batches count from their
   * `windowStart` (they may have been submitted long before), so a wait on adopted tasks polls at once.
   */
  readonly newestSubmitMs: number;
  private readonly lastOpenAt = new Map<string, number>();
  private longestMs: number | null = null;
  private predictionMs: number | null = null;

  constructor(ctx: RunContext, batches: readonly SubmittedBatch[], waitStartMs: number) {
    this.submitted = submitTimes(ctx, batches);
    const times = [...this.submitted.values()];
    this.startMs = times.length > 0 ? Math.min(...times) : waitStartMs;
    const own = batches.map((b) => Date.parse(b.windowStart ?? b.submittedAt)).filter(Number.isFinite);
    this.newestSubmitMs = own.length > 0 ? Math.max(...own) : waitStartMs;
  }

  /** Takes in the record after a round answered at `nowMs`. */
  observe(rec: TaskRecord, nowMs: number): void {
    for (const r of rec.results) {
      if (!isTerminal(r.status)) {
        this.lastOpenAt.set(r.url, nowMs);
        continue;
      }
      const openAt = this.lastOpenAt.get(r.url);
      const submittedAt = this.submitted.get(r.url);
      if (openAt === undefined || submittedAt === undefined) continue;
      this.lastOpenAt.delete(r.url);
      const took = (openAt + nowMs) / 2 - submittedAt;
      this.longestMs = Math.max(this.longestMs ?? 0, took);
    }
  }

  /** The schedule's input at `nowMs` for the record as it stands. */
  at(rec: TaskRecord, nowMs: number): RunSignals {
    const open = rec.results.filter((r) => !isTerminal(r.status)).map((r) => ({
      submittedAtMs: this.submitted.get(r.url) ?? this.startMs,
      progress: r.progress > 0 ? r.progress : null,
    }));
    return { nowMs, startMs: this.startMs, open, longestFinishedMs: this.longestMs, previousPredictionMs: this.predictionMs };
  }

  /** Remembers the prediction the schedule just made (the next poll checks whether it held). */
  predicted(predictionMs: number | null): void {
    this.predictionMs = predictionMs;
  }
}
