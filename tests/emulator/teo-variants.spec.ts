/**
 * Every value of every EdgeOne variant (emulator/teo/variants.ts, plus the shared `tasks.visibilityLag`), shown through
 * the OFFICIAL tencentcloud-sdk-nodejs-teo client; and edge mode's own daily quota. The list of cases is checked against
 * the variants the emulator declares, so a new value without a case fails here.
 */
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { teo } = require("tencentcloud-sdk-nodejs-teo");
type Emu = Awaited<ReturnType<typeof startEmulator>>;
type Client = { [action: string]: (req: object) => Promise<any> };
interface Task { JobId: string; Target: string; Status: string }

const ZONE = "zone-var1";

function client(emu: Emu): Client {
  const { secretId, secretKey } = emu.credentials.tencent;
  return new teo.v20220901.Client({ credential: { secretId, secretKey }, region: "", profile: { httpProfile: { endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" } } });
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  assert.fail("expected an error");
}

const jobTasks = async (c: Client, jobId: string): Promise<Task[]> =>
  (await c.DescribePrefetchTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [jobId] }] })).Tasks;
const prefetchQuota = async (c: Client) => (await c.DescribeContentQuota({ ZoneId: ZONE })).PrefetchQuota as { Type: string; Daily: number; DailyAvailable: number }[];
const iso = (ms: number) => new Date(ms).toISOString();

/** One case per variant value: sets nothing itself (the runner sets the value), shows the behaviour. */
type Case = (emu: Emu, c: Client) => Promise<void>;

const RAW = "https://WWW.Example.com/a%2fb/中文 x.js";
const DAY = 86_400_000;

/** The next midnight after `t` at UTC+`offsetHours`, ms. */
const nextMidnight = (t: number, offsetHours: number) => {
  const off = offsetHours * 3_600_000;
  return Math.floor((t + off) / DAY) * DAY + DAY - off;
};

/** One URL spent now is back in DailyAvailable at `backAt(now)` and not a millisecond earlier. */
async function quotaBackAt(emu: Emu, c: Client, backAt: (t0: number) => number): Promise<void> {
  const t0 = (await emu.control.state()).now;
  await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
  assert.equal((await prefetchQuota(c))[0].DailyAvailable, 10_000 - 1);
  await emu.control.advance(backAt(t0) - t0 - 1);
  assert.equal((await prefetchQuota(c))[0].DailyAvailable, 10_000 - 1, "still spent 1 ms before the reset");
  await emu.control.advance(1);
  assert.equal((await prefetchQuota(c))[0].DailyAvailable, 10_000, "back at the reset");
}

/** A new domain is refused with `code` (nothing accepted or spent) for `teo.newDomainForMs`, then accepted. */
async function newDomainRefused(emu: Emu, c: Client, code: string, message: RegExp): Promise<void> {
  await emu.control.setConfig({ teo: { newDomainForMs: 3_000 } } as object);
  const submit = (path: string) => c.CreatePrefetchTask({ ZoneId: ZONE, Targets: [`https://new.example.com/${path}`, "https://old.example.com/x"] });
  const e = await errorOf(submit("1"));
  assert.equal(e.code, code);
  assert.match(e.message, message);
  assert.match(e.message, /new\.example\.com/);
  await emu.control.advance(2_999);
  assert.equal((await errorOf(submit("2"))).code, code, "still refused within the window");
  assert.deepEqual([(await emu.control.stats()).submits.teo, (await prefetchQuota(c))[0].DailyAvailable], [0, 10_000], "nothing accepted or spent");
  await emu.control.advance(1);
  const { JobId } = await submit("3");
  assert.equal((await jobTasks(c, JobId)).length, 2);
  assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://newer.example.com/1"] }))).code, code, "every domain has its own first use");
}

/** A cached URL purged with `delete`, another with `invalidate`: what EdgeOne's edge holds afterwards, each. */
async function urlMethodCase(emu: Emu, c: Client, afterDelete: object, afterInvalidate: object): Promise<void> {
  const [del, inv] = ["https://a.example.com/del.js", "https://a.example.com/inv.js"];
  await emu.control.setOrigin({ [del]: "v1", [inv]: "v1" });
  await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: [del, inv] });
  await emu.control.advance(60_000);
  await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method: "delete", Targets: [del] });
  await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method: "invalidate", Targets: [inv] });
  await emu.control.advance(60_000);
  const edge = (await emu.control.edge()).teo;
  assert.deepEqual([edge[del], edge[inv]], [afterDelete, afterInvalidate]);
}

