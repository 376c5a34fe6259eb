/**
 * Alibaba CDN adapter through the real `@alicloud/cdn20180510` SDK against a scripted server serving recorded bodies:
 * wire format (v3 and v2 signatures, STS), comma task ids, quota strings, status by id (the primary path) and the
 * opt-in detail API with its fallback, history, and error classification of real SDK errors.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { isCloudError, type CloudError } from "../../provider/model/errors";
import type { AlibabaCdnSpec } from "../../provider/model/spec";
import { alibabaError, FixtureServer, fixture } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";
import type { Connection } from "../../provider/adapters/types";
import { forgetAll } from "../../provider/adapters/memory";

const spec: AlibabaCdnSpec = { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null };

async function rejection(p: Promise<unknown>): Promise<CloudError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isCloudError(e), `expected a CloudError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected a rejection");
}

describe("adapters: Alibaba CDN through the cdn20180510 SDK (recorded bodies)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");
  const adapter = (o: Partial<Connection> = {}) => createAdapter("alibaba-cdn", testConnection(endpoint, o), clock);
  const detailed = () => adapter({ alibabaPreloadDetail: true });

  beforeEach(async () => {
    forgetAll();
    server = new FixtureServer();
    endpoint = await server.start();
  });
  afterEach(() => server.close());

  it("submits PushObjectCache with the URLs joined by \\n and the options in the query (ACS3 signature)", async () => {
    server.queue("PushObjectCache", { body: fixture("alibaba-cdn/push-object-cache.json") });
    const full: AlibabaCdnSpec = { ...spec, area: "domestic", l2Preload: true, queryHashkey: true, headers: { "Accept-Encoding": "gzip" } };
    const res = await adapter().submit(full, ["example.com/a b.png", "http://example.com/(x)*!'.js"]);
    assert.deepEqual(res, { taskIds: ["9524xxxx", "9525xxxx"], rejected: [] });
    const [call] = server.calls("PushObjectCache");
    assert.equal(call.method, "POST");
    assert.deepEqual(call.query, {
      ObjectPath: "example.com/a b.png\nhttp://example.com/(x)*!'.js", Area: "domestic", L2Preload: "true", QueryHashkey: "true",
      WithHeader: '{"Accept-Encoding":["gzip"]}',
    });
    assert.match(String(call.headers.authorization), /^ACS3-HMAC-SHA256 Credential=test-key-id,/);
  });

  it("signs with HMAC-SHA1 (RPC v1) when asked and sends an STS token", async () => {
    server.queue("PushObjectCache", { body: fixture("alibaba-cdn/push-object-cache.json") });
    await adapter({ signatureAlgorithm: "v2", credentials: { accessKeyId: "id", accessKeySecret: "s", securityToken: "sts-token" } })
      .submit(spec, ["example.com/a.png"]);
    const [call] = server.calls("PushObjectCache");
    assert.equal(call.query.Action, "PushObjectCache");
    assert.equal(call.query.SignatureMethod, "HMAC-SHA1");
    assert.equal(call.query.SecurityToken, "sts-token");
    assert.equal(call.headers.authorization, undefined);
    assert.equal(call.query.Area, undefined, "unset options are left to the vendor defaults");
  });

  it("reads the daily prefetch quota from PreloadQuota/PreloadRemain strings", async () => {
    server.queue("DescribeRefreshQuota", { body: fixture("alibaba-cdn/describe-refresh-quota.json") });
    assert.deepEqual(await adapter().quota(spec), { daily: 500, remaining: 400, perRequest: null });
  });

  it("reads status by id (ten ids per call, every account) and never calls the detail API unless enabled", async () => {
    server.otherwise("DescribeRefreshTaskById", { body: fixture("alibaba-cdn/describe-refresh-task-by-id.json") });
    const batch = { taskIds: ["24840"], urls: ["example.com/abc.jpg", "https://example.com/def.jpg"], submittedAt: "2026-11-22T23:00:00Z" };
    assert.deepEqual((await adapter().query(spec, [batch])).observations, [
      { url: "example.com/abc.jpg", status: "succeeded", progress: 100, reason: null, taskId: "24840" },
      { url: "https://example.com/def.jpg", status: "running", progress: 47, reason: null, taskId: "24840" },
    ]);
    assert.deepEqual(server.calls("DescribeRefreshTaskById").map((c) => c.query.TaskId), ["24840"]);
    assert.equal(server.calls("DescribePreloadDetailById").length, 0);
  });

  it("reads per-URL detail (Domain + path) when enabled and the account is allowed", async () => {
    server.otherwise("DescribePreloadDetailById", { body: fixture("alibaba-cdn/describe-preload-detail-by-id.json") });
    const batch = { taskIds: ["14286878547"], urls: ["example.com/abc.jpg"], submittedAt: "2026-11-22T23:00:00Z" };
    const res = await detailed().query(spec, [batch]);
    assert.deepEqual(res, { historyUnavailable: false,
      observations: [{ url: "example.com/abc.jpg", status: "succeeded", progress: 100, reason: null, taskId: "14286878547" }] });
    assert.deepEqual(server.calls("DescribePreloadDetailById").map((c) => c.query.TaskId), ["14286878547"]);
    assert.equal(server.calls("DescribeRefreshTaskById").length, 0);
  });

  it("falls back to DescribeRefreshTaskById when the detail API is refused, and remembers it for the account", async () => {
    server.otherwise("DescribePreloadDetailById", alibabaError(403, "Forbidden.NotInWhiteList", "not allowed"));
    server.otherwise("DescribeRefreshTaskById", { body: fixture("alibaba-cdn/describe-refresh-task-by-id.json") });
    const a = detailed();
    const batch = { taskIds: ["24840"], urls: ["example.com/abc.jpg", "https://example.com/def.jpg"], submittedAt: "2026-11-22T23:00:00Z" };
    for (let round = 0; round < 2; round++) {
      const res = await a.query(spec, [batch]);
      assert.deepEqual(res.observations, [
        { url: "example.com/abc.jpg", status: "succeeded", progress: 100, reason: null, taskId: "24840" },
        { url: "https://example.com/def.jpg", status: "running", progress: 47, reason: null, taskId: "24840" },
      ]);
    }
    assert.equal(server.calls("DescribePreloadDetailById").length, 1, "refused once, then skipped");
    assert.equal(server.calls("DescribeRefreshTaskById").length, 2);
  });

  it("propagates the by-id API's throttling and server errors classified", async () => {
    server.queue("DescribeRefreshTaskById",
      alibabaError(400, "Throttling.User", "Request was denied due to user flow control.", { "x-acs-retry-after": "2500" }),
      { status: 503, headers: { "content-type": "text/html" }, body: "<html>Service Unavailable</html>" });
    const batch = { taskIds: ["1"], urls: ["example.com/a"], submittedAt: "2026-11-22T23:00:00Z" };
    const a = adapter();
    const throttled = await rejection(a.query(spec, [batch]));
    assert.deepEqual([throttled.kind, throttled.code, throttled.httpStatus, throttled.retryAfterMs, throttled.requestId, throttled.action],
      ["throttled", "Throttling.User", 400, 2500, "R-fixture", "DescribeRefreshTaskById"]);
    const html = await rejection(a.query(spec, [batch]));
    assert.deepEqual([html.kind, html.code], ["transient", "InvalidResponse"]);
  });

  it("falls back to by-id on any error of the enabled detail API, throttling and 5xx included", async () => {
    server.queue("DescribePreloadDetailById", alibabaError(400, "Throttling.User"),
      { status: 503, headers: { "content-type": "text/html" }, body: "<html>Service Unavailable</html>" });
    server.otherwise("DescribeRefreshTaskById", { body: fixture("alibaba-cdn/describe-refresh-task-by-id.json") });
    const batch = { taskIds: ["24840"], urls: ["example.com/abc.jpg"], submittedAt: "2026-11-22T23:00:00Z" };
    for (let i = 0; i < 2; i++) assert.equal((await detailed().query(spec, [batch])).observations[0].status, "succeeded");
    assert.equal(server.calls("DescribeRefreshTaskById").length, 2);
  });

  it("classifies submit refusals from the documented table", async () => {
    server.queue("PushObjectCache", alibabaError(400, "QuotaExceeded.Preload"), alibabaError(400, "PreloadQueueFull"),
      alibabaError(404, "InvalidDomain.NotFound"), alibabaError(400, "SignatureDoesNotMatch"), alibabaError(503, "Throttling"),
      alibabaError(500, "InternalError"));
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) seen.push((await rejection(adapter().submit(spec, ["example.com/a"]))).kind);
    assert.deepEqual(seen, ["quota", "quota", "invalid", "auth", "throttled", "transient"]);
  });

  it("reports historyUnavailable only for an InvalidTime refusal, never for an empty answer, whatever the age", async () => {
    const old = { taskIds: ["1"], urls: ["example.com/a"], submittedAt: "2026-11-19T00:00:00Z" };
    const young = { taskIds: ["2"], urls: ["example.com/b"], submittedAt: "2026-11-22T23:59:00Z" };
    server.queue("DescribeRefreshTaskById", alibabaError(400, "InvalidTime", "The query time cannot exceed the last 3 days."));
    assert.deepEqual(await adapter().query(spec, [old]), { observations: [], historyUnavailable: true });
    server.otherwise("DescribeRefreshTaskById", { body: { RequestId: "R", TotalCount: 0, Tasks: [] } });
    assert.deepEqual(await adapter().query(spec, [old]), { observations: [], historyUnavailable: false }, "empty is not gone");
    assert.deepEqual(await adapter().query(spec, [young]), { observations: [], historyUnavailable: false });
  });

  it("reports InvalidTime from the fallback too, and does not swallow other errors", async () => {
    server.otherwise("DescribePreloadDetailById", alibabaError(403, "Forbidden.NotInWhiteList"));
    server.queue("DescribeRefreshTaskById", alibabaError(400, "InvalidTime"), alibabaError(500, "InternalError"));
    const a = detailed();
    const batch = { taskIds: ["1"], urls: ["example.com/a"], submittedAt: "2026-11-22T00:00:00Z" };
    assert.deepEqual(await a.query(spec, [batch]), { observations: [], historyUnavailable: true });
    const e = await rejection(a.query(spec, [batch]));
    assert.deepEqual([e.kind, e.code], ["transient", "InternalError"]);
  });
});
