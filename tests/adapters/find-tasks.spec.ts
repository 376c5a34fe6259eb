/**
 * Reconciliation (`findTasks`) of every adapter through its official SDK against the emulator: a task submitted
 * through the adapter is found with its task id and status; tasks before `sinceMs - margin` are never reported; several
 * tasks of one URL come back newest first; URLs the cloud never saw are absent; few URLs are looked up one by one and
 * many are found with one listing; windows longer than the vendor allows are split or clamped, never refused.
 */
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAdapter } from "../../provider/adapters/registry";
import { RECONCILE_MARGIN_MS } from "../../provider/adapters/reconcile";
import type { Connection, PrefetchAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import type { CloudKind } from "../../provider/model/cloud";
import type { PrefetchSpec } from "../../provider/model/spec";
import { testConnection } from "./support/connection";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";

const DAY = 86_400_000;

interface Case {
  cloud: CloudKind;
  spec: PrefetchSpec;
  /** A URL of the case's domain, in the form users write for that cloud. */
  url: (path: string) => string;
  /** The emulator's `product:Action` counter of the list call. */
  listCall: string;
  connection: (emu: RunningEmulator) => Connection;
}

const alibaba = (emu: RunningEmulator) => testConnection(emu.url, {
  credentials: { accessKeyId: emu.credentials.alibaba.accessKeyId, accessKeySecret: emu.credentials.alibaba.accessKeySecret, securityToken: null },
});

const CASES: Case[] = [
  {
    cloud: "edgeone", spec: { cloud: "edgeone", zoneId: "zone-find1", mode: null, headers: {}, prefetchMediaSegments: null },
    url: (p) => `https://www.example.com/${p}`, listCall: "teo:DescribePrefetchTasks",
    connection: (emu) => testConnection(emu.url, {
      region: "", credentials: { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null },
    }),
  },
  {
    // no scheme: the cloud keeps (and filters on) `http://cdn.example.com/…`
    cloud: "alibaba-cdn", spec: { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null },
    url: (p) => `cdn.example.com/${p}`, listCall: "cdn:DescribeRefreshTasks", connection: alibaba,
  },
  {
    cloud: "alibaba-dcdn", spec: { cloud: "alibaba-dcdn", domain: "dcdn.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null },
    url: (p) => `https://dcdn.example.com/${p}`, listCall: "dcdn:DescribeDcdnRefreshTasks", connection: alibaba,
  },
  {
    cloud: "alibaba-esa", spec: { cloud: "alibaba-esa", siteId: "4242", hostnames: [], headers: {} },
    url: (p) => `https://esa.example.com/${p}`, listCall: "esa:DescribePreloadTasks", connection: alibaba,
  },
];

describe("adapters: findTasks (reconciliation) against the emulator", () => {
  let emu: RunningEmulator;
  /** The adapters' clock follows the emulator's virtual clock (synced after every move). */
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const advance = async (ms: number) => { await emu.control.advance(ms); await sync(); };
  const listCalls = async (c: Case) => (await emu.control.stats()).calls[c.listCall] ?? 0;

  before(async () => {
    emu = await startLocalEmulator();
  });
  beforeEach(async () => {
    await resetManual(emu);
    await emu.control.setRules([], 60_000);
    await sync();
  });
  after(async () => emu.close());

  for (const c of CASES) {
    describe(c.cloud, () => {
      const adapter = (): PrefetchAdapter => createAdapter(c.cloud, c.connection(emu), clock);

      it("finds a task submitted through the adapter, with its task id, creation time and status as it progresses", async () => {
        const a = adapter();
        const since = now;
        const { taskIds } = await a.submit(c.spec, [c.url("a.js")]);
        assert.equal(taskIds.length, 1);
        await advance(1_000);
        const [found, ...rest] = await a.findTasks(c.spec, [c.url("a.js")], since);
        assert.deepEqual(rest, []);
        assert.deepEqual([found.url, found.taskId, found.createdAtMs], [c.url("a.js"), taskIds[0], Math.floor(since / 1000) * 1000]);
        assert.ok(found.status === "pending" || found.status === "running", found.status);
        await advance(60_000);
        assert.deepEqual((await a.findTasks(c.spec, [c.url("a.js")], since)).map((t) => [t.taskId, t.status]), [[taskIds[0], "succeeded"]]);
      });

      it("never reports a task created before sinceMs - margin", async () => {
        const a = adapter();
        const t0 = now;
        await a.submit(c.spec, [c.url("old.js")]);
        await advance(10 * 60_000);
        assert.deepEqual(await a.findTasks(c.spec, [c.url("old.js")], t0 + RECONCILE_MARGIN_MS + 1_000), []);
        assert.deepEqual(await a.findTasks(c.spec, [c.url("old.js")], now), []);
        const inside = await a.findTasks(c.spec, [c.url("old.js")], t0 + RECONCILE_MARGIN_MS - 1_000);
        assert.deepEqual(inside.map((t) => t.url), [c.url("old.js")], "within the margin it is found");
      });

      it("returns every task of a URL, newest first, and leaves out URLs the cloud never saw", async () => {
        const a = adapter();
        const t0 = now;
        const first = await a.submit(c.spec, [c.url("twice.js")]);
        await advance(5_000);
        const second = await a.submit(c.spec, [c.url("twice.js")]);
        await advance(1_000);
        const found = await a.findTasks(c.spec, [c.url("twice.js"), c.url("never.js")], t0);
        assert.deepEqual(found.map((t) => [t.url, t.taskId]), [[c.url("twice.js"), second.taskIds[0]], [c.url("twice.js"), first.taskIds[0]]]);
        assert.ok(found[0].createdAtMs! > found[1].createdAtMs!);
      });

      it("looks a few URLs up one by one and finds many with one listing", async () => {
        const a = adapter();
        const since = now;
        const urls = Array.from({ length: 12 }, (_, i) => c.url(`many/${i}.js`));
        await a.submit(c.spec, urls);
        await advance(1_000);
        let before = await listCalls(c);
        const two = await a.findTasks(c.spec, urls.slice(0, 2), since);
        assert.deepEqual(two.map((t) => t.url).sort(), urls.slice(0, 2).sort());
        assert.equal(await listCalls(c) - before, 2, "one filtered lookup per URL");
        before = await listCalls(c);
        const all = await a.findTasks(c.spec, [...urls, c.url("never.js")], since);
        assert.deepEqual(all.map((t) => t.url).sort(), [...urls].sort());
        assert.equal(await listCalls(c) - before, 1, "one listing for all");
      });

      it("asks for a window the vendor accepts even when sinceMs is long ago", async () => {
        const a = adapter();
        await a.submit(c.spec, [c.url("window.js")]);
        await advance(1_000);
        const before = await listCalls(c);
        const found = await a.findTasks(c.spec, [c.url("window.js")], now - 10 * DAY);
        assert.deepEqual(found.map((t) => t.url), [c.url("window.js")]);
        // EdgeOne: 10 days (clamped to the 30-day retention) in ranges of under 7 days = 2 calls; Alibaba: clamped to 3 days
        assert.equal(await listCalls(c) - before, c.cloud === "edgeone" ? 2 : 1);
      });
    });
  }

  it("EdgeOne: a URL the cloud may store in another form is found by listing its domain, not by an exact filter", async () => {
    const c = CASES[0];
    const a = createAdapter("edgeone", c.connection(emu), clock);
    const since = now;
    const url = "https://www.example.com/a b/ü.js";
    await a.submit(c.spec, [url]);
    await advance(1_000);
    const found = await a.findTasks(c.spec, [url], since);
    assert.deepEqual(found.map((t) => t.url), [url]);
  });
});
