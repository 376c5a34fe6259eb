/**
 * Pure tables for CDN `DescribePreloadDetailById` (seed 000; alibaba-cdn/status.ts): per-URL status from the task
 * status, `Success` and `Description`, and the mapping of `Domain` + path back to the submitted URL.
 */
import assert from "node:assert/strict";
import { detailUrl, detailUrlStatus, observePreloadDetails } from "../../provider/adapters/alibaba-cdn/status";
import type { UrlStatus } from "../../provider/model/status";

describe("adapters: CDN preload detail", () => {
  it("derives each URL's status", () => {
    const table: [UrlStatus, number | null, string, UrlStatus][] = [
      ["succeeded", 47, "Successfully preloaded", "succeeded"],
      ["running", 100, "Successfully preloaded", "succeeded"],
      ["failed", 100, "Successfully preloaded", "succeeded"],
      ["succeeded", 47, "node1: Origin Timeout|node2: 5XX", "succeeded"],
      ["succeeded", 0, "Origin Timeout", "failed"],
      ["failed", 30, "Origin Timeout", "failed"],
      ["running", 0, "Origin Return StatusCode 5XX", "failed"],
      ["running", 40, "node1: Origin Timeout", "running"],
      ["running", 40, "", "running"],
      ["succeeded", null, "", "succeeded"],
      ["failed", null, "", "failed"],
    ];
    for (const [task, success, description, expected] of table) {
      assert.equal(detailUrlStatus(task, success, description), expected, `${task}/${success}/${description}`);
    }
  });

  it("joins Domain and path (trailing line breaks trimmed) and keeps full URLs", () => {
    assert.equal(detailUrl("example.com", "/abc.jpg\n"), "example.com/abc.jpg");
    assert.equal(detailUrl("example.com", "abc.jpg?x=1"), "example.com/abc.jpg?x=1");
    assert.equal(detailUrl("example.com", "https://example.com/abc.jpg"), "https://example.com/abc.jpg");
  });

  it("observes a mixed task: success, POP-partial success, failure, running", () => {
    const items = [{ taskId: "7", domain: "example.com", status: "Failed", process: "75%", urls: [
      { url: "/ok.png", success: "100%", description: "Successfully preloaded" },
      { url: "/bad.png", success: "0%", description: "Origin Timeout" },
    ] }, { taskId: "8", domain: "example.com", status: "Complete", process: "100%", urls: [
      { url: "/part.png", success: "60%", description: "hz-1: Origin Timeout|sh-2: Internal Error" },
    ] }, { taskId: "9", domain: "example.com", status: "Refreshing", process: "20%", urls: [{ url: "/slow.png", success: "20%", description: "" }] }];
    const batches = [{ taskIds: ["7", "8", "9"], urls: ["http://example.com/ok.png", "example.com/bad.png", "example.com/part.png", "https://example.com/slow.png"], submittedAt: "2026-11-22T00:00:00Z" }];
    assert.deepEqual(observePreloadDetails(items, batches), [
      { url: "http://example.com/ok.png", status: "succeeded", progress: 100, reason: null, taskId: "7" },
      { url: "example.com/bad.png", status: "failed", progress: 100, reason: "Origin Timeout", taskId: "7" },
      { url: "example.com/part.png", status: "succeeded", progress: 100, reason: "warmed on 60% of POPs; failures: hz-1: Origin Timeout; sh-2: Internal Error", taskId: "8" },
      { url: "https://example.com/slow.png", status: "running", progress: 20, reason: null, taskId: "9" },
    ]);
  });
});
