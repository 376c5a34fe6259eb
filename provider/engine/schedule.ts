/**
 * The poll schedule: when to look again, aimed at the moment the last URL of a run finishes. Pure functions of what the
 * cloud told us so far, so tests assert exact numbers.
 *
 * Three rules, by what the cloud told us, and a fourth that spends calls saved elsewhere (issue 9, "a poll schedule aimed at
 * the finish line"):
 * - **No signal** (a lone EdgeOne URL: EdgeOne reports no progress): sleep a fixed fraction of the time since the
 *   run's first submit, `clamp(k × elapsed, floor, cap)`. Polls then fall on a geometric grid, so the time between the
 *   finish and the next poll is at most `max(floor, k × duration)`, whatever the duration: the overshoot is a bounded
 *   fraction of the job, never a fixed 30–60 s.
 * - **A prediction** of the last finish, from Alibaba's `Process` percentages (linear extrapolation per URL) or, for
 *   URLs that report none, from how long the URLs of the same run that already finished took: sleep half of the time
 *   left until the prediction (never less than the floor), so polls are sparse far from it and dense near it. Halving
 *   instead of jumping keeps a prediction that is up to 2× too late harmless; the sleep is also never more than
 *   {@link SCHEDULE.approachFraction} of the elapsed time, which bounds the damage of a progress curve that lies by
 *   more than that. Once a poll finds the run unfinished past the earliest prediction made since the last fallback
 *   (progress is not linear, stalled, or slower than the finished URLs), the no-signal rule applies again until a
 *   fresh prediction lies ahead.
 * - **A confirmed straight line** (Alibaba `Process` of every open URL at 7 % or more): each such poll is a reading, the
 *   window of finish moments its whole percentages allow if progress is linear from the submit. When a reading agrees
 *   with every reading since an anchor read at most half as far into the run, the line is taken as confirmed and the
 *   poll jumps: once the window left is within the no-signal rule's own overshoot (max(floor, k × duration)) to its
 *   end, else 90 % of the way to its start, never more than 3 × the elapsed time. After the run's first reading the
 *   next poll is the first that can confirm it (twice the elapsed time, before the earliest finish the reading allows).
 *   Two agreeing readings at least 2×
 *   apart in elapsed time tell a line from the curves the tests try (a slow start, a fast start, a stall), and a lone
 *   20 s or 90 s Alibaba URL then costs about half the polls of the halving approach (tests/unit/engine-schedule.spec.ts).
 * - **The finish line** (URLs were seen finishing in the last round, no prediction lies ahead, and the wait has calls to
 *   spare: rounds that read only some of its batches saved them, provider/resources/round-batches.ts): poll again after
 *   the floor instead of the no-signal sleep. URLs are
 *   crossing the line right now, so the last one may be near. The wait spends only what it saved, so in all it makes no
 *   more calls than reading every open batch in its other rounds would have cost. Without savings (a single-batch
 *   resource, one shared listing for many resources) the rules above decide alone.
 *
 * Percentages are read late-biased (`p − 0.5`): whether the vendor floors or rounds is undocumented, and a late
 * prediction costs one or two extra polls near the finish while an early one would fall back to the sparser rule.
 */

/** Constants of the schedule, each with the reason for its value. */
export const SCHEDULE = {
  /**
   * k of the no-signal rule: half the overshoot target of issue 9 (mean ≤ 5 %, max ≤ 10 % of the job's duration). A
   * poll grid of ratio 1 + k leaves at most k of the duration between a finish and the next poll, k / 2 on average.
   */
  elapsedFraction: 0.05,
  /**
   * Default floor, ms: the smallest sleep between two polls of one run. Issue 9's overshoot target for short jobs is
   * max(1 s, 5 %) on average and max(2 s, 10 %) at worst; a 1 s floor keeps it ≤ 1 s.
   * `pollIntervalSeconds` overrides it.
   */
  floorMs: 1000,
  /**
   * Longest sleep while approaching a prediction, as a fraction of the elapsed time: a progress curve that misleads by
   * more than the 2× halving absorbs still never costs more than half the job's duration.
   */
  approachFraction: 0.5,
  /**
   * How much later than the percentage says a URL may finish: `Process` is an integer (seed 002: "Process": "100%"),
   * floored or rounded — undocumented — so the true share is above `p − 0.5` either way.
   */
  percentSlack: 0.5,
  /**
   * Smallest percentage a confirmed reading uses: from 7 % on, the finish a whole percentage implies is known within
   * (p + 1) / (p − 0.5) ≤ 1.23× (floored or rounded), narrow enough for two readings to tell a straight line from a
   * curve (see {@link confirmedJump}).
   */
  trustedPercent: 7,
  /**
   * How much later than the anchor reading (counted from the run's start) a reading must be to confirm it: at twice
   * the elapsed time, a progress curve p ∝ e^k predicts finishes 2^(k−1) apart, which the two windows show unless k
   * is within about 1.2 of a straight line (k = 2, `slowStart` in the tests, is told at once).
   */
  confirmRatio: 2,
  /** Share of the time left before the earliest plausible finish that a confirmed jump sleeps. */
  jumpShare: 0.9,
  /**
   * Longest confirmed jump, as a multiple of the elapsed time: what a curve that bends after two straight readings can
   * cost at most.
   */
  jumpElapsedMultiple: 3,
} as const;

