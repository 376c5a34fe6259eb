import assert from "node:assert/strict";
import { fullJitterDelay, pollDelay } from "../../provider/engine/backoff";

const pinned = (r: number) => () => r;

describe("engine backoff formulas", () => {
  describe("fullJitterDelay", () => {
    it("draws uniformly below min(cap, base * 2^(attempt-1)), floored", () => {
      const seq = [1, 2, 3, 4, 5, 6].map((attempt) => fullJitterDelay({ attempt, baseMs: 500, capMs: 20_000, random: pinned(0.5) }));
      assert.deepEqual(seq, [250, 500, 1000, 2000, 4000, 8000]);
    });

    it("is capped", () => {
      const seq = [5, 6, 7, 50].map((attempt) => fullJitterDelay({ attempt, baseMs: 2000, capMs: 20_000, random: pinned(1) }));
      assert.deepEqual(seq, [20_000, 20_000, 20_000, 20_000]);
    });

    it("spans the whole range: random 0 gives 0", () => {
      assert.equal(fullJitterDelay({ attempt: 3, baseMs: 500, capMs: 20_000, random: pinned(0) }), 0);
    });

    it("clamps a misbehaving random source into [0, 1]", () => {
      assert.equal(fullJitterDelay({ attempt: 1, baseMs: 500, capMs: 20_000, random: pinned(7) }), 500);
      assert.equal(fullJitterDelay({ attempt: 1, baseMs: 500, capMs: 20_000, random: pinned(-3) }), 0);
      assert.equal(fullJitterDelay({ attempt: 1, baseMs: 500, capMs: 20_000, random: pinned(Number.NaN) }), 0);
    });
  });

  describe("pollDelay", () => {
    const delays = (r: number, n = 8, o = { initialMs: 1000, maxMs: 8000, multiplier: 1.5 }) =>
      Array.from({ length: n }, (_, i) => pollDelay({ ...o, n: i + 1, random: pinned(r) }));

    it("random 0.5: halfway between the initial and the nominal delay", () => {
      assert.deepEqual(delays(0.5), [1000, 1250, 1625, 2187, 3031, 4296, 4500, 4500]);
    });

    it("random 1: the nominal delay, capped at max", () => {
      assert.deepEqual(delays(1), [1000, 1500, 2250, 3375, 5062, 7593, 8000, 8000]);
    });

    it("random 0: never below the initial delay", () => {
      assert.deepEqual(delays(0, 4), [1000, 1000, 1000, 1000]);
    });

    it("initial = max gives a fixed interval", () => {
      assert.deepEqual(delays(0.9, 3, { initialMs: 2000, maxMs: 2000, multiplier: 1.5 }), [2000, 2000, 2000]);
    });

    it("stays finite for very long waits", () => {
      assert.equal(pollDelay({ n: 10_000, initialMs: 1000, maxMs: 8000, multiplier: 1.5, random: pinned(1) }), 8000);
    });
  });
});
