/**
 * Alibaba Cloud ESA (2024-09-10) through the official `@alicloud/esa20240910` client, under signature V3 (default)
 * and V1 (`signatureAlgorithm: 'v2'`).
 */
import assert from "node:assert/strict";
import { type AliFixture, esaClient, expectAliError, models, rawCall, startAlibaba } from "./alibaba-fixture";

const { Esa } = models;
const DAY = 86_400_000;
const SITE = 7000123;
const preload = (c: any, content: string[], siteId = SITE) => c.preloadCaches(new Esa.PreloadCachesRequest({ siteId, content, headers: { "Accept-Encoding": "gzip" } }));
const tasks = (c: any, q: Record<string, unknown>) => c.describePreloadTasks(new Esa.DescribePreloadTasksRequest(q));
const isoAt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
/** ESA CreateTime: `yyyy-MM-dd HH:mm:ss` in UTC+8. */
const utc8 = (ms: number) => new Date(Math.floor(ms / 1000) * 1000 + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

describe("alibaba emulator: ESA", () => {
  let fx: AliFixture;
  beforeEach(async () => {
    fx = await startAlibaba();
  });
  afterEach(() => fx.close());

  for (const v2 of [false, true]) {
    describe(v2 ? "signature V1" : "signature V3", () => {
      it("submits a JSON Content list and lists each URL's progress", async () => {
        await fx.rule({ match: "/gone", outcome: "failed" });
        const c = esaClient(fx, { v2 });
        const created = await fx.now();
        const sub = await preload(c, ["http://a.example.com/1.jpg?b=2", "https://a.example.com/gone"]);
        assert.match(sub.body.taskId, /^\d+$/);
        await fx.advance(30_000);
        let q = (await tasks(c, { siteId: SITE })).body;
        assert.deepEqual(q.tasks.map((t: any) => [t.taskId, t.content, t.status, t.process, t.createTime]), [
          [sub.body.taskId, "https://a.example.com/gone", "Refreshing", "50%", utc8(created)],
          [sub.body.taskId, "http://a.example.com/1.jpg?b=2", "Refreshing", "50%", utc8(created)],
        ]);
        await fx.advance(30_000);
        q = (await tasks(c, { siteId: SITE, content: "https://a.example.com/gone" })).body;
        assert.deepEqual(q.tasks.map((t: any) => [t.status, t.description]), [["Failed", "Origin Return StatusCode 5XX"]]);
        assert.equal((await tasks(c, { status: "Complete" })).body.tasks[0].content, "http://a.example.com/1.jpg?b=2");
      });

      it("refuses a wrong secret and an unknown AccessKey", async () => {
        await expectAliError(preload(esaClient(fx, { v2, secret: "bad" }), ["http://a.example.com/1"]), "SignatureDoesNotMatch");
        await expectAliError(tasks(esaClient(fx, { v2, keyId: "LTAI-who" }), {}), "InvalidAccessKeyId.NotFound");
      });
    });
  }

  it("answers with the vendor's wire shapes (GET DescribePreloadTasks)", async () => {
    const c = esaClient(fx);
    const sub = await rawCall(c, "PreloadCaches", "2024-09-10", { SiteId: String(SITE), Content: JSON.stringify(["http://a.example.com/x"]) });
    assert.equal(typeof sub.TaskId, "string");
    const q = await rawCall(c, "DescribePreloadTasks", "2024-09-10", { SiteId: String(SITE) }, "GET");
    assert.deepEqual([q.PageNumber, q.PageSize, q.TotalCount], [1, 20, 1]);
    assert.deepEqual(Object.keys(q.Tasks[0]).sort(), ["Content", "CreateTime", "Description", "Process", "Status", "TaskId"]);
    assert.match(q.Tasks[0].CreateTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await expectAliError(rawCall(c, "PreloadCaches", "2024-09-10", { SiteId: String(SITE), Content: "not json" }), "InvalidParameter");
    await expectAliError(rawCall(c, "PreloadCaches", "2024-09-10", { Content: '["http://a.example.com/x"]' }), "MissingParameter");
  });

  it("validates URLs, the per-request limit and the time parameters", async () => {
    const c = esaClient(fx);
    await expectAliError(preload(c, ["a.example.com/no-scheme"]), "InvalidParameters.InvalidUrls");
    await expectAliError(preload(c, Array.from({ length: 101 }, (_, i) => `http://a.example.com/${i}`)), "InvalidParameter");
    const now = await fx.now();
    await expectAliError(tasks(c, { startTime: isoAt(now - 1000) }), "MissingTimeParameter");
    await expectAliError(tasks(c, { endTime: isoAt(now) }), "MissingTimeParameter");
    await expectAliError(tasks(c, { startTime: isoAt(now), endTime: isoAt(now - 60_000) }), "InvalidEndTime.Mismatch");
    await expectAliError(tasks(c, { startTime: isoAt(now - 3 * DAY - 60_000), endTime: isoAt(now) }), "InvalidTime");
    await expectAliError(tasks(c, { pageSize: 51 }), "InvalidParameters");
    await expectAliError(tasks(c, { startTime: "2026-13-01T00:00:00Z", endTime: isoAt(now) }), "InvalidStartTime.Malformed");
  });

  it("requires declared sites and their proxied records when restricted", async () => {
    await fx.configure({ restrict: { esaSites: [{ siteId: String(SITE), hostnames: ["a.example.com", "*.img.example.com"] }] } });
    const c = esaClient(fx);
    await preload(c, ["http://a.example.com/1", "https://x.img.example.com/2"]);
    await expectAliError(preload(c, ["http://b.example.com/1"]), "InvalidParameter.RecordNotBelongToSite");
    const missing = await expectAliError(preload(c, ["http://a.example.com/1"], 999), "SiteNotFound");
    assert.equal(missing.statusCode, 404);
  });

  it("reports and enforces the preload quota", async () => {
    await fx.configure({ quotas: { teo: { batch: 1, daily: 1 }, cdn: { daily: 1 }, dcdn: { daily: 1 }, esa: { daily: 3 } } });
    const c = esaClient(fx);
    await preload(c, ["http://a.example.com/1", "http://a.example.com/2"]);
    await expectAliError(preload(c, ["http://a.example.com/3", "http://a.example.com/4"]), "QuotaExceeded.Preload");
    const q = (await c.listInstanceQuotas(new Esa.ListInstanceQuotasRequest({ quotaNames: "preload,free_cert", siteId: SITE }))).body;
    assert.deepEqual(q.quotas.map((x: any) => [x.quotaName, x.quotaValue, x.quotaValueType]), [["preload", "3", "num"]]);
    const u = (await c.listInstanceQuotasWithUsage(new Esa.ListInstanceQuotasWithUsageRequest({ quotaNames: "preload" }))).body;
    assert.equal(u.quotas[0].usage, "2");
    assert.deepEqual(u.quotas[0].siteUsage.map((s: any) => [s.siteId, s.siteUsage]), [[SITE, "2"]]);
  });

  it("follows the visibility lag and the history window", async () => {
    await fx.configure({ visibilityLagMs: 3000 });
    const c = esaClient(fx);
    await preload(c, ["http://a.example.com/1"]);
    assert.equal((await tasks(c, {})).body.totalCount, 0);
    await fx.advance(3000);
    assert.equal((await tasks(c, {})).body.totalCount, 1);
    await fx.advance(3 * DAY);
    assert.equal((await tasks(c, {})).body.totalCount, 0);
  });

  it("surfaces throttling as the SDK's ThrottlingError", async () => {
    await fx.fault({ product: "esa", action: "PreloadCaches", kind: "throttle" });
    const c = esaClient(fx);
    const err = await expectAliError(preload(c, ["http://a.example.com/1"]), "Throttling.User");
    assert.equal(err.name, "ThrottlingError");
    assert.equal((await tasks(c, {})).body.totalCount, 0, "the throttled submit created nothing");
    await preload(c, ["http://a.example.com/1"]);
    const stats = await fx.stats();
    assert.deepEqual(stats.calls, { "esa:DescribePreloadTasks": 1, "esa:PreloadCaches": 1 }, "the throttled call was not served");
    assert.deepEqual([stats.submits.esa, stats.queries.esa], [1, 1]);
  });
});