/**
 * What one poll's percentages say about when the run's last URL finishes: no earlier than `earlyMs` (the whole
 * percentage p read as p + 1, its ceiling either way) and no later than `lateMs` (read as p − 0.5), if progress is a
 * straight line from each URL's submit.
 */
export interface Reading {
  atMs: number;
  earlyMs: number;
  lateMs: number;
}

/** Bounds of every sleep, ms. */
export interface ScheduleBounds {
  /** Smallest sleep (> 0). */
  floorMs: number;
  /** Largest sleep (≥ floorMs). */
  capMs: number;
}

/** A URL of the run that is not terminal yet. */
export interface OpenUrlSignal {
  /** When its batch was submitted, ms since the epoch. */
  submittedAtMs: number;
  /** The vendor's percentage (Alibaba `Process`), 0..99, or null when the cloud reports none (EdgeOne). */
  progress: number | null;
}

/** Everything the schedule knows about one run at one poll. */
export interface RunSignals {
  nowMs: number;
  /** The run's first submit, ms (the job's duration is counted from here). */
  startMs: number;
  /**
   * The URLs still running or pending; URLs alike (same submit time and percentage) may be given once, as they predict
   * alike.
   */
  open: readonly OpenUrlSignal[];
  /**
   * The longest time a URL of this run took from its submit to its finish, among URLs seen finishing during this wait
   * (the midpoint of the last poll that saw it open and the first that saw it done), ms; null when none.
   */
  longestFinishedMs: number | null;
  /** The `predictionMs` the previous plan returned (the earliest prediction since the last fallback), or null. */
  previousPredictionMs: number | null;
  /** URLs finished since the previous round and the wait has calls to spare for a round at the floor (file comment). */
  finishLine?: boolean;
  /** The reading the current one is checked against ({@link nextAnchor} of the previous polls), or null / absent. */
  anchor?: Reading | null;
}

