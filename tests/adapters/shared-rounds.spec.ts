/**
 * One shared status round serving many resources, per cloud, through the official SDKs against the emulator
 * (`PrefetchAdapter.rounds`, the host's shared poller): the emulator's call counters show the calls one round costs,
 * and each resource gets exactly its own tasks' states — also when two resources hold the same URL in different tasks
 * (one task done, the other still running).
 */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { createAdapter } from "../../provider/adapters/registry";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import type { CloudKind } from "../../provider/model/cloud";
import type { PrefetchSpec } from "../../provider/model/spec";
import type { SubmittedBatch } from "../../provider/model/task";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";
import { testConnection } from "./support/connection";

interface Case {
  cloud: CloudKind;
  spec: PrefetchSpec;
  base: string;
  /** The status action and what one round over `resources` single-URL resources costs. */
  action: string;
  resources: number;
  calls: number;
}

const CASES: Case[] = [
  { cloud: "edgeone", spec: { cloud: "edgeone", zoneId: "zone-shared01", mode: null, headers: {}, prefetchMediaSegments: null },
    base: "https://www.example.com", action: "teo:DescribePrefetchTasks", resources: 12, calls: 1 },
  { cloud: "alibaba-cdn", spec: { cloud: "alibaba-cdn", domain: "cdn.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null },
    base: "https://cdn.example.com", action: "cdn:DescribeRefreshTaskById", resources: 25, calls: 3 },
  { cloud: "alibaba-dcdn", spec: { cloud: "alibaba-dcdn", domain: "dcdn.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null },
    base: "https://dcdn.example.com", action: "dcdn:DescribeDcdnRefreshTaskById", resources: 12, calls: 2 },
  { cloud: "alibaba-esa", spec: { cloud: "alibaba-esa", siteId: "9001", hostnames: [], headers: {} },
    base: "https://img.example.com", action: "esa:DescribePreloadTasks", resources: 12, calls: 1 },
];

describe("adapters: one shared round serves many resources (emulator call counts)", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const advance = async (ms: number) => { await emu.control.advance(ms); await sync(); };
  const calls = async (action: string) => (await emu.control.stats()).calls[action] ?? 0;

  const adapterFor = (cloud: CloudKind): PrefetchAdapter => {
    const tencent = cloud === "edgeone";
    const c = tencent ? emu.credentials.tencent : null;
    const a = emu.credentials.alibaba;
    return createAdapter(cloud, testConnection(emu.url, {
      region: tencent ? "" : "cn-hangzhou",
      credentials: c ? { accessKeyId: c.secretId, accessKeySecret: c.secretKey, securityToken: null } : { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret, securityToken: null },
    }), clock);
  };

  before(async () => {
    emu = await startLocalEmulator();
  });
  after(async () => emu.close());
  beforeEach(async () => {
    await resetManual(emu);
    await emu.control.setRules([], 60_000);
    await sync();
  });

  for (const c of CASES) {
    it(`${c.cloud}: one round for ${c.resources} resources makes ${c.calls} ${c.action.split(":")[1]} call(s); each resource gets its own task, the same URL in two tasks included`, async () => {
      const a = adapterFor(c.cloud);
      const submit = async (url: string): Promise<SubmittedBatch> => {
        const { taskIds } = await a.submit(c.spec, [url]);
        return { taskIds, urls: [url], submittedAt: new Date(now).toISOString() };
      };
      // A second apart: Alibaba merges one domain's submits of the same second under one id (cloud-apis.md §A.1).
      const shared = `${c.base}/shared.js`;
      const start = now;
      const requests: SubmittedBatch[][] = [[await submit(shared)]];
      await advance(30_000);
      for (let i = 1; i < c.resources - 1; i++) {
        requests.push([await submit(`${c.base}/r${i}.js`)]);
        await advance(1_000);
      }
      requests.push([await submit(shared)]);
      await advance(start + 61_000 - now);
      const rounds = a.rounds!;
      assert.equal(rounds.cost(c.spec, requests), c.calls, "the expected cost");
      assert.equal(rounds.cost(c.spec, [requests[0]]), 1);
      const before = await calls(c.action);
      const results = await rounds.query(c.spec, requests);
      assert.equal(await calls(c.action) - before, c.calls, `${c.action} calls for one round`);
      assert.equal(results.length, requests.length);
      results.forEach((r, i) => {
        assert.deepEqual(r.observations.map((o) => [o.url, o.taskId]), [[requests[i][0].urls[0], requests[i][0].taskIds[0]]], `resource ${i} sees its own task`);
      });
      assert.equal(results[0].observations[0].status, "succeeded", "the first run of the shared URL finished (60 s after its submit)");
      assert.equal(results[c.resources - 1].observations[0].status, "running", "the second run of the same URL still runs");
      assert.deepEqual(results.slice(1, -1).map((r) => r.observations[0].status), Array(c.resources - 2).fill("running"));
      const alone = await calls(c.action);
      for (const batches of requests) await a.query(c.spec, batches);
      assert.ok(await calls(c.action) - alone >= c.resources, "asked one by one, the same answers cost a call per resource");
    });
  }

  it("edgeone: jobs older than the 7-day range are read on their own, next to the zone listing", async () => {
    const a = adapterFor("edgeone");
    const spec = CASES[0].spec;
    const urls = ["old.js", "new1.js", "new2.js"].map((f) => `https://www.example.com/${f}`);
    const old = await a.submit(spec, [urls[0]]);
    const oldAt = new Date(now).toISOString();
    await advance(8 * 86_400_000);
    const fresh = [await a.submit(spec, [urls[1]]), await a.submit(spec, [urls[2]])];
    await advance(61_000);
    const requests: SubmittedBatch[][] = [[{ taskIds: old.taskIds, urls: [urls[0]], submittedAt: oldAt }],
      ...fresh.map((f, i) => [{ taskIds: f.taskIds, urls: [urls[i + 1]], submittedAt: new Date(now - 61_000).toISOString() }])];
    const before = (await emu.control.stats()).calls["teo:DescribePrefetchTasks"] ?? 0;
    const results = await a.rounds!.query(spec, requests);
    assert.equal((await emu.control.stats()).calls["teo:DescribePrefetchTasks"] - before, 2, "one listing for the two young jobs, one job-id query for the old one");
    assert.deepEqual(results.map((r) => r.observations.map((o) => o.status)), [["succeeded"], ["succeeded"], ["succeeded"]]);
  });
});
