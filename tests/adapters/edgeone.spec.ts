/**
 * EdgeOne adapter through the real `tencentcloud-sdk-nodejs-teo` SDK against a scripted server serving recorded
 * TEO bodies: wire format, FailedList, paging, status mapping, quota, error classification, history.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { isCloudError, type CloudError } from "../../provider/model/errors";
import type { EdgeOneSpec } from "../../provider/model/spec";
import { FixtureServer, fixture, tencent, tencentError } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";

const spec: EdgeOneSpec = { cloud: "edgeone", zoneId: "zone-2noz78a8ev6k", mode: null, headers: {}, prefetchMediaSegments: null };

async function rejection(p: Promise<unknown>): Promise<CloudError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isCloudError(e), `expected a CloudError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected a rejection");
}

describe("adapters: EdgeOne through the TEO SDK (recorded bodies)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");
  const adapter = () => createAdapter("edgeone", testConnection(endpoint, { region: "" }), clock);

  beforeEach(async () => {
    server = new FixtureServer();
    endpoint = await server.start();
  });
  afterEach(() => server.close());

  it("submits CreatePrefetchTask with Targets, Headers pairs, Mode and media segments", async () => {
    server.queue("CreatePrefetchTask", { body: fixture("edgeone/create-prefetch-task.json") });
    const full: EdgeOneSpec = { ...spec, mode: "edge", headers: { "Accept-Encoding": "gzip" }, prefetchMediaSegments: true };
    const res = await adapter().submit(full, ["http://www.example.com/a.txt", "https://www.example.com/b.txt"]);
    assert.deepEqual(res, { taskIds: ["20ga521cpwch"], rejected: [] });
    const [call] = server.calls("CreatePrefetchTask");
    assert.deepEqual(call.json, {
      ZoneId: "zone-2noz78a8ev6k", Targets: ["http://www.example.com/a.txt", "https://www.example.com/b.txt"], Mode: "edge",
      Headers: [{ Name: "Accept-Encoding", Value: "gzip" }], PrefetchMediaSegments: "on",
    });
    assert.equal(call.headers["x-tc-version"], "2022-09-01");
    assert.equal(call.headers["x-tc-region"], undefined, "no region: header omitted");
    assert.match(String(call.headers.authorization), /^TC3-HMAC-SHA256 Credential=test-key-id\//);
  });

  it("leaves unset options out and reports FailedList ({Reason, Targets[]}) as rejected URLs", async () => {
    server.queue("CreatePrefetchTask", tencent({ JobId: "job-2", FailedList: [{ Reason: "domain not in zone", Targets: ["http://other.com/x"] }] }));
    const res = await adapter().submit(spec, ["http://www.example.com/a.txt", "http://other.com/x"]);
    assert.deepEqual(res, { taskIds: ["job-2"], rejected: [{ url: "http://other.com/x", reason: "domain not in zone" }] });
    assert.deepEqual(server.calls("CreatePrefetchTask")[0].json, { ZoneId: spec.zoneId, Targets: ["http://www.example.com/a.txt", "http://other.com/x"] });
    server.queue("CreatePrefetchTask", tencent({ JobId: "job-3", FailedList: null }));
    assert.deepEqual(await adapter().submit(spec, ["http://www.example.com/a.txt"]), { taskIds: ["job-3"], rejected: [] });
  });

  it("queries by job-id, pages with Offset until TotalCount, maps statuses and reasons to submitted URLs", async () => {
    const page1 = fixture("edgeone/describe-prefetch-tasks.json") as { Response: { TotalCount: number } };
    page1.Response.TotalCount = 3;
    server.queue("DescribePrefetchTasks", { body: page1 },
      tencent({ TotalCount: 3, Tasks: [{ JobId: "20g9wz8m9mgx", Status: "processing", Target: "http://www.qq.com/c%20d.txt" }] }));
    const batch = { taskIds: ["20g9wz8m9mgx"], urls: ["http://www.qq.com/a.txt", "http://www.qq.com/b.txt", "http://www.qq.com/c d.txt"], submittedAt: "2026-11-22T23:59:00Z" };
    const res = await adapter().query(spec, [batch]);
    const calls = server.calls("DescribePrefetchTasks");
    assert.deepEqual(calls.map((c) => c.json), [0, 2].map((Offset) => ({
      ZoneId: spec.zoneId, Offset, Limit: 1000, Filters: [{ Name: "job-id", Values: ["20g9wz8m9mgx"] }],
    })));
    assert.equal(res.historyUnavailable, false);
    assert.deepEqual(res.observations, [
      { url: "http://www.qq.com/a.txt", status: "succeeded", progress: 100, reason: null, taskId: "20g9wz8m9mgx" },
      { url: "http://www.qq.com/b.txt", status: "failed", progress: 100, taskId: "20g9wz8m9mgx",
        reason: "originPullFailed: Origin-pull failure, retry or check if the origin server exists, service unavailable or response timeout, throttling policy triggered, security policy restricted, network failure, bandwidth/connection limit." },
      { url: "http://www.qq.com/c d.txt", status: "running", progress: null, reason: null, taskId: "20g9wz8m9mgx" },
    ]);
  });

  it("reads the prefetch_url quota and raises urlsPerRequest to the zone's Batch", async () => {
    server.queue("DescribeContentQuota", { body: fixture("edgeone/describe-content-quota.json") });
    const a = adapter();
    assert.equal(a.limits.urlsPerRequest, 100, "conservative until the quota is known");
    assert.deepEqual(await a.quota(spec), { daily: 10000, remaining: 10000, perRequest: 1000 });
    assert.equal(a.limits.urlsPerRequest, 1000);
    assert.deepEqual(server.calls("DescribeContentQuota")[0].json, { ZoneId: spec.zoneId });
    server.queue("DescribeContentQuota", tencent({ PurgeQuota: null, PrefetchQuota: null }));
    assert.equal(await a.quota(spec), null);
  });

  it("classifies business errors (HTTP 200), bare HTTP statuses and network failures", async () => {
    server.queue("CreatePrefetchTask", tencentError("RequestLimitExceeded", "too many"),
      tencentError("AuthFailure.SignatureFailure"), tencentError("LimitExceeded.DailyQuota"),
      tencentError("InvalidParameter.Target"), tencentError("InternalError.BackendError"),
      { status: 429, body: "slow down" }, { status: 502, body: "<html>bad gateway</html>" });
    const kinds: string[] = [];
    for (let i = 0; i < 7; i++) kinds.push((await rejection(adapter().submit(spec, ["http://www.example.com/a.txt"]))).kind);
    assert.deepEqual(kinds, ["throttled", "auth", "quota", "invalid", "transient", "throttled", "transient"]);
    const e = await rejection(adapter().quota({ ...spec }));
    assert.equal(e.action, "DescribeContentQuota");
    await server.close();
    const down = await rejection(createAdapter("edgeone", testConnection(endpoint), clock).query(spec, [{ taskIds: ["j"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T00:00:00Z" }]));
    assert.deepEqual([down.kind, down.code], ["unreached", "ECONNREFUSED"], "a refused connection proves nothing was sent");
    server = new FixtureServer();
    endpoint = await server.start();
  });

  it("never decides history from age or an empty answer: a job-id query has no window to refuse", async () => {
    server.otherwise("DescribePrefetchTasks", tencent({ TotalCount: 0, Tasks: [] }));
    const young = { taskIds: ["j1"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:00:00Z" };
    const old = { taskIds: ["j2"], urls: ["http://a.com/y"], submittedAt: "2026-10-20T00:00:00Z" };
    assert.deepEqual(await adapter().query(spec, [young]), { observations: [], historyUnavailable: false });
    assert.deepEqual(await adapter().query(spec, [old]), { observations: [], historyUnavailable: false });
    assert.equal(server.calls("DescribePrefetchTasks").length, 2, "the old job is asked about too (the lifecycle decides by age)");
  });

  it("fails a listing that never ends instead of using part of it (TooManyPages, transient)", async () => {
    server.otherwise("DescribePrefetchTasks", (r) => tencent({ TotalCount: 1_000_000, Tasks: [{ JobId: "j", Target: `http://a.com/${String(r.json?.Offset)}`, Status: "processing" }] }));
    const e = await rejection(adapter().query(spec, [{ taskIds: ["j"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:00:00Z" }]));
    assert.deepEqual([e.kind, e.code, e.action], ["transient", "TooManyPages", "DescribePrefetchTasks"]);
    assert.equal(server.calls("DescribePrefetchTasks").length, 50);
  });

  it("reports a status it does not know as running, naming it", async () => {
    server.queue("DescribePrefetchTasks", tencent({ TotalCount: 1, Tasks: [{ JobId: "j", Target: "http://a.com/x", Status: "paused" }] }));
    const res = await adapter().query(spec, [{ taskIds: ["j"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:00:00Z" }]);
    assert.deepEqual(res.observations, [{ url: "http://a.com/x", status: "running", progress: null, reason: null, taskId: "j", unknownStatus: "paused" }]);
  });
});