/** The schedule's answer. */
export interface PollPlan {
  /** Sleep before the next poll, ms (within the bounds). */
  sleepMs: number;
  /**
   * The prediction the next poll is checked against, ms since the epoch, or null without a signal: while approaching,
   * the earliest prediction made since the last fallback (a prediction that keeps sliding later — progress stalled —
   * is passed and falls back), after a fallback the fresh one. Pass it back next time.
   */
  predictionMs: number | null;
  /**
   * Which rule decided: `elapsed` (no signal, or past the previous prediction), `approach`, `confirm` (the first
   * reading: on to the poll that can confirm it), `jump` (a confirmed straight line), or `finishLine`.
   */
  rule: "elapsed" | "approach" | "confirm" | "jump" | "finishLine";
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Throws TypeError when the bounds cannot describe a schedule. */
export function validateBounds(b: ScheduleBounds): void {
  if (!Number.isFinite(b.floorMs) || b.floorMs <= 0) throw new TypeError(`floorMs must be > 0, got ${b.floorMs}`);
  if (!Number.isFinite(b.capMs) || b.capMs < b.floorMs) throw new TypeError(`capMs must be ≥ floorMs (${b.floorMs}), got ${b.capMs}`);
}

/** The no-signal sleep: `clamp(k × elapsed, floor, cap)`. */
export function elapsedSleep(elapsedMs: number, b: ScheduleBounds): number {
  return clamp(Math.floor(SCHEDULE.elapsedFraction * Math.max(0, elapsedMs)), b.floorMs, b.capMs);
}

/**
 * When one open URL should finish: by its percentage (linear from its submit, late-biased), else by the longest
 * finished URL of the run; null when neither says anything or the prediction already passed.
 */
export function predictUrlEnd(u: OpenUrlSignal, nowMs: number, longestFinishedMs: number | null): number | null {
  const p = u.progress;
  if (p !== null && Number.isFinite(p) && p >= 1 && p < 100) {
    const end = u.submittedAtMs + ((nowMs - u.submittedAtMs) * 100) / (p - SCHEDULE.percentSlack);
    return end > nowMs ? end : null;
  }
  if (longestFinishedMs === null) return null;
  const end = u.submittedAtMs + longestFinishedMs;
  return end > nowMs ? end : null;
}

/** The predicted finish of the last open URL, and whether every open URL has a prediction. */
export function predictRunEnd(s: Pick<RunSignals, "nowMs" | "open" | "longestFinishedMs">): { endMs: number | null; complete: boolean } {
  let endMs: number | null = null;
  let known = 0;
  for (const u of s.open) {
    const end = predictUrlEnd(u, s.nowMs, s.longestFinishedMs);
    if (end === null) continue;
    known++;
    endMs = endMs === null ? end : Math.max(endMs, end);
  }
  return { endMs, complete: s.open.length > 0 && known === s.open.length };
}

/** The sleep towards a predicted finish: half the time left, within the floor, the cap and the elapsed-time bound. */
export function approachSleep(endMs: number, nowMs: number, elapsedMs: number, b: ScheduleBounds): number {
  const ceiling = Math.min(b.capMs, Math.max(b.floorMs, Math.floor(SCHEDULE.approachFraction * Math.max(0, elapsedMs))));
  return clamp(Math.floor((endMs - nowMs) / 2), b.floorMs, ceiling);
}

/**
 * The reading of this poll, or null unless every open URL reports a percentage of at least
 * {@link SCHEDULE.trustedPercent} (a URL without one may finish at any time).
 */
export function readingOf(s: Pick<RunSignals, "nowMs" | "open">): Reading | null {
  if (s.open.length === 0) return null;
  let earlyMs = -Infinity;
  let lateMs = -Infinity;
  for (const u of s.open) {
    const p = u.progress;
    if (p === null || !Number.isFinite(p) || p < SCHEDULE.trustedPercent || p >= 100) return null;
    const elapsed = Math.max(0, s.nowMs - u.submittedAtMs);
    earlyMs = Math.max(earlyMs, u.submittedAtMs + (elapsed * 100) / (p + 1));
    lateMs = Math.max(lateMs, u.submittedAtMs + (elapsed * 100) / (p - SCHEDULE.percentSlack));
  }
  return { atMs: s.nowMs, earlyMs, lateMs };
}

/** True when two readings agree: some finish moment fits both windows. */
export function agree(a: Reading, b: Reading): boolean {
  return a.earlyMs <= b.lateMs && b.earlyMs <= a.lateMs;
}

/**
 * The anchor after this poll: while readings agree, the window every one of them allows (a straight line fits them
 * all) dated by the first; on a disagreement, this poll's reading alone (or none).
 */
export function nextAnchor(anchor: Reading | null, reading: Reading | null): Reading | null {
  if (reading === null) return null;
  if (anchor === null || !agree(anchor, reading)) return reading;
  return { atMs: anchor.atMs, earlyMs: Math.max(anchor.earlyMs, reading.earlyMs), lateMs: Math.min(anchor.lateMs, reading.lateMs) };
}

/**
 * The sleep of a confirmed straight line, or null: when this poll's `reading` agrees with the anchor (the window all
 * readings since the anchor's allow), and the anchor was read at most half as far into the run
 * ({@link SCHEDULE.confirmRatio}), progress is taken as linear and the poll jumps — to the latest plausible finish when
 * the window left is within what the no-signal rule accepts as overshoot anyway (max(floor, k × duration)), else to
 * {@link SCHEDULE.jumpShare} of the way to the earliest plausible finish — never further than
 * {@link SCHEDULE.jumpElapsedMultiple} × the elapsed time.
 */
export function confirmedJump(s: RunSignals, reading: Reading | null, b: ScheduleBounds): number | null {
  const anchor = s.anchor ?? null;
  if (reading === null || anchor === null || !agree(anchor, reading)) return null;
  const elapsedMs = s.nowMs - s.startMs;
  if (anchor.atMs <= s.startMs || elapsedMs < SCHEDULE.confirmRatio * (anchor.atMs - s.startMs)) return null;
  const tolerated = Math.max(b.floorMs, SCHEDULE.elapsedFraction * (reading.lateMs - s.startMs));
  const target = reading.lateMs - reading.earlyMs <= tolerated
    ? reading.lateMs
    : s.nowMs + SCHEDULE.jumpShare * (reading.earlyMs - s.nowMs);
  return clamp(Math.floor(target - s.nowMs), b.floorMs, Math.min(b.capMs, Math.max(b.floorMs, SCHEDULE.jumpElapsedMultiple * elapsedMs)));
}

/**
 * The sleep after the run's first reading, or null: when every open URL reports a percentage ({@link readingOf}) for
 * the first time, the next poll worth making is the first that can confirm the line
 * ({@link SCHEDULE.confirmRatio} × the elapsed time) — no later than the earliest finish the reading allows. Once
 * only: a reading that starts a fresh anchor after a disagreement (a curve, not a line) is approached as usual.
 */
export function confirmationSleep(s: RunSignals, reading: Reading | null, b: ScheduleBounds): number | null {
  if (s.anchor || reading === null) return null;
  const elapsedMs = s.nowMs - s.startMs;
  const dueMs = s.startMs + SCHEDULE.confirmRatio * elapsedMs;
  const ceiling = Math.min(b.capMs, Math.max(b.floorMs, reading.earlyMs - s.nowMs));
  return Math.floor(clamp(dueMs - s.nowMs, b.floorMs, ceiling));
}

/**
 * The next poll of a run (file comment). With a prediction for every open URL the approach decides alone; with a
 * prediction for some only (others report nothing yet), the run cannot end before it, so the later of the approach
 * and the no-signal sleep applies. At the finish line (`finishLine`), the floor instead of the no-signal sleep.
 */
export function planNextPoll(s: RunSignals, b: ScheduleBounds): PollPlan {
  const plan = plannedBySignals(s, b);
  return s.finishLine && plan.rule === "elapsed" && plan.sleepMs > b.floorMs ? { ...plan, sleepMs: b.floorMs, rule: "finishLine" } : plan;
}

/** The elapsed and approach rules of {@link planNextPoll}. */
function plannedBySignals(s: RunSignals, b: ScheduleBounds): PollPlan {
  validateBounds(b);
  const elapsedMs = s.nowMs - s.startMs;
  const fallback = elapsedSleep(elapsedMs, b);
  const { endMs, complete } = predictRunEnd(s);
  const missed = s.previousPredictionMs !== null && s.nowMs >= s.previousPredictionMs;
  if (endMs === null || missed) return { sleepMs: fallback, predictionMs: endMs, rule: "elapsed" };
  const approach = approachSleep(endMs, s.nowMs, elapsedMs, b);
  const held = s.previousPredictionMs === null ? endMs : Math.min(s.previousPredictionMs, endMs);
  const reading = complete ? readingOf(s) : null;
  const jump = confirmedJump(s, reading, b);
  if (jump !== null && jump > approach) return { sleepMs: jump, predictionMs: held, rule: "jump" };
  const confirm = jump === null ? confirmationSleep(s, reading, b) : null;
  if (confirm !== null && confirm > approach) return { sleepMs: confirm, predictionMs: held, rule: "confirm" };
  return { sleepMs: complete ? approach : Math.max(approach, fallback), predictionMs: held, rule: "approach" };
}

/**
 * When the first poll of a wait is due: one floor after the newest submit (nothing can be done sooner), or at once
 * when that is past (a resumed wait: the cloud may have finished meanwhile); never after the deadline.
 */
export function firstPollAt(nowMs: number, newestSubmitMs: number, floorMs: number, deadlineMs: number): number {
  const at = Number.isFinite(newestSubmitMs) ? Math.max(nowMs, newestSubmitMs + floorMs) : nowMs;
  return Math.min(at, Math.max(nowMs, deadlineMs));
}
