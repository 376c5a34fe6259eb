/**
 * Alibaba ESA adapter through the real `@alicloud/esa20240910` SDK against a scripted server serving recorded bodies:
 * JSON-string parameters, numeric TaskId, the GET query window (from the submit second less the skew margin to now),
 * `Content` lookups and paging, matching by URL, id and creation time under both zones, history, quota with usage.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { isCloudError } from "../../provider/model/errors";
import type { AlibabaEsaSpec } from "../../provider/model/spec";
import { createdAtOf, esaWindow, isOurs, zoneEvidence } from "../../provider/adapters/alibaba-esa/query";
import { forgetAll } from "../../provider/adapters/memory";
import { alibabaError, FixtureServer, fixture } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";

const spec: AlibabaEsaSpec = { cloud: "alibaba-esa", siteId: "123456789", hostnames: [], headers: {} };

describe("adapters: Alibaba ESA through the esa20240910 SDK (recorded bodies)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");
  const adapter = () => createAdapter("alibaba-esa", testConnection(endpoint), clock);

  beforeEach(async () => {
    forgetAll();
    server = new FixtureServer();
    endpoint = await server.start();
    clock.set("2026-11-23T00:00:00Z");
  });
  afterEach(() => server.close());

  it("submits PreloadCaches with Content and Headers as JSON strings and reads a numeric TaskId", async () => {
    server.queue("PreloadCaches", { body: fixture("alibaba-esa/preload-caches.json") });
    const res = await adapter().submit({ ...spec, headers: { "Accept-Encoding": "gzip" } }, ["http://a.com/1.jpg?b=2", "http://a.com/2.jpg"]);
    assert.deepEqual(res, { taskIds: ["16401427840"], rejected: [] });
    const [call] = server.calls("PreloadCaches");
    assert.equal(call.method, "POST");
    assert.deepEqual(call.query, { Content: '["http://a.com/1.jpg?b=2","http://a.com/2.jpg"]', Headers: '{"Accept-Encoding":"gzip"}', SiteId: "123456789" });
  });

  it("queries with GET from the submit second less the skew margin to now, one Content lookup per URL, matched by URL and id", async () => {
    const recorded = fixture("alibaba-esa/describe-preload-tasks.json");
    const other = { Status: "Complete", CreateTime: "2026-11-23 07:59:00", Process: "100%", Content: "http://a.com/2.jpg", TaskId: "999" };
    const mine = { Status: "Refreshing", CreateTime: "2026-11-23 07:58:00", Process: "40%", Content: "http://a.com/2.jpg", TaskId: "1597854579687428" };
    server.queue("DescribePreloadTasks", { body: recorded }, { body: { RequestId: "R", TotalCount: 2, Tasks: [other, mine] } });
    const batch = { taskIds: ["1597854579687428"], urls: ["http://a.com/1.jpg?b=2", "http://a.com/2.jpg"], submittedAt: "2026-11-22T23:58:00Z" };
    const res = await adapter().query(spec, [batch]);
    const calls = server.calls("DescribePreloadTasks");
    assert.deepEqual(calls.map((c) => [c.method, c.query]), batch.urls.map((content) => ["GET", {
      SiteId: "123456789", Content: content, StartTime: "2026-11-22T23:56:00Z", EndTime: "2026-11-23T00:00:00Z", PageNumber: "1", PageSize: "50" }]));
    assert.deepEqual(res, { historyUnavailable: false, observations: [
      { url: "http://a.com/1.jpg?b=2", status: "succeeded", progress: 100, reason: null, taskId: "1597854579687428" },
      { url: "http://a.com/2.jpg", status: "running", progress: 40, reason: null, taskId: "1597854579687428" },
    ] }, "a task carrying the batch's id wins over a newer one of the same URL");
  });

  it("without the batch's id, takes only tasks created at or after the submit second; an earlier run's task is not ours", async () => {
    const earlier = { Status: "Complete", CreateTime: "2026-11-23 07:57:59", Process: "100%", Content: "http://a.com/x", TaskId: "1" };
    server.otherwise("DescribePreloadTasks", { body: { RequestId: "R", TotalCount: 1, Tasks: [earlier] } });
    const batch = { taskIds: ["16401427840"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:58:00.500Z" };
    assert.deepEqual(await adapter().query(spec, [batch]), { observations: [], historyUnavailable: false }, "no task of ours yet: pending");
    const ours = { ...earlier, Status: "Refreshing", Process: "10%", CreateTime: "2026-11-23 07:58:00", TaskId: "2" };
    server.otherwise("DescribePreloadTasks", { body: { RequestId: "R", TotalCount: 2, Tasks: [ours, earlier] } });
    assert.deepEqual((await adapter().query(spec, [batch])).observations.map((o) => [o.status, o.taskId]), [["running", "2"]]);
  });

  it("asks about every batch it is given; only an InvalidTime refusal makes historyUnavailable; other errors propagate", async () => {
    server.queue("DescribePreloadTasks", { body: { RequestId: "R", TotalCount: 0, Tasks: [] } });
    const old = { taskIds: ["1"], urls: ["http://a.com/x"], submittedAt: "2026-11-19T23:00:00Z" };
    assert.deepEqual(await adapter().query(spec, [old]), { observations: [], historyUnavailable: false }, "empty is not gone");
    assert.equal(server.calls("DescribePreloadTasks").length, 1);
    server.queue("DescribePreloadTasks", alibabaError(400, "InvalidTime", "The query time cannot exceed the last 3 days."));
    const young = { taskIds: ["2"], urls: ["http://a.com/y"], submittedAt: "2026-11-22T00:00:00Z" };
    assert.deepEqual(await adapter().query(spec, [young]), { observations: [], historyUnavailable: true });
    server.queue("DescribePreloadTasks", alibabaError(400, "Throttling.User"));
    await assert.rejects(adapter().query(spec, [young]), (e: unknown) => isCloudError(e) && e.kind === "throttled");
  });

  it("stops a listing once every URL has a task of ours; never truncates silently: the page guard is an error naming it", async () => {
    const urls = Array.from({ length: 11 }, (_, i) => `http://a.com/${i}`);
    const page = (contents: string[]) => ({ body: { RequestId: "R", TotalCount: 1_000_000, Tasks: contents.map((content, i) => ({
      TaskId: String(i), Content: content, Status: "Refreshing", Process: "5%", CreateTime: "2026-11-23 07:59:00" })) } });
    const batch = { taskIds: ["7"], urls, submittedAt: "2026-11-22T23:58:00Z" };
    server.otherwise("DescribePreloadTasks", page(urls));
    const res = await adapter().query(spec, [batch]);
    assert.equal(res.observations.length, urls.length);
    assert.equal(server.calls("DescribePreloadTasks").length, 1, "every URL found on the first page");
    assert.equal(server.calls("DescribePreloadTasks")[0].query.Content, undefined, "more than 10 URLs: one listing");
    server.otherwise("DescribePreloadTasks", page(["http://a.com/other"]));
    await assert.rejects(adapter().query(spec, [batch]), (e: unknown) => isCloudError(e) && e.kind === "transient" &&
      e.code === "TooManyPages" && e.action === "DescribePreloadTasks" && /ESA_MAX_PAGES/.test(e.message));
    assert.equal(server.calls("DescribePreloadTasks").length, 1 + 100);
  });

  it("keeps the window inside the 3-day history even for a batch close to its edge", async () => {
    server.otherwise("DescribePreloadTasks", { body: { RequestId: "R", TotalCount: 0, Tasks: [] } });
    const edge = { taskIds: ["3"], urls: ["http://a.com/z"], submittedAt: "2026-11-20T00:02:00Z" };
    assert.deepEqual(await adapter().query(spec, [edge]), { observations: [], historyUnavailable: false });
    assert.equal(server.calls("DescribePreloadTasks")[0].query.StartTime, "2026-11-20T00:05:00Z");
    assert.equal(server.calls("DescribePreloadTasks")[0].query.EndTime, "2026-11-23T00:00:00Z", "never in the future");
  });

  it("reads the plan's preload quota and its usage only when the instance id is known", async () => {
    assert.equal(await adapter().quota(spec), null);
    assert.equal(server.log.length, 0);
    const quotas = (usage: string | undefined) => ({ body: { RequestId: "R", InstanceId: "sp-xcdn-96wblslz", Status: "online",
      Quotas: [{ QuotaName: "preload", QuotaValue: "10000", ...(usage === undefined ? {} : { Usage: usage }),
        SiteUsage: [{ SiteId: 123456789, SiteName: "a.com", SiteUsage: "30" }] }] } });
    server.queue("ListInstanceQuotasWithUsage", quotas("42"), quotas("12000"), quotas(undefined));
    const withPlan = { ...spec, instanceId: "sp-xcdn-96wblslz" };
    assert.deepEqual(await adapter().quota(withPlan), { daily: 10000, remaining: 9958, perRequest: null }, "the plan's usage, not the site's");
    assert.deepEqual(await adapter().quota(withPlan), { daily: 10000, remaining: 9958, perRequest: null }, "remembered for the plan: no call");
    assert.equal(server.calls("ListInstanceQuotasWithUsage").length, 1);
    assert.deepEqual(await adapter().quota(withPlan, { fresh: true }), { daily: 10000, remaining: 0, perRequest: null });
    assert.deepEqual(await adapter().quota(withPlan, { fresh: true }), { daily: 10000, remaining: null, perRequest: null }, "no usage: not checked");
    const [call] = server.calls("ListInstanceQuotasWithUsage");
    assert.equal(call.method, "GET");
    assert.deepEqual(call.query, { InstanceId: "sp-xcdn-96wblslz", QuotaNames: "preload", SiteId: "123456789" });
  });

  it("classifies an unknown site and refuses a site id a number cannot hold", async () => {
    server.queue("PreloadCaches", alibabaError(404, "InvalidSiteId.NotFound"), alibabaError(400, "InvalidParameter.RecordNotBelongToSite"));
    for (const kind of ["invalid", "invalid"]) {
      await assert.rejects(adapter().submit(spec, ["http://a.com/x"]), (e: unknown) => isCloudError(e) && e.kind === kind);
    }
    await assert.rejects(adapter().submit({ ...spec, siteId: "99999999999999999999" }, ["http://a.com/x"]),
      (e: unknown) => isCloudError(e) && e.kind === "invalid" && e.code === "InvalidSiteId");
  });

  it("reads CreateTime's zone from the window the server filtered on, and accepts a task under either zone only while unknown", () => {
    const window = { startMs: Date.parse("2026-11-22T23:56:00Z"), endMs: Date.parse("2026-11-23T00:00:00Z") };
    const at = (createTime: string, taskId = "x") => ({ content: "u", taskId, createTime });
    assert.equal(zoneEvidence([at("2026-11-23 07:58:00")], window), "utc8", "read as UTC it would be after the window's end");
    assert.equal(zoneEvidence([at("2026-11-22 23:58:00")], window), "utc", "read as UTC+8 it would be before the window's start");
    assert.equal(zoneEvidence([at("2026-11-22 23:58:00"), at("2026-11-23 07:58:00")], window), null, "contradictory: no verdict");
    assert.equal(zoneEvidence([at("2026-11-22T23:58:00Z")], window), null, "a time with a zone proves nothing about the others");
    const search = { batch: { taskIds: ["mine"], urls: ["u"], submittedAt: "2026-11-22T23:58:00Z" }, ids: new Set(["mine"]), anchorMs: Date.parse("2026-11-22T23:58:00Z") };
    const end = window.endMs;
    for (const zone of [null, "utc8", "utc"] as const) {
      assert.equal(isOurs(at("2026-11-23 07:58:00"), search, zone, end), zone !== "utc", `utc8-stamped, zone ${zone}`);
      assert.equal(isOurs(at("2026-11-22 23:58:00"), search, zone, end), zone !== "utc8", `utc-stamped, zone ${zone}`);
      assert.equal(isOurs(at("2026-11-23 07:57:59"), search, zone, end), false, `a second before the submit, zone ${zone}`);
      assert.equal(isOurs(at("2026-11-22 23:57:59"), search, zone, end), false);
      assert.equal(isOurs(at("2026-11-23 07:50:00", "mine"), search, zone, end), true, "carries the batch's id");
    }
    assert.equal(createdAtOf(at("2026-11-23 07:58:00"), null, window), Date.parse("2026-11-22T23:58:00Z"));
    assert.equal(createdAtOf(at("2026-11-22 23:58:00"), null, window), Date.parse("2026-11-22T23:58:00Z"));
    assert.equal(createdAtOf(at("bad"), null, window), null);
  });

  it("searches from windowStart (adopted tasks) and keeps the window inside the history", () => {
    const now = Date.parse("2026-11-23T00:00:00.700Z");
    assert.deepEqual(esaWindow([Date.parse("2026-11-22T23:58:00Z")], now, 3),
      { startMs: Date.parse("2026-11-22T23:56:00Z"), endMs: Date.parse("2026-11-23T00:00:00Z") });
    assert.deepEqual(esaWindow([Date.parse("2026-11-19T00:00:00Z")], now, 3),
      { startMs: Date.parse("2026-11-20T00:05:01Z"), endMs: Date.parse("2026-11-23T00:00:00Z") });
  });
});
