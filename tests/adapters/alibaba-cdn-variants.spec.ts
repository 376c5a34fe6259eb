/**
 * The CDN adapter against the emulator under every CDN variant (emulator/cdn/variants.ts, emulator/alibaba/variants.ts,
 * tasks.visibilityLag): submit, status until done and reconciliation are right whatever the undocumented behaviour,
 * with and without the opt-in `DescribePreloadDetailById` enrichment. Then the fixes of issue 8 one by one: by-id is the
 * primary path, the detail API is used only when enabled, falls back on any error or on an answer that does not cover
 * the batch, and a refusal is remembered per account for the process (provider/adapters/memory.ts).
 */
import assert from "node:assert/strict";
import { forgetAll } from "../../provider/adapters/memory";
import { isCloudError } from "../../provider/model/errors";
import type { AlibabaCdnSpec } from "../../provider/model/spec";
import { alibabaError, FixtureServer } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";
import { createAdapter } from "../../provider/adapters/registry";
import { settingName, startAlibabaEmulator, submitWhenReady, variantSettings, type AlibabaEmulator } from "./support/alibaba-emulator";

const SPEC: AlibabaCdnSpec = { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null };
/** Submit forms: plain, a host in mixed case, lower-case escapes (the cloud may echo them normalised: alibaba.urlEcho). */
const URLS = ["cdn.example.com/a.js", "Cdn.Example.com/b.css", "cdn.example.com/dir/%e4%b8%ad.png?v=%2f"];

/**
 * Under `tasks.unknownStatus` (a status the adapters do not know, or a blank one) a finished URL must stay `running`,
 * naming the raw status, never succeed: returns true when the setting is such a value and that holds.
 */
function unknownStatusHeld(setting: Record<string, string>, observations: { status: string; unknownStatus?: string }[], count: number): boolean {
  const v = setting["tasks.unknownStatus"];
  if (v === undefined || v === "none") return false;
  assert.deepEqual(observations.map((o) => [o.status, o.unknownStatus]), Array(count).fill(["running", v === "blank" ? "(none)" : v]));
  return true;
}

describe("adapters: Alibaba CDN under every emulator variant", () => {
  let h: AlibabaEmulator;
  before(async () => { h = await startAlibabaEmulator(); });
  after(async () => h.close());
  beforeEach(() => forgetAll());

  for (const setting of variantSettings("cdn")) {
    for (const detail of [false, true]) {
      it(`${settingName(setting)}, preload detail ${detail ? "enabled" : "off"}: submit, wait until done, reconcile`, async () => {
        await h.reset(setting);
        const a = h.adapter("alibaba-cdn", { alibabaPreloadDetail: detail });
        const since = h.now();
        const { taskIds } = await submitWhenReady(h, a, SPEC, URLS);
        assert.ok(taskIds.length >= 1);
        await h.advance(1_000);
        const early = await a.query(SPEC, [{ taskIds, urls: URLS, submittedAt: new Date(since).toISOString() }]);
        assert.deepEqual(early.observations.filter((o) => o.status === "succeeded" || o.status === "failed"), [], "nothing is done yet");
        await h.advance(65_000);
        const done = await a.query(SPEC, [{ taskIds, urls: URLS, submittedAt: new Date(since).toISOString() }]);
        if (unknownStatusHeld(setting, done.observations, URLS.length)) return;
        assert.equal(done.historyUnavailable, false);
        assert.deepEqual(done.observations.map((o) => [o.url, o.status, taskIds.includes(o.taskId ?? "")]).sort(),
          URLS.map((u) => [u, "succeeded", true]).sort());
        const found = await a.findTasks(SPEC, URLS, since);
        assert.deepEqual(found.map((t) => [t.url, t.status, taskIds.includes(t.taskId)]).sort(), URLS.map((u) => [u, "succeeded", true]).sort());
        for (const t of found) assert.ok(t.createdAtMs !== null && t.createdAtMs >= Math.floor(since / 1000) * 1000 && t.createdAtMs <= h.now());
        const detailCalls = await h.calls("cdn:DescribePreloadDetailById");
        assert.ok(detail ? detailCalls <= 1 : detailCalls === 0, `DescribePreloadDetailById called ${detailCalls} times`);
        await h.emu.control.addFaults([{ product: "cdn", action: "DescribeRefreshTaskById", kind: "throttle" }]);
        await assert.rejects(a.query(SPEC, [{ taskIds, urls: URLS, submittedAt: new Date(since).toISOString() }]),
          (e: unknown) => isCloudError(e) && e.kind === "throttled", "every documented throttling code is throttling");
      });
    }
  }
});

