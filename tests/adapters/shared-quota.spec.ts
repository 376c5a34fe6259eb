/**
 * The quota read once per account for the process, through the real SDKs against the emulator, for every cloud
 * (provider/adapters/quota-memory.ts): fifty resources asking at once make one call; a submit of any resource of the
 * account is taken off the remembered figure, which then agrees with the cloud's; after the TTL the cloud is asked
 * again. Every adapter is built as a resource builds its own, from the same connection and the process's clock.
 */
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { QUOTA_TTL_MS } from "../../provider/adapters/quota-memory";
import { createAdapter } from "../../provider/adapters/registry";
import type { Connection } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import type { CloudKind } from "../../provider/model/cloud";
import type { PrefetchSpec } from "../../provider/model/spec";
import { PrefetchProvider } from "../../provider/resources/provider";
import { ManualClock } from "../helpers/manual-clock";
import { freshProcessMemory } from "../helpers/process-memory";
import { testConnection } from "./support/connection";

interface Case {
  cloud: CloudKind;
  spec: PrefetchSpec;
  /** The emulator's `product:Action` counter of the quota read. */
  quotaCall: string;
  url: (i: number) => string;
}

const CASES: Case[] = [
  { cloud: "edgeone", spec: { cloud: "edgeone", zoneId: "zone-shared1", mode: null, headers: {}, prefetchMediaSegments: null },
    quotaCall: "teo:DescribeContentQuota", url: (i) => `https://www.example.com/shared/${i}.js` },
  { cloud: "alibaba-cdn", spec: { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null },
    quotaCall: "cdn:DescribeRefreshQuota", url: (i) => `cdn.example.com/shared/${i}.js` },
  { cloud: "alibaba-dcdn", spec: { cloud: "alibaba-dcdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null },
    quotaCall: "dcdn:DescribeDcdnRefreshQuota", url: (i) => `dcdn.example.com/shared/${i}.js` },
  { cloud: "alibaba-esa", spec: { cloud: "alibaba-esa", siteId: "4242", hostnames: [], headers: {}, instanceId: "sp-xcdn-shared" },
    quotaCall: "esa:ListInstanceQuotasWithUsage", url: (i) => `https://esa.example.com/shared/${i}.js` },
];

describe("adapters: the quota is read once per account for the process (emulator, every cloud)", () => {
  let emu: RunningEmulator;
  let now = 0;
  /** The process's clock: one object for every resource, following the emulator's virtual clock. */
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const connection = (cloud: CloudKind): Connection => testConnection(emu.url, {
    region: cloud === "edgeone" ? "" : "cn-hangzhou",
    credentials: cloud === "edgeone"
      ? { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null }
      : { accessKeyId: emu.credentials.alibaba.accessKeyId, accessKeySecret: emu.credentials.alibaba.accessKeySecret, securityToken: null },
  });
  /** A resource's adapter. */
  const resource = (cloud: CloudKind) => createAdapter(cloud, connection(cloud), clock);
  const calls = async (counter: string) => (await emu.control.stats()).calls[counter] ?? 0;

  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
  });
  after(async () => emu.close());
  beforeEach(async () => {
    freshProcessMemory();
    await emu.control.reset();
    await emu.control.setClock({ mode: "manual" });
    await emu.control.setConfig({ quotas: { teo: { batch: 1000, daily: 5000 }, cdn: { daily: 5000 }, dcdn: { daily: 5000 }, esa: { daily: 5000 } } });
    await sync();
  });

  for (const c of CASES) {
    describe(c.cloud, () => {
      it("50 resources asking at once make one quota call and all get the cloud's figure", async () => {
        const figures = await Promise.all(Array.from({ length: 50 }, () => resource(c.cloud).quota(c.spec)));
        assert.equal(await calls(c.quotaCall), 1);
        for (const f of figures) assert.deepEqual([f?.daily, f?.remaining], [5000, 5000]);
      });

      it("a submit by any resource of the account is taken off the remembered figure, which matches the cloud's", async () => {
        await resource(c.cloud).quota(c.spec);
        await resource(c.cloud).submit(c.spec, [c.url(1), c.url(2), c.url(3)]);
        assert.equal((await resource(c.cloud).quota(c.spec))?.remaining, 4997, "no call: 5000 less our 3");
        assert.equal(await calls(c.quotaCall), 1);
        assert.equal((await resource(c.cloud).quota(c.spec, { fresh: true }))?.remaining, 4997, "the cloud agrees");
        assert.equal(await calls(c.quotaCall), 2);
      });

      it(`is asked again once the remembered figure is ${QUOTA_TTL_MS / 1000} s old`, async () => {
        await resource(c.cloud).quota(c.spec);
        await emu.control.advance(QUOTA_TTL_MS - 1);
        await sync();
        await resource(c.cloud).quota(c.spec);
        assert.equal(await calls(c.quotaCall), 1);
        await emu.control.advance(1);
        await sync();
        await resource(c.cloud).quota(c.spec);
        assert.equal(await calls(c.quotaCall), 2);
      });

      it("a refused submit forgets the figure: the next resource asks the cloud", async () => {
        await resource(c.cloud).quota(c.spec);
        const product = c.quotaCall.split(":")[0] as "teo" | "cdn" | "dcdn" | "esa";
        const submitAction = { teo: "CreatePrefetchTask", cdn: "PushObjectCache", dcdn: "PreloadDcdnObjectCaches", esa: "PreloadCaches" }[product];
        const code = product === "teo" ? "LimitExceeded.DailyQuota" : "QuotaExceeded.Preload";
        await emu.control.addFaults([{ product, action: submitAction, kind: "error", code, httpStatus: 400, count: 1 }]);
        await assert.rejects(resource(c.cloud).submit(c.spec, [c.url(1)]));
        await resource(c.cloud).quota(c.spec);
        assert.equal(await calls(c.quotaCall), 2);
      });
    });
  }
});

