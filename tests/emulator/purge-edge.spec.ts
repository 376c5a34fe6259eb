/**
 * The purge APIs of the four products through their OFFICIAL SDK clients (EdgeOne CreatePurgeTask/DescribePurgeTasks,
 * CDN RefreshObjectCaches, DCDN RefreshDcdnObjectCaches, ESA PurgeCaches/DescribePurgeTasks/GetPurgeQuota), and the
 * origin/edge model (emulator/core/edge.ts) that shows whether the edge serves the new release. Manual virtual clock.
 */
import assert from "node:assert/strict";
import { controlClient, type RunningEmulator } from "../../emulator";
import { EdgeModel } from "../../emulator/core/edge";
import type { Product } from "../../emulator/core/types";
import { cdnClient, dcdnClient, esaClient, expectAliError, models, type AliFixture } from "./alibaba-fixture";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { teo } = require("tencentcloud-sdk-nodejs-teo");
const { Cdn, Dcdn, Esa } = models;

const DURATION = 10_000;
const ZONE = "zone-rel1";
const SITE = 7788;

function teoClient(emu: RunningEmulator) {
  const { secretId, secretKey } = emu.credentials.tencent;
  return new teo.v20220901.Client({ credential: { secretId, secretKey }, region: "", profile: { httpProfile: { endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" } } });
}

/** What the Alibaba client builders need from a fixture. */
function aliFx(emu: RunningEmulator): AliFixture {
  return { host: `127.0.0.1:${emu.port}`, keyId: emu.credentials.alibaba.accessKeyId, secret: emu.credentials.alibaba.accessKeySecret } as AliFixture;
}

async function teoErrorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return "OK";
}

/** One product's prefetch and purge through its official client, and how a test reads the products' task ids back. */
interface Driver {
  product: Product;
  prefetch(url: string): Promise<void>;
  /** Submits a purge; `del`: delete (EdgeOne `Method: delete`, Alibaba `Force: true`), else invalidate. Returns the task id. */
  purge(url: string, del: boolean): Promise<string>;
  /** The purge task's status as the product's query reports it. */
  purgeStatus(id: string): Promise<string>;
}

function drivers(emu: RunningEmulator): Driver[] {
  const t = teoClient(emu);
  const fx = aliFx(emu);
  const cdn = cdnClient(fx), dcdn = dcdnClient(fx), esa = esaClient(fx);
  return [
    {
      product: "teo",
      prefetch: async (url) => void (await t.CreatePrefetchTask({ ZoneId: ZONE, Targets: [url] })),
      purge: async (url, del) => (await t.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method: del ? "delete" : "invalidate", Targets: [url] })).JobId,
      purgeStatus: async (id) => (await t.DescribePurgeTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [id] }] })).Tasks[0].Status,
    },
    {
      product: "cdn",
      prefetch: async (url) => void (await cdn.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: url }))),
      purge: async (url, del) => (await cdn.refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: url, objectType: "File", force: del }))).body.refreshTaskId,
      purgeStatus: async (id) => (await cdn.describeRefreshTaskById(new Cdn.DescribeRefreshTaskByIdRequest({ taskId: id }))).body.tasks[0].status,
    },
    {
      product: "dcdn",
      prefetch: async (url) => void (await dcdn.preloadDcdnObjectCaches(new Dcdn.PreloadDcdnObjectCachesRequest({ objectPath: url }))),
      purge: async (url, del) => (await dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: url, objectType: "File", force: del }))).body.refreshTaskId,
      purgeStatus: async (id) => (await dcdn.describeDcdnRefreshTaskById(new Dcdn.DescribeDcdnRefreshTaskByIdRequest({ taskId: id }))).body.tasks[0].status,
    },
    {
      product: "esa",
      prefetch: async (url) => void (await esa.preloadCaches(new Esa.PreloadCachesRequest({ siteId: SITE, content: [url] }))),
      purge: async (url, del) => (await esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: new Esa.PurgeCachesRequestContent({ files: [url] }), force: del }))).body.taskId,
      purgeStatus: async (id) => (await esa.describePurgeTasks(new Esa.DescribePurgeTasksRequest({ siteId: SITE }))).body.tasks.find((x: any) => x.taskId === id).status,
    },
  ];
}

