/**
 * Alibaba Cloud CDN (2018-05-10) through the official `@alicloud/cdn20180510` client, under signature V3 (default)
 * and V1 (`signatureAlgorithm: 'v2'`).
 */
import assert from "node:assert/strict";
import { type AliFixture, cdnClient, expectAliError, models, rawCall, startAlibaba } from "./alibaba-fixture";

const { Cdn } = models;
const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const push = (c: any, objectPath: string) => c.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath }));
const byId = (c: any, taskId: string) => c.describeRefreshTaskById(new Cdn.DescribeRefreshTaskByIdRequest({ taskId }));
const list = (c: any, q: Record<string, unknown>) => c.describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest(q));
const isoAt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("alibaba emulator: CDN", () => {
  let fx: AliFixture;
  beforeEach(async () => {
    fx = await startAlibaba();
  });
  afterEach(() => fx.close());

  for (const v2 of [false, true]) {
    describe(v2 ? "signature V1" : "signature V3", () => {
      it("submits, merges ids per domain and polls each URL to its outcome", async () => {
        await fx.rule({ match: "/broken", outcome: "failed" });
        const c = cdnClient(fx, { v2 });
        const sub = await push(c, "example.com/a.png\r\nhttps://example.com/broken\nimg.example.com/(x)*!'.js");
        const ids = sub.body.pushTaskId.split(",");
        assert.equal(ids.length, 2, "one id per domain, comma-joined");
        let q = await byId(c, sub.body.pushTaskId);
        assert.deepEqual(q.body.tasks.map((t: any) => [t.taskId, t.objectPath, t.status, t.process]), [
          [ids[0], "http://example.com/a.png", "Pending", "0%"],
          [ids[0], "https://example.com/broken", "Pending", "0%"],
          [ids[1], "http://img.example.com/(x)*!'.js", "Pending", "0%"],
        ]);
        await fx.advance(30_000);
        q = await byId(c, sub.body.pushTaskId);
        assert.deepEqual(q.body.tasks.map((t: any) => `${t.status} ${t.process}`), ["Refreshing 50%", "Refreshing 50%", "Refreshing 50%"]);
        await fx.advance(30_000);
        q = await byId(c, sub.body.pushTaskId);
        assert.deepEqual(q.body.tasks.map((t: any) => [t.status, t.process, t.description]), [
          ["Complete", "100%", ""], ["Failed", "0%", "Origin Return StatusCode 5XX"], ["Complete", "100%", ""],
        ]);
        assert.equal(q.body.totalCount, 3);
        assert.ok(q.body.tasks.every((t: any) => t.objectType === "preload" && ISO.test(t.creationTime)));
      });

      it("refuses a wrong secret and an unknown AccessKey", async () => {
        const bad = await expectAliError(push(cdnClient(fx, { v2, secret: "wrong" }), "example.com/a"), "SignatureDoesNotMatch");
        assert.equal(bad.statusCode ?? bad.data?.statusCode, 400);
        const unknown = await expectAliError(push(cdnClient(fx, { v2, keyId: "LTAI-nobody" }), "example.com/a"), "InvalidAccessKeyId.NotFound");
        assert.equal(unknown.statusCode, 404);
        assert.deepEqual((await fx.stats()).calls, {}, "refused calls are not served");
      });
    });
  }

  it("uses the vendor's wire names and string types", async () => {
    const c = cdnClient(fx);
    const sub = await rawCall(c, "PushObjectCache", "2018-05-10", { ObjectPath: "example.com/a.png", L2Preload: "true" });
    assert.match(sub.PushTaskId, /^\d+$/);
    assert.equal(typeof sub.RequestId, "string");
    const q = await rawCall(c, "DescribeRefreshTaskById", "2018-05-10", { TaskId: sub.PushTaskId });
    assert.equal(q.TotalCount, 1);
    assert.deepEqual(Object.keys(q.Tasks[0]).sort(), ["CreationTime", "Description", "ObjectPath", "ObjectType", "Process", "Status", "TaskId"]);
    const quota = await rawCall(c, "DescribeRefreshQuota", "2018-05-10", {});
    for (const f of ["PreloadQuota", "PreloadRemain", "PreloadEdgeQuota", "PreloadEdgeRemain", "UrlQuota", "BlockRemain"]) assert.equal(typeof quota[f], "string", f);
    assert.deepEqual([quota.PreloadQuota, quota.PreloadRemain], ["1000", "999"]);
    await expectAliError(rawCall(c, "PushObjectCache", "2018-05-10", { ObjectPath: "example.com/a", L2Preload: "yes" }), "InvalidParameter");
  });

  it("shares one id between same-domain submits of the same second only", async () => {
    const c = cdnClient(fx);
    const a = (await push(c, "example.com/1")).body.pushTaskId;
    const b = (await push(c, "example.com/2")).body.pushTaskId;
    const other = (await push(c, "other.example.com/3")).body.pushTaskId;
    await fx.advance(1000);
    const later = (await push(c, "example.com/4")).body.pushTaskId;
    assert.equal(a, b);
    assert.notEqual(a, other);
    assert.notEqual(a, later);
    assert.equal((await byId(c, a)).body.tasks.length, 2);
  });

  it("enforces 100 URLs and 1,024 characters per request", async () => {
    const c = cdnClient(fx);
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `example.com/${i}.png`).join("\n");
    await expectAliError(push(c, urls(101)), "InvalidObjectPath.ExceedsMaximum");
    assert.equal((await byId(c, (await push(c, urls(100))).body.pushTaskId)).body.totalCount, 100);
    await expectAliError(push(c, `example.com/${"a".repeat(1020)}`), "InvalidObjectPath.Malformed");
    await expectAliError(push(c, "ftp://example.com/a"), "InvalidObjectPath.Malformed");
  });

  it("checks TaskId lists: at most 10, numeric", async () => {
    const c = cdnClient(fx);
    const ten = Array.from({ length: 10 }, (_, i) => String(100 + i)).join(",");
    assert.equal((await byId(c, ten)).body.totalCount, 0);
    await expectAliError(byId(c, `${ten},111`), "InvalidTaskId");
    await expectAliError(byId(c, "12,abc"), "InvalidTaskId.Malformed");
  });

  it("spends the daily quota and replenishes it at 00:00 UTC+8", async () => {
    await fx.configure({ quotas: { teo: { batch: 1, daily: 1 }, cdn: { daily: 5 }, dcdn: { daily: 1 }, esa: { daily: 1 } } });
    const c = cdnClient(fx);
    await push(c, "example.com/1\nexample.com/2\nexample.com/3");
    const err = await expectAliError(push(c, "example.com/4\nexample.com/5\nexample.com/6"), "QuotaExceeded.Preload");
    assert.equal(err.statusCode, 400);
    const quota = (await c.describeRefreshQuota(new Cdn.DescribeRefreshQuotaRequest({}))).body;
    assert.deepEqual([quota.preloadQuota, quota.preloadRemain], ["5", "2"]);
    const now = await fx.now();
    const nextMidnightUtc8 = (Math.floor((now + 8 * 3_600_000) / DAY) + 1) * DAY - 8 * 3_600_000;
    await fx.advance(nextMidnightUtc8 - now - 1000);
    await expectAliError(push(c, "example.com/4\nexample.com/5\nexample.com/6"), "QuotaExceeded.Preload");
    await fx.advance(1000);
    await push(c, "example.com/4\nexample.com/5\nexample.com/6");
  });

  it("keeps tasks 3 days and shows them only after the visibility lag", async () => {
    await fx.configure({ visibilityLagMs: 5000 });
    const c = cdnClient(fx);
    const id = (await push(c, "example.com/a.png")).body.pushTaskId;
    assert.equal((await byId(c, id)).body.totalCount, 0);
    await fx.advance(5000);
    assert.equal((await byId(c, id)).body.totalCount, 1);
    await fx.advance(3 * DAY - 6000);
    assert.equal((await byId(c, id)).body.tasks[0].status, "Complete");
    await fx.advance(1000);
    assert.equal((await byId(c, id)).body.totalCount, 0);
  });

  it("lists, filters and pages tasks within the 3-day window", async () => {
    await fx.rule({ match: "slow", outcome: "success", durationMs: 200_000 });
    const c = cdnClient(fx);
    await push(c, "example.com/1\nexample.com/2\nexample.com/slow\nother.example.com/4");
    await fx.advance(120_000);
    const now = await fx.now();
    const all = (await list(c, {})).body;
    assert.equal(all.totalCount, 4);
    assert.equal(all.tasks.CDNTask.length, 4);
    const page = (await list(c, { pageSize: 3, pageNumber: 2 })).body;
    assert.deepEqual([page.pageNumber, page.pageSize, page.tasks.CDNTask.length], [2, 3, 1]);
    assert.equal((await list(c, { objectPath: "http://example.com/2" })).body.tasks.CDNTask.length, 1);
    assert.equal((await list(c, { objectPath: "example.com/2" })).body.totalCount, 0, "ObjectPath is an exact match on the echoed URL");
    assert.equal((await list(c, { domainName: "example.com", objectType: "preload" })).body.totalCount, 3);
    assert.equal((await list(c, { status: "Refreshing", objectType: "preload" })).body.tasks.CDNTask[0].objectPath, "http://example.com/slow");
    assert.equal((await list(c, { objectType: "file" })).body.totalCount, 0);
    await expectAliError(list(c, { domainName: "example.com" }), "MissingParameter.ObjectType");
    await expectAliError(list(c, { pageSize: 101 }), "InvalidParameters");
    const window = { startTime: isoAt(now - 3 * DAY + 60_000), endTime: isoAt(now) };
    assert.equal((await list(c, window)).body.totalCount, 4);
    await expectAliError(list(c, { startTime: isoAt(now - 3 * DAY - 60_000), endTime: isoAt(now) }), "InvalidTime");
    await expectAliError(list(c, { startTime: isoAt(now - 60_000) }), "MissingTimeParameter");
    await expectAliError(list(c, { startTime: isoAt(now), endTime: isoAt(now - 60_000) }), "InvalidEndTime.Mismatch");
  });

  it("surfaces throttling as the SDK's ThrottlingError with x-acs-retry-after", async () => {
    await fx.fault({ product: "cdn", action: "DescribeRefreshTaskById", kind: "throttle", delayMs: 2500 });
    const c = cdnClient(fx);
    const err = await expectAliError(byId(c, "1"), "Throttling.User");
    assert.equal(err.name, "ThrottlingError");
    assert.equal(err.statusCode, 400);
    assert.equal(err.retryAfter, 2500);
    assert.equal((await byId(c, "1")).body.totalCount, 0, "the next call is served");
    await fx.fault({ product: "cdn", kind: "internal" });
    const internal = await expectAliError(push(c, "example.com/a"), "InternalError");
    assert.equal(internal.statusCode, 500);
  });

  it("refuses DescribePreloadDetailById unless the account is allow-listed", async () => {
    await fx.rule({ match: "/bad", outcome: "timeout" });
    const c = cdnClient(fx);
    const id = (await push(c, "example.com/a.png?v=1\nexample.com/bad")).body.pushTaskId;
    const detail = () => c.describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: id }));
    const denied = await expectAliError(detail(), "Forbidden");
    assert.equal(denied.statusCode, 403);
    await fx.configure({ alibaba: { preloadDetailAllowed: true } });
    await fx.advance(30_000);
    let d = (await detail()).body.urlDetails[0];
    assert.deepEqual([d.taskId, d.domain, d.status, d.process, d.retCode, d.endTime], [id, "example.com", "Refreshing", "50%", "0", ""]);
    await fx.advance(30_000);
    d = (await detail()).body.urlDetails[0];
    assert.deepEqual([d.status, d.retCode], ["Failed", "1"]);
    assert.ok(ISO.test(d.creationTime) && ISO.test(d.endTime));
    assert.deepEqual(d.urls.map((u: any) => [u.url, u.success, u.description]), [
      ["/a.png?v=1", "100%", "Successfully preloaded"], ["/bad", "0%", "Origin Timeout"],
    ]);
    await expectAliError(c.describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: `${id},1` })), "InvalidTaskId");
  });

  it("refuses undeclared and wildcard domains, and a full prefetch queue", async () => {
    await fx.configure({ restrict: { cdnDomains: ["example.com", "*.cdn.example.com"] } });
    const c = cdnClient(fx);
    const nf = await expectAliError(push(c, "example.com/a\nexample.org/b"), "InvalidDomain.NotFound");
    assert.equal(nf.statusCode, 404);
    await expectAliError(push(c, "img.cdn.example.com/a"), "InvalidExtensiveDomain.ValueNotSupported");
    await fx.configure({ restrict: null, alibaba: { preloadQueueCapacity: 3 } });
    await push(c, "example.com/1\nexample.com/2");
    await expectAliError(push(c, "example.com/3\nexample.com/4"), "PreloadQueueFull");
    await fx.advance(60_000);
    await push(c, "example.com/3\nexample.com/4");
    const stats = await fx.stats();
    assert.deepEqual([stats.submits.cdn, stats.submittedUrls.cdn], [5, 4], "refused submits count as calls, not as URLs");
  });
});
