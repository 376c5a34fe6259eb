/**
 * What a wait learns for the schedule (provider/resources/signals.ts): only from the batches a round read, one entry
 * per distinct (submit time, percentage), and whether URLs were seen finishing in the last round.
 */
import assert from "node:assert/strict";
import { predictRunEnd, readingOf } from "../../provider/engine/schedule";
import type { UrlStatus } from "../../provider/model/status";
import type { SubmittedBatch, UrlResult } from "../../provider/model/task";
import type { RunContext } from "../../provider/resources/run-context";
import { ScheduleSignals } from "../../provider/resources/signals";
import type { TaskRecord } from "../../provider/resources/state";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const ctx = { declaredOf: new Map<string, string>() } as unknown as RunContext;
const iso = (ms: number) => new Date(ms).toISOString();
const batchA: SubmittedBatch = { taskIds: ["a"], urls: ["https://x.com/1", "https://x.com/2"], submittedAt: iso(T0) };
const batchB: SubmittedBatch = { taskIds: ["b"], urls: ["https://x.com/3", "https://x.com/4"], submittedAt: iso(T0 + 1000) };

function rec(statuses: UrlStatus[], progress: number[] = [0, 0, 0, 0]): TaskRecord {
  const results: UrlResult[] = statuses.map((status, i) => ({ url: `https://x.com/${i + 1}`, status, taskId: null, reason: null, progress: progress[i] }));
  return { results } as unknown as TaskRecord;
}

describe("schedule signals of a wait", () => {
  it("learns a finished URL's duration only from a batch the round read", () => {
    const s = new ScheduleSignals(ctx, [batchA, batchB], T0);
    s.observe(rec(["running", "running", "running", "running"]), T0 + 4000, [batchA]);
    s.observe(rec(["succeeded", "running", "succeeded", "running"]), T0 + 6000, [batchA]);
    assert.equal(s.at(rec(["succeeded", "running", "succeeded", "running"]), T0 + 6000).longestFinishedMs, 5000,
      "URL 1: seen open at 4 s, done at 6 s: 5 s; URL 3 (batch b, never read open) teaches nothing");
    assert.equal(s.finishing, true);
    s.observe(rec(["succeeded", "running", "succeeded", "running"]), T0 + 7000, [batchA]);
    assert.equal(s.finishing, false, "nothing finished in that round");
  });

  it("gives the schedule one entry per submit time and percentage, predicting as the URLs one by one would", () => {
    const s = new ScheduleSignals(ctx, [batchA, batchB], T0);
    const r = rec(["running", "running", "running", "succeeded"], [40, 40, 20.5, 100]);
    const signals = s.at(r, T0 + 10_000, true);
    assert.deepEqual(signals.open, [{ submittedAtMs: T0, progress: 40 }, { submittedAtMs: T0 + 1000, progress: 20.5 }]);
    assert.equal(signals.finishLine, false, "no URL seen finishing yet");
    const each = [{ submittedAtMs: T0, progress: 40 }, { submittedAtMs: T0, progress: 40 }, { submittedAtMs: T0 + 1000, progress: 20.5 }];
    assert.deepEqual(predictRunEnd(signals), predictRunEnd({ ...signals, open: each }));
  });

  it("anchors the confirmed-jump rule on rounds that read every open batch only", () => {
    const s = new ScheduleSignals(ctx, [batchA, batchB], T0);
    const r = (p: number) => rec(["running", "running", "running", "running"], [p, p, p, p]);
    assert.equal(s.at(r(10), T0 + 2000).anchor, null, "no reading before");
    s.predicted(null);
    const first = readingOf({ nowMs: T0 + 2000, open: s.at(r(10), T0 + 2000).open });
    s.predicted(null);
    assert.ok(first);
    assert.equal(s.at(r(15), T0 + 3000, false, false).anchor, null, "a partial round is not given the anchor");
    s.predicted(null);
    const whole = s.at(r(20), T0 + 4000);
    assert.ok(whole.anchor, "the partial round left the anchor as the whole rounds made it");
    assert.equal(whole.anchor.atMs, T0 + 2000);
    assert.equal(whole.anchor.lateMs, first.lateMs);
  });
});
