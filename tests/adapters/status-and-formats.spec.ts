/**
 * Pure tables: vendor status vocabularies, percentage strings, time formats, task id lists, quota strings.
 */
import assert from "node:assert/strict";
import { alibabaUrlStatus, parsePercent } from "../../provider/adapters/alibaba/status";
import { isoSeconds, parseEsaCreateTime } from "../../provider/adapters/alibaba/time";
import { preloadParams, splitTaskIds } from "../../provider/adapters/alibaba/push-params";
import { quotaNumber } from "../../provider/adapters/alibaba/quota";
import { edgeOneReason, edgeOneUrlStatus } from "../../provider/adapters/edgeone/status";
import { historyGone, olderThanDays } from "../../provider/adapters/history";
import type { UrlStatus } from "../../provider/model/status";

describe("adapters: status vocabularies and formats", () => {
  it("maps Alibaba statuses (Pending/Refreshing/Complete/Failed; unknown keeps polling)", () => {
    const table: [string | undefined, UrlStatus][] = [
      ["Pending", "pending"], ["Refreshing", "running"], ["Complete", "succeeded"], ["Failed", "failed"],
      ["complete", "succeeded"], [" Failed ", "failed"], ["Queued", "running"], ["", "running"], [undefined, "running"],
    ];
    for (const [vendor, ours] of table) assert.equal(alibabaUrlStatus(vendor), ours, String(vendor));
  });

  it("maps EdgeOne statuses, including the filter-only `invalid`", () => {
    const table: [string, UrlStatus][] = [
      ["processing", "running"], ["success", "succeeded"], ["failed", "failed"], ["timeout", "timeout"],
      ["canceled", "canceled"], ["invalid", "invalid"], ["SUCCESS", "succeeded"], ["later", "running"],
    ];
    for (const [vendor, ours] of table) assert.equal(edgeOneUrlStatus(vendor), ours, vendor);
  });

  it("joins EdgeOne FailType and FailMessage", () => {
    assert.equal(edgeOneReason("originPullFailed", "502 from origin"), "originPullFailed: 502 from origin");
    assert.equal(edgeOneReason("quotaExceeded", ""), "quotaExceeded");
    assert.equal(edgeOneReason(undefined, "only a message"), "only a message");
    assert.equal(edgeOneReason("", null), null);
  });

  it("parses Process/Success percentages with and without the % sign", () => {
    const table: [string | number | undefined | null, number | null][] = [
      ["47%", 47], ["100%", 100], ["10", 10], [" 5 % ", 5], ["0%", 0], ["12.5%", 12.5], ["150%", 100],
      ["", null], ["n/a", null], [undefined, null], [null, null], [30, 30],
    ];
    for (const [raw, n] of table) assert.equal(parsePercent(raw), n, String(raw));
  });

  it("formats request times as yyyy-MM-ddTHH:mm:ssZ", () => {
    assert.equal(isoSeconds(Date.parse("2023-03-22T17:00:00.987Z")), "2023-03-22T17:00:00Z");
  });

  it("reads ESA CreateTime (no zone: UTC+8) and ISO values with a zone", () => {
    assert.equal(parseEsaCreateTime("2023-03-28 14:28:57"), Date.parse("2023-03-28T06:28:57Z"));
    assert.equal(parseEsaCreateTime("2023-03-28T06:28:57Z"), Date.parse("2023-03-28T06:28:57Z"));
    assert.equal(parseEsaCreateTime("2023-03-28T14:28:57+08:00"), Date.parse("2023-03-28T06:28:57Z"));
    assert.equal(parseEsaCreateTime("2023-02-30 10:00:00"), null);
    assert.equal(parseEsaCreateTime("yesterday"), null);
    assert.equal(parseEsaCreateTime(undefined), null);
  });

  it("splits comma-separated task id lists", () => {
    assert.deepEqual(splitTaskIds("9524xxxx,9525xxxx"), ["9524xxxx", "9525xxxx"]);
    assert.deepEqual(splitTaskIds(" 1 , 2,,2 "), ["1", "2"]);
    assert.deepEqual(splitTaskIds(16401427840), ["16401427840"]);
    assert.deepEqual(splitTaskIds(""), []);
    assert.deepEqual(splitTaskIds(undefined), []);
  });

  it("reads Alibaba quota strings", () => {
    assert.equal(quotaNumber("500"), 500);
    assert.equal(quotaNumber(" 400 "), 400);
    assert.equal(quotaNumber(20), 20);
    assert.equal(quotaNumber(""), null);
    assert.equal(quotaNumber("-1"), null);
    assert.equal(quotaNumber(undefined), null);
  });

  it("builds CDN/DCDN submit parameters: URLs as given, joined by \\n; WithHeader maps names to arrays", () => {
    const spec = { cloud: "alibaba-cdn" as const, domain: null, area: "overseas" as const, l2Preload: true, queryHashkey: false, headers: { "Accept-Encoding": "gzip" } };
    assert.deepEqual(preloadParams(spec, ["example.com/a.png", "https://example.com/b c.png"]), {
      objectPath: "example.com/a.png\nhttps://example.com/b c.png", area: "overseas", l2Preload: true, queryHashkey: false,
      withHeader: '{"Accept-Encoding":["gzip"]}',
    });
    const bare = { ...spec, area: null, l2Preload: null, queryHashkey: null, headers: {} };
    assert.deepEqual(preloadParams(bare, ["example.com/a.png"]), { objectPath: "example.com/a.png" });
  });

  it("decides history by the batch age and what was seen", () => {
    const now = Date.parse("2026-11-23T00:00:00Z");
    assert.equal(olderThanDays("2026-11-19T23:59:59Z", 3, now), true);
    assert.equal(olderThanDays("2026-11-20T00:00:01Z", 3, now), false);
    assert.equal(olderThanDays("garbage", 3, now), false);
    const old = { taskIds: ["1"], urls: ["a.com/x"], submittedAt: "2026-11-19T00:00:00Z" };
    const recent = { taskIds: ["2"], urls: ["a.com/y"], submittedAt: "2026-11-22T23:00:00Z" };
    assert.equal(historyGone([old, recent], new Set(["a.com/y"]), 3, now), true, "an old batch shows nothing");
    assert.equal(historyGone([old], new Set(["a.com/x"]), 3, now), false, "the old batch is still visible");
    assert.equal(historyGone([recent], new Set(), 3, now), false, "a recent batch is merely not visible yet");
  });
});

describe("Alibaba refresh-task matching with merged task ids", () => {
  it("prefers the newest report of a URL reported twice under one id", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { observeRefreshTasks } = require("../../provider/adapters/alibaba/refresh-tasks");
    const batches = [{ taskIds: ["17"], urls: ["cdn.example.com/a.js"], submittedAt: "2026-11-23T00:00:01Z" }];
    const items = [
      { taskId: "17", objectPath: "http://cdn.example.com/a.js", status: "Refreshing", process: "20%", creationTime: "2026-11-23T00:00:01Z" },
      { taskId: "17", objectPath: "http://cdn.example.com/a.js", status: "Complete", process: "100%", creationTime: "2026-11-23T00:00:00Z" },
    ];
    const obs = observeRefreshTasks(items, batches);
    require("node:assert/strict").deepEqual(obs.map((o: { status: string; progress: number }) => [o.status, o.progress]), [["running", 20]]);
  });
});
