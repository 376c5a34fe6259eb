/**
 * Which of its open batches a wait asks about in a round (issue 9: a 10,000-URL EdgeOne resource made 277 calls where
 * Terraform makes 120, reading all ten 1,000-URL jobs on every round).
 *
 * A wait is over when its LAST URL is terminal; until then, reading URLs that are not the last teaches nothing about
 * when to stop. So a round reads the batches in the order they were submitted, only as far as one more batch is free:
 * the longest run of open batches, from the first, whose round costs no more calls than the first alone (the
 * adapter's `rounds.cost`; Alibaba by id takes 10 task ids per call, an EdgeOne `job-id` query reads one job, so ten
 * 1-id Alibaba batches are read together and one EdgeOne job at a time) and asks about at most {@link ROUND_URLS}
 * URLs. When a round finds every batch it read
 * terminal while others are still open, the wait asks again at once ({@link followUpNow}): a round trip, not a poll
 * interval, so the next batch — usually finished by then, as jobs submitted later tend to finish later — costs one
 * call and no delay. A run of n batches thus costs about one call per round plus one per batch, instead of n per round;
 * the schedule (engine/schedule.ts) still decides when rounds happen, so the overshoot targets are untouched, except
 * for the follow-up round trips when batches finish out of order (one call each, paced by the account's rate gate).
 * The calls saved pay for polling at the floor while URLs are seen finishing ({@link SpareCalls}, the schedule's
 * finish-line rule), so a large resource notices its last URL within about a second.
 *
 * Every batch is read in the rounds where the whole picture matters ({@link readsWhole}):
 * - some open URL reports a percentage (Alibaba `Process`) and the whole read costs at most one call more: the
 *   schedule predicts the finish from every URL's percentage, and a stale one would predict late; a resource of many
 *   tasks is followed one call a round instead until few of its tasks are open;
 * - the deadline has come: the record the run ends with (outputs, the timeout message) is read whole.
 *
 * NEVER DONE EARLY is untouched: a batch not read in a round keeps its URLs' last known state (open stays open), the
 * wait ends only when every URL was seen terminal by some answer, and an empty or partial answer still proves nothing.
 * An adapter without `rounds` (a test double) is asked one `query` per round whatever it holds: it reads everything.
 */
import { isTerminal } from "../model/status";
import type { SubmittedBatch } from "../model/task";
import type { TaskRecord } from "./state";

/** Calls one round over these batches of one resource is expected to make. */
export type BatchCost = (batches: SubmittedBatch[]) => number;

/**
 * The batches a round asks about: all of `open` when `whole`, else the longest prefix costing no more than its first
 * batch alone and holding at most {@link ROUND_URLS} URLs, or the first batch when it alone holds more (see the file
 * comment).
 */
export function batchesToAsk(open: readonly SubmittedBatch[], cost: BatchCost, whole: boolean): SubmittedBatch[] {
  if (whole || open.length <= 1) return [...open];
  const base = cost([open[0]]);
  let take = 1;
  let urls = open[0].urls.length;
  while (take < open.length && urls + open[take].urls.length <= ROUND_URLS && cost(open.slice(0, take + 1)) <= base) {
    urls += open[take].urls.length;
    take++;
  }
  return open.slice(0, take);
}

/**
 * Most URLs a partial round asks about: 1,000, the largest page the query APIs return (EdgeOne `Limit` ≤ 1000, seed
 * 003). The call count is not all: Alibaba's by-id query lists every URL of its ids (up to 500 per id, merged per
 * second, cloud-apis.md §A.1), so ten ids of a 10,000-URL resource can answer with all 10,000 every round, which the
 * host parses for nothing (issue 9, host memory).
 */
export const ROUND_URLS = 1000;

/**
 * True when a round must read every open batch: the deadline has come, or a percentage is reported and reading every
 * open batch costs at most one call more than the first ones alone (file comment).
 */
export function readsWhole(rec: TaskRecord, nowMs: number, deadlineMs: number, open: readonly SubmittedBatch[], cost: BatchCost): boolean {
  if (nowMs >= deadlineMs) return true;
  if (open.length <= 1 || !rec.results.some((r) => r.progress > 0 && !isTerminal(r.status))) return false;
  return cost([...open]) <= cost([open[0]]) + WHOLE_READ_EXTRA_CALLS;
}

/**
 * Extra calls a round may spend on reading every open batch for their percentages: one. A resource of a few dozen
 * Alibaba tasks (10 ids a call) is then read whole and aims at its finish with `Process`; one of a hundred tasks is
 * followed like an EdgeOne run, one call a round, until few enough of its tasks are open (issue 9: reading all 100 of
 * a 10,000-URL resource every round cost 10 calls and ~10 MB of host memory a round, which the finish line does not need).
 */
export const WHOLE_READ_EXTRA_CALLS = 1;

/**
 * True when the wait should ask again at once: the round read only some open batches (`asked`), found every one of
 * them terminal, and open batches remain (`openAfter`, the open batches after the round).
 */
export function followUpNow(asked: readonly SubmittedBatch[], openBefore: readonly SubmittedBatch[], openAfter: readonly SubmittedBatch[]): boolean {
  if (asked.length === 0 || asked.length >= openBefore.length || openAfter.length === 0) return false;
  const stillOpen = new Set(openAfter);
  return asked.every((b) => !stillOpen.has(b));
}

/**
 * The calls a wait's partial reads saved, which finish-line rounds (engine/schedule.ts) may spend: each answered round
 * adds what reading every open batch would have cost less what it cost, and a finish-line round also pays its own
 * cost. So a wait never makes more calls than reading every open batch in its other rounds would have cost.
 */
export class SpareCalls {
  private spare = 0;

  /** A round answered: `full` calls would have read every open batch, `spent` were spent; `finishLine`: it was one. */
  add(full: number, spent: number, finishLine: boolean): void {
    this.spare += full - spent - (finishLine ? spent : 0);
  }

  /** True when what was saved pays for a round of `cost` calls. */
  covers(cost: number): boolean {
    return cost > 0 && this.spare >= cost;
  }
}
