/**
 * EdgeOne adapter through the real `tencentcloud-sdk-nodejs-teo` SDK against a scripted server serving recorded
 * TEO bodies: wire format, FailedList, paging, status mapping, quota, error classification, history.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { isCloudError, type CloudError } from "../../provider/model/errors";
import type { EdgeOneSpec } from "../../provider/model/spec";
import { tencentErrorClass } from "../../provider/adapters/edgeone/errors";
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

  it("reads the prefetch_url quota and returns the zone's Batch, mutating nothing (the lifecycle chunks by it)", async () => {
    server.queue("DescribeContentQuota", { body: fixture("edgeone/describe-content-quota.json") });
    const a = adapter();
    assert.deepEqual(await a.quota(spec), { daily: 10000, remaining: 10000, perRequest: 1000 });
    assert.equal(a.limits.urlsPerRequest, 100, "the limits are fixed: the zone's Batch travels as quota().perRequest");
    assert.ok(Object.isFrozen(a.limits));
    assert.deepEqual(server.calls("DescribeContentQuota")[0].json, { ZoneId: spec.zoneId });
    server.queue("DescribeContentQuota", tencent({ PurgeQuota: null, PrefetchQuota: null }));
    assert.deepEqual(await a.quota(spec), { daily: 10000, remaining: 10000, perRequest: 1000 }, "remembered for the zone: no call");
    assert.equal(server.calls("DescribeContentQuota").length, 1);
    assert.equal(await a.quota(spec, { fresh: true }), null);
  });

  it("never checks mode edge against prefetch_url: its own quota when listed, else no daily figure", async () => {
    const edge: EdgeOneSpec = { ...spec, mode: "edge" };
    server.queue("DescribeContentQuota", { body: fixture("edgeone/describe-content-quota.json") });
    assert.deepEqual(await adapter().quota(edge), { daily: null, remaining: null, perRequest: 1000 },
      "prefetch_url's Daily/DailyAvailable do not apply to edge mode (teo_models.d.ts CreatePrefetchTaskRequest.Mode)");
    server.queue("DescribeContentQuota", tencent({ PrefetchQuota: [
      { Type: "prefetch_url", Batch: 1000, Daily: 10000, DailyAvailable: 3 },
      { Type: "prefetch_url_edge", Batch: 500, Daily: 1000, DailyAvailable: 998 },
    ] }));
    assert.deepEqual(await adapter().quota(edge, { fresh: true }), { daily: 1000, remaining: 998, perRequest: 500 });
    server.queue("DescribeContentQuota", tencent({ PrefetchQuota: [
      { Type: "prefetch_url", Batch: 1000, Daily: 10000, DailyAvailable: 3 },
      { Type: "prefetch_url_edge", Batch: 500, Daily: 1000, DailyAvailable: 998 },
    ] }));
    assert.deepEqual(await adapter().quota(spec), { daily: 10000, remaining: 3, perRequest: 1000 }, "default mode keeps prefetch_url");
  });

  it("zoneId *: submits and queries with ZoneId *, reads no per-zone quota", async () => {
    const all: EdgeOneSpec = { ...spec, zoneId: "*" };
    server.queue("CreatePrefetchTask", tencent({ JobId: "job-all", FailedList: [] }));
    assert.deepEqual(await adapter().submit(all, ["http://a.com/x"]), { taskIds: ["job-all"], rejected: [] });
    assert.equal(server.calls("CreatePrefetchTask")[0].json?.ZoneId, "*");
    assert.equal(await adapter().quota(all), null, "a quota is per zone; DescribeContentQuota does not document *");
    assert.equal(server.calls("DescribeContentQuota").length, 0);
    server.queue("DescribePrefetchTasks", tencent({ TotalCount: 1, Tasks: [{ JobId: "job-all", Target: "http://a.com/x", Status: "success" }] }));
    const res = await adapter().query(all, [{ taskIds: ["job-all"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:59:00Z" }]);
    assert.equal(res.observations[0].status, "succeeded");
    assert.equal(server.calls("DescribePrefetchTasks")[0].json?.ZoneId, "*");
  });

  it("zoneId *: a query that refuses * says that only CreatePrefetchTask documents it", async () => {
    server.queue("DescribePrefetchTasks", tencentError("InvalidParameter.ZoneNotFound", "zone not found"));
    const e = await rejection(adapter().query({ ...spec, zoneId: "*" }, [{ taskIds: ["j"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:59:00Z" }]));
    assert.deepEqual([e.kind, e.code, e.detail], ["invalid", "InvalidParameter.ZoneNotFound", "scopeNotFound"]);
    assert.match(e.message, /zoneId "\*" \(every zone of the account\) was refused by DescribePrefetchTasks/);
    assert.match(e.message, /only CreatePrefetchTask documents "\*"/);
  });

  it("reports media segments listed under the job (not submitted) in extra, never as submitted URLs", async () => {
    server.queue("DescribePrefetchTasks", tencent({ TotalCount: 4, Tasks: [
      { JobId: "j", Target: "http://v.com/live.m3u8", Status: "success" },
      { JobId: "j", Target: "http://v.com/seg-1.ts", Status: "success" },
      { JobId: "j", Target: "http://v.com/seg-2.ts", Status: "failed", FailType: "quotaExceeded", FailMessage: "daily quota used up" },
      { JobId: "j", Target: "http://v.com/seg-3.ts", Status: "processing" },
    ] }));
    const res = await adapter().query({ ...spec, prefetchMediaSegments: true },
      [{ taskIds: ["j"], urls: ["http://v.com/live.m3u8"], submittedAt: "2026-11-22T23:59:00Z" }]);
    assert.deepEqual(res.observations, [{ url: "http://v.com/live.m3u8", status: "succeeded", progress: 100, reason: null, taskId: "j" }]);
    assert.deepEqual(res.extra, [
      { url: "http://v.com/seg-1.ts", status: "succeeded", progress: 100, reason: null, taskId: "j" },
      { url: "http://v.com/seg-2.ts", status: "failed", progress: 100, reason: "quotaExceeded: daily quota used up", taskId: "j" },
      { url: "http://v.com/seg-3.ts", status: "running", progress: null, reason: null, taskId: "j" },
    ]);
  });

  it("findTasks never sends an EndTime after now (undocumented whether the vendor accepts one: teo.futureEndTime)", async () => {
    server.otherwise("DescribePrefetchTasks", tencent({ TotalCount: 0, Tasks: [] }));
    clock.set("2026-11-23T00:00:00.900Z");
    await adapter().findTasks(spec, ["https://www.example.com/a.js"], Date.parse("2026-11-22T23:00:00Z"));
    clock.set("2026-11-23T00:00:00Z");
    const [call] = server.calls("DescribePrefetchTasks");
    assert.deepEqual([call.json?.StartTime, call.json?.EndTime], ["2026-11-22T22:58:00+00:00", "2026-11-23T00:00:00+00:00"]);
  });

  it("names the other EdgeOne site when a call fails with an unknown-zone answer (scopeNotFound)", async () => {
    for (const code of ["ResourceUnavailable.ZoneNotFound", "InvalidParameter.ZoneNotFound", "ResourceNotFound", "UnauthorizedOperation.DomainEmpty"]) {
      server.queue("CreatePrefetchTask", tencentError(code, "The zone does not exist."));
      const e = await rejection(adapter().submit(spec, ["http://a.com/x"]));
      assert.deepEqual([e.kind, e.code, e.detail], ["invalid", code, "scopeNotFound"], code);
      assert.match(e.message, /^The zone does not exist\. — zone zone-2noz78a8ev6k is not known at 127\.0\.0\.1:\d+; this zone may live on the international site: set tencentcloud:domain=intl\.tencentcloudapi\.com \(or TENCENTCLOUD_DOMAIN=intl\.tencentcloudapi\.com; calls then go to teo\.intl\.tencentcloudapi\.com\)/, code);
      assert.match(e.message, /endpoint override .* wins over tencentcloud:domain: point it at https:\/\/teo\.intl\.tencentcloudapi\.com instead/);
    }
    server.queue("DescribeContentQuota", tencentError("ResourceUnavailable.ZoneNotFound", "gone"));
    const intl = createAdapter("edgeone", testConnection(endpoint, { region: "", tencentDomain: "intl.tencentcloudapi.com" }), clock);
    const e = await rejection(intl.quota(spec));
    assert.match(e.message, /this zone may live on the China site: remove tencentcloud:domain \/ TENCENTCLOUD_DOMAIN or set it to tencentcloudapi\.com \(calls then go to teo\.tencentcloudapi\.com\)/);
    server.queue("CreatePrefetchTask", tencentError("InvalidParameter.Target", "bad target"));
    assert.equal((await rejection(adapter().submit(spec, ["http://a.com/x"]))).message, "bad target", "other errors keep their message");
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
    assert.equal(server.calls("DescribePrefetchTasks").length, 3, "the old job is asked about too (the lifecycle decides by age)");
  });

  it("asks for a job older than 7 days by job-id within a window around its submit when a range-less query lists nothing (EO-14)", async () => {
    const listed = tencent({ TotalCount: 1, Tasks: [{ JobId: "j2", Target: "http://a.com/y", Status: "success" }] });
    server.queue("DescribePrefetchTasks", tencent({ TotalCount: 0, Tasks: [] }), listed);
    const old = { taskIds: ["j2"], urls: ["http://a.com/y"], submittedAt: "2026-11-10T12:00:00Z" };
    const res = await adapter().query(spec, [old]);
    assert.deepEqual(res.observations.map((o) => [o.url, o.status]), [["http://a.com/y", "succeeded"]]);
    const [bare, windowed] = server.calls("DescribePrefetchTasks").map((c) => c.json);
    assert.deepEqual([bare?.StartTime, bare?.EndTime], [undefined, undefined], "first the query the Terraform resource makes");
    assert.deepEqual([windowed?.StartTime, windowed?.EndTime, windowed?.Filters],
      ["2026-11-10T11:50:00+00:00", "2026-11-10T12:10:00+00:00", [{ Name: "job-id", Values: ["j2"] }]]);

    // An adopted job (windowStart: 30 days back) is searched in 7-day windows, newest first, never past now.
    server.otherwise("DescribePrefetchTasks", tencent({ TotalCount: 0, Tasks: [] }));
    const adopted = { taskIds: ["j3"], urls: ["http://a.com/z"], submittedAt: "2026-11-22T00:00:00Z", windowStart: "2026-10-24T00:00:00Z" };
    await adapter().query(spec, [adopted]);
    const windows = server.calls("DescribePrefetchTasks").slice(2).map((c) => [c.json?.StartTime, c.json?.EndTime]);
    assert.equal(windows.length, 1 + 5, "one range-less query, then five windows of 7 days less an hour");
    assert.deepEqual(windows[1], ["2026-11-15T01:10:00+00:00", "2026-11-22T00:10:00+00:00"]);
    assert.equal(windows[5][0], "2026-10-23T23:50:00+00:00");
  });

  it("reads a job-id refused as a bad parameter as 'not listed' once the zone answers a plain query; otherwise fails with the code (EO-21)", async () => {
    const batch = { taskIds: ["20typo"], urls: ["http://a.com/x"], submittedAt: "2026-11-22T23:59:00Z" };
    server.queue("DescribePrefetchTasks", tencentError("InvalidParameter.ParameterError", "job not found"), tencent({ TotalCount: 0, Tasks: [] }));
    assert.deepEqual(await adapter().query(spec, [batch]), { observations: [], historyUnavailable: false });
    const probe = server.calls("DescribePrefetchTasks")[1].json;
    assert.deepEqual([probe?.StartTime, probe?.EndTime, probe?.Limit, probe?.Filters], ["2026-11-22T23:00:00+00:00", "2026-11-23T00:00:00+00:00", 1, undefined]);

    server.queue("DescribePrefetchTasks", tencentError("InvalidParameter.ParameterError", "bad zone"), tencentError("InvalidParameter.ParameterError", "bad zone"));
    const bad = await rejection(adapter().query(spec, [batch]));
    assert.deepEqual([bad.kind, bad.code, bad.message], ["invalid", "InvalidParameter.ParameterError", "bad zone"], "a refusal the zone earns too is the query's");

    server.queue("DescribePrefetchTasks", tencentError("InvalidParameter.ParameterError", "job not found"), tencentError("RequestLimitExceeded", "slow"));
    assert.equal((await rejection(adapter().query(spec, [batch]))).kind, "throttled", "a throttled probe proves nothing: the round is retried");

    server.queue("DescribePrefetchTasks", tencentError("InvalidParameter.ParameterError", "no *"));
    const all = await rejection(adapter().query({ ...spec, zoneId: "*" }, [batch]));
    assert.match(all.message, /only CreatePrefetchTask documents "\*"/, "ZoneId * is never read as an unknown job");
    assert.equal(server.calls("DescribePrefetchTasks").length, 7, "one probe per refused round, none for *");
  });

  it("retries InvalidParameter.DomainNotFound as busy (nothing accepted), naming both causes; InternalError.DomainConfig is transient (EO-32)", async () => {
    server.queue("CreatePrefetchTask", tencentError("InvalidParameter.DomainNotFound", "The domain name does not exist."), tencentError("InternalError.DomainConfig", "Failed to get configuration."));
    const busy = await rejection(adapter().submit(spec, ["http://new.example.com/x"]));
    assert.deepEqual([busy.kind, busy.code, busy.detail], ["busy", "InvalidParameter.DomainNotFound", null]);
    assert.match(busy.message, /^The domain name does not exist\. — EdgeOne does not know a domain of these URLs in zone zone-2noz78a8ev6k: a domain added to the zone moments ago is refused like this until it is deployed, so the submit is retried for a few minutes \(nothing was accepted\); if the domain was not just added, check that every URL's host is a domain of zone zone-2noz78a8ev6k$/);
    const config = await rejection(adapter().submit(spec, ["http://new.example.com/x"]));
    assert.deepEqual([config.kind, config.code, config.message], ["transient", "InternalError.DomainConfig", "Failed to get configuration."]);
  });

  it("says a refused submit with mode edge or media segments may be the allow-list's doing, whatever code it gets (EO-10)", async () => {
    const edge = { ...spec, mode: "edge" as const, prefetchMediaSegments: true };
    const cases: [string, string, string | null, boolean][] = [
      ["UnauthorizedOperation.NoPermission", "auth", "noPermission", true], ["InvalidParameter.ParameterError", "invalid", null, true],
      ["FailedOperation.NotWhitelisted", "unknown", null, true], ["LimitExceeded.PackNotAllow", "quota", "planLimit", false],
      ["AuthFailure.SignatureFailure", "auth", "credentials", false], ["ResourceNotFound", "invalid", "scopeNotFound", false],
    ];
    for (const [code, kind, detail, hinted] of cases) {
      server.queue("CreatePrefetchTask", tencentError(code, "refused"), tencentError(code, "refused"));
      const e = await rejection(adapter().submit(edge, ["http://a.com/x"]));
      assert.deepEqual([e.kind, e.detail], [kind, detail], code);
      const hint = /^refused — this request used mode: "edge" and prefetchMediaSegments, which EdgeOne enables only for allow-listed accounts .* ask Tencent Cloud to enable it for the account or remove the input$/;
      assert.equal(hint.test(e.message), hinted, `${code}: ${e.message}`);
      const plain = await rejection(adapter().submit(spec, ["http://a.com/x"]));
      assert.ok(!/allow-listed/.test(plain.message), `${code}: no hint without the options`);
    }
  });

  it("classifies every RequestLimitExceeded sub-code as throttled (EO-24: which one TEO sends is undocumented)", () => {
    for (const code of ["RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "RequestLimitExceeded.GlobalRegionUinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded"]) {
      assert.deepEqual(tencentErrorClass(code), { kind: "throttled", detail: null }, code);
    }
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
