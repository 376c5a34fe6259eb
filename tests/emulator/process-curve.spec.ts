/**
 * The emulator's `Process` shapes (variant `alibaba.processCurve`, emulator/alibaba/progress.ts): how a running
 * Alibaba URL's percentage rises is undocumented, so the emulator offers a floored line, a rounded line and no signal.
 */
import assert from "node:assert/strict";
import { progressAt } from "../../emulator/alibaba/progress";
import type { PlannedOutcome } from "../../emulator/core/types";

const plan = { outcome: "success", durationMs: 20_000 } as PlannedOutcome;
const at = (curve: "linear" | "rounded" | "none", ms: number) => progressAt(plan, 0, ms, curve);

describe("emulator Process curves (alibaba.processCurve)", () => {
  it("every curve: Pending for the first tenth, Complete at 100 % from the duration on", () => {
    for (const curve of ["linear", "rounded", "none"] as const) {
      assert.deepEqual([at(curve, 1_999).status, at(curve, 1_999).percent], ["Pending", 0], curve);
      assert.deepEqual([at(curve, 20_000).status, at(curve, 20_000).percent, at(curve, 20_000).finishedAt], ["Complete", 100, 20_000], curve);
    }
  });

  it("linear floors the elapsed share, rounded rounds it, none stays at 0 while Refreshing; no curve reports 100 before done", () => {
    assert.deepEqual([at("linear", 2_100).percent, at("rounded", 2_100).percent, at("none", 2_100).percent], [10, 11, 0]);
    assert.equal(at("none", 2_100).status, "Refreshing");
    assert.deepEqual([at("linear", 19_999).percent, at("rounded", 19_999).percent, at("none", 19_999).percent], [99, 99, 0]);
  });
});
