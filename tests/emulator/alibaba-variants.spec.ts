/**
 * Every value of every Alibaba emulator variant (emulator/alibaba/variants.ts, emulator/{cdn,dcdn,esa}/variants.ts,
 * emulator/core/common-variants.ts), shown through the official SDKs: for each variant the module declares, each value
 * has a case below, run once per product the variant changes (a guard test fails when a declared value has none).
 */
import assert from "node:assert/strict";
import { alibabaModule } from "../../emulator/alibaba";
import { contextOf, createState } from "../../emulator/core/context";
import { localControl } from "../../emulator/core/control";
import type { Product } from "../../emulator/core/types";
import { type AliFixture, cdnClient, dcdnClient, esaClient, expectAliError, models, startAlibaba } from "./alibaba-fixture";

const { Cdn, Dcdn, Esa } = models;
type Ali = Exclude<Product, "teo">;
const SITE = 7000321;
const isoAt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
/** ESA `CreateTime` in a zone `offsetMs` east of UTC. */
const zoneless = (ms: number, offsetMs: number) => new Date(Math.floor(ms / 1000) * 1000 + offsetMs).toISOString().slice(0, 19).replace("T", " ");
/** HTTP status of an SDK error (openapi-core: `statusCode`; openapi-client: `data.statusCode`). */
const statusOf = (e: any): number => e.statusCode ?? e.data?.statusCode;

/** One product through its official SDK: submit, query by id (or list), and list within a time window. */
interface Driver {
  /** Submits URLs (CDN/DCDN: `domain/path` lines; ESA: full URLs); returns the submit's task id(s). */
  submit(fx: AliFixture, urls: string[]): Promise<string>;
  /** URLs (as echoed) of the tasks of a submit that queries show. */
  shown(fx: AliFixture, id: string): Promise<string[]>;
  /** The list API with a StartTime/EndTime window; resolves to the number of tasks listed. */
  list(fx: AliFixture, startMs: number, endMs: number): Promise<number>;
  /** The list API filtered by an exact URL (CDN/DCDN `ObjectPath`, ESA `Content`). */
  listExact(fx: AliFixture, url: string): Promise<string[]>;
  /** The URLs of one page of the list API without filters (page size 2), in the order listed. */
  listPage(fx: AliFixture, page: number): Promise<string[]>;
  /** A URL that is the same resource in another spelling: host case, lower-case escape, non-ASCII path. */
  odd: { sent: string; echoed: string; normalized: string };
}

const ODD_PATH = { sent: "/dir/%e4%b8%ad x/文件.png?q=%2f", normalized: "/dir/%E4%B8%AD x/%E6%96%87%E4%BB%B6.png?q=%2F" };

const DRIVERS: Record<Ali, Driver> = {
  cdn: {
    submit: async (fx, urls) => (await cdnClient(fx).pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: urls.join("\n") }))).body.pushTaskId,
    shown: async (fx, id) => (await cdnClient(fx).describeRefreshTaskById(new Cdn.DescribeRefreshTaskByIdRequest({ taskId: id }))).body.tasks.map((t: any) => t.objectPath),
    list: async (fx, s, e) => (await cdnClient(fx).describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({ startTime: isoAt(s), endTime: isoAt(e) }))).body.totalCount,
    listExact: async (fx, url) => (await cdnClient(fx).describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({ objectPath: url }))).body.tasks.CDNTask.map((t: any) => t.objectPath),
    listPage: async (fx, n) => (await cdnClient(fx).describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({ pageNumber: n, pageSize: 2 }))).body.tasks.CDNTask.map((t: any) => t.objectPath),
    odd: { sent: `Img.Example.COM${ODD_PATH.sent}`, echoed: `http://Img.Example.COM${ODD_PATH.sent}`, normalized: `http://img.example.com${ODD_PATH.normalized}` },
  },
  dcdn: {
    submit: async (fx, urls) => (await dcdnClient(fx).preloadDcdnObjectCaches(new Dcdn.PreloadDcdnObjectCachesRequest({ objectPath: urls.join("\n") }))).body.preloadTaskId,
    shown: async (fx, id) => (await dcdnClient(fx).describeDcdnRefreshTaskById(new Dcdn.DescribeDcdnRefreshTaskByIdRequest({ taskId: id }))).body.tasks.map((t: any) => t.objectPath),
    list: async (fx, s, e) => (await dcdnClient(fx).describeDcdnRefreshTasks(new Dcdn.DescribeDcdnRefreshTasksRequest({ startTime: isoAt(s), endTime: isoAt(e) }))).body.totalCount,
    listExact: async (fx, url) => (await dcdnClient(fx).describeDcdnRefreshTasks(new Dcdn.DescribeDcdnRefreshTasksRequest({ objectPath: url }))).body.tasks.task.map((t: any) => t.objectPath),
    listPage: async (fx, n) => (await dcdnClient(fx).describeDcdnRefreshTasks(new Dcdn.DescribeDcdnRefreshTasksRequest({ pageNumber: n, pageSize: 2 }))).body.tasks.task.map((t: any) => t.objectPath),
    odd: { sent: `HTTPS://Img.Example.COM${ODD_PATH.sent}`, echoed: `HTTPS://Img.Example.COM${ODD_PATH.sent}`, normalized: `https://img.example.com${ODD_PATH.normalized}` },
  },
  esa: {
    submit: async (fx, urls) => (await esaClient(fx).preloadCaches(new Esa.PreloadCachesRequest({ siteId: SITE, content: urls.map(esaUrl) }))).body.taskId,
    shown: async (fx) => (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }))).body.tasks.map((t: any) => t.content),
    list: async (fx, s, e) => (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE, startTime: isoAt(s), endTime: isoAt(e) }))).body.totalCount,
    listExact: async (fx, url) => (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE, content: url }))).body.tasks.map((t: any) => t.content),
    listPage: async (fx, n) => (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE, pageNumber: n, pageSize: 2 }))).body.tasks.map((t: any) => t.content),
    odd: { sent: `https://Img.Example.COM${ODD_PATH.sent}`, echoed: `https://Img.Example.COM${ODD_PATH.sent}`, normalized: `https://img.example.com${ODD_PATH.normalized}` },
  },
};