/** Origin v1 → prefetch → origin v2 → prefetch: the version EdgeOne's edge serves afterwards. */
async function prefetchOfCachedCase(emu: Emu, c: ReturnType<typeof client>, expected: string): Promise<void> {
  const url = "https://a.example.com/cached.js";
  await emu.control.setOrigin({ [url]: "v1" });
  await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: [url] });
  await emu.control.advance(60_000);
  await emu.control.setOrigin({ [url]: "v2" });
  await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: [url] });
  await emu.control.advance(60_000);
  assert.deepEqual((await emu.control.edge()).teo[url], { version: expected, stale: false });
}

const CASES: Record<string, Record<string, Case>> = {
  "teo.futureEndTime": {
    accept: async (emu, c) => {
      const now = (await emu.control.state()).now;
      await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      const r = await c.DescribePrefetchTasks({ ZoneId: ZONE, StartTime: iso(now - 60_000), EndTime: iso(Date.now() + 300_000) });
      assert.equal(r.TotalCount, 1);
    },
    refuse: async (emu, c) => {
      const now = (await emu.control.state()).now;
      const e = await errorOf(c.DescribePrefetchTasks({ ZoneId: ZONE, StartTime: iso(now - 60_000), EndTime: iso(Date.now() + 300_000) }));
      assert.equal(e.code, "InvalidParameter.ParameterError");
      assert.match(e.message, /End time/);
      const r = await c.DescribePrefetchTasks({ ZoneId: ZONE, StartTime: iso(now - 60_000), EndTime: iso(Date.now()) });
      assert.equal(r.TotalCount, 0, "an EndTime of now is served");
    },
  },
  "teo.throttleCode": {
    RequestLimitExceeded: async (emu, c) => {
      await emu.control.addFaults([{ product: "teo", kind: "throttle" }]);
      assert.equal((await errorOf(c.DescribeContentQuota({ ZoneId: ZONE }))).code, "RequestLimitExceeded");
    },
    "RequestLimitExceeded.UinLimitExceeded": async (emu, c) => {
      await emu.control.addFaults([{ product: "teo", kind: "throttle" }]);
      assert.equal((await errorOf(c.DescribeContentQuota({ ZoneId: ZONE }))).code, "RequestLimitExceeded.UinLimitExceeded");
    },
  },
  "teo.urlEcho": {
    asSubmitted: async (_emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: [RAW] });
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Target), [RAW]);
    },
    normalized: async (emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: [RAW] });
      const echoed = "https://www.example.com/a%2Fb/中文 x.js";
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Target), [echoed]);
      const byTarget = (v: string) => c.DescribePrefetchTasks({ ZoneId: ZONE, Filters: [{ Name: "job-id", Values: [JobId] }, { Name: "target", Values: [v] }] });
      assert.deepEqual([(await byTarget(echoed)).TotalCount, (await byTarget(RAW)).TotalCount], [1, 0], "the target filter compares the stored form");
      assert.equal((await emu.control.tasks())[0].url, echoed);
    },
    encoded: async (_emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: [RAW] });
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Target), ["https://WWW.Example.com/a%2fb/%E4%B8%AD%E6%96%87%20x.js"]);
    },
  },
  "teo.zoneEndpoint": {
    same: async (_emu, c) => {
      await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      assert.equal((await prefetchQuota(c))[0].Type, "prefetch_url");
    },
    other: async (emu, c) => {
      const since = iso((await emu.control.state()).now - 60_000);
      const calls = [
        c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] }),
        c.CreatePrefetchTask({ ZoneId: "*", Targets: ["https://a.example.com/1"] }),
        c.DescribePrefetchTasks({ ZoneId: ZONE, StartTime: since, EndTime: iso(Date.now()) }),
        c.DescribeContentQuota({ ZoneId: ZONE }),
      ];
      for (const p of calls) assert.equal((await errorOf(p)).code, "ResourceNotFound");
      assert.equal((await emu.control.stats()).submits.teo, 0);
    },
  },
  "teo.mediaSegments": {
    listedUnderJob: async (emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://v.example.com/live/index.m3u8", "https://v.example.com/a.js"], PrefetchMediaSegments: "on" });
      const targets = (await jobTasks(c, JobId)).map((t) => t.Target).sort();
      assert.deepEqual(targets, ["https://v.example.com/a.js", "https://v.example.com/live/index.m3u8",
        "https://v.example.com/live/seg-1.ts", "https://v.example.com/live/seg-2.ts", "https://v.example.com/live/seg-3.ts"]);
      assert.equal((await prefetchQuota(c))[0].DailyAvailable, 10_000 - 5, "segments spend the daily quota");
      assert.equal((await emu.control.tasks()).length, 2, "the control plane lists the submitted URLs only");
      assert.equal((await emu.control.stats()).submittedUrls.teo, 2);
    },
    notListed: async (_emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://v.example.com/live/index.m3u8"], PrefetchMediaSegments: "on" });
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Target), ["https://v.example.com/live/index.m3u8"]);
      assert.equal((await prefetchQuota(c))[0].DailyAvailable, 10_000 - 4, "the unlisted segments still spend the daily quota");
    },
  },
  "teo.edgeQuotaListing": {
    notListed: async (_emu, c) => {
      await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"], Mode: "edge" });
      assert.deepEqual(await prefetchQuota(c), [{ Type: "prefetch_url", Batch: 1000, Daily: 10_000, DailyAvailable: 10_000 }]);
    },
    listed: async (_emu, c) => {
      await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"], Mode: "edge" });
      assert.deepEqual(await prefetchQuota(c), [
        { Type: "prefetch_url", Batch: 1000, Daily: 10_000, DailyAvailable: 10_000 },
        { Type: "prefetch_url_edge", Batch: 1000, Daily: 1000, DailyAvailable: 999 },
      ]);
    },
  },
  "teo.jobIdReach": {
    retention: async (emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      await emu.control.advance(20 * DAY);
      assert.equal((await jobTasks(c, JobId)).length, 1, "a range-less job-id query reaches the whole retention");
    },
    sevenDays: async (emu, c) => {
      const t0 = (await emu.control.state()).now;
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      await emu.control.advance(7 * DAY);
      assert.equal((await jobTasks(c, JobId)).length, 1, "7 days after the submit the job is still within reach");
      await emu.control.advance(1_000);
      assert.equal((await jobTasks(c, JobId)).length, 0, "past 7 days a range-less job-id query no longer sees it");
      const ranged = await c.DescribePrefetchTasks({ ZoneId: ZONE, StartTime: iso(t0 - 1_000), EndTime: iso(t0 + 1_000), Filters: [{ Name: "job-id", Values: [JobId] }] });
      assert.equal(ranged.TotalCount, 1, "a time range around its creation still finds it");
    },
  },
  "teo.unknownJobId": {
    emptyList: async (_emu, c) => {
      assert.deepEqual(await jobTasks(c, "20zzzzneverx"), []);
    },
    "InvalidParameter.ParameterError": async (emu, c) => {
      const e = await errorOf(jobTasks(c, "20zzzzneverx"));
      assert.equal(e.code, "InvalidParameter.ParameterError");
      assert.match(e.message, /20zzzzneverx/);
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      assert.equal((await jobTasks(c, JobId)).length, 1, "a job the query sees is served");
      const other = c.DescribePrefetchTasks({ ZoneId: "zone-var2", Filters: [{ Name: "job-id", Values: [JobId] }] });
      assert.equal((await errorOf(other)).code, "InvalidParameter.ParameterError", "another zone's job is unknown here");
      await emu.control.setConfig({ variants: { "tasks.visibilityLag": "5000" } });
      const young = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/2"] });
      assert.equal((await errorOf(jobTasks(c, young.JobId))).code, "InvalidParameter.ParameterError", "a job not visible yet is unknown too");
      await emu.control.advance(5_000);
      assert.equal((await jobTasks(c, young.JobId)).length, 1);
    },
  },
  "teo.newDomain": {
    accepted: async (emu, c) => {
      await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://new.example.com/1"] });
      assert.equal((await emu.control.stats()).submits.teo, 1);
    },
    "InvalidParameter.DomainNotFound": async (emu, c) => newDomainRefused(emu, c, "InvalidParameter.DomainNotFound", /does not exist or does not belong/),
    "InternalError.DomainConfig": async (emu, c) => newDomainRefused(emu, c, "InternalError.DomainConfig", /configuration/),
  },
  "teo.quotaReset": {
    utc8Midnight: async (emu, c) => quotaBackAt(emu, c, (t0) => nextMidnight(t0, 8)),
    utcMidnight: async (emu, c) => quotaBackAt(emu, c, (t0) => nextMidnight(t0, 0)),
    rolling24h: async (emu, c) => quotaBackAt(emu, c, (t0) => t0 + DAY),
  },
  "tasks.unknownStatus": {
    none: async (emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Status), ["processing"]);
      await emu.control.advance(60_000);
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Status), ["success"]);
    },
    paused: async (emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Status), ["paused"]);
      await emu.control.advance(60_000);
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Status), ["paused"], "whatever the task's real state");
    },
    blank: async (emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      await emu.control.advance(60_000);
      assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Status), [""]);
    },
  },
  "edge.prefetchOfCached": {
    keep: async (emu, c) => prefetchOfCachedCase(emu, c, "v1"),
    refresh: async (emu, c) => prefetchOfCachedCase(emu, c, "v2"),
  },
  "purge.urlMethod": {
    honoured: (emu, c) => urlMethodCase(emu, c, { version: null, stale: false }, { version: "v1", stale: true }),
    alwaysInvalidate: (emu, c) => urlMethodCase(emu, c, { version: "v1", stale: true }, { version: "v1", stale: true }),
    alwaysDelete: (emu, c) => urlMethodCase(emu, c, { version: null, stale: false }, { version: null, stale: false }),
  },
  "teo.purgeUrlMethod": {
    accepted: async (emu, c) => {
      const { JobId } = await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method: "delete", Targets: ["https://a.example.com/1"] });
      assert.match(JobId, /^[0-9a-z]{12}$/);
      assert.equal((await emu.control.stats()).purgedUrls.teo, 1);
    },
    "InvalidParameter.ParameterError": async (emu, c) => {
      for (const Method of ["delete", "invalidate"]) {
        const e = await errorOf(c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Method, Targets: ["https://a.example.com/1"] }));
        assert.equal(e.code, "InvalidParameter.ParameterError");
        assert.match(e.message, /Method/);
      }
      assert.equal((await emu.control.stats()).purgedUrls.teo, 0, "nothing accepted");
      const quota = (await c.DescribeContentQuota({ ZoneId: ZONE })).PurgeQuota.find((q: { Type: string }) => q.Type === "purge_url");
      assert.equal(quota.DailyAvailable, quota.Daily, "nothing spent");
      await c.CreatePurgeTask({ ZoneId: ZONE, Type: "purge_url", Targets: ["https://a.example.com/1"] });
      assert.equal((await emu.control.stats()).purgedUrls.teo, 1, "accepted without a Method");
    },
  },
  "tasks.visibilityLag": {
    0: async (_emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      assert.equal((await jobTasks(c, JobId)).length, 1);
    },
    5000: async (emu, c) => {
      const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://a.example.com/1"] });
      assert.equal((await jobTasks(c, JobId)).length, 0);
      await emu.control.advance(4_999);
      assert.equal((await jobTasks(c, JobId)).length, 0);
      await emu.control.advance(1);
      assert.equal((await jobTasks(c, JobId)).length, 1);
    },
  },
};