describe("emulator: purge APIs and the origin/edge model", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startLocalEmulator({ defaultDurationMs: DURATION });
  });
  beforeEach(async () => resetManual(emu));
  after(async () => emu.close());

  const edgeOf = async (product: Product, url: string) => (await emu.control.edge())[product][url];
  const finish = () => emu.control.advance(DURATION);

  for (const product of ["teo", "cdn", "dcdn", "esa"] as const) {
    it(`${product}: a release story — prefetch warms, a second prefetch keeps the stale copy, delete and invalidate let the next prefetch take the new version`, async () => {
      const d = drivers(emu).find((x) => x.product === product) as Driver;
      const url = `https://${product}.example.com/app.js`;
      await emu.control.setOrigin({ [url]: "v1" });
      await d.prefetch(url);
      assert.deepEqual(await edgeOf(product, url), { version: null, stale: false }, "nothing cached before the prefetch finishes");
      await finish();
      assert.deepEqual(await edgeOf(product, url), { version: "v1", stale: false });

      await emu.control.setOrigin({ [url]: "v2" });
      await d.prefetch(url);
      await finish();
      assert.deepEqual(await edgeOf(product, url), { version: "v1", stale: false }, "a prefetch does not replace a cached copy");

      const del = await d.purge(url, true);
      assert.equal(await d.purgeStatus(del), product === "teo" ? "processing" : product === "esa" ? "Refreshing" : "Pending");
      await finish();
      assert.equal(await d.purgeStatus(del), product === "teo" ? "success" : "Complete");
      assert.deepEqual(await edgeOf(product, url), { version: null, stale: false }, "delete removes the copy");
      await d.prefetch(url);
      await finish();
      assert.deepEqual(await edgeOf(product, url), { version: "v2", stale: false });

      await emu.control.setOrigin({ [url]: "v3" });
      await d.purge(url, false);
      await finish();
      assert.deepEqual(await edgeOf(product, url), { version: "v2", stale: true }, "invalidate marks the copy stale");
      await d.prefetch(url);
      await finish();
      assert.deepEqual(await edgeOf(product, url), { version: "v3", stale: false });

      const s = await emu.control.stats();
      assert.deepEqual([s.purges[product], s.purgedUrls[product], s.submits[product], s.submittedUrls[product]], [2, 2, 4, 4]);
      assert.equal((await emu.control.tasks()).length, 4, "the control plane's task list holds prefetch tasks only");
    });
  }

  for (const product of ["teo", "cdn", "dcdn", "esa"] as const) {
    it(`${product}: variant edge.prefetchOfCached=refresh — a prefetch replaces a fresh cached copy with the origin's current version`, async () => {
      await emu.control.setConfig({ variants: { "edge.prefetchOfCached": "refresh" } });
      const d = drivers(emu).find((x) => x.product === product) as Driver;
      const url = `https://${product}.example.com/refresh.js`;
      await emu.control.setOrigin({ [url]: "v1" });
      await d.prefetch(url);
      await finish();
      assert.deepEqual(await edgeOf(product, url), { version: "v1", stale: false });
      await emu.control.setOrigin({ [url]: "v2" });
      await d.prefetch(url);
      await finish();
      assert.deepEqual(await edgeOf(product, url), { version: "v2", stale: false }, "under `refresh` the prefetch alone serves the new release");
    });
  }

  it("a prefetch caches the origin version current at its finish; failed purges and prefetches change nothing; products keep their own edges", async () => {
    const [t, cdn] = drivers(emu);
    const url = "https://www.example.com/late.css";
    await emu.control.setRules([{ match: "late", outcome: "failed", task: "purge" }]);
    await emu.control.setOrigin({ [url]: "v1" });
    await t.prefetch(url);
    await emu.control.advance(DURATION / 2);
    await emu.control.setOrigin({ [url]: "v2" });
    await emu.control.advance(DURATION / 2);
    assert.deepEqual(await edgeOf("teo", url), { version: "v2", stale: false });
    await t.purge(url, true);
    await finish();
    assert.deepEqual(await edgeOf("teo", url), { version: "v2", stale: false }, "a failed purge leaves the copy");
    assert.equal((await emu.control.edge()).cdn[url], undefined, "CDN's edge was never touched");
    await cdn.prefetch(url);
    await finish();
    assert.deepEqual(await edgeOf("cdn", url), { version: "v2", stale: false }, "the purge-only rule did not fail the prefetch");
    await emu.control.reset();
    assert.deepEqual(await emu.control.edge(), { teo: {}, cdn: {}, dcdn: {}, esa: {} });
  });

  it("EdgeOne: CreatePurgeTask checks Type, Method, targets and quota; DescribePurgeTasks filters by type and a part of the target", async () => {
    const c = teoClient(emu);
    const sub = await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Targets: ["https://a.example.com/x/1.js", "ftp://a.example.com/2.js"] });
    assert.match(sub.JobId, /^[0-9a-z]{12}$/);
    assert.equal(sub.FailedList.length, 1);
    assert.deepEqual(sub.FailedList[0].Targets, ["ftp://a.example.com/2.js"]);
    const now = (await emu.control.state()).now;
    const range = { StartTime: new Date(now - 3_600_000).toISOString(), EndTime: new Date(now).toISOString() };
    assert.equal(await teoErrorCode(c.DescribePurgeTasks({ ZoneId: ZONE })), "InvalidParameter.ParameterError", "a time range or a job-id, as for prefetch");
    const listed = await c.DescribePurgeTasks({ ZoneId: ZONE, ...range, Filters: [{ Name: "target", Values: ["/x/"] }, { Name: "type", Values: ["purge_url"] }] });
    assert.deepEqual(listed.Tasks.map((x: any) => [x.JobId, x.Target, x.Type, x.Method, x.Status]), [[sub.JobId, "https://a.example.com/x/1.js", "purge_url", "invalidate", "processing"]]);
    const prefetches = await c.DescribePrefetchTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [sub.JobId] }] });
    assert.equal(prefetches.TotalCount, 0, "purges are not listed as prefetches");
    const quota = await c.DescribeContentQuota({ ZoneId: ZONE });
    assert.deepEqual(quota.PurgeQuota.find((q: any) => q.Type === "purge_url"), { Type: "purge_url", Batch: 1000, Daily: 10_000, DailyAvailable: 9_999 });
    assert.equal(await teoErrorCode(c.CreatePurgeTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] })), "MissingParameter");
    assert.equal(await teoErrorCode(c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method: "wipe", Targets: ["https://a.example.com/1"] })), "InvalidParameterValue");
    assert.equal(await teoErrorCode(c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_host", Targets: ["a.example.com"] })), "InvalidParameter.ParameterError");
    const many = Array.from({ length: 1001 }, (_, i) => `https://a.example.com/${i}`);
    assert.equal(await teoErrorCode(c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Targets: many })), "LimitExceeded.BatchQuota");
    await emu.control.addFaults([{ product: "teo", action: "CreatePurgeTask", kind: "throttle" }]);
    assert.equal(await teoErrorCode(c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Targets: ["https://a.example.com/1"] })), "RequestLimitExceeded");
    const s = await emu.control.stats();
    assert.deepEqual([s.purges.teo, s.purgedUrls.teo, s.submits.teo, s.calls["teo:DescribePurgeTasks"]], [1, 1, 0, 1]);
  });

  it("CDN/DCDN: refresh tasks read back with ObjectType file beside prefetch tasks; UrlRemain spent; limits and quota refusals", async () => {
    const fx = aliFx(emu);
    const cdn = cdnClient(fx), dcdn = dcdnClient(fx);
    const r = await cdn.refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: "example.com/a.js\nexample.com/b.js", objectType: "File" }));
    const p = await cdn.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: "example.com/a.js" }));
    assert.notEqual(r.body.refreshTaskId, p.body.pushTaskId, "refresh and prefetch ids are not merged");
    const both = await cdn.describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({}));
    assert.deepEqual(both.body.tasks.CDNTask.map((x: any) => x.objectType).sort(), ["file", "file", "preload"]);
    const files = await cdn.describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({ objectType: "file", domainName: "example.com" }));
    assert.deepEqual(files.body.tasks.CDNTask.map((x: any) => [x.taskId, x.objectPath]), [[r.body.refreshTaskId, "http://example.com/b.js"], [r.body.refreshTaskId, "http://example.com/a.js"]]);
    const quota = await cdn.describeRefreshQuota(new Cdn.DescribeRefreshQuotaRequest({}));
    assert.deepEqual([quota.body.urlQuota, quota.body.urlRemain, quota.body.preloadRemain], ["2000", "1998", "999"]);
    await expectAliError(cdn.refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: "example.com/d/", objectType: "Directory" })), "InvalidObjectType.ValueNotSupported");
    const tooMany = Array.from({ length: 1001 }, (_, i) => `example.com/${i}`).join("\n");
    await expectAliError(cdn.refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: tooMany })), "InvalidObjectPath.ExceedsMaximum");
    // 200 URLs a call: the DCDN client sends its parameters in the query string, which the HTTP server caps at 16 KiB.
    // Two domains, five calls each: at most 1,000 URLs a minute per domain.
    const batch = (n: number) => Array.from({ length: 200 }, (_, i) => `d${n % 2}.example.com/${n}-${i}`).join("\n");
    const d = await dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: batch(0) }));
    assert.match(d.body.refreshTaskId, /^\d+$/);
    const byId = await dcdn.describeDcdnRefreshTaskById(new Dcdn.DescribeDcdnRefreshTaskByIdRequest({ taskId: d.body.refreshTaskId }));
    assert.equal(byId.body.totalCount, 200);
    assert.ok(byId.body.tasks.every((x: any) => x.objectType === "file"));
    const dq = await dcdn.describeDcdnRefreshQuota(new Dcdn.DescribeDcdnRefreshQuotaRequest({}));
    assert.equal(dq.body.urlRemain, "1800");
    for (let n = 1; n < 10; n++) await dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: batch(n) }));
    await expectAliError(dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: "d2.example.com/one-more" })), "QuotaExceeded.Refresh");
    const s = await emu.control.stats();
    assert.deepEqual([s.purges.cdn, s.purgedUrls.cdn, s.purges.dcdn, s.purgedUrls.dcdn, s.submits.cdn], [3, 2, 11, 2000, 1], "Alibaba counts refused purge calls, as it counts refused prefetch calls; only accepted URLs");
  });

  it("ESA: PurgeCaches (file) reads back through DescribePurgeTasks, not DescribePreloadTasks; GetPurgeQuota counts files", async () => {
    const esa = esaClient(aliFx(emu));
    const sub = await esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: new Esa.PurgeCachesRequestContent({ files: ["https://s.example.com/1.png", "https://s.example.com/2.png"] }) }));
    assert.match(sub.body.taskId, /^\d+$/);
    const purges = await esa.describePurgeTasks(new Esa.DescribePurgeTasksRequest({ siteId: SITE, content: "https://s.example.com/2.png" }));
    assert.deepEqual(purges.body.tasks.map((x: any) => [x.taskId, x.type, x.status, x.process]), [[sub.body.taskId, "file", "Refreshing", "0%"]]);
    assert.match(purges.body.tasks[0].createTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const preloads = await esa.describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }));
    assert.equal(preloads.body.totalCount, 0);
    const q = await esa.getPurgeQuota(new Esa.GetPurgeQuotaRequest({ siteId: SITE, type: "file" }));
    assert.deepEqual([q.body.quota, q.body.usage], ["10000", "2"]);
    await expectAliError(esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "directory", content: new Esa.PurgeCachesRequestContent({ directories: ["https://s.example.com/d/"] }) })), "InvalidParameter");
    await expectAliError(esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: new Esa.PurgeCachesRequestContent({ files: ["s.example.com/no-scheme"] }) })), "InvalidParameters.InvalidUrls");
  });

  for (const [value, effect] of [["alwaysInvalidate", { version: "v1", stale: true }], ["alwaysDelete", { version: null, stale: false }]] as const) {
    it(`variant purge.urlMethod=${value}: every product's URL purge ignores the method sent`, async () => {
      await emu.control.setConfig({ variants: { "purge.urlMethod": value } });
      for (const d of drivers(emu)) {
        const urls = [true, false].map((del) => `https://${d.product}.example.com/method-${del}.js`);
        await emu.control.setOrigin(Object.fromEntries(urls.map((u) => [u, "v1"])));
        for (const u of urls) await d.prefetch(u);
        await finish();
        await d.purge(urls[0], true);
        await d.purge(urls[1], false);
        await finish();
        for (const u of urls) assert.deepEqual(await edgeOf(d.product, u), effect, `${d.product} ${u}`);
      }
    });
  }

  it("EdgeOne: DescribePurgeTasks lists a time range by partial target and type; teo.purgeUrlMethod refuses a Method on purge_url", async () => {
    const c = teoClient(emu);
    const t0 = (await emu.control.state()).now;
    const old = await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Targets: ["https://a.example.com/r/app.js"] });
    await emu.control.advance(60_000);
    const t1 = (await emu.control.state()).now;
    const young = await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method: "delete", Targets: ["https://a.example.com/r/app.js", "https://a.example.com/r/app.js.map"] });
    await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/r/app.js"] });
    // request times carry whole seconds
    const range = (from: number) => ({ StartTime: new Date(Math.floor(from / 1000) * 1000).toISOString(), EndTime: new Date(Math.ceil(t1 / 1000) * 1000).toISOString() });
    const byTarget = { Name: "target", Values: ["https://a.example.com/r/app.js"] };
    const all = await c.DescribePurgeTasks({ ZoneId: ZONE, ...range(t0), Filters: [byTarget, { Name: "type", Values: ["purge_url"] }] });
    assert.deepEqual(all.Tasks.map((x: any) => [x.JobId, x.Target, x.Method]),
      [[young.JobId, "https://a.example.com/r/app.js", "delete"], [young.JobId, "https://a.example.com/r/app.js.map", "delete"], [old.JobId, "https://a.example.com/r/app.js", "invalidate"]],
      "newest first; the target filter matches a part; prefetch tasks are not purges");
    assert.equal((await c.DescribePurgeTasks({ ZoneId: ZONE, ...range(t1), Filters: [byTarget] })).TotalCount, 2, "the range excludes the older purge");
    assert.equal((await c.DescribePurgeTasks({ ZoneId: ZONE, ...range(t0), Filters: [{ Name: "type", Values: ["purge_prefix"] }] })).TotalCount, 0);
    assert.equal(await teoErrorCode(c.DescribePurgeTasks({ ZoneId: ZONE, ...range(t0), Filters: [{ Name: "type", Values: ["purge_url", "purge_host"] }] })), "InvalidParameter.ParameterError");
    await emu.control.setConfig({ variants: { "teo.purgeUrlMethod": "InvalidParameter.ParameterError" } });
    assert.equal(await teoErrorCode(c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method: "invalidate", Targets: ["https://a.example.com/m.js"] })), "InvalidParameter.ParameterError");
    const noMethod = await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Targets: ["https://a.example.com/m.js"] });
    assert.match(noMethod.JobId, /^[0-9a-z]{12}$/);
    assert.deepEqual([(await emu.control.stats()).purges.teo, (await emu.control.stats()).purgedUrls.teo], [3, 4], "the refused call accepted nothing");
  });

  it("CDN/DCDN: DescribeRefreshTasks lists URL refreshes by ObjectType file, exact ObjectPath and window; at most 1,000 URL refreshes a minute per domain", async () => {
    const fx = aliFx(emu);
    const cdn = cdnClient(fx), dcdn = dcdnClient(fx);
    const t0 = (await emu.control.state()).now;
    const old = await cdn.refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: "example.com/p.js" }));
    await emu.control.advance(60_000);
    const t1 = (await emu.control.state()).now;
    const young = await cdn.refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: "example.com/p.js\nexample.com/p.js.map", force: true }));
    const push = await cdn.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: "example.com/p.js" }));
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    const list = async (objectType: string, from: number) => (await cdn.describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({
      objectType, objectPath: "http://example.com/p.js", startTime: iso(from), endTime: iso(t1),
    }))).body.tasks.CDNTask.map((x: any) => [x.taskId, x.objectType]);
    assert.deepEqual(await list("file", t0), [[young.body.refreshTaskId, "file"], [old.body.refreshTaskId, "file"]], "exact path, URL refreshes only, newest first");
    assert.deepEqual(await list("file", t1), [[young.body.refreshTaskId, "file"]], "the window excludes the older one");
    assert.deepEqual(await list("preload", t0), [[push.body.pushTaskId, "preload"]]);
    const dOld = await dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: "d.example.com/q.js" }));
    const dListed = await dcdn.describeDcdnRefreshTasks(new Dcdn.DescribeDcdnRefreshTasksRequest({ objectType: "file", objectPath: "http://d.example.com/q.js", startTime: iso(t1), endTime: iso(t1) }));
    assert.deepEqual(dListed.body.tasks.task.map((x: any) => x.taskId), [dOld.body.refreshTaskId]);

    const urls = (host: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${host}/m/${from + i}`).join("\n");
    for (let k = 0; k < 5; k++) await dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: urls("m.example.com", 200, k * 200) }));
    // d.example.com/q.js was refreshed this minute too, but on another domain
    await expectAliError(dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: urls("m.example.com", 1, 1000) })), "QuotaPerMinuteExceeded.Refresh");
    await dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: urls("n.example.com", 1) }));
    await cdn.refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: urls("m.example.com", 1) }));
    await emu.control.advance(60_000);
    await dcdn.refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: urls("m.example.com", 1, 1000) }));
    const s = await emu.control.stats();
    assert.equal(s.purgedUrls.dcdn, 1 + 1000 + 1 + 1, "the refused call accepted nothing; the limit is per product and domain");
  });

  it("ESA: DescribePurgeTasks by exact Content, Type, Status and window; esa.purgeFilesPerRequest and esa.purgeQuotaExceededCode", async () => {
    const esa = esaClient(aliFx(emu));
    const files = (f: string[]) => new Esa.PurgeCachesRequestContent({ files: f });
    const t0 = (await emu.control.state()).now;
    const old = await esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: files(["https://s.example.com/c.js"]) }));
    await emu.control.advance(60_000);
    const t1 = (await emu.control.state()).now;
    const young = await esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: files(["https://s.example.com/c.js", "https://s.example.com/c.js.map"]), force: true }));
    await esa.preloadCaches(new Esa.PreloadCachesRequest({ siteId: SITE, content: ["https://s.example.com/c.js"] }));
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    const list = async (o: Record<string, unknown>) => (await esa.describePurgeTasks(new Esa.DescribePurgeTasksRequest({ siteId: SITE, type: "file", ...o }))).body.tasks.map((x: any) => x.taskId);
    assert.deepEqual(await list({ content: "https://s.example.com/c.js", startTime: iso(t0), endTime: iso(t1) }), [young.body.taskId, old.body.taskId], "exact content, newest first, no prefetch");
    assert.deepEqual(await list({ content: "https://s.example.com/c.js", startTime: iso(t1), endTime: iso(t1) }), [young.body.taskId], "the window excludes the older one");
    assert.deepEqual(await list({ status: "Complete", startTime: iso(t0), endTime: iso(t1) }), [old.body.taskId], "only the older one is complete");
    await emu.control.advance(DURATION);
    assert.equal((await list({ status: "Complete" })).length, 3);

    await emu.control.setConfig({ variants: { "esa.purgeFilesPerRequest": "50" } });
    const many = (n: number, tag: string) => files(Array.from({ length: n }, (_, i) => `https://s.example.com/${tag}/${i}`));
    const refused = await expectAliError(esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: many(51, "b") })), "InvalidParameter");
    assert.match(refused.message, /maximum of 50 files/);
    await esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: many(50, "b") }));

    await emu.control.setConfig({ variants: { "esa.purgeQuotaExceededCode": "Purge.QuotaExceeded" } });
    const used = Number((await esa.getPurgeQuota(new Esa.GetPurgeQuotaRequest({ siteId: SITE, type: "file" }))).body.usage);
    for (let left = 10_000 - used, i = 0; left > 0; left -= 50, i++) {
      await esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: many(Math.min(50, left), `q${i}`) }));
    }
    await expectAliError(esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: many(1, "last") })), "Purge.QuotaExceeded");
  });

  it("the control plane over HTTP: POST /_emulator/origin and GET /_emulator/edge", async () => {
    const remote = controlClient(emu.url);
    const url = "https://www.example.com/remote.js";
    await remote.setOrigin({ [url]: "r7" });
    await drivers(emu)[0].prefetch(url);
    await finish();
    assert.deepEqual((await remote.edge()).teo[url], { version: "r7", stale: false });
    await assert.rejects(remote.setOrigin([] as unknown as Record<string, string>), /origin must be an object/);
  });

  it("the edge model on its own: keys are normalised, unknown URLs are at v0, bad origin versions are refused", () => {
    const m = new EdgeModel();
    m.prefetch("cdn", "example.com/a", 10, "success");
    m.prefetch("cdn", "HTTP://EXAMPLE.com/b", 10, "timeout");
    assert.deepEqual(m.read(10).cdn, { "http://example.com/a": { version: "v0", stale: false }, "http://example.com/b": { version: null, stale: false } });
    assert.throws(() => m.setOrigin({ "http://example.com/a": "" }, 10), /non-empty string/);
  });
});