/** ESA takes full URLs; the CDN-style `domain/path` lines of the shared cases get a scheme. */
function esaUrl(u: string): string {
  return /^[a-z]+:\/\//i.test(u) ? u : `https://${u}`;
}

/** A case: what a product answers under one value of a variant. */
type Case = (fx: AliFixture, product: Ali) => Promise<void>;

async function busyCase(fx: AliFixture, product: Ali, code: string | null, status: number): Promise<void> {
  const d = DRIVERS[product];
  if (code === null) {
    assert.match(await d.submit(fx, ["new.example.com/a"]), /^\d+$/, "a new domain or site accepts its first submit");
    return;
  }
  const refused = await expectAliError(d.submit(fx, ["new.example.com/a"]), code);
  assert.equal(statusOf(refused), status);
  await fx.advance(1999);
  await expectAliError(d.submit(fx, ["new.example.com/b"]), code);
  await fx.advance(1);
  const id = await d.submit(fx, ["new.example.com/c"]);
  assert.equal((await d.shown(fx, id)).length, 1, "accepted once the default 2000 virtual ms have passed");
  const stats = await fx.stats();
  assert.equal(stats.submittedUrls[product], 1, "refused submits spend nothing");
}

async function throttleCase(fx: AliFixture, product: Ali, code: string, status: number): Promise<void> {
  await fx.fault({ product, kind: "throttle", delayMs: 1500 });
  const err = await expectAliError(DRIVERS[product].submit(fx, ["example.com/a"]), code);
  assert.equal(statusOf(err), status);
  if (product !== "dcdn") {
    // openapi-core keys ThrottlingError on a code containing "Throttling" (cloud-apis.md §C.6) and reads x-acs-retry-after.
    assert.equal(err.name, code.includes("Throttling") ? "ThrottlingError" : status >= 500 ? "ServerError" : "ClientError");
    if (code.includes("Throttling")) assert.equal(err.retryAfter, 1500);
  }
  assert.equal((await fx.stats()).submittedUrls[product], 0, "nothing was served");
}

/** Submits three URLs over two domains; returns the answer's ids and what by-id shows for them. */
async function idsCase(fx: AliFixture, product: Ali, expected: number): Promise<void> {
  const d = DRIVERS[product];
  const ids = (await d.submit(fx, ["a.example.com/1", "b.example.com/2", "a.example.com/3"])).split(",");
  assert.equal(ids.length, expected, `ids ${ids}`);
  assert.equal(new Set(ids).size, ids.length, "no id twice");
  assert.ok(ids.every((id) => /^\d+$/.test(id)));
  const shown = (await d.shown(fx, ids.join(","))).sort();
  assert.deepEqual(shown, ["http://a.example.com/1", "http://a.example.com/3", "http://b.example.com/2"], "every id is queryable and covers its URLs");
}

/** An id issued more than 3 days ago, queried alone and together with a young one. */
async function expiredCase(fx: AliFixture, product: Ali, refused: boolean): Promise<void> {
  const d = DRIVERS[product];
  const old = await d.submit(fx, ["example.com/old"]);
  await fx.advance(3 * 86_400_000);
  const young = await d.submit(fx, ["example.com/young"]);
  if (!refused) {
    assert.deepEqual(await d.shown(fx, old), [], "an expired id lists nothing");
    assert.deepEqual(await d.shown(fx, `${old},${young}`), ["http://example.com/young"]);
    return;
  }
  const err = await expectAliError(d.shown(fx, `${old},${young}`), "InvalidTime");
  assert.equal(statusOf(err), 400);
  await expectAliError(d.shown(fx, old), "InvalidTime");
  assert.deepEqual(await d.shown(fx, young), ["http://example.com/young"], "young ids alone are served");
}

