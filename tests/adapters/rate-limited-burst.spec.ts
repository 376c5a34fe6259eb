/**
 * The per-account rate limits (provider/adapters/rate-gate.ts) against the emulator with the vendors' documented
 * limits enforced (`rateLimits.enabled`, emulator/core/rate-limit.ts): a burst of concurrent submits and queries from
 * many resources of one process, larger than one second of the documented rate, meets no throttling answer, on every
 * cloud. The emulator's buckets run on the wall clock, so the provider runs on the real clock here too (one per cloud,
 * as in the host); each burst is sized to just over the emulator's burst, so it costs about a second.
 */
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { teoClientConfig } from "../../provider/adapters/edgeone/client";
import { createAdapter } from "../../provider/adapters/registry";
import type { Connection } from "../../provider/adapters/types";
import { systemClock } from "../../provider/engine/clock";
import type { CloudKind } from "../../provider/model/cloud";
import type { PrefetchSpec } from "../../provider/model/spec";
import type { SubmittedBatch } from "../../provider/model/task";
import { freshProcessMemory } from "../helpers/process-memory";
import { testConnection } from "./support/connection";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { teo } = require("tencentcloud-sdk-nodejs-teo");

interface Case {
  cloud: CloudKind;
  spec: PrefetchSpec;
  url: (i: number) => string;
  /** Calls in each burst: just over the emulator's one-second burst of the submit and query actions (its documented rate). */
  submits: number;
  queries: number;
}

const CASES: Case[] = [
  // CreatePrefetchTask and DescribePrefetchTasks: 20/s each.
  { cloud: "edgeone", spec: { cloud: "edgeone", zoneId: "zone-burst1", mode: null, headers: {}, prefetchMediaSegments: null },
    url: (i) => `https://www.example.com/burst/${i}.js`, submits: 24, queries: 24 },
  // PushObjectCache 50/s, DescribeRefreshTaskById 30/s.
  { cloud: "alibaba-cdn", spec: { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null },
    url: (i) => `cdn.example.com/burst/${i}.js`, submits: 55, queries: 33 },
  // PreloadDcdnObjectCaches 15/s, DescribeDcdnRefreshTaskById 30/s.
  { cloud: "alibaba-dcdn", spec: { cloud: "alibaba-dcdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null },
    url: (i) => `dcdn.example.com/burst/${i}.js`, submits: 17, queries: 33 },
  // PreloadCaches and DescribePreloadTasks: 10/s each (the emulator's choice; ESA documents none).
  { cloud: "alibaba-esa", spec: { cloud: "alibaba-esa", siteId: "4343", hostnames: [], headers: {} },
    url: (i) => `https://esa.example.com/burst/${i}.js`, submits: 12, queries: 12 },
];

describe("adapters: a burst of many resources under the documented rate limits meets no throttling (emulator, real clock)", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  const connection = (cloud: CloudKind): Connection => testConnection(emu.url, {
    region: cloud === "edgeone" ? "" : "cn-hangzhou",
    credentials: cloud === "edgeone"
      ? { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null }
      : { accessKeyId: emu.credentials.alibaba.accessKeyId, accessKeySecret: emu.credentials.alibaba.accessKeySecret, securityToken: null },
  });

  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
  });
  after(async () => emu.close());
  beforeEach(async () => {
    freshProcessMemory();
    await emu.control.reset();
    await emu.control.setConfig({ rateLimits: { enabled: true } });
  });

  it("the limits bite: an unpaced burst straight through the SDK is throttled (EdgeOne, 40 calls at once)", async () => {
    const client = new teo.v20220901.Client(teoClientConfig(connection("edgeone")));
    const calls = Array.from({ length: 40 }, () => client.DescribePrefetchTasks({ ZoneId: "zone-burst1", Filters: [{ Name: "job-id", Values: ["j"] }] }));
    const refused = (await Promise.allSettled(calls)).filter((r) => r.status === "rejected");
    assert.ok(refused.length > 0, "the emulator serves a burst of 20 and 20 more per second");
    assert.equal((await emu.control.stats()).throttled["teo:DescribePrefetchTasks"], refused.length);
  });

  it("every cloud at once: concurrent submits and queries, each from its own resource; nothing throttled", async () => {
    await Promise.all(CASES.map(async (c) => {
      const clock = systemClock();
      const resource = () => createAdapter(c.cloud, connection(c.cloud), clock);
      const submit = async (i: number): Promise<SubmittedBatch> => {
        const { taskIds } = await resource().submit(c.spec, [c.url(i)]);
        return { taskIds, urls: [c.url(i)], submittedAt: new Date().toISOString() };
      };
      const first = await submit(0);
      const [submitted, answers] = await Promise.all([
        Promise.all(Array.from({ length: c.submits - 1 }, (_, i) => submit(i + 1))),
        Promise.all(Array.from({ length: c.queries }, () => resource().query(c.spec, [first]))),
      ]);
      assert.equal(submitted.length + 1, c.submits);
      assert.equal(answers.length, c.queries);
    }));
    const stats = await emu.control.stats();
    assert.deepEqual(stats.throttled, {}, "no call refused by the emulator's rate limiter");
    assert.deepEqual([stats.submits.teo, stats.submits.cdn, stats.submits.dcdn, stats.submits.esa], CASES.map((c) => c.submits));
  });
});