describe("adapters: Alibaba CDN status — by id first, per-URL detail as an opt-in enrichment", () => {
  let h: AlibabaEmulator;
  before(async () => { h = await startAlibabaEmulator(); });
  after(async () => h.close());
  beforeEach(() => forgetAll());

  async function submitted(detail: boolean) {
    const a = h.adapter("alibaba-cdn", { alibabaPreloadDetail: detail });
    const at = new Date(h.now()).toISOString();
    const { taskIds } = await a.submit(SPEC, URLS);
    await h.advance(65_000);
    return { a, batch: { taskIds, urls: URLS, submittedAt: at } };
  }

  it("reads DescribeRefreshTaskById and never calls the allow-listed detail API unless enabled", async () => {
    await h.reset({}, { alibaba: { preloadDetailAllowed: true } });
    const { a, batch } = await submitted(false);
    const res = await a.query(SPEC, [batch]);
    assert.deepEqual(res.observations.map((o) => o.status), ["succeeded", "succeeded", "succeeded"]);
    assert.equal(await h.calls("cdn:DescribePreloadDetailById"), 0);
    assert.equal(await h.calls("cdn:DescribeRefreshTaskById"), 1);
  });

  it("uses the detail API when enabled and the account is allow-listed (no by-id call when it covers the batch)", async () => {
    await h.reset({}, { alibaba: { preloadDetailAllowed: true } });
    const { a, batch } = await submitted(true);
    const res = await a.query(SPEC, [batch]);
    assert.deepEqual(res.observations.map((o) => [o.url, o.status, o.progress]).sort(), URLS.map((u) => [u, "succeeded", 100]).sort());
    assert.equal(await h.calls("cdn:DescribeRefreshTaskById"), 0);
  });

  for (const variant of ["forbidden", "emptyOk", "serverError"]) {
    it(`cdn.detailForNonAllowListed=${variant}: falls back to by-id, and the next resources of the account do not ask again`, async () => {
      await h.reset({ "cdn.detailForNonAllowListed": variant });
      const first = await submitted(true);
      const second = await submitted(true);
      for (const { a, batch } of [first, second, first]) {
        const res = await a.query(SPEC, [batch]);
        assert.deepEqual(res.observations.map((o) => o.status), ["succeeded", "succeeded", "succeeded"]);
      }
      assert.equal(await h.calls("cdn:DescribePreloadDetailById"), 1, "one refused call for the whole process");
    });
  }
});