/** A well-formed id this account was never issued, queried alone and together with a real one. */
async function unknownCase(fx: AliFixture, product: Ali, refused: boolean): Promise<void> {
  const d = DRIVERS[product];
  const id = await d.submit(fx, ["example.com/a"]);
  const never = "99999999999";
  if (!refused) {
    assert.deepEqual(await d.shown(fx, `${never},${id}`), ["http://example.com/a"]);
    return;
  }
  const err = await expectAliError(d.shown(fx, `${never},${id}`), "InvalidTaskId.Malformed");
  assert.equal(statusOf(err), 400);
  assert.deepEqual(await d.shown(fx, id), ["http://example.com/a"], "issued ids alone are served");
  if (product === "cdn") {
    await fx.configure({ alibaba: { preloadDetailAllowed: true } });
    await expectAliError(cdnClient(fx).describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: never })), "InvalidTaskId.Malformed");
  }
}

/** Three URLs submitted one second apart, listed in pages of 2. */
async function orderCase(fx: AliFixture, product: Ali, newestFirst: boolean): Promise<void> {
  const d = DRIVERS[product];
  const sent: string[] = [];
  for (const n of [1, 2, 3]) {
    await d.submit(fx, [`example.com/${n}`]);
    sent.push(`${product === "esa" ? "https" : "http"}://example.com/${n}`);
    await fx.advance(1000);
  }
  const listed = [...(await d.listPage(fx, 1)), ...(await d.listPage(fx, 2))];
  assert.deepEqual(listed, newestFirst ? [...sent].reverse() : sent);
}

/** 51 URLs in one PreloadCaches request: refused whole (nothing accepted) when the limit is 50. */
async function perRequestCase(fx: AliFixture, max: number): Promise<void> {
  const urls = (n: number) => Array.from({ length: n }, (_, i) => `a.example.com/${i}`);
  if (max === 50) {
    const err = await expectAliError(DRIVERS.esa.submit(fx, urls(51)), "InvalidParameter");
    assert.equal(statusOf(err), 400);
    assert.match(err.data?.Message ?? err.message, /maximum of 50 URLs/);
    assert.equal((await fx.stats()).submittedUrls.esa, 0, "nothing of the request was accepted");
  } else {
    await DRIVERS.esa.submit(fx, urls(51));
  }
  await DRIVERS.esa.submit(fx, urls(max));
  const err = await expectAliError(DRIVERS.esa.submit(fx, urls(max + 1)), "InvalidParameter");
  assert.match(err.data?.Message ?? err.message, new RegExp(`maximum of ${max} URLs`));
}

/** The plan's prefetch quota used up: the next PreloadCaches is refused with `code`, spending nothing. */
async function quotaCodeCase(fx: AliFixture, code: string): Promise<void> {
  await fx.configure({ quotas: { esa: { daily: 3 } } } as any);
  await DRIVERS.esa.submit(fx, ["a.example.com/1", "a.example.com/2"]);
  const err = await expectAliError(DRIVERS.esa.submit(fx, ["a.example.com/3", "a.example.com/4"]), code);
  assert.equal(statusOf(err), 400);
  assert.equal((await fx.stats()).submittedUrls.esa, 2);
  await DRIVERS.esa.submit(fx, ["a.example.com/3"]);
}

const DAY = 86_400_000;
const H8 = 8 * 3_600_000;

/** `Usage` of the `preload` quota as ListInstanceQuotasWithUsage reports it. */
async function esaUsage(fx: AliFixture): Promise<string> {
  const body = (await esaClient(fx).listInstanceQuotasWithUsage(new Esa.ListInstanceQuotasWithUsageRequest({ quotaNames: "preload", siteId: SITE }))).body;
  return body.quotas[0].usage;
}

/**
 * Usage across the two midnights (UTC+8 at 16:00 UTC, then UTC) and 30 days: `resets` says which of them empty it.
 * The clock is first moved to 12:00 UTC.
 */
