import assert from "node:assert/strict";
import { summarize, violatesPolicy } from "../../provider/resources/summary";
import { nextQuotaReset } from "../../provider/resources/errors";
import type { UrlResult } from "../../provider/model/task";
import type { UrlStatus } from "../../provider/model/status";

const r = (status: UrlStatus, progress = 0): UrlResult => ({ url: `u${Math.random()}`, status, progress, reason: null, taskId: null });

describe("summary, failure policy, quota reset", () => {
  it("is running with floored progress while any URL is not terminal", () => {
    const s = summarize([r("succeeded"), r("running", 50), r("pending")]);
    assert.deepEqual(s, { status: "running", progress: 50, urlCount: 3, succeededCount: 1, failedCount: 0, pendingCount: 2 });
  });

  it("never shows 100% before the last URL is done", () => {
    assert.equal(summarize([r("succeeded"), r("running", 99.9)]).progress, 99);
  });

  it("classifies terminal sets", () => {
    assert.equal(summarize([r("succeeded"), r("succeeded")]).status, "succeeded");
    assert.equal(summarize([r("succeeded"), r("timeout")]).status, "partiallyFailed");
    assert.equal(summarize([r("canceled"), r("invalid"), r("rejected")]).status, "failed");
  });

  it("counts canceled, invalid and rejected as failures (never success)", () => {
    assert.equal(summarize([r("canceled"), r("invalid"), r("rejected"), r("succeeded")]).failedCount, 3);
  });

  it("applies the failure policy by count or percentage", () => {
    const s = summarize([r("failed"), r("succeeded"), r("succeeded"), r("succeeded")]);
    const none = { allowedFailures: null, allowedFailurePercent: null };
    assert.equal(violatesPolicy(s, none), true);
    assert.equal(violatesPolicy(s, { ...none, allowedFailures: 1 }), false);
    assert.equal(violatesPolicy(s, { ...none, allowedFailurePercent: 25 }), false);
    assert.equal(violatesPolicy(s, { ...none, allowedFailurePercent: 24.9 }), true);
    assert.equal(violatesPolicy(summarize([r("succeeded")]), none), false);
  });

  it("computes the next UTC+8 midnight", () => {
    assert.equal(nextQuotaReset(Date.parse("2026-11-23T10:00:00Z")), "2026-11-23T16:00:00Z");
    assert.equal(nextQuotaReset(Date.parse("2026-11-23T16:30:00Z")), "2026-11-24T16:00:00Z");
  });
});