describe("adapters: Alibaba CDN by-id answers for expired, unknown and many ids", () => {
  let h: AlibabaEmulator;
  before(async () => { h = await startAlibabaEmulator(); });
  after(async () => h.close());
  beforeEach(() => forgetAll());
  const DAY = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  for (const product of ["alibaba-cdn", "alibaba-dcdn"] as const) {
    const spec = { ...SPEC, cloud: product } as AlibabaCdnSpec;
    for (const expired of ["empty", "InvalidTime"]) {
      it(`${product}, alibaba.expiredTaskIds=${expired}: an expired id never hides the young ids queried with it`, async () => {
        await h.reset({ "alibaba.expiredTaskIds": expired });
        const a = h.adapter(product);
        const oldAt = h.now();
        const old = await a.submit(spec, [URLS[0]]);
        await h.advance(3 * DAY);
        const youngAt = h.now();
        const young = await a.submit(spec, [URLS[1]]);
        await h.advance(65_000);
        const res = await a.query(spec, [{ ...old, urls: [URLS[0]], submittedAt: iso(oldAt) }, { ...young, urls: [URLS[1]], submittedAt: iso(youngAt) }]);
        assert.deepEqual(res.observations.map((o) => [o.url, o.status]), [[URLS[1], "succeeded"]]);
        assert.equal(res.historyUnavailable, expired === "InvalidTime", "only the vendor's refusal says the history is gone");
      });
    }

    it(`${product}, alibaba.unknownTaskId=InvalidTaskId.Malformed: an id never issued fails the query as invalid, never a success`, async () => {
      await h.reset({ "alibaba.unknownTaskId": "InvalidTaskId.Malformed" });
      const a = h.adapter(product, { alibabaPreloadDetail: true });
      const at = iso(h.now());
      const { taskIds } = await a.submit(spec, URLS);
      await h.advance(65_000);
      await assert.rejects(a.query(spec, [{ taskIds: [...taskIds, "99999999999"], urls: URLS, submittedAt: at }]),
        (e: unknown) => isCloudError(e) && e.kind === "invalid" && e.code === "InvalidTaskId.Malformed");
      const res = await a.query(spec, [{ taskIds, urls: URLS, submittedAt: at }]);
      assert.deepEqual(res.observations.map((o) => o.status), ["succeeded", "succeeded", "succeeded"]);
    });
  }

  it("alibaba.unknownTaskId=InvalidTaskId.Malformed: a refused id is not taken as the detail API refusing the account", async () => {
    await h.reset({ "alibaba.unknownTaskId": "InvalidTaskId.Malformed" }, { alibaba: { preloadDetailAllowed: true } });
    const a = h.adapter("alibaba-cdn", { alibabaPreloadDetail: true });
    const at = iso(h.now());
    const { taskIds } = await a.submit(SPEC, URLS);
    await h.advance(65_000);
    await assert.rejects(a.query(SPEC, [{ taskIds: ["99999999999"], urls: URLS, submittedAt: at }]));
    const before = await h.calls("cdn:DescribePreloadDetailById");
    const res = await a.query(SPEC, [{ taskIds, urls: URLS, submittedAt: at }]);
    assert.deepEqual(res.observations.map((o) => o.status), ["succeeded", "succeeded", "succeeded"]);
    assert.equal(await h.calls("cdn:DescribePreloadDetailById") - before, 1, "the detail API is still used for the account");
  });

  it("alibaba.taskIdsPerSubmit=perUrl: a batch with more ids than one by-id call takes is read by id only, 10 ids a call", async () => {
    await h.reset({ "alibaba.taskIdsPerSubmit": "perUrl" }, { alibaba: { preloadDetailAllowed: true } });
    const a = h.adapter("alibaba-cdn", { alibabaPreloadDetail: true });
    const urls = Array.from({ length: 25 }, (_, i) => `cdn.example.com/many/${i}.js`);
    const at = iso(h.now());
    const { taskIds } = await a.submit(SPEC, urls);
    assert.equal(taskIds.length, 25);
    await h.advance(65_000);
    const res = await a.query(SPEC, [{ taskIds, urls, submittedAt: at }]);
    assert.deepEqual(res.observations.map((o) => o.status), urls.map(() => "succeeded"));
    assert.equal(await h.calls("cdn:DescribePreloadDetailById"), 0, "no detail call per id");
    assert.equal(await h.calls("cdn:DescribeRefreshTaskById"), 3);
  });
});

describe("adapters: Alibaba CDN quota under every reading of its fields", () => {
  let h: AlibabaEmulator;
  before(async () => { h = await startAlibabaEmulator(); });
  after(async () => h.close());
  beforeEach(() => forgetAll());

  for (const reading of ["preload", "edgeUnlessL2", "edgeForL2"]) {
    for (const l2Preload of [null, true]) {
      it(`cdn.preloadQuotaFields=${reading}, l2Preload ${l2Preload}: with the other submit's pool used up, the remainder read never refuses what the cloud accepts`, async () => {
        await h.reset({ "cdn.preloadQuotaFields": reading }, { quotas: { cdn: { daily: 30 } } } as never);
        const a = h.adapter("alibaba-cdn");
        const spec: AlibabaCdnSpec = { ...SPEC, l2Preload };
        const urls = (from: number, n: number) => Array.from({ length: n }, (_, i) => `cdn.example.com/q/${from + i}.js`);
        const other: AlibabaCdnSpec = { ...SPEC, l2Preload: l2Preload === true ? null : true };
        let sent = 0;
        for (; sent < 40; sent++) {
          const took = await a.submit(other, urls(sent, 1)).then(() => true, () => false);
          if (!took) break;
        }
        let refused = false;
        for (; sent < 100 && !refused; sent++) {
          const q = await a.quota(spec);
          const accepted = (await h.emu.control.tasks()).length;
          try {
            await a.submit(spec, urls(sent, 1));
            assert.ok(q.remaining !== null && q.remaining >= 1, `the cloud took a URL while the quota read said ${q.remaining} left`);
          } catch (e) {
            assert.ok(isCloudError(e) && e.kind === "quota" && e.detail === "dailyQuota", String(e));
            assert.equal((await h.emu.control.tasks()).length, accepted, "the refused submit accepted nothing");
            refused = true;
          }
        }
        assert.ok(refused, "the quota runs out");
      });
    }
  }
});