async function periodCase(fx: AliFixture, resets: { utc8: boolean; utc: boolean; days30: boolean }): Promise<void> {
  const now = await fx.now();
  await fx.advance(DAY - ((now - 12 * 3_600_000) % DAY + DAY) % DAY);
  await fx.configure({ quotas: { esa: { daily: 2 } } } as any);
  await DRIVERS.esa.submit(fx, ["a.example.com/1", "a.example.com/2"]);
  assert.equal(await esaUsage(fx), "2");
  await expectAliError(DRIVERS.esa.submit(fx, ["a.example.com/3"]), "QuotaExceeded.Preload");
  await fx.advance(4 * 3_600_000);
  assert.equal(await esaUsage(fx), resets.utc8 ? "0" : "2", "after 00:00 UTC+8");
  await fx.advance(H8);
  assert.equal(await esaUsage(fx), resets.utc8 || resets.utc ? "0" : "2", "after 00:00 UTC");
  if (!resets.days30) {
    await expectAliError(DRIVERS.esa.submit(fx, ["a.example.com/3"]), "QuotaExceeded.Preload");
    await fx.advance(30 * DAY - 12 * 3_600_000);
    assert.equal(await esaUsage(fx), "0", "30 days after the submit");
  }
  assert.match(await DRIVERS.esa.submit(fx, ["a.example.com/3"]), /^\d+$/, "the quota is available again");
}

/**
 * Which CDN quota pair a prefetch spends: one default and one `L2Preload=true` submit of two URLs each, then the
 * remainders `DescribeRefreshQuota` reports. `spends` names the pair each submit takes ("p": Preload*, "e": PreloadEdge*).
 */
async function quotaPairCase(fx: AliFixture, spends: { plain: "p" | "e"; l2: "p" | "e" }): Promise<void> {
  const c = cdnClient(fx);
  await c.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: "example.com/1\nexample.com/2" }));
  await c.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: "example.com/3\nexample.com/4", l2Preload: true }));
  const q = (await c.describeRefreshQuota(new Cdn.DescribeRefreshQuotaRequest({}))).body;
  const spent = (pair: "p" | "e") => [spends.plain, spends.l2].filter((x) => x === pair).length * 2;
  assert.deepEqual([q.preloadQuota, q.preloadRemain, q.preloadEdgeQuota, q.preloadEdgeRemain],
    ["1000", String(1000 - spent("p")), "20", String(20 - spent("e"))]);
  if (spent("e") === 0) return;
  const l2 = spends.l2 === "e";
  const many = Array.from({ length: 19 }, (_, i) => `example.com/m${i}`).join("\n");
  const err = await expectAliError(c.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: many, ...(l2 ? { l2Preload: true } : {}) })), "QuotaExceeded.Preload");
  assert.equal(statusOf(err), 400, "the L1 pool refuses what it cannot take although Preload* could");
}

/** The status a task's query shows once it is done: its real one, or the variant's unknown one. */
/** Origin v1 → prefetch → origin v2 → prefetch: the version the product's edge serves afterwards. */
async function prefetchOfCachedCase(fx: AliFixture, product: Ali, expected: string): Promise<void> {
  const url = "https://example.com/cached.js";
  await fx.setOrigin({ [url]: "v1" });
  await DRIVERS[product].submit(fx, [url]);
  await fx.advance(120_000);
  await fx.setOrigin({ [url]: "v2" });
  await DRIVERS[product].submit(fx, [url]);
  await fx.advance(120_000);
  const held = Object.values((await fx.edge())[product]);
  assert.deepEqual(held, [{ version: expected, stale: false }]);
}

/** Purges one URL through the product's official SDK; `force`: Alibaba `Force`. */
async function purgeUrl(fx: AliFixture, product: Ali, url: string, force: boolean): Promise<void> {
  if (product === "cdn") await cdnClient(fx).refreshObjectCaches(new Cdn.RefreshObjectCachesRequest({ objectPath: url, force }));
  else if (product === "dcdn") await dcdnClient(fx).refreshDcdnObjectCaches(new Dcdn.RefreshDcdnObjectCachesRequest({ objectPath: url, force }));
  else await esaClient(fx).purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: new Esa.PurgeCachesRequestContent({ files: [url] }), force }));
}

/** A cached URL purged with `Force: true`, another with `Force: false`: what the product's edge holds afterwards, each. */
async function urlMethodCase(fx: AliFixture, product: Ali, afterForce: object, afterNoForce: object): Promise<void> {
  const [del, inv] = ["https://example.com/del.js", "https://example.com/inv.js"];
  await fx.setOrigin({ [del]: "v1", [inv]: "v1" });
  await DRIVERS[product].submit(fx, [del, inv]);
  await fx.advance(120_000);
  await purgeUrl(fx, product, del, true);
  await purgeUrl(fx, product, inv, false);
  await fx.advance(120_000);
  const edge = (await fx.edge())[product];
  assert.deepEqual([edge[del], edge[inv]], [afterForce, afterNoForce]);
}

/** `Content.Files` of `n` URLs. */
const purgeFiles = (n: number, tag: string) => new Esa.PurgeCachesRequestContent({ files: Array.from({ length: n }, (_, i) => `https://a.example.com/${tag}/${i}`) });

