/**
 * Alibaba ESA adapter through the real `@alicloud/esa20240910` SDK against a scripted server serving recorded bodies:
 * JSON-string parameters, numeric TaskId, the GET query window and paging, matching, history, quota.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { isCloudError } from "../../provider/model/errors";
import type { AlibabaEsaSpec } from "../../provider/model/spec";
import { pickTask } from "../../provider/adapters/alibaba-esa/query";
import { alibabaError, FixtureServer, fixture } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";

const spec: AlibabaEsaSpec = { cloud: "alibaba-esa", siteId: "123456789", hostnames: [], headers: {} };

describe("adapters: Alibaba ESA through the esa20240910 SDK (recorded bodies)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");
  const adapter = () => createAdapter("alibaba-esa", testConnection(endpoint), clock);

  beforeEach(async () => {
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

  it("queries with GET over a window around the batch, pages of 50 until TotalCount, matched by Content and TaskId", async () => {
    const recorded = fixture("alibaba-esa/describe-preload-tasks.json") as { TotalCount: number; Tasks: object[] };
    recorded.TotalCount = 3;
    const other = { Status: "Complete", CreateTime: "2026-11-23 07:59:00", Process: "100%", Content: "http://a.com/2.jpg", TaskId: "999" };
    const mine = { Status: "Refreshing", CreateTime: "2026-11-23 07:58:00", Process: "40%", Content: "http://a.com/2.jpg", TaskId: "1597854579687428" };
    server.queue("DescribePreloadTasks", { body: recorded }, { body: { RequestId: "R", TotalCount: 3, Tasks: [other, mine] } });
    const batch = { taskIds: ["1597854579687428"], urls: ["http://a.com/1.jpg?b=2", "http://a.com/2.jpg"], submittedAt: "2026-11-22T23:58:00Z" };
    const res = await adapter().query(spec, [batch]);
    const calls = server.calls("DescribePreloadTasks");
    assert.deepEqual(calls.map((c) => [c.method, c.query]), [1, 2].map((page) => ["GET", {
      SiteId: "123456789", StartTime: "2026-11-22T23:53:00Z", EndTime: "2026-11-23T00:05:00Z", PageNumber: String(page), PageSize: "50" }]));
    assert.deepEqual(res, { historyUnavailable: false, observations: [
      { url: "http://a.com/1.jpg?b=2", status: "succeeded", progress: 100, reason: null, taskId: "1597854579687428" },
      { url: "http://a.com/2.jpg", status: "running", progress: 40, reason: null, taskId: "1597854579687428" },
    ] });
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

  it("never truncates paging silently: stops at the guard only once every wanted URL was seen, else fails (transient)", async () => {
    const page = (content: string) => ({ body: { RequestId: "R", TotalCount: 1_000_000, Tasks: [{ TaskId: "7", Content: content, Status: "Refreshing", Process: "5%", CreateTime: "2026-11-23 07:59:00" }] } });
    const batch = { taskIds: ["7"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:58:00Z" };
    server.otherwise("DescribePreloadTasks", page("http://a.com/x"));
    const res = await adapter().query(spec, [batch]);
    assert.deepEqual(res.observations.map((o) => [o.url, o.status]), [["http://a.com/x", "running"]]);
    assert.equal(server.calls("DescribePreloadTasks").length, 100);
    server.otherwise("DescribePreloadTasks", page("http://a.com/other"));
    await assert.rejects(adapter().query(spec, [batch]),
      (e: unknown) => isCloudError(e) && e.kind === "transient" && e.code === "TooManyPages" && e.action === "DescribePreloadTasks");
  });

  it("keeps the window inside the 3-day history even for a batch close to its edge", async () => {
    server.otherwise("DescribePreloadTasks", { body: { RequestId: "R", TotalCount: 0, Tasks: [] } });
    const edge = { taskIds: ["3"], urls: ["http://a.com/z"], submittedAt: "2026-11-20T00:02:00Z" };
    assert.deepEqual(await adapter().query(spec, [edge]), { observations: [], historyUnavailable: false });
    assert.equal(server.calls("DescribePreloadTasks")[0].query.StartTime, "2026-11-20T00:05:00Z");
  });

  it("reads the plan's preload quota only when the instance id is known", async () => {
    assert.equal(await adapter().quota(spec), null);
    assert.equal(server.log.length, 0);
    server.queue("ListInstanceQuotas", { body: fixture("alibaba-esa/list-instance-quotas.json") });
    assert.deepEqual(await adapter().quota({ ...spec, instanceId: "sp-xcdn-96wblslz" }), { daily: 10000, remaining: null, perRequest: null });
    const [call] = server.calls("ListInstanceQuotas");
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

  it("prefers the task carrying the batch's id, else the newest task of that URL", () => {
    const older = { content: "u", taskId: "a", createTime: "2026-11-23 07:00:00" };
    const newer = { content: "u", taskId: "b", createTime: "2026-11-23 08:00:00" };
    assert.equal(pickTask([older, newer], ["a"]), older);
    assert.equal(pickTask([older, newer], ["zzz"]), newer);
    assert.equal(pickTask([], ["a"]), null);
  });
});
