import assert from "node:assert/strict";
import { diffInputs } from "../../provider/resources/diff";
import { INPUTS } from "../../provider/resources/inputs";
import { UNKNOWN } from "../../provider/resources/unknown";

const olds = {
  zoneId: "zone-abc", urls: ["https://a.example.com/x"], triggers: { release: "1" }, waitTimeoutSeconds: 60,
  __provider: "exports.handler = v1", status: "succeeded", progress: 100,
};

describe("diff (replace vs update)", () => {
  it("reports no change for identical inputs (outputs-only keys ignored)", () => {
    const { status: _s, progress: _p, ...inputs } = olds;
    assert.deepEqual(diffInputs(olds, inputs), { changes: false, replaces: [], deleteBeforeReplace: false });
  });

  for (const [key, value] of [
    ["zoneId", "zone-other"], ["mode", "edge"], ["headers", { A: "b" }],
    ["area", "overseas"], ["domain", "b.example.com"], ["siteId", 5], ["l2Preload", true], ["endpoint", "http://127.0.0.1:1"],
    ["existingTaskIds", ["t1"]],
  ] as const) {
    it(`replaces when ${key} changes`, () => {
      const d = diffInputs(olds, { ...olds, [key]: value });
      assert.equal(d.changes, true);
      assert.deepEqual(d.replaces, [key]);
    });
  }

  for (const [key, value] of [
    ["triggers", { release: "2" }], ["waitTimeoutSeconds", 120], ["allowedFailures", 2], ["wait", false],
    ["progressLabel", "assets"], ["__provider", "exports.handler = v2"], ["secretInputs", ["urls"]], ["zoneName", "example.com"],
    ["instanceId", "sp-1"], ["pollIntervalSeconds", 2], ["allowedFailurePercent", 5], ["urls", ["https://a.example.com/y"]],
    ["urls", [{ url: "https://a.example.com/x", version: "2" }]], ["purgeFirst", true], ["purgeMethod", "delete"],
  ] as const) {
    it(`updates in place when ${key} changes`, () => {
      const d = diffInputs(olds, { ...olds, [key]: value });
      assert.equal(d.changes, true);
      assert.deepEqual(d.replaces, []);
    });
  }

  it("follows the input table for every input", () => {
    for (const [key, def] of Object.entries(INPUTS)) {
      const d = diffInputs(olds, { ...olds, [key]: "changed" });
      assert.equal(d.changes, true, key);
      assert.deepEqual(d.replaces, def.onChange === "replace" ? [key] : [], key);
    }
  });

  it("treats unknown URL values in preview as an update (only new or changed URLs will run)", () => {
    const d = diffInputs(olds, { ...olds, urls: [UNKNOWN] });
    assert.equal(d.changes, true);
    assert.deepEqual(d.replaces, []);
  });

  it("replaces on a urls change when the tasks are adopted (existingTaskIds): nothing of them is ever submitted here", () => {
    const adopted = { ...olds, existingTaskIds: ["t1"] };
    assert.deepEqual(diffInputs(adopted, { ...adopted, urls: ["https://a.example.com/y"] }).replaces, ["urls"]);
  });

  it("ignores object key order", () => {
    const a = { ...olds, headers: { A: "1", B: "2" } };
    assert.equal(diffInputs(a, { ...a, headers: { B: "2", A: "1" } }).changes, false);
  });
});