/** ESA's file purge quota (10,000 a day) used up: the next PurgeCaches is refused with `code`, spending nothing. */
async function purgeQuotaCodeCase(fx: AliFixture, code: string): Promise<void> {
  const esa = esaClient(fx);
  for (let i = 0; i < 100; i++) await esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: purgeFiles(100, `q${i}`) }));
  const err = await expectAliError(esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: purgeFiles(1, "last") })), code);
  assert.equal(statusOf(err), 400);
  assert.equal((await fx.stats()).purgedUrls.esa, 10_000);
  const q = (await esa.getPurgeQuota(new Esa.GetPurgeQuotaRequest({ siteId: SITE, type: "file" }))).body;
  assert.deepEqual([q.quota, q.usage], ["10000", "10000"]);
}

/** The most files one PurgeCaches takes: 51 accepted under 1,000; refused whole under 50, naming it. */
async function purgeFilesCase(fx: AliFixture, max: number): Promise<void> {
  const esa = esaClient(fx);
  const purge = (n: number, tag: string) => esa.purgeCaches(new Esa.PurgeCachesRequest({ siteId: SITE, type: "file", content: purgeFiles(n, tag) }));
  if (max === 50) {
    const err = await expectAliError(purge(51, "a"), "InvalidParameter");
    assert.equal(statusOf(err), 400);
    assert.match(err.data?.Message ?? err.message, /maximum of 50 files/);
    assert.equal((await fx.stats()).purgedUrls.esa, 0, "nothing of the request was accepted");
    await purge(50, "b");
  } else {
    await purge(51, "a");
  }
}

async function statusCase(fx: AliFixture, product: Ali, unknown: string | null): Promise<void> {
  const d = DRIVERS[product];
  await d.submit(fx, ["example.com/a"]);
  await fx.advance(120_000);
  const statuses = product === "esa"
    ? (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }))).body.tasks.map((t: any) => t.status)
    : product === "cdn"
      ? (await cdnClient(fx).describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({}))).body.tasks.CDNTask.map((t: any) => t.status)
      : (await dcdnClient(fx).describeDcdnRefreshTasks(new Dcdn.DescribeDcdnRefreshTasksRequest({}))).body.tasks.task.map((t: any) => t.status);
  assert.deepEqual(statuses, [unknown ?? "Complete"]);
}

/** `alibaba.processCurve`: a URL two thirds into its 60 s (the fixture's duration) reports `percent` while refreshing. */
async function processCase(fx: AliFixture, product: Ali, percent: number): Promise<void> {
  await DRIVERS[product].submit(fx, ["example.com/a"]);
  await fx.advance(40_000);
  const tasks: any[] = product === "esa"
    ? (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }))).body.tasks
    : product === "cdn"
      ? (await cdnClient(fx).describeRefreshTasks(new Cdn.DescribeRefreshTasksRequest({}))).body.tasks.CDNTask
      : (await dcdnClient(fx).describeDcdnRefreshTasks(new Dcdn.DescribeDcdnRefreshTasksRequest({}))).body.tasks.task;
  assert.deepEqual(tasks.map((t) => [t.status, parseInt(String(t.process), 10)]), [["Refreshing", percent]]);
}

