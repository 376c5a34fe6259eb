/**
 * What one wait learns across its rounds for the poll schedule (engine/schedule.ts): when each URL was submitted, its
 * vendor percentage, and how long the URLs of the run that finished during the wait took — measured as the midpoint
 * between the last round that saw a URL open and the first that saw it done, for URLs seen open in this wait only, and
 * only from the batches a round actually read (a round may read some batches only: round-batches.ts; a URL of a batch
 * not read keeps its last state, which says nothing about when it was last open).
 *
 * Kept per URL index in typed arrays, built once: a 10,000-URL wait allocates next to nothing per round (issue 9, host
 * memory), and the schedule gets one entry per distinct (submit time, percentage) instead of one per URL.
 */
import { nextAnchor, readingOf, type OpenUrlSignal, type Reading, type RunSignals } from "../engine/schedule";
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
  /**
   * Result index by declared URL, and per index: submit time, the index of that time in `groupMs` (URLs submitted
   * together), the last round that saw it open (NaN: none).
   */
  private index: Map<string, number> | null = null;
  private submittedAt = new Float64Array(0);
  private group = new Int32Array(0);
  private groupMs: number[] = [];
  private lastOpenAt = new Float64Array(0);
  private longestMs: number | null = null;
  private predictionMs: number | null = null;
  /** The schedule's anchor reading (schedule.ts `nextAnchor`), and this round's reading until the plan is made. */
  private anchor: Reading | null = null;
  private reading: Reading | null | undefined = undefined;
  /** True when the last round saw a URL finish that an earlier round of this wait saw open. */
  finishing = false;

  constructor(private readonly ctx: RunContext, batches: readonly SubmittedBatch[], waitStartMs: number) {
    this.submitted = submitTimes(ctx, batches);
    let first = Infinity;
    for (const t of this.submitted.values()) first = Math.min(first, t);
    this.startMs = Number.isFinite(first) ? first : waitStartMs;
    const own = batches.map((b) => Date.parse(b.windowStart ?? b.submittedAt)).filter(Number.isFinite);
    this.newestSubmitMs = own.length > 0 ? Math.max(...own) : waitStartMs;
  }

  /** Indexes `rec.results` (its order is fixed for a run; indexed again should it ever differ). */
  private align(rec: TaskRecord): Map<string, number> {
    const index = this.index;
    const placed = (r: TaskRecord["results"][number]) => {
      const i = index?.get(r.url);
      return i !== undefined && rec.results[i]?.url === r.url;
    };
    if (index !== null && this.submittedAt.length === rec.results.length && rec.results.every(placed)) return index;
    this.reindex(rec);
    return this.index!;
  }

  private reindex(rec: TaskRecord): void {
    const previous = this.index;
    const lastOpen = this.lastOpenAt;
    this.index = new Map(rec.results.map((r, i) => [r.url, i]));
    this.submittedAt = Float64Array.from(rec.results, (r) => this.submitted.get(r.url) ?? this.startMs);
    const groups = new Map<number, number>();
    this.group = Int32Array.from(this.submittedAt, (ms) => {
      if (!groups.has(ms)) groups.set(ms, groups.size);
      return groups.get(ms)!;
    });
    this.groupMs = [...groups.keys()];
    this.lastOpenAt = new Float64Array(rec.results.length).fill(NaN);
    if (previous) for (const [url, i] of previous) if (this.index.has(url)) this.lastOpenAt[this.index.get(url)!] = lastOpen[i];
  }

  /** Takes in the record after a round that read `asked` answered at `nowMs`. */
  observe(rec: TaskRecord, nowMs: number, asked: readonly SubmittedBatch[]): void {
    const index = this.align(rec);
    this.finishing = false;
    for (const b of asked) {
      for (const u of b.urls) {
        const i = index.get(declaredUrl(this.ctx, u));
        if (i === undefined) continue;
        if (!isTerminal(rec.results[i].status)) {
          this.lastOpenAt[i] = nowMs;
          continue;
        }
        const openAt = this.lastOpenAt[i];
        if (Number.isNaN(openAt) || !this.submitted.has(rec.results[i].url)) continue;
        this.lastOpenAt[i] = NaN;
        this.finishing = true;
        const took = (openAt + nowMs) / 2 - this.submittedAt[i];
        this.longestMs = Math.max(this.longestMs ?? 0, took);
      }
    }
  }

  /**
   * The schedule's input at `nowMs` for the record as it stands: one open entry per distinct (submit time, percentage)
   * of the URLs not terminal — URLs alike predict alike (schedule.ts `predictUrlEnd`), so the predicted end and whether
   * every open URL has a prediction are those of the URLs themselves. `finishLine`: the wait can pay for a round at the
   * floor (round-batches.ts `SpareCalls`); it applies when {@link finishing}. `whole`: the round read every open
   * batch, so every percentage is of now — only then is the round a reading for a confirmed jump (a batch not read
   * keeps an older percentage, which would read as slower progress).
   */
  at(rec: TaskRecord, nowMs: number, finishLine = false, whole = true): RunSignals {
    this.align(rec);
    const seen = new Set<number>();
    const open: OpenUrlSignal[] = [];
    const results = rec.results;
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (isTerminal(r.status)) continue;
      const progress = r.progress > 0 ? r.progress : null;
      // Whole percentages (what the clouds report) are given once per submit time; any other figure as it is.
      if (progress === null || (Number.isInteger(progress) && progress < 100)) {
        const key = this.group[i] * 100 + (progress ?? 0);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      open.push({ submittedAtMs: this.groupMs[this.group[i]], progress });
    }
    this.reading = whole ? readingOf({ nowMs, open }) : undefined;
    return { nowMs, startMs: this.startMs, open, longestFinishedMs: this.longestMs, previousPredictionMs: this.predictionMs,
      finishLine: finishLine && this.finishing, anchor: whole ? this.anchor : null };
  }

  /**
   * Remembers the prediction the schedule just made (the next poll checks whether it held), and takes this round's
   * reading into the anchor (a round that read some batches only leaves it as it was).
   */
  predicted(predictionMs: number | null): void {
    this.predictionMs = predictionMs;
    if (this.reading !== undefined) this.anchor = nextAnchor(this.anchor, this.reading);
    this.reading = undefined;
  }
}
