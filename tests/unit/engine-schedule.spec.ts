/**
 * The poll schedule (engine/schedule.ts), with exact numbers: the no-signal rule, predictions from percentages and from
 * finished URLs, the approach, the fallback once past a prediction, the first poll; then simulated runs, one URL each,
 * showing the overshoot (first poll after the finish, minus the finish) and the polls it costs, and that the overshoot
 * stays within issue 9's bound (max(2 s, 10 %) of the duration) for any duration and progress curve, linear or not.
 */
import assert from "node:assert/strict";
import {
  approachSleep, elapsedSleep, firstPollAt, nextAnchor, planNextPoll, predictRunEnd, predictUrlEnd, readingOf, SCHEDULE, validateBounds,
  type OpenUrlSignal, type Reading,
} from "../../provider/engine/schedule";

const B = { floorMs: 1000, capMs: 30_000 };
const T0 = 1_000_000;

describe("engine poll schedule", () => {
  it("no signal: clamp(k × elapsed, floor, cap) with k = 0.05", () => {
    assert.equal(SCHEDULE.elapsedFraction, 0.05);
    assert.deepEqual([0, 5_000, 20_000, 21_000, 90_000, 600_000, 3_600_000].map((e) => elapsedSleep(e, B)), [1000, 1000, 1000, 1050, 4500, 30_000, 30_000]);
    assert.equal(elapsedSleep(-5, B), 1000, "a clock that went back never gives less than the floor");
  });

  it("predicts a URL's end from its percentage, late-biased by half a point, else from the longest finished URL", () => {
    const u = (progress: number | null): OpenUrlSignal => ({ submittedAtMs: T0, progress });
    assert.equal(predictUrlEnd(u(50), T0 + 10_000, null), T0 + 10_000 * 100 / 49.5);
    assert.equal(predictUrlEnd(u(1), T0 + 1_000, null), T0 + 200_000);
    assert.equal(predictUrlEnd(u(0), T0 + 1_000, 7_000), T0 + 7_000, "no percentage yet (Pending): the longest finished URL");
    assert.equal(predictUrlEnd(u(null), T0 + 8_000, 7_000), null, "outlasted every finished URL: no prediction");
    assert.equal(predictUrlEnd(u(null), T0 + 1_000, null), null);
    assert.equal(predictUrlEnd(u(100), T0 + 1_000, null), null, "100 is terminal, never a running URL's figure");
  });

  it("the run ends with its last URL; the prediction is complete only when every open URL has one", () => {
    const open = [{ submittedAtMs: T0, progress: 50 }, { submittedAtMs: T0 + 2_000, progress: 50 }];
    assert.deepEqual(predictRunEnd({ nowMs: T0 + 12_000, open, longestFinishedMs: null }), { endMs: T0 + 12_000 * 100 / 49.5, complete: true });
    const partial = predictRunEnd({ nowMs: T0 + 12_000, open: [...open, { submittedAtMs: T0, progress: null }], longestFinishedMs: null });
    assert.equal(partial.complete, false);
    assert.deepEqual(predictRunEnd({ nowMs: T0, open: [], longestFinishedMs: null }), { endMs: null, complete: false });
  });

  it("approaches a prediction by halving the time left, within the floor and half the elapsed time", () => {
    assert.equal(approachSleep(T0 + 80_000, T0, 10_000, { floorMs: 1000, capMs: 60_000 }), 5_000, "bounded by half the elapsed time");
    assert.equal(approachSleep(T0 + 8_000, T0, 60_000, { floorMs: 1000, capMs: 60_000 }), 4_000, "half of what is left");
    assert.equal(approachSleep(T0 + 1_500, T0, 60_000, { floorMs: 1000, capMs: 60_000 }), 1_000, "never below the floor");
    assert.equal(approachSleep(T0 + 900_000, T0, 600_000, { floorMs: 1000, capMs: 60_000 }), 60_000, "never above the cap");
  });

  it("plans with the approach while the earliest prediction holds, and falls back to the no-signal rule once past it", () => {
    // An anchor no reading here agrees with (a curve seen earlier): neither the first-reading nor the confirmed rule applies.
    const anchor: Reading = { atMs: T0 + 1_000, earlyMs: T0 + 900_000, lateMs: T0 + 950_000 };
    const at = (nowMs: number, progress: number | null, previousPredictionMs: number | null) =>
      planNextPoll({ nowMs, startMs: T0, open: [{ submittedAtMs: T0, progress }], longestFinishedMs: null, previousPredictionMs, anchor }, { floorMs: 1000, capMs: 60_000 });
    const first = at(T0 + 40_000, 40, null);
    assert.deepEqual(first, { sleepMs: 20_000, predictionMs: T0 + 40_000 * 100 / 39.5, rule: "approach" });
    const stalled = at(T0 + 102_000, 40, first.predictionMs);
    assert.deepEqual(stalled, { sleepMs: 5_100, predictionMs: T0 + 102_000 * 100 / 39.5, rule: "elapsed" }, "past the prediction: 5 % of the elapsed time");
    assert.deepEqual(at(T0 + 103_000, 41, stalled.predictionMs).rule, "approach", "a fresh prediction ahead: approaching again");
  });

  it("stuck at 99 %: the prediction keeps sliding, the earliest one is passed, and the floor is not kept up", () => {
    const at = (nowMs: number, previousPredictionMs: number | null) =>
      planNextPoll({ nowMs, startMs: T0, open: [{ submittedAtMs: T0, progress: 99 }], longestFinishedMs: null, previousPredictionMs }, { floorMs: 1000, capMs: 60_000 });
    const a = at(T0 + 100_000, null);
    assert.deepEqual(a, { sleepMs: 1000, predictionMs: T0 + 100_000 * 100 / 98.5, rule: "approach" });
    const b = at(T0 + 101_000, a.predictionMs);
    assert.deepEqual(b, { sleepMs: 1000, predictionMs: a.predictionMs, rule: "approach" }, "the fresh prediction slid later; the earliest is kept");
    const c = at(T0 + 102_000, b.predictionMs);
    assert.deepEqual([c.rule, c.sleepMs], ["elapsed", 5_100]);
  });

  it("no signal at all: the no-signal rule", () => {
    const plan = planNextPoll({ nowMs: T0 + 30_000, startMs: T0, open: [{ submittedAtMs: T0, progress: null }], longestFinishedMs: null, previousPredictionMs: null }, B);
    assert.deepEqual(plan, { sleepMs: 1_500, predictionMs: null, rule: "elapsed" });
  });

  it("at the finish line (URLs just finished, calls to spare) polls after the floor instead of the no-signal sleep", () => {
    const at = (finishLine: boolean, progress: number | null) => planNextPoll({
      nowMs: T0 + 60_000, startMs: T0, open: [{ submittedAtMs: T0, progress }], longestFinishedMs: null, previousPredictionMs: null, finishLine,
    }, B);
    assert.deepEqual(at(false, null), { sleepMs: 3_000, predictionMs: null, rule: "elapsed" });
    assert.deepEqual(at(true, null), { sleepMs: 1_000, predictionMs: null, rule: "finishLine" });
    assert.equal(at(true, 50).rule, "approach", "a prediction ahead keeps the approach: the finish line only replaces the blind rule");
  });

  it("with a prediction for some URLs only, sleeps the longer of the approach and the no-signal rule", () => {
    const plan = planNextPoll({
      nowMs: T0 + 60_000, startMs: T0, longestFinishedMs: null, previousPredictionMs: null,
      open: [{ submittedAtMs: T0, progress: 95 }, { submittedAtMs: T0, progress: null }],
    }, { floorMs: 1000, capMs: 60_000 });
    assert.deepEqual([plan.rule, plan.sleepMs], ["approach", 3_000], "the approach (half of the 3.5 s left) is shorter than 5 % of 60 s");
  });

  it("a reading: the window a straight line allows for the last URL, only when every open URL reports at least 7 %", () => {
    const open = (progress: number | null, at = T0): OpenUrlSignal[] => [{ submittedAtMs: at, progress }];
    assert.deepEqual(readingOf({ nowMs: T0 + 10_000, open: open(50) }), { atMs: T0 + 10_000, earlyMs: T0 + 10_000 * 100 / 51, lateMs: T0 + 10_000 * 100 / 49.5 });
    assert.equal(readingOf({ nowMs: T0 + 10_000, open: open(6) }), null, "below 7 % the window is too wide to tell a line from a curve");
    assert.equal(readingOf({ nowMs: T0 + 10_000, open: open(null) }), null);
    assert.equal(readingOf({ nowMs: T0 + 10_000, open: [] }), null);
    const two = readingOf({ nowMs: T0 + 10_000, open: [...open(50), ...open(20, T0 + 5_000)] })!;
    assert.deepEqual(two, { atMs: T0 + 10_000, earlyMs: T0 + 5_000 + 5_000 * 100 / 21, lateMs: T0 + 5_000 + 5_000 * 100 / 19.5 }, "the later URL sets both ends");
    assert.equal(readingOf({ nowMs: T0 + 10_000, open: [...open(50), ...open(null)] }), null, "a URL without a percentage may end any time");
  });

  it("the anchor narrows to the window every agreeing reading allows, and restarts on a disagreement", () => {
    const r = (atMs: number, earlyMs: number, lateMs: number): Reading => ({ atMs, earlyMs, lateMs });
    assert.deepEqual(nextAnchor(null, r(1, 100, 120)), r(1, 100, 120));
    assert.deepEqual(nextAnchor(r(1, 100, 120), r(5, 110, 130)), r(1, 110, 120));
    assert.deepEqual(nextAnchor(r(1, 110, 120), r(9, 121, 125)), r(9, 121, 125), "no finish moment fits both: a fresh anchor");
    assert.equal(nextAnchor(r(1, 110, 120), null), null);
  });

  it("a straight line confirmed at twice the anchor's elapsed time jumps towards the earliest plausible finish", () => {
    const bounds = { floorMs: 1000, capMs: 60_000 };
    const at = (nowMs: number, progress: number, anchor: Reading | null) => planNextPoll({
      nowMs, startMs: T0, open: [{ submittedAtMs: T0, progress }], longestFinishedMs: null, previousPredictionMs: null, anchor,
    }, bounds);
    // A 20 s job read at 2 s (10 %) and at 4 s (20 %): both allow a finish at 20 s.
    const anchor = readingOf({ nowMs: T0 + 2_000, open: [{ submittedAtMs: T0, progress: 10 }] })!;
    const early = T0 + 4_000 * 100 / 21;
    assert.equal(Math.floor(0.9 * (early - T0 - 4_000)), 13_542, "90 % of the way to the earliest plausible finish…");
    assert.deepEqual(at(T0 + 4_000, 20, anchor), { sleepMs: 12_000, predictionMs: T0 + 4_000 * 100 / 19.5, rule: "jump" }, "…within 3 × the elapsed time");
    assert.equal(at(T0 + 3_000, 15, anchor).rule, "approach", "not yet twice the anchor's elapsed time");
    assert.deepEqual([at(T0 + 4_000, 20, null).rule, at(T0 + 4_000, 20, null).sleepMs], ["confirm", 4_000],
      "no anchor: this is the first reading, and the next poll is the first that can confirm it (at 8 s)");
    const late = at(T0 + 10_000, 60, null);
    assert.deepEqual([late.rule, late.sleepMs], ["confirm", Math.floor(T0 + 10_000 * 100 / 61 - (T0 + 10_000))], "never past the earliest finish the reading allows");
    assert.equal(at(T0 + 4_000, 30, anchor).rule, "approach", "30 % at 4 s does not fit the anchor's window: a curve, not a line");
    const near = readingOf({ nowMs: T0 + 9_000, open: [{ submittedAtMs: T0, progress: 45 }] })!;
    const last = at(T0 + 18_000, 90, near);
    assert.deepEqual([last.rule, last.sleepMs], ["jump", Math.floor(18_000 * 100 / 89.5 - 18_000)],
      "the window left (20.0–20.1 s) is within the floor: one poll at its end");
    const capped = planNextPoll({ nowMs: T0 + 2_000, startMs: T0, open: [{ submittedAtMs: T0, progress: 8 }], longestFinishedMs: null, previousPredictionMs: null,
      anchor: { atMs: T0 + 1_000, earlyMs: T0 + 20_000, lateMs: T0 + 30_000 } }, bounds);
    assert.deepEqual([capped.rule, capped.sleepMs], ["jump", 6_000], "never more than 3 × the elapsed time");
  });

  it("the first poll: one floor after a fresh submit, at once for a resumed wait, never after the deadline", () => {
    assert.equal(firstPollAt(T0 + 200, T0, 1000, T0 + 60_000), T0 + 1000);
    assert.equal(firstPollAt(T0 + 90_000, T0, 1000, T0 + 600_000), T0 + 90_000);
    assert.equal(firstPollAt(T0, T0, 1000, T0 + 400), T0 + 400);
    assert.equal(firstPollAt(T0, T0, 1000, T0 - 5), T0, "a deadline already past: one poll at once");
    assert.equal(firstPollAt(T0, Number.NaN, 1000, T0 + 60_000), T0);
  });

  for (const [name, bad] of [["floor 0", { floorMs: 0, capMs: 10 }], ["cap < floor", { floorMs: 10, capMs: 9 }], ["NaN floor", { floorMs: Number.NaN, capMs: 10 }]] as const) {
    it(`rejects bounds with ${name}`, () => {
      assert.throws(() => validateBounds(bad), TypeError);
      assert.throws(() => planNextPoll({ nowMs: 0, startMs: 0, open: [], longestFinishedMs: null, previousPredictionMs: null }, bad), TypeError);
    });
  }
});