const CASES: Record<string, Record<string, Case>> = {
  "cdn.detailForNonAllowListed": {
    forbidden: async (fx) => {
      const id = await DRIVERS.cdn.submit(fx, ["example.com/a"]);
      const err = await expectAliError(cdnClient(fx).describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: id })), "Forbidden");
      assert.equal(statusOf(err), 403);
    },
    emptyOk: async (fx) => {
      const id = await DRIVERS.cdn.submit(fx, ["example.com/a"]);
      const body = (await cdnClient(fx).describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: id }))).body;
      assert.deepEqual([body.totalCount, body.urlDetails], [0, []]);
      await fx.configure({ alibaba: { preloadDetailAllowed: true } });
      const allowed = (await cdnClient(fx).describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: id }))).body;
      assert.equal(allowed.totalCount, 1, "an allow-listed account still gets the detail");
    },
    serverError: async (fx) => {
      const id = await DRIVERS.cdn.submit(fx, ["example.com/a"]);
      const err = await expectAliError(cdnClient(fx).describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: id })), "InternalError");
      assert.equal(statusOf(err), 500);
    },
  },
  "cdn.preloadQuotaFields": {
    preload: (fx) => quotaPairCase(fx, { plain: "p", l2: "p" }),
    edgeUnlessL2: (fx) => quotaPairCase(fx, { plain: "e", l2: "p" }),
    edgeForL2: (fx) => quotaPairCase(fx, { plain: "p", l2: "e" }),
  },
  "alibaba.busyAfterFirstUse": {
    none: (fx, p) => busyCase(fx, p, null, 0),
    ServiceBusy: (fx, p) => busyCase(fx, p, "ServiceBusy", 403),
    "InvalidDomain.Offline": (fx, p) => busyCase(fx, p, "InvalidDomain.Offline", 404),
  },
  "esa.busyAfterFirstUse": {
    none: (fx) => busyCase(fx, "esa", null, 0),
    "Site.ServiceBusy": (fx) => busyCase(fx, "esa", "Site.ServiceBusy", 400),
  },
  "esa.listTaskIds": {
    submitId: async (fx) => {
      const id = await DRIVERS.esa.submit(fx, ["a.example.com/1", "a.example.com/2"]);
      const items = (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }))).body.tasks;
      assert.deepEqual(items.map((t: any) => t.taskId), [id, id]);
    },
    perUrlId: async (fx) => {
      const id = await DRIVERS.esa.submit(fx, ["a.example.com/1", "a.example.com/2"]);
      const ids = (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }))).body.tasks.map((t: any) => t.taskId);
      assert.equal(new Set(ids).size, 2, "each item its own id");
      assert.ok(ids.every((x: string) => x !== id && /^\d{16}$/.test(x)), `${ids} vs the submit's ${id}`);
    },
  },
  "esa.createTimeZone": {
    utc8: async (fx) => {
      const at = await fx.now();
      await DRIVERS.esa.submit(fx, ["a.example.com/1"]);
      const t = (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }))).body.tasks[0];
      assert.equal(t.createTime, zoneless(at, 8 * 3_600_000));
    },
    utc: async (fx) => {
      const at = await fx.now();
      await DRIVERS.esa.submit(fx, ["a.example.com/1"]);
      const t = (await esaClient(fx).describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE }))).body.tasks[0];
      assert.equal(t.createTime, zoneless(at, 0));
    },
  },
  "alibaba.futureEndTime": {
    accept: async (fx, p) => {
      await DRIVERS[p].submit(fx, ["example.com/a"]);
      const now = await fx.now();
      assert.equal(await DRIVERS[p].list(fx, now - 60_000, now + 300_000), 1);
    },
    refuse: async (fx, p) => {
      await DRIVERS[p].submit(fx, ["example.com/a"]);
      const now = await fx.now();
      const err = await expectAliError(DRIVERS[p].list(fx, now - 60_000, now + 300_000), "InvalidTime");
      assert.equal(statusOf(err), 400);
      assert.equal(await DRIVERS[p].list(fx, now - 60_000, now), 1, "an EndTime of now is served");
    },
  },
  "alibaba.throttleCode": {
    "Throttling.User": (fx, p) => throttleCase(fx, p, "Throttling.User", 400),
    Throttling: (fx, p) => throttleCase(fx, p, "Throttling", 503),
    TooManyRequests: (fx, p) => throttleCase(fx, p, "TooManyRequests", p === "esa" ? 400 : 429),
  },
  "alibaba.urlEcho": {
    asSubmitted: async (fx, p) => {
      const d = DRIVERS[p];
      const id = await d.submit(fx, [d.odd.sent]);
      assert.deepEqual(await d.shown(fx, id), [d.odd.echoed]);
      assert.deepEqual(await d.listExact(fx, d.odd.echoed), [d.odd.echoed]);
      assert.deepEqual(await d.listExact(fx, d.odd.normalized), []);
    },
    normalized: async (fx, p) => {
      const d = DRIVERS[p];
      const id = await d.submit(fx, [d.odd.sent]);
      assert.deepEqual(await d.shown(fx, id), [d.odd.normalized]);
      assert.deepEqual(await d.listExact(fx, d.odd.normalized), [d.odd.normalized], "the exact-match filter compares the stored form");
      assert.deepEqual(await d.listExact(fx, d.odd.echoed), []);
      if (p === "cdn") {
        await fx.configure({ alibaba: { preloadDetailAllowed: true } });
        const detail = (await cdnClient(fx).describePreloadDetailById(new Cdn.DescribePreloadDetailByIdRequest({ taskId: id }))).body;
        assert.equal(detail.urlDetails[0].urls[0].url, ODD_PATH.normalized);
      }
    },
  },
  "esa.siteEndpoint": {
    same: async (fx) => {
      await DRIVERS.esa.submit(fx, ["a.example.com/1"]);
      assert.equal((await DRIVERS.esa.shown(fx, "")).length, 1);
    },
    other: async (fx) => {
      const c = esaClient(fx);
      const refused = await expectAliError(DRIVERS.esa.submit(fx, ["a.example.com/1"]), "SiteNotFound");
      assert.equal(statusOf(refused), 404);
      await expectAliError(c.describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: SITE })), "SiteNotFound");
      await expectAliError(c.listInstanceQuotas(new Esa.ListInstanceQuotasRequest({ quotaNames: "preload", siteId: SITE })), "SiteNotFound");
      await fx.configure({ variants: { "esa.siteEndpoint": "same" } });
      await DRIVERS.esa.submit(fx, ["a.example.com/1"]);
      await fx.configure({ variants: { "esa.siteEndpoint": "other" } });
      assert.equal((await c.describePreloadTasks(new Esa.DescribePreloadTasksRequest({}))).body.totalCount, 0, "this endpoint holds none of the site's tasks");
    },
  },
  "alibaba.taskIdsPerSubmit": {
    perDomain: (fx, p) => idsCase(fx, p, 2),
    perUrl: (fx, p) => idsCase(fx, p, 3),
    perRequest: (fx, p) => idsCase(fx, p, 1),
  },
  "alibaba.expiredTaskIds": {
    empty: (fx, p) => expiredCase(fx, p, false),
    InvalidTime: (fx, p) => expiredCase(fx, p, true),
  },
  "alibaba.unknownTaskId": {
    empty: (fx, p) => unknownCase(fx, p, false),
    "InvalidTaskId.Malformed": (fx, p) => unknownCase(fx, p, true),
  },
  "alibaba.listOrder": {
    newestFirst: (fx, p) => orderCase(fx, p, true),
    oldestFirst: (fx, p) => orderCase(fx, p, false),
  },
  "alibaba.processCurve": {
    linear: (fx, p) => processCase(fx, p, 66),
    rounded: (fx, p) => processCase(fx, p, 67),
    none: (fx, p) => processCase(fx, p, 0),
  },
  "esa.urlsPerRequest": {
    "100": (fx) => perRequestCase(fx, 100),
    "50": (fx) => perRequestCase(fx, 50),
  },
  "esa.quotaExceededCode": {
    "QuotaExceeded.Preload": (fx) => quotaCodeCase(fx, "QuotaExceeded.Preload"),
    "Preload.QuotaExceeded": (fx) => quotaCodeCase(fx, "Preload.QuotaExceeded"),
  },
  "esa.quotaPeriod": {
    dailyUtc8: (fx) => periodCase(fx, { utc8: true, utc: false, days30: true }),
    dailyUtc: (fx) => periodCase(fx, { utc8: false, utc: true, days30: true }),
    rolling30Days: (fx) => periodCase(fx, { utc8: false, utc: false, days30: false }),
  },
  // Runs for the Alibaba products once tasks.unknownStatus lists them (emulator/core/common-variants.ts).
  "tasks.unknownStatus": {
    none: (fx, p) => statusCase(fx, p, null),
    paused: (fx, p) => statusCase(fx, p, "paused"),
    blank: (fx, p) => statusCase(fx, p, ""),
  },
  "edge.prefetchOfCached": {
    keep: (fx, p) => prefetchOfCachedCase(fx, p, "v1"),
    refresh: (fx, p) => prefetchOfCachedCase(fx, p, "v2"),
  },
  "purge.urlMethod": {
    honoured: (fx, p) => urlMethodCase(fx, p, { version: null, stale: false }, { version: "v1", stale: true }),
    alwaysInvalidate: (fx, p) => urlMethodCase(fx, p, { version: "v1", stale: true }, { version: "v1", stale: true }),
    alwaysDelete: (fx, p) => urlMethodCase(fx, p, { version: null, stale: false }, { version: null, stale: false }),
  },
  "esa.purgeQuotaExceededCode": {
    "QuotaExceeded.Refresh": (fx) => purgeQuotaCodeCase(fx, "QuotaExceeded.Refresh"),
    "Purge.QuotaExceeded": (fx) => purgeQuotaCodeCase(fx, "Purge.QuotaExceeded"),
  },
  "esa.purgeFilesPerRequest": {
    "1000": (fx) => purgeFilesCase(fx, 1000),
    "50": (fx) => purgeFilesCase(fx, 50),
  },
  "tasks.visibilityLag": {
    "0": async (fx, p) => {
      const id = await DRIVERS[p].submit(fx, ["example.com/a"]);
      assert.equal((await DRIVERS[p].shown(fx, id)).length, 1);
    },
    "5000": async (fx, p) => {
      const id = await DRIVERS[p].submit(fx, ["example.com/a"]);
      await fx.advance(4999);
      assert.equal((await DRIVERS[p].shown(fx, id)).length, 0, "invisible during the lag");
      await fx.advance(1);
      assert.equal((await DRIVERS[p].shown(fx, id)).length, 1);
    },
  },
};

