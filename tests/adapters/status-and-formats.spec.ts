/**
 * Pure tables: vendor status vocabularies, percentage strings, time formats, task id lists, quota strings.
 */
import assert from "node:assert/strict";
import { alibabaUrlStatus, parsePercent, unknownAlibabaStatus } from "../../provider/adapters/alibaba/status";
import { isoSeconds, parseEsaCreateTime } from "../../provider/adapters/alibaba/time";
import { preloadParams, splitTaskIds } from "../../provider/adapters/alibaba/push-params";
import { quotaNumber } from "../../provider/adapters/alibaba/quota";
import { edgeOneReason, edgeOneUrlStatus, unknownEdgeOneStatus } from "../../provider/adapters/edgeone/status";
import { observeTeoTask } from "../../provider/adapters/edgeone/query";
import { observeTask } from "../../provider/adapters/alibaba/refresh-tasks";
import { observeDetailUrl } from "../../provider/adapters/alibaba-cdn/status";
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

  it("names a status it does not know (unknownStatus) and keeps it running; known statuses carry none", () => {
    assert.deepEqual([unknownAlibabaStatus("Queued"), unknownAlibabaStatus(" complete "), unknownAlibabaStatus(""), unknownAlibabaStatus(undefined)],
      ["Queued", null, "(none)", "(none)"]);
    assert.deepEqual([unknownEdgeOneStatus("later"), unknownEdgeOneStatus("SUCCESS"), unknownEdgeOneStatus("constructor"), unknownEdgeOneStatus(null)],
      ["later", null, "constructor", "(none)"]);
    const teo = observeTeoTask("http://a.com/x", { JobId: "j", Target: "http://a.com/x", Status: "paused" }, "j");
    assert.deepEqual([teo.status, teo.unknownStatus], ["running", "paused"]);
    assert.equal("unknownStatus" in observeTeoTask("http://a.com/x", { JobId: "j", Status: "success" }, "j"), false);
    const ali = observeTask("a.com/x", { taskId: "1", objectPath: "http://a.com/x", status: "Queued", process: "0%" });
    assert.deepEqual([ali.status, ali.unknownStatus], ["running", "Queued"]);
    assert.equal(observeTask("a.com/x", { taskId: "1", status: "Complete" }).unknownStatus, undefined);
  });

  it("names an unknown CDN detail status only when the URL's own description does not settle it", () => {
    const running = observeDetailUrl("a.com/x", { taskId: "1", status: "Queued" }, { url: "/x", success: "10%" });
    assert.deepEqual([running.status, running.unknownStatus], ["running", "Queued"]);
    const settled = observeDetailUrl("a.com/x", { taskId: "1", status: "Queued" }, { url: "/x", description: "Successfully preloaded" });
    assert.deepEqual([settled.status, settled.unknownStatus], ["succeeded", undefined]);
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