/** A progress curve: the vendor's percentage at `e` ms of a URL that finishes at `T` (null: no percentage). */
type Curve = (e: number, T: number) => number | null;
const CURVES: Record<string, Curve> = {
  /** EdgeOne: nothing. */
  none: () => null,
  /** The emulator's Alibaba curve (emulator/alibaba/progress.ts): Pending (0) for a tenth, then linear, floored. */
  linear: (e, T) => (e < 0.1 * T ? 0 : Math.min(99, Math.floor((100 * e) / T))),
  rounded: (e, T) => (e < 0.1 * T ? 0 : Math.min(99, Math.round((100 * e) / T))),
  fastStart: (e, T) => Math.min(99, Math.floor(100 * Math.sqrt(e / T))),
  slowStart: (e, T) => Math.min(99, Math.floor(100 * (e / T) ** 2)),
  stuckAt90: (e, T) => Math.min(90, Math.floor((100 * e) / T)),
  stuckAt99: (e, T) => Math.min(99, Math.floor((200 * e) / T)),
};

/**
 * One URL submitted at 0 that finishes at `T`; the polls land `lag` ms after the schedule's times (the submit's answer
 * arrives after the cloud created the task). Returns the polls made and the overshoot.
 */
function run(T: number, curve: Curve, capMs: number, lag = 30): { polls: number; overshootMs: number } {
  const bounds = { floorMs: SCHEDULE.floorMs, capMs };
  let now = firstPollAt(0, 0, bounds.floorMs, Infinity) + lag;
  let previous: number | null = null;
  let anchor: Reading | null = null;
  for (let polls = 1; ; polls++) {
    if (now > T) return { polls, overshootMs: now - T };
    const open = [{ submittedAtMs: lag, progress: curve(now, T) }];
    const plan = planNextPoll({ nowMs: now, startMs: lag, open, longestFinishedMs: null, previousPredictionMs: previous, anchor }, bounds);
    previous = plan.predictionMs;
    anchor = nextAnchor(anchor, readingOf({ nowMs: now, open }));
    now += plan.sleepMs;
  }
}