describe("alibaba emulator: every variant value through the official SDKs", () => {
  const declared = alibabaModule().variants;

  it("has a case for every value of every declared variant, and nothing else", () => {
    // Sorted: object keys that look like integers ("50", "100") do not keep their declaration order.
    assert.deepEqual(
      declared.map((d) => [d.name, [...d.values].sort()]),
      declared.map((d) => [d.name, Object.keys(CASES[d.name] ?? {}).sort()]),
    );
    assert.deepEqual(Object.keys(CASES).sort(), declared.map((d) => d.name).sort());
  });

  it("cites a source for each variant and describes each value", () => {
    for (const d of declared) {
      assert.match(d.why, /seed|cloud-apis\.md|https?:\/\/|\.go\b/, `${d.name}: why names no source`);
      assert.deepEqual(Object.keys(d.behaviour).sort(), [...d.values].sort(), `${d.name}: behaviour per value`);
    }
  });

  for (const d of declared) {
    for (const product of d.products.filter((p): p is Ali => p !== "teo")) {
      for (const value of d.values) {
        it(`${d.name} = ${value} (${product})`, async () => {
          const fx = await startAlibaba();
          try {
            await fx.configure({ variants: { [d.name]: value } });
            await CASES[d.name][value](fx, product);
          } finally {
            await fx.close();
          }
        });
      }
    }
  }

  it("config.alibaba.busyForMs sets the busy window", async () => {
    const fx = await startAlibaba();
    try {
      const patch = { variants: { "alibaba.busyAfterFirstUse": "ServiceBusy" }, alibaba: { busyForMs: 500 } };
      await fx.configure(patch);
      await expectAliError(DRIVERS.cdn.submit(fx, ["new.example.com/a"]), "ServiceBusy");
      await fx.advance(500);
      assert.match(await DRIVERS.cdn.submit(fx, ["new.example.com/b"]), /^\d+$/);
    } finally {
      await fx.close();
    }
  });

  it("tasks.visibilityLag never shortens a configured visibilityLagMs", async () => {
    const fx = await startAlibaba();
    try {
      await fx.configure({ visibilityLagMs: 8000, variants: { "tasks.visibilityLag": "5000" } });
      const id = await DRIVERS.cdn.submit(fx, ["example.com/a"]);
      await fx.advance(5000);
      assert.deepEqual(await DRIVERS.cdn.shown(fx, id), []);
      await fx.advance(3000);
      assert.equal((await DRIVERS.cdn.shown(fx, id)).length, 1);
    } finally {
      await fx.close();
    }
  });

  it("module.throttle renders the rate-limit refusal for the request's product under the variant", () => {
    const mod = alibabaModule();
    const state = createState({ modules: [mod], config: { variants: { "alibaba.throttleCode": "TooManyRequests" } } });
    const ctx = contextOf(state);
    const req = (version: string) => ({ method: "POST", path: "/", rawQuery: "", headers: { "x-acs-action": "A", "x-acs-version": version }, body: Buffer.alloc(0) });
    const esa = mod.throttle!(ctx, req("2024-09-10"), 700);
    const cdn = mod.throttle!(ctx, req("2018-05-10"));
    assert.deepEqual([esa.status, (esa.body as any).Code, (esa.body as any).HostId, esa.headers?.["x-acs-retry-after"]], [400, "TooManyRequests", "esa.cn-hangzhou.aliyuncs.com", "700"]);
    assert.deepEqual([cdn.status, (cdn.body as any).Code, cdn.headers?.["x-acs-retry-after"]], [429, "TooManyRequests", "1000"]);
    assert.equal(mod.throttle!(ctx).status, 429, "without a request: the first product (CDN)");
  });

  it("the control plane lists each variant once, defaults first", async () => {
    const state = createState({ modules: [alibabaModule(), alibabaModule()] });
    const names = (await localControl(state).variants()).map((v) => v.name);
    assert.deepEqual(names, [...new Set(names)]);
    assert.deepEqual(names.sort(), declared.map((v) => v.name).sort());
    const defaults = Object.fromEntries(declared.map((v) => [v.name, v.values[0]]));
    assert.deepEqual(defaults, {
      "cdn.detailForNonAllowListed": "forbidden", "alibaba.busyAfterFirstUse": "none", "alibaba.futureEndTime": "accept",
      "alibaba.throttleCode": "Throttling.User", "alibaba.urlEcho": "asSubmitted", "tasks.visibilityLag": "0",
      "esa.busyAfterFirstUse": "none", "esa.listTaskIds": "submitId", "esa.createTimeZone": "utc8", "esa.siteEndpoint": "same",
      "alibaba.taskIdsPerSubmit": "perDomain", "alibaba.expiredTaskIds": "empty", "alibaba.unknownTaskId": "empty",
      "alibaba.listOrder": "newestFirst", "esa.urlsPerRequest": "100", "esa.quotaExceededCode": "QuotaExceeded.Preload",
      "esa.quotaPeriod": "dailyUtc8", "cdn.preloadQuotaFields": "preload", "tasks.unknownStatus": "none",
      "edge.prefetchOfCached": "keep", "purge.urlMethod": "honoured", "esa.purgeQuotaExceededCode": "QuotaExceeded.Refresh",
      "esa.purgeFilesPerRequest": "1000", "alibaba.processCurve": "linear",
    });
  });
});
