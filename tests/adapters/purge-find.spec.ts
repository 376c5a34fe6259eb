/**
 * Reconciliation of purges (`PurgeAdapter.findTasks`, issue 11) of every adapter through its official SDK against the
 * emulator: a purge submitted through the adapter is found with its task id and status; a prefetch of the same URL is
 * never reported as a purge (nor the purge as a prefetch); purges before `sinceMs - margin` are never reported, those
 * within the margin are; several purges of one URL come back newest first; few URLs are looked up one by one, many with
 * one listing read to its last page; windows longer than the vendor allows are split or clamped, never refused.
 */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { RECONCILE_MARGIN_MS } from "../../provider/adapters/reconcile";
import { createAdapter } from "../../provider/adapters/registry";
import type { Connection, PrefetchAdapter, PurgeAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import type { CloudKind } from "../../provider/model/cloud";
import type { PrefetchSpec } from "../../provider/model/spec";
import { freshProcessMemory } from "../helpers/process-memory";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";
import { testConnection } from "./support/connection";

const DAY = 86_400_000;

interface Case {
  cloud: CloudKind;
  spec: PrefetchSpec;
  /** A URL of the case's domain, in the form users write for that cloud. */
  url: (path: string) => string;
  /** The emulator's `product:Action` counter of the purge list call. */
  listCall: string;
  /** The list call's largest page (each adapter's limits.ts). */
  pageSize: number;
  connection: (emu: RunningEmulator) => Connection;
}

const alibaba = (emu: RunningEmulator) => testConnection(emu.url, {
  credentials: { accessKeyId: emu.credentials.alibaba.accessKeyId, accessKeySecret: emu.credentials.alibaba.accessKeySecret, securityToken: null },
});

const CASES: Case[] = [
  {
    cloud: "edgeone", spec: { cloud: "edgeone", zoneId: "zone-pfind1", mode: null, headers: {}, prefetchMediaSegments: null },
    url: (p) => `https://www.example.com/${p}`, listCall: "teo:DescribePurgeTasks", pageSize: 1000,
    connection: (emu) => testConnection(emu.url, {
      region: "", credentials: { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null },
    }),
  },
  {
    // no scheme: the cloud keeps (and filters on) `http://cdn.example.com/…`
    cloud: "alibaba-cdn", spec: { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null },
    url: (p) => `cdn.example.com/${p}`, listCall: "cdn:DescribeRefreshTasks", pageSize: 100, connection: alibaba,
  },
  {
    cloud: "alibaba-dcdn", spec: { cloud: "alibaba-dcdn", domain: "dcdn.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null },
    url: (p) => `https://dcdn.example.com/${p}`, listCall: "dcdn:DescribeDcdnRefreshTasks", pageSize: 50, connection: alibaba,
  },
  {
    cloud: "alibaba-esa", spec: { cloud: "alibaba-esa", siteId: "4242", hostnames: [], headers: {} },
    url: (p) => `https://esa.example.com/${p}`, listCall: "esa:DescribePurgeTasks", pageSize: 50, connection: alibaba,
  },
];

describe("adapters: findTasks of purges (reconciliation, issue 11) against the emulator", () => {
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
    freshProcessMemory();
    await resetManual(emu);
    await emu.control.setRules([], 60_000);
    await sync();
  });
  after(async () => emu.close());

  for (const c of CASES) {
    describe(c.cloud, () => {
      const adapter = (): PrefetchAdapter => createAdapter(c.cloud, c.connection(emu), clock);
      const purger = (): PurgeAdapter => adapter().purge!;

      it("finds a purge submitted through the adapter, with its task id, creation time and status as it progresses", async () => {
        const p = purger();
        const since = now;
        const { taskIds } = await p.submit(c.spec, [c.url("a.js")], "delete");
        assert.equal(taskIds.length, 1);
        await advance(1_000);
        const [found, ...rest] = await p.findTasks(c.spec, [c.url("a.js")], since);
        assert.deepEqual(rest, []);
        assert.deepEqual([found.url, found.taskId, found.createdAtMs], [c.url("a.js"), taskIds[0], Math.floor(since / 1000) * 1000]);
        assert.ok(found.status === "pending" || found.status === "running", found.status);
        await advance(60_000);
        assert.deepEqual((await p.findTasks(c.spec, [c.url("a.js")], since)).map((t) => [t.taskId, t.status]), [[taskIds[0], "succeeded"]]);
      });

      it("never reports a prefetch of the same URL as a purge, nor the purge as a prefetch", async () => {
        const a = adapter();
        const p = purger();
        const since = now;
        const prefetch = await a.submit(c.spec, [c.url("both.js")]);
        await advance(2_000);
        const purge = await p.submit(c.spec, [c.url("both.js")], "invalidate");
        await advance(2_000);
        assert.deepEqual((await p.findTasks(c.spec, [c.url("both.js")], since)).map((t) => t.taskId), purge.taskIds, "only the purge");
        assert.deepEqual((await a.findTasks(c.spec, [c.url("both.js")], since)).map((t) => t.taskId), prefetch.taskIds, "only the prefetch");
        // the same through a listing (more URLs than the lookups cover)
        const many = [c.url("both.js"), ...Array.from({ length: 11 }, (_, i) => c.url(`none/${i}.js`))];
        assert.deepEqual((await p.findTasks(c.spec, many, since)).map((t) => t.taskId), purge.taskIds, "only the purge, listed");
      });

      it("never reports a purge created before sinceMs - margin; one within the margin is", async () => {
        const p = purger();
        const t0 = now;
        await p.submit(c.spec, [c.url("old.js")], "invalidate");
        await advance(10 * 60_000);
        assert.deepEqual(await p.findTasks(c.spec, [c.url("old.js")], t0 + RECONCILE_MARGIN_MS + 1_000), []);
        assert.deepEqual(await p.findTasks(c.spec, [c.url("old.js")], now), []);
        const inside = await p.findTasks(c.spec, [c.url("old.js")], t0 + RECONCILE_MARGIN_MS - 1_000);
        assert.deepEqual(inside.map((t) => t.url), [c.url("old.js")], "within the margin it is found");
      });

      it("returns every purge of a URL, newest first, and leaves out URLs the cloud never saw", async () => {
        const p = purger();
        const t0 = now;
        const first = await p.submit(c.spec, [c.url("twice.js")], "invalidate");
        await advance(5_000);
        const second = await p.submit(c.spec, [c.url("twice.js")], "delete");
        await advance(1_000);
        const found = await p.findTasks(c.spec, [c.url("twice.js"), c.url("never.js")], t0);
        assert.deepEqual(found.map((t) => [t.url, t.taskId]), [[c.url("twice.js"), second.taskIds[0]], [c.url("twice.js"), first.taskIds[0]]]);
        assert.ok(found[0].createdAtMs! > found[1].createdAtMs!);
      });

      it("looks a few URLs up one by one and finds many with one listing, read to its last page", async () => {
        const p = purger();
        const since = now;
        const urls = Array.from({ length: c.pageSize + 5 }, (_, i) => c.url(`many/${i}.js`));
        for (let i = 0; i < urls.length; i += p.urlsPerRequest) await p.submit(c.spec, urls.slice(i, i + p.urlsPerRequest), "invalidate");
        await advance(1_000);
        let before = await listCalls(c);
        const two = await p.findTasks(c.spec, urls.slice(0, 2), since);
        assert.deepEqual(two.map((t) => t.url).sort(), urls.slice(0, 2).sort());
        assert.equal(await listCalls(c) - before, 2, "one filtered lookup per URL");
        before = await listCalls(c);
        const all = await p.findTasks(c.spec, [...urls, c.url("never.js")], since);
        assert.deepEqual(all.map((t) => t.url).sort(), [...urls].sort());
        assert.equal(await listCalls(c) - before, 2, "one listing of two pages");
      });

      it("asks for a window the vendor accepts even when sinceMs is long ago", async () => {
        const p = purger();
        await p.submit(c.spec, [c.url("window.js")], "invalidate");
        await advance(1_000);
        const before = await listCalls(c);
        const found = await p.findTasks(c.spec, [c.url("window.js")], now - 10 * DAY);
        assert.deepEqual(found.map((t) => t.url), [c.url("window.js")]);
        // EdgeOne: 10 days in ranges of under 7 days = 2 calls; Alibaba: clamped to the 3-day history
        assert.equal(await listCalls(c) - before, c.cloud === "edgeone" ? 2 : 1);
      });
    });
  }

  it("EdgeOne: the partial `target` filter of DescribePurgeTasks finds longer targets too; only the URL itself is reported", async () => {
    const c = CASES[0];
    const p = createAdapter("edgeone", c.connection(emu), clock).purge!;
    const since = now;
    const url = "https://www.example.com/app.js";
    const [own, other] = [await p.submit(c.spec, [url], "invalidate"), await p.submit(c.spec, [`${url}.map`], "invalidate")];
    await advance(1_000);
    const before = await listCalls(c);
    assert.deepEqual((await p.findTasks(c.spec, [url], since)).map((t) => [t.url, t.taskId]), [[url, own.taskIds[0]]]);
    assert.equal(await listCalls(c) - before, 1, "one target lookup");
    assert.notDeepEqual(own.taskIds, other.taskIds);
  });

  it("EdgeOne: a URL the cloud may store in another form is found by listing its domain, not by the partial target filter", async () => {
    const c = CASES[0];
    const p = createAdapter("edgeone", c.connection(emu), clock).purge!;
    const since = now;
    const url = "https://www.example.com/a b/ü.js";
    await emu.control.setConfig({ variants: { "teo.urlEcho": "encoded" } });
    const { taskIds } = await p.submit(c.spec, [url, "https://www.example.com/a b/ü.js.map"], "invalidate");
    await advance(1_000);
    const found = await p.findTasks(c.spec, [url], since);
    assert.deepEqual(found.map((t) => [t.url, t.taskId]), [[url, taskIds[0]]], "the .map target shares the text but is not the URL");
  });
});