describe("emulator: EdgeOne variants through the official SDK", () => {
  let emu: Emu;
  before(async () => {
    emu = await startLocalEmulator();
  });
  beforeEach(async () => {
    await resetManual(emu);
  });
  after(async () => emu.close());

  it("has a case for every value of every variant that changes EdgeOne answers, and no other", async () => {
    const declared = (await emu.control.variants()).filter((d) => d.products.includes("teo"));
    assert.deepEqual(declared.map((d) => [d.name, [...d.values]]).sort(), Object.entries(CASES).map(([n, v]) => [n, Object.keys(v)]).sort());
    for (const d of declared) assert.ok(d.why.length > 0 && d.values.every((v) => d.behaviour[v]), `${d.name} explains each value`);
  });

  for (const [name, values] of Object.entries(CASES)) {
    for (const [value, show] of Object.entries(values)) {
      it(`${name} = ${value}`, async () => {
        await emu.control.setConfig({ variants: { [name]: value } });
        await show(emu, client(emu));
      });
    }
  }

  it("the defaults are the first values: a submit and its job answer as without variants", async () => {
    const declared = (await emu.control.variants()).filter((d) => d.products.includes("teo"));
    assert.deepEqual(Object.fromEntries(declared.map((d) => [d.name, d.values[0]])), {
      "teo.futureEndTime": "accept", "teo.throttleCode": "RequestLimitExceeded", "teo.urlEcho": "asSubmitted", "teo.zoneEndpoint": "same",
      "teo.mediaSegments": "listedUnderJob", "teo.edgeQuotaListing": "notListed", "teo.jobIdReach": "retention",
      "teo.unknownJobId": "emptyList", "teo.newDomain": "accepted", "teo.quotaReset": "utc8Midnight", "tasks.visibilityLag": "0",
      "tasks.unknownStatus": "none", "edge.prefetchOfCached": "keep", "teo.purgeUrlMethod": "accepted", "purge.urlMethod": "honoured",
    });
  });

  it("edge mode spends its own daily quota (1,000 by default), never the regular one, and is refused over it", async () => {
    await emu.control.setConfig({ quotas: { teo: { batch: 5, daily: 5, edgeDaily: 3 } }, variants: { "teo.edgeQuotaListing": "listed" } });
    const c = client(emu);
    const urls = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `https://a.example.com/${tag}${i}`);
    await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: urls(3, "e"), Mode: "edge" });
    const e = await errorOf(c.CreatePrefetchTask({ ZoneId: ZONE, Targets: urls(1, "x"), Mode: "edge" }));
    assert.equal(e.code, "LimitExceeded.DailyQuota");
    assert.match(e.message, /edge-mode/);
    await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: urls(5, "d") });
    assert.deepEqual((await prefetchQuota(c)).map((q) => [q.Type, q.Daily, q.DailyAvailable]), [["prefetch_url", 5, 0], ["prefetch_url_edge", 3, 0]]);
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: ZONE, Targets: urls(1, "y") }))).code, "LimitExceeded.DailyQuota");
    await emu.control.advance(86_400_000);
    await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: urls(1, "z"), Mode: "edge" });
    await emu.control.setConfig({ quotas: { teo: { batch: 1000, daily: 10_000 } } });
    assert.deepEqual((await prefetchQuota(c))[1], { Type: "prefetch_url_edge", Batch: 1000, Daily: 3, DailyAvailable: 2 });
  });

  it("media segments over the daily quota are dropped silently: the submit is accepted, the segments that fit are listed", async () => {
    await emu.control.setConfig({ quotas: { teo: { batch: 10, daily: 3 } } });
    const c = client(emu);
    const { JobId } = await c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://v.example.com/hls/Main.M3U8?token=1"], PrefetchMediaSegments: "on" });
    assert.deepEqual((await jobTasks(c, JobId)).map((t) => t.Target).sort(),
      ["https://v.example.com/hls/Main.M3U8?token=1", "https://v.example.com/hls/seg-1.ts", "https://v.example.com/hls/seg-2.ts"]);
    assert.equal((await prefetchQuota(c))[0].DailyAvailable, 0);
    const off = await c.CreatePrefetchTask({ ZoneId: "zone-var2", Targets: ["https://v.example.com/a.m3u8"], PrefetchMediaSegments: "off" });
    assert.equal((await c.DescribePrefetchTasks({ ZoneId: "zone-var2", Filters: [{ Name: "job-id", Values: [off.JobId] }] })).TotalCount, 1);
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: ZONE, Targets: ["https://v.example.com/b.js"], PrefetchMediaSegments: "yes" }))).code, "InvalidParameterValue");
  });

  it("ZoneId * is accepted by CreatePrefetchTask only; each target goes to the declared zone that holds its domain", async () => {
    await emu.control.setConfig({ restrict: { teoZones: [{ zoneId: "zone-aaa", domains: ["a.example.com"] }, { zoneId: "zone-bbb", domains: ["b.example.com"] }] } });
    const c = client(emu);
    const sub = await c.CreatePrefetchTask({ ZoneId: "*", Targets: ["https://a.example.com/1", "https://b.example.com/2", "https://c.example.com/3"] });
    assert.deepEqual(sub.FailedList.flatMap((f: { Targets: string[] }) => f.Targets), ["https://c.example.com/3"]);
    const inZone = async (zoneId: string) => (await c.DescribePrefetchTasks({ ZoneId: zoneId, Filters: [{ Name: "job-id", Values: [sub.JobId] }] })).Tasks.map((t: Task) => t.Target);
    assert.deepEqual([await inZone("zone-aaa"), await inZone("zone-bbb")], [["https://a.example.com/1"], ["https://b.example.com/2"]]);
    assert.equal((await errorOf(c.DescribePrefetchTasks({ ZoneId: "*", Filters: [{ Name: "job-id", Values: [sub.JobId] }] }))).code, "InvalidParameter.ParameterError");
    assert.equal((await errorOf(c.DescribeContentQuota({ ZoneId: "*" }))).code, "InvalidParameter.ParameterError");
  });
});
