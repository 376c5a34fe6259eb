/**
 * The comparison bench's pure parts (bench/compare): how a figure is computed from what the tools and the emulator
 * recorded, how a target is judged, and the Terraform sleep schedule P2 follows. No timing is asserted.
 */
import assert from "node:assert/strict";
import { callsLowerBound, pollsNeeded } from "../../bench/compare/bounds";
import { terraformSleeps } from "../../bench/compare/contenders/p2-terraform";
import { outputSizes, timings, toolFigures, type InstancePart } from "../../bench/compare/measure";
import { durationRules, scenarios } from "../../bench/compare/scenarios";
import { callVerdicts, concurrencyVerdicts, outputVerdicts, overshootBounds, overshootVerdicts } from "../../bench/compare/targets";

const full = (p: string) => `https://cdn.example.com${p}`;

function part(returnedAt: number[], finishes: number[], calls: Record<string, number>, throttled = 0): InstancePart {
  const plans = returnedAt.map((_, i) => ({ name: `r${i}`, urls: [`/b/t/r${i}/d1000/u0.js`] }));
  return {
    plans,
    outcomes: returnedAt.map((t, i) => ({ name: `r${i}`, startedAt: 0, returnedAt: t })),
    record: {
      calls, throttled,
      finishes: new Map(plans.map((p, i) => [`cdn.example.com${p.urls[0]}`, finishes[i]])),
      accepted: new Map(plans.map((p) => [`cdn.example.com${p.urls[0]}`, 0])),
    },
    fullUrl: full,
  };
}

describe("bench comparison: figures and targets", () => {
  it("P2 sleeps as terraform-plugin-sdk's resource.Retry: 0.5, 1, 2, 4, 8, then 10 s", () => {
    const it = terraformSleeps();
    assert.deepEqual(Array.from({ length: 8 }, () => it.next().value), [500, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });

  it("the fewest polls that guarantee an overshoot bound for an unknown finish: each poll at most the bound after the last", () => {
    assert.equal(pollsNeeded(3000, () => 1000), 3, "polls at 1, 2, 3 s");
    assert.equal(pollsNeeded(3001, () => 1000), 4);
    assert.equal(pollsNeeded(40_000, (d) => Math.max(2000, 0.1 * d)), 10 + 8, "2 s apart up to 20 s, then ×1.1: 22, 24.2, … 42.9 s");
    const b = callsLowerBound([20_000, 90_000]);
    assert.deepEqual(b, { mean: (1 + 20 + 1 + 51) / 2, max: (1 + 10 + 1 + 26) / 2 }, "one submit each, then the polls");
  });

  it("one outcome rule per distinct duration named in the URLs", () => {
    assert.deepEqual(durationRules(["/b/x/r0/d3000/u0.js", "/b/x/r1/d3000/u0.js", "/b/x/r2/d13000/u0.js"]).map((r) => [r.match, r.durationMs]),
      [["/d3000/", 3000], ["/d13000/", 13000]]);
    const tenK = scenarios(true).find((s) => s.urlsPerResource === 10_000)!;
    assert.equal(new Set(tenK.instances[0].resources[0].urls).size, 10_000, "every URL is distinct");
  });

  it("overshoot is the return minus the last finish; the job runs from the first acceptance; unaccepted URLs give no timing", () => {
    const p = part([5_000, 9_000], [4_000, 6_000], {});
    assert.deepEqual(timings(p.outcomes, p.plans, p.record, full), [{ overshootMs: 1_000, jobMs: 4_000 }, { overshootMs: 3_000, jobMs: 6_000 }]);
    p.record.finishes.clear();
    assert.deepEqual(timings(p.outcomes, p.plans, p.record, full), []);
  });

  it("outputs beyond the echoed inputs leave out properties equal to an input", () => {
    const s = outputSizes({ urls: ["a", "b"], status: "succeeded" }, { urls: ["a", "b"] }, ["a", "b"]);
    assert.equal(s.beyondInputs, Buffer.byteLength(JSON.stringify({ status: "succeeded" })));
    assert.equal(s.bytes, Buffer.byteLength(JSON.stringify({ urls: ["a", "b"], status: "succeeded" })));
  });

  it("judges overshoot against max(1 s, 5 %) for the mean and max(2 s, 10 %) per resource", () => {
    assert.deepEqual(overshootBounds(90_000), { mean: 4_500, max: 9_000 });
    assert.deepEqual(overshootBounds(3_000), { mean: 1_000, max: 2_000 });
    const good = toolFigures([part([4_500, 6_500], [4_000, 6_000], {})]);
    assert.deepEqual(overshootVerdicts(good).map((v) => v.met), [true, true, true]);
    const late = toolFigures([part([4_500, 8_500], [4_000, 6_000], {})]);
    assert.deepEqual(overshootVerdicts(late).map((v) => v.met), [false, false, true]);
    const early = toolFigures([part([3_900], [4_000], {})]);
    assert.equal(overshootVerdicts(early)[2].met, false, "a return before the last finish is flagged");
  });

  it("judges calls against P2, stricter with 10 and 50 resources, and throttles with 50", () => {
    const us = toolFigures([part([1, 1], [0, 0], { Describe: 4, Create: 2 })]);
    const p2 = toolFigures([part([1, 1], [0, 0], { Describe: 8, Create: 2 })]);
    assert.deepEqual(callVerdicts(us, p2, 1).map((v) => v.met), [true]);
    assert.deepEqual(callVerdicts(us, p2, 10).map((v) => v.met), [true, false], "3 vs 5 per prefetch is not ≤ 0.5 ×");
    assert.deepEqual(concurrencyVerdicts(toolFigures([part([1], [0], {}, 1)]), 50).map((v) => v.met), [false]);
    assert.deepEqual(concurrencyVerdicts(us, 10), []);
  });

  it("judges the 10,000-URL outputs only when such a resource succeeded", () => {
    const figures = toolFigures([part([1], [0], {})]);
    assert.deepEqual(outputVerdicts(figures), []);
    figures.sizes = { bytes: 90_000, beyondInputs: 64_001, urls: 10_000 };
    assert.equal(outputVerdicts(figures)[0].met, false);
    figures.sizes.beyondInputs = 64_000;
    assert.equal(outputVerdicts(figures)[0].met, true);
  });
});