describe("provider: 50 concurrent creates of one account read the quota once (emulator, EdgeOne)", () => {
  let emu: RunningEmulator;
  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
  });
  after(async () => emu.close());

  it("each create needs the zone's Batch (101 URLs), all of them share one DescribeContentQuota, and the batches follow it", async () => {
    freshProcessMemory();
    await emu.control.reset();
    await emu.control.setClock({ mode: "manual" });
    await emu.control.setRules([{ match: "/", outcome: "success", durationMs: 0 }], 0);
    await emu.control.setConfig({ quotas: { teo: { batch: 40, daily: 10_000 }, cdn: { daily: 1000 }, dcdn: { daily: 1000 }, esa: { daily: 1000 } } });
    // The host's one clock for the cloud (resources/provider.ts): sleeps (rate limits, polls) pass at once.
    const clock = new ManualClock({ start: (await emu.control.state()).now });
    const lines: string[] = [];
    const provider = new PrefetchProvider("edgeone", { clock, env: {}, log: (l) => lines.push(l), createAdapter });
    await provider.configure({ config: { get: (k: string) => ({ "cdnPrefetch:endpoint": emu.url, "tencentcloud:secretId": emu.credentials.tencent.secretId,
      "tencentcloud:secretKey": emu.credentials.tencent.secretKey } as Record<string, string>)[k] } });
    const urls = (r: number) => Array.from({ length: 101 }, (_, i) => `https://www.example.com/r${r}/${i}.js`);
    const created = await Promise.all(Array.from({ length: 50 }, (_, r) => provider.create({ zoneId: "zone-fifty1", urls: urls(r), pollIntervalSeconds: 1 })));
    const stats = await emu.control.stats();
    assert.equal(stats.calls["teo:DescribeContentQuota"], 1, "one quota read for the 50 creates");
    assert.equal(stats.submits.teo, 150, "three requests each (40, 40, 21): the zone's Batch, not the 100-URL fallback");
    assert.ok(created.every((c) => c.outs.status === "succeeded"));
    assert.deepEqual(lines.filter((l) => /warning/.test(l)), []);
  });
});
