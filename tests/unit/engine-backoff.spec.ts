import assert from "node:assert/strict";
import { fullJitterDelay } from "../../provider/engine/backoff";

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
});
