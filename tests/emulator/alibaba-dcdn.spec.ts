/**
 * Alibaba Cloud DCDN (2018-01-15) through the official `@alicloud/dcdn20180115` client (openapi-client core), under
 * signature V3 (default) and V1 (`signatureAlgorithm: 'v2'`).
 */
import assert from "node:assert/strict";
import { type AliFixture, dcdnClient, expectAliError, models, rawCall, startAlibaba } from "./alibaba-fixture";

const { Dcdn } = models;
const DAY = 86_400_000;
const preload = (c: any, objectPath: string) => c.preloadDcdnObjectCaches(new Dcdn.PreloadDcdnObjectCachesRequest({ objectPath }));
const byId = (c: any, taskId: string) => c.describeDcdnRefreshTaskById(new Dcdn.DescribeDcdnRefreshTaskByIdRequest({ taskId }));
const list = (c: any, q: Record<string, unknown>) => c.describeDcdnRefreshTasks(new Dcdn.DescribeDcdnRefreshTasksRequest(q));
const isoAt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("alibaba emulator: DCDN", () => {
  let fx: AliFixture;
  beforeEach(async () => {
    fx = await startAlibaba();
  });
  afterEach(() => fx.close());

  for (const v2 of [false, true]) {
    describe(v2 ? "signature V1" : "signature V3", () => {
      it("submits to two domains and polls to completion", async () => {
        await fx.rule({ match: "late", outcome: "timeout", durationMs: 10_000 });
        const c = dcdnClient(fx, { v2 });
        const sub = await preload(c, "example.com/a.png\nstatic.example.com/late.js");
        const ids = sub.body.preloadTaskId.split(",");
        assert.equal(ids.length, 2);
        await fx.advance(60_000);
        const q = await byId(c, sub.body.preloadTaskId);
        assert.deepEqual(q.body.tasks.map((t: any) => [t.taskId, t.objectPath, t.objectType, t.status, t.process, t.description]), [
          [ids[0], "http://example.com/a.png", "preload", "Complete", "100%", ""],
          [ids[1], "http://static.example.com/late.js", "preload", "Failed", "0%", "Origin Timeout"],
        ]);
        assert.equal(q.body.totalCount, 2);
      });

      it("refuses a wrong secret and an unknown AccessKey", async () => {
        const bad = await expectAliError(preload(dcdnClient(fx, { v2, secret: "nope" }), "example.com/a"), "SignatureDoesNotMatch");
        assert.equal(bad.data.statusCode, 400);
        const unknown = await expectAliError(byId(dcdnClient(fx, { v2, keyId: "LTAI-ghost" }), "1"), "InvalidAccessKeyId.NotFound");
        assert.equal(unknown.data.statusCode, 404);
      });
    });
  }

  it("answers with the vendor's wire shapes", async () => {
    const c = dcdnClient(fx);
    const sub = await rawCall(c, "PreloadDcdnObjectCaches", "2018-01-15", { ObjectPath: "example.com/a.png", Area: "overseas" });
    assert.match(sub.PreloadTaskId, /^\d+$/);
    const l = await rawCall(c, "DescribeDcdnRefreshTasks", "2018-01-15", {});
    assert.deepEqual(Object.keys(l.Tasks), ["Task"]);
    assert.equal(l.Tasks.Task[0].TaskId, sub.PreloadTaskId);
    const quota = await rawCall(c, "DescribeDcdnRefreshQuota", "2018-01-15", {});
    assert.deepEqual([quota.PreloadQuota, quota.PreloadRemain], ["1000", "999"]);
    assert.ok(Object.values(quota).every((v) => typeof v === "string"));
    assert.equal(quota.PreloadEdgeQuota, undefined);
    await expectAliError(rawCall(c, "PreloadDcdnObjectCaches", "2018-01-15", { ObjectPath: "example.com/a", Area: "mars" }), "InvalidParameter");
  });

  it("enforces the per-request and per-query limits", async () => {
    const c = dcdnClient(fx);
    await expectAliError(preload(c, Array.from({ length: 101 }, (_, i) => `example.com/${i}`).join("\n")), "InvalidObjectPath.ExceedsMaximum");
    await expectAliError(byId(c, Array.from({ length: 11 }, (_, i) => String(i + 1)).join(",")), "InvalidTaskId");
    await expectAliError(byId(c, "12;13"), "InvalidTaskId.Malformed");
    await expectAliError(list(c, { pageSize: 51 }), "InvalidParameters");
    assert.equal((await list(c, { pageSize: 50 })).body.pageSize, 50);
  });

  it("enforces the daily quota and the 3-day window, and queues instead of refusing", async () => {
    await fx.configure({
      quotas: { teo: { batch: 1, daily: 1 }, cdn: { daily: 1 }, dcdn: { daily: 3 }, esa: { daily: 1 } },
      alibaba: { preloadQueueCapacity: 1 },
    });
    const c = dcdnClient(fx);
    await preload(c, "example.com/1\nexample.com/2");
    await expectAliError(preload(c, "example.com/3\nexample.com/4"), "QuotaExceeded.Preload");
    await preload(c, "example.com/3");
    const quota = (await c.describeDcdnRefreshQuota(new Dcdn.DescribeDcdnRefreshQuotaRequest({}))).body;
    assert.deepEqual([quota.preloadQuota, quota.preloadRemain], ["3", "0"]);
    const now = await fx.now();
    await expectAliError(list(c, { startTime: isoAt(now - 3 * DAY - 1000), endTime: isoAt(now) }), "InvalidTime");
    assert.equal((await list(c, { startTime: isoAt(now - 1000), endTime: isoAt(now + 1000) })).body.totalCount, 3);
  });

  it("follows the visibility lag and the history window", async () => {
    await fx.configure({ visibilityLagMs: 2000 });
    const c = dcdnClient(fx);
    const id = (await preload(c, "example.com/a.png")).body.preloadTaskId;
    assert.equal((await list(c, {})).body.totalCount, 0);
    await fx.advance(2000);
    assert.equal((await list(c, {})).body.tasks.task[0].taskId, id);
    await fx.advance(3 * DAY);
    assert.equal((await byId(c, id)).body.totalCount, 0);
  });

  it("surfaces throttling as an SDK error with code Throttling.User", async () => {
    await fx.fault({ product: "dcdn", kind: "throttle", count: 2 });
    const c = dcdnClient(fx);
    for (let i = 0; i < 2; i++) {
      const err = await expectAliError(byId(c, "1"), "Throttling.User");
      assert.equal(err.data.statusCode, 400);
    }
    assert.equal((await byId(c, "1")).body.totalCount, 0);
  });
});