describe("adapters: Alibaba CDN detail enrichment and quota (scripted server)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");
  const adapter = (detail: boolean) =>
    createAdapter("alibaba-cdn", testConnection(endpoint, { alibabaPreloadDetail: detail, tencentDomain: null, alibabaAccountType: null }), clock);
  const taskById = (ids: string[], urls: string[]) => ({ body: { RequestId: "R", TotalCount: urls.length, Tasks: urls.map((u, i) => ({
    TaskId: ids[0], ObjectPath: `http://${u}`, ObjectType: "preload", Status: i === 0 ? "Complete" : "Refreshing", Process: i === 0 ? "100%" : "40%",
    CreationTime: "2026-11-22T23:59:00Z", Description: "" })) } });

  beforeEach(async () => {
    forgetAll();
    server = new FixtureServer();
    endpoint = await server.start();
  });
  afterEach(() => server.close());

  it("falls back to by-id for a batch the detail answer does not fully cover", async () => {
    server.otherwise("DescribePreloadDetailById", { body: { RequestId: "R", TotalCount: 1, UrlDetails: [{ TaskId: "7", Domain: "example.com",
      Status: "Refreshing", Process: "50%", Urls: [{ Url: "/a.js", Success: "50%", Description: "" }] }] } });
    server.otherwise("DescribeRefreshTaskById", taskById(["7"], ["example.com/a.js", "example.com/b.js"]));
    const batch = { taskIds: ["7"], urls: ["example.com/a.js", "example.com/b.js"], submittedAt: "2026-11-22T23:59:00Z" };
    const res = await adapter(true).query({ cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null }, [batch]);
    assert.deepEqual(res.observations.map((o) => [o.url, o.status]), [["example.com/a.js", "succeeded"], ["example.com/b.js", "running"]]);
    assert.equal(server.calls("DescribeRefreshTaskById").length, 1);
  });

  it("falls back on throttling of the detail API without remembering it as a refusal", async () => {
    server.queue("DescribePreloadDetailById", alibabaError(400, "Throttling.User"));
    server.otherwise("DescribePreloadDetailById", { body: { RequestId: "R", TotalCount: 1, UrlDetails: [{ TaskId: "7", Domain: "example.com",
      Status: "Complete", Process: "100%", Urls: [{ Url: "/a.js", Success: "100%", Description: "Successfully preloaded" }] }] } });
    server.otherwise("DescribeRefreshTaskById", taskById(["7"], ["example.com/a.js"]));
    const batch = { taskIds: ["7"], urls: ["example.com/a.js"], submittedAt: "2026-11-22T23:59:00Z" };
    const spec: AlibabaCdnSpec = { ...SPEC };
    for (let i = 0; i < 2; i++) assert.equal((await adapter(true).query(spec, [batch])).observations[0].status, "succeeded");
    assert.equal(server.calls("DescribePreloadDetailById").length, 2, "asked again after throttling");
    assert.equal(server.calls("DescribeRefreshTaskById").length, 1);
  });

  it("reads the prefetch quota as the larger of the two candidate remainders, with or without L2 (an upper bound under every reading)", async () => {
    const body = { RequestId: "R", PreloadQuota: "500", PreloadRemain: "20", PreloadEdgeQuota: "1000", PreloadEdgeRemain: "400",
      UrlQuota: "2000", UrlRemain: "1996", DirQuota: "100", DirRemain: "99", BlockQuota: "300", BlockRemain: "100",
      RegexQuota: "20", RegexRemain: "10", IgnoreParamsQuota: "100", IgnoreParamsRemain: "10" };
    server.otherwise("DescribeRefreshQuota", { body });
    assert.deepEqual(await adapter(false).quota(SPEC), { daily: 1000, remaining: 400, perRequest: null });
    assert.deepEqual(await adapter(false).quota({ ...SPEC, l2Preload: false }, { fresh: true }), { daily: 1000, remaining: 400, perRequest: null });
    assert.deepEqual(await adapter(false).quota({ ...SPEC, l2Preload: true }, { fresh: true }), { daily: 1000, remaining: 400, perRequest: null });
    server.otherwise("DescribeRefreshQuota", { body: { ...body, PreloadRemain: "450" } });
    assert.deepEqual(await adapter(false).quota(SPEC, { fresh: true }), { daily: 500, remaining: 450, perRequest: null });
    server.otherwise("DescribeRefreshQuota", { body: { ...body, PreloadEdgeRemain: "n/a" } });
    assert.deepEqual(await adapter(false).quota({ ...SPEC, l2Preload: true }, { fresh: true }), { daily: 500, remaining: null, perRequest: null },
      "one candidate unknown: the remainder is unknown");
    server.otherwise("DescribeRefreshQuota", { body: { ...body, PreloadEdgeRemain: undefined, PreloadEdgeQuota: undefined } });
    assert.deepEqual(await adapter(false).quota({ ...SPEC, l2Preload: true }, { fresh: true }), { daily: 500, remaining: 20, perRequest: null },
      "no edge pair at all (as on DCDN): one candidate");
  });
});