describe("engine poll schedule: simulated single-URL runs", () => {
  it("issue 9's single-resource scenarios (3 s, 20 s, 90 s), EdgeOne (no signal, cap 30 s) and Alibaba (linear Process, cap 60 s)", () => {
    const table = [3_000, 20_000, 90_000].map((T) => [T, run(T, CURVES.none, 30_000), run(T, CURVES.linear, 60_000)]);
    assert.deepEqual(table, [
      [3_000, { polls: 3, overshootMs: 30 }, { polls: 3, overshootMs: 37 }],
      [20_000, { polls: 20, overshootMs: 30 }, { polls: 5, overshootMs: 155 }],
      [90_000, { polls: 51, overshootMs: 765 }, { polls: 12, overshootMs: 596 }],
    ]);
  });

  it("the no-signal overshoot is at most max(floor, k × duration), for any duration from 1.5 s to 30 min", () => {
    for (let T = 1_500; T <= 1_800_000; T = Math.round(T * 1.013 + 7)) {
      const r = run(T, CURVES.none, 30_000);
      assert.ok(r.overshootMs <= Math.max(SCHEDULE.floorMs, SCHEDULE.elapsedFraction * T) + 30, `T=${T}: ${r.overshootMs} ms`);
    }
  });

  for (const [name, curve] of Object.entries(CURVES)) {
    it(`with a ${name} progress curve the overshoot stays within max(2 s, 10 %) of the duration, in no more polls than without a signal`, () => {
      let worst = 0;
      for (let T = 1_500; T <= 1_800_000; T = Math.round(T * 1.013 + 7)) {
        const r = run(T, curve, 60_000);
        worst = Math.max(worst, r.overshootMs / Math.max(2_000, 0.1 * T));
        assert.ok(r.polls <= run(T, CURVES.none, 60_000).polls, `T=${T}: ${r.polls} polls`);
      }
      assert.ok(worst < 0.75, `worst overshoot ${(worst * 100).toFixed(0)} % of the bound`);
    });
  }
});
