/**
 * The purge side of every adapter (issue 11, `PurgeAdapter`) through its official SDK against the emulator: a purge of
 * URLs with either method is accepted with its task ids, read back by id until every URL is terminal, and spends the
 * purge quota the adapter reads and remembers (apart from the prefetch quota); refusals are classified CloudErrors
 * (batch and daily limits, the per-minute refresh limit, a refused EdgeOne `Method`, resubmitted without it); and the
 * edge model shows why a release needs a purge first: a prefetch alone leaves the old copy, a purge (delete or
 * invalidate) then a prefetch serves the new one. Reconciliation (`findTasks`): purge-find.spec.ts.
 */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { createAdapter } from "../../provider/adapters/registry";
import type { Connection, PrefetchAdapter, PurgeAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import type { CloudKind } from "../../provider/model/cloud";
import { isCloudError, type CloudError } from "../../provider/model/errors";
import { PURGE_METHODS, type PurgeMethod } from "../../provider/model/purge";
import type { PrefetchSpec } from "../../provider/model/spec";
import type { SubmittedBatch } from "../../provider/model/task";
import { PER_MINUTE_RETRY_MS } from "../../provider/adapters/alibaba/errors";
import { edgeOneAdapter } from "../../provider/adapters/edgeone/adapter";
import { createTeoApi } from "../../provider/adapters/edgeone/client";
import { teoHost } from "../../provider/adapters/edgeone/limits";
import { accountScope } from "../../provider/adapters/memory";
import { testConnection } from "./support/connection";
import { freshProcessMemory } from "../helpers/process-memory";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";

type Product = "teo" | "cdn" | "dcdn" | "esa";

interface Case {
  cloud: CloudKind;
  product: Product;
  spec: PrefetchSpec;
  host: string;
  /** The per-request purge limit the adapter declares (its limits.ts). */
  perRequest: number;
  /** A `restrict` under which the case's zone, domain or site is unknown to the account. */
  elsewhere: Record<string, unknown>;
  /** The emulator's `product:Action` counters of the purge submit and of the purge quota read. */
  submitCall: string;
  quotaCall: string;
  connection: (emu: RunningEmulator) => Connection;
}

const alibaba = (emu: RunningEmulator) => testConnection(emu.url, {
  credentials: { accessKeyId: emu.credentials.alibaba.accessKeyId, accessKeySecret: emu.credentials.alibaba.accessKeySecret, securityToken: null },
});

const CASES: Case[] = [
  {
    cloud: "edgeone", product: "teo", spec: { cloud: "edgeone", zoneId: "zone-purge1", mode: null, headers: {}, prefetchMediaSegments: null },
    host: "www.example.com", perRequest: 100, elsewhere: { teoZones: [{ zoneId: "zone-other1", domains: ["other.example.com"] }] },
    submitCall: "teo:CreatePurgeTask", quotaCall: "teo:DescribeContentQuota",
    connection: (emu) => testConnection(emu.url, {
      region: "", credentials: { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null },
    }),
  },
  {
    cloud: "alibaba-cdn", product: "cdn", spec: { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null },
    host: "cdn.example.com", perRequest: 1000, elsewhere: { cdnDomains: ["other.example.com"] }, connection: alibaba,
    submitCall: "cdn:RefreshObjectCaches", quotaCall: "cdn:DescribeRefreshQuota",
  },
  {
    cloud: "alibaba-dcdn", product: "dcdn", spec: { cloud: "alibaba-dcdn", domain: "dcdn.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null },
    host: "dcdn.example.com", perRequest: 1000, elsewhere: { dcdnDomains: ["other.example.com"] }, connection: alibaba,
    submitCall: "dcdn:RefreshDcdnObjectCaches", quotaCall: "dcdn:DescribeDcdnRefreshQuota",
  },
  {
    cloud: "alibaba-esa", product: "esa", spec: { cloud: "alibaba-esa", siteId: "4242", hostnames: [], headers: {} },
    host: "esa.example.com", perRequest: 100, elsewhere: { esaSites: [{ siteId: "4242", hostnames: ["other.example.com"] }] }, connection: alibaba,
    submitCall: "esa:PurgeCaches", quotaCall: "esa:GetPurgeQuota",
  },
];

/** The undocumented behaviours a purge read-back depends on (emulator/FIDELITY.md PG-2, PG-4, PG-7), per product. */
const VARIANTS: Record<Product, [string, string[]][]> = {
  // (`tasks.visibilityLag` is set in every one of these tests)
  teo: [["teo.urlEcho", ["normalized", "encoded"]], ["teo.unknownJobId", ["InvalidParameter.ParameterError"]]],
  cdn: [["alibaba.urlEcho", ["normalized"]], ["alibaba.taskIdsPerSubmit", ["perUrl", "perRequest"]]],
  dcdn: [["alibaba.urlEcho", ["normalized"]], ["alibaba.taskIdsPerSubmit", ["perUrl", "perRequest"]]],
  esa: [["alibaba.urlEcho", ["normalized"]], ["esa.listTaskIds", ["perUrlId"]]],
};

/** The rejection of `p`, which must be a CloudError. */
async function rejection(p: Promise<unknown>): Promise<CloudError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isCloudError(e), `expected a CloudError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected a rejection");
}

describe("adapters: URL purge (issue 11) against the emulator", () => {
  let emu: RunningEmulator;
  /** The adapters' clock follows the emulator's virtual clock (synced after every move). */
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const advance = async (ms: number) => { await emu.control.advance(ms); await sync(); };

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
      const purger = (): PurgeAdapter => {
        const p = adapter().purge;
        assert.ok(p, `${c.cloud} has a purge adapter`);
        return p;
      };
      const url = (path: string) => `https://${c.host}/${path}`;
      const batchOf = (taskIds: string[], urls: string[], at: number): SubmittedBatch => ({ taskIds, urls, submittedAt: new Date(at).toISOString() });
      const edgeOf = async (u: string) => (await emu.control.edge())[c.product][u];

      it("declares its per-request purge limit", () => {
        assert.equal(purger().urlsPerRequest, c.perRequest);
      });

      for (const method of PURGE_METHODS) {
        it(`purges with method ${method} and reads the task back by id until every URL is terminal`, async () => {
          const p = purger();
          const urls = [url(`${method}/a.js`), url(`${method}/b.css`)];
          const at = now;
          const res = await p.submit(c.spec, urls, method);
          assert.equal(res.taskIds.length >= 1, true, "task ids");
          assert.deepEqual(res.rejected, []);
          const stats = await emu.control.stats();
          assert.deepEqual([stats.purges[c.product], stats.purgedUrls[c.product], stats.submits[c.product]], [1, 2, 0], "a purge, not a prefetch");
          const batch = batchOf(res.taskIds, urls, at);
          await advance(1_000);
          const early = await p.query(c.spec, [batch]);
          assert.equal(early.historyUnavailable, false);
          assert.ok(early.observations.every((o) => o.status === "pending" || o.status === "running"), JSON.stringify(early.observations));
          await advance(60_000);
          const done = await p.query(c.spec, [batch]);
          assert.deepEqual(done.observations.map((o) => [o.url, o.status, o.progress]).sort(), urls.map((u) => [u, "succeeded", 100]).sort());
          assert.ok(done.observations.every((o) => o.taskId !== null), JSON.stringify(done.observations));
        });
      }

      for (const [variant, values] of VARIANTS[c.product]) {
        for (const value of values) {
          it(`reads a purge back to terminal under ${variant}=${value} (and a visibility lag), never done early`, async () => {
            // every variant together with a visibility lag: the first read comes before the tasks are listed
            await emu.control.setConfig({ variants: { "tasks.visibilityLag": "5000", [variant]: value } });
            const p = purger();
            const urls = [url("var/a.js"), url("var/Mixed Case.JS")];
            const at = now;
            const res = await p.submit(c.spec, urls, "delete");
            const batch = batchOf(res.taskIds, urls, at);
            await advance(1_000);
            assert.deepEqual((await p.query(c.spec, [batch])).observations, [], "not listed yet: no observation, nothing done");
            await advance(60_000);
            const done = await p.query(c.spec, [batch]);
            assert.deepEqual(done.observations.map((o) => [o.url, o.status]).sort(), urls.map((u) => [u, "succeeded"]).sort());
          });
        }
      }

      it("reports a failed purge URL as failed with a reason, never as done", async () => {
        const p = purger();
        await emu.control.setRules([{ match: "broken", outcome: "failed", task: "purge" }], 30_000);
        const urls = [url("broken.js"), url("fine.js")];
        const at = now;
        const res = await p.submit(c.spec, urls, "delete");
        await advance(60_000);
        const obs = (await p.query(c.spec, [batchOf(res.taskIds, urls, at)])).observations;
        const broken = obs.find((o) => o.url === urls[0]);
        assert.equal(broken?.status, "failed");
        assert.ok(broken?.reason, "a reason");
        assert.equal(obs.find((o) => o.url === urls[1])?.status, "succeeded");
      });

      it("reads the purge quota and sees it decrease by the URLs purged", async () => {
        const p = purger();
        const before = await p.quota(c.spec);
        assert.ok(before && before.daily !== null && before.remaining !== null, JSON.stringify(before));
        await p.submit(c.spec, [url("q/1.js"), url("q/2.js"), url("q/3.js")], "invalidate");
        const after = await p.quota(c.spec);
        assert.equal(after?.remaining, before.remaining! - 3);
        assert.equal(after?.daily, before.daily);
        if (c.cloud === "edgeone") assert.equal(before.perRequest, 1000, "the zone's purge_url Batch");
        const prefetchQuota = await adapter().quota(c.spec, { fresh: true });
        if (prefetchQuota?.remaining != null && prefetchQuota.daily !== null) assert.equal(prefetchQuota.remaining, prefetchQuota.daily, "prefetch quota untouched");
      });

      it("remembers the purge quota: one read for concurrent readers, lowered by accepted purges, forgotten after a failed one, apart from the prefetch quota", async () => {
        const p = purger();
        const a = adapter();
        const calls = async () => (await emu.control.stats()).calls[c.quotaCall] ?? 0;
        const prefetchBefore = await a.quota(c.spec);
        const before = await calls();
        const [q1, q2] = await Promise.all([p.quota(c.spec), p.quota(c.spec)]);
        assert.deepEqual(q1, q2);
        assert.equal(await calls() - before, 1, "one read shared in flight");
        assert.ok(q1 && q1.remaining !== null && q1.remaining > 2, JSON.stringify(q1));
        assert.deepEqual(await p.quota(c.spec, { rememberedOnly: true }), q1, "remembered");
        await p.submit(c.spec, [url("mem/1.js"), url("mem/2.js")], "invalidate");
        const lowered = await p.quota(c.spec, { rememberedOnly: true });
        assert.equal(lowered?.remaining, q1.remaining - 2, "an accepted purge lowers the remembered figure");
        assert.equal(await calls() - before, 1, "without a call");
        assert.deepEqual(await p.quota(c.spec, { fresh: true }), lowered, "the cloud agrees");
        assert.deepEqual(await a.quota(c.spec, { rememberedOnly: true }), prefetchBefore, "the remembered prefetch quota is not spent by a purge");
        await emu.control.addFaults([{ product: c.product, action: c.submitCall.split(":")[1], kind: "error", code: "InternalError", count: 1 }]);
        await rejection(p.submit(c.spec, [url("mem/3.js")], "invalidate"));
        assert.equal(await p.quota(c.spec, { rememberedOnly: true }), null, "a failed purge (outcome unknown) forgets the figure");
        assert.deepEqual(await a.quota(c.spec, { rememberedOnly: true }), prefetchBefore, "the prefetch figure is kept");
      });

      it("refuses a purge on a zone, domain or site the account does not have, classified", async () => {
        await emu.control.setConfig({ restrict: c.elsewhere } as never);
        const e = await rejection(purger().submit(c.spec, [url("x.js")], "delete"));
        assert.equal(e.cloud, c.cloud);
        assert.ok(["invalid", "notFound", "auth"].includes(e.kind), `${e.kind} ${e.code}`);
        assert.equal(await edgeOf(url("x.js")), undefined, "no purge task was accepted");
        assert.equal((await emu.control.tasks()).length, 0);
      });

      it("serves the new release only after purge then prefetch (edge model), with either method", async () => {
        const a = adapter();
        const p = purger();
        const files: Record<PurgeMethod, string> = { delete: url("rel/app.js"), invalidate: url("rel/app.css") };
        const all = Object.values(files);
        await emu.control.setOrigin(Object.fromEntries(all.map((u) => [u, "v1"])));
        await a.submit(c.spec, all);
        await advance(60_000);
        for (const u of all) assert.deepEqual(await edgeOf(u), { version: "v1", stale: false });
        await emu.control.setOrigin(Object.fromEntries(all.map((u) => [u, "v2"])));
        await a.submit(c.spec, all);
        await advance(60_000);
        for (const u of all) assert.deepEqual(await edgeOf(u), { version: "v1", stale: false }, "a prefetch alone keeps the old copy");
        for (const method of PURGE_METHODS) await p.submit(c.spec, [files[method]], method);
        await advance(60_000);
        assert.deepEqual(await edgeOf(files.delete), { version: null, stale: false }, "delete removes the copy");
        assert.deepEqual(await edgeOf(files.invalidate), { version: "v1", stale: true }, "invalidate marks it stale");
        await a.submit(c.spec, all);
        await advance(60_000);
        for (const u of all) assert.deepEqual(await edgeOf(u), { version: "v2", stale: false }, "purge then prefetch serves the new version");
      });
    });
  }

  describe("quota and batch refusals", () => {
    it("EdgeOne refuses a purge above the zone's purge_url Batch as a batch limit", async () => {
      const c = CASES[0];
      const p = createAdapter(c.cloud, c.connection(emu), clock).purge!;
      const e = await rejection(p.submit(c.spec, Array.from({ length: 1001 }, (_, i) => `https://www.example.com/b/${i}.js`), "invalidate"));
      assert.deepEqual([e.kind, e.code, e.detail], ["quota", "LimitExceeded.BatchQuota", "batchLimit"]);
    });

    for (const c of CASES.filter((x) => x.cloud === "alibaba-cdn" || x.cloud === "alibaba-dcdn")) {
      it(`${c.cloud} refuses a purge over the URL refresh quota it reports (UrlRemain), classified as quota`, async () => {
        const p = createAdapter(c.cloud, c.connection(emu), clock).purge!;
        const quota = await p.quota(c.spec);
        assert.ok(quota?.remaining, JSON.stringify(quota));
        let left = quota.remaining;
        for (let i = 0; left > 0; i++) {
          // one domain per request: at most 1,000 URLs a minute per domain
          const n = Math.min(left, p.urlsPerRequest);
          await p.submit(c.spec, Array.from({ length: n }, (_, j) => `https://fill${i}.${c.host}/${j}.js`), "invalidate");
          left -= n;
        }
        assert.equal((await p.quota(c.spec))?.remaining, 0);
        const e = await rejection(p.submit(c.spec, [`https://${c.host}/one-more.js`], "invalidate"));
        assert.deepEqual([e.kind, e.code, e.detail], ["quota", "QuotaExceeded.Refresh", "dailyQuota"]);
      });

      it(`${c.cloud} refuses more than 1,000 URL purges a minute for one domain as throttled (QuotaPerMinuteExceeded.Refresh), with a one-minute hint`, async () => {
        const p = createAdapter(c.cloud, c.connection(emu), clock).purge!;
        await p.submit(c.spec, Array.from({ length: 1000 }, (_, j) => `https://${c.host}/minute/${j}.js`), "invalidate");
        const e = await rejection(p.submit(c.spec, [`https://${c.host}/minute/one-more.js`], "invalidate"));
        assert.deepEqual([e.kind, e.code, e.retryAfterMs], ["throttled", "QuotaPerMinuteExceeded.Refresh", PER_MINUTE_RETRY_MS]);
        await p.submit(c.spec, [`https://other.${c.host}/minute/1.js`], "invalidate");
        await advance(60_000);
        const later = await p.submit(c.spec, [`https://${c.host}/minute/one-more.js`], "invalidate");
        assert.equal(later.taskIds.length, 1, "accepted once the minute has passed");
      });
    }

    /** An EdgeOne purge side over the real SDK client whose CreatePurgeTask calls are recorded (the `Method` each one sent). */
    const recordedEdgeOne = (sent: (string | undefined)[]): PurgeAdapter => {
      const c = CASES[0];
      const connection = c.connection(emu);
      const api = createTeoApi(connection, clock);
      const spy: typeof api = { ...api, CreatePurgeTask: (req) => { sent.push(req.Method); return api.CreatePurgeTask(req); } };
      return edgeOneAdapter(spy, clock, accountScope("edgeone", connection, teoHost(null))).purge!;
    };

    it("EdgeOne: a Method refused on URL purges (teo.purgeUrlMethod) is sent again without it, and the refusal is remembered", async () => {
      const c = CASES[0];
      await emu.control.setConfig({ variants: { "teo.purgeUrlMethod": "InvalidParameter.ParameterError" } });
      const sent: (string | undefined)[] = [];
      const p = recordedEdgeOne(sent);
      const u = "https://www.example.com/method/a.js";
      await emu.control.setOrigin({ [u]: "v1" });
      await createAdapter(c.cloud, c.connection(emu), clock).submit(c.spec, [u]);
      await advance(60_000);
      const first = await p.submit(c.spec, [u], "delete");
      assert.equal(first.taskIds.length, 1);
      assert.deepEqual(sent, ["delete", undefined], "refused with Method, accepted without");
      await p.submit(c.spec, ["https://www.example.com/method/b.js"], "delete");
      assert.deepEqual(sent, ["delete", undefined, undefined], "the refusal is remembered: no second refused call");
      const stats = await emu.control.stats();
      assert.deepEqual([stats.purges.teo, stats.purgedUrls.teo], [2, 2]);
      await advance(60_000);
      assert.deepEqual((await emu.control.edge()).teo[u], { version: "v1", stale: true }, "the zone's default (invalidate) applied");
    });

    it("EdgeOne: a Method the zone accepts is sent once; other parameter refusals are not taken for a refused Method", async () => {
      const c = CASES[0];
      const sent: (string | undefined)[] = [];
      const p = recordedEdgeOne(sent);
      await p.submit(c.spec, ["https://www.example.com/ok.js"], "delete");
      assert.deepEqual(sent, ["delete"]);
      const e = await rejection(p.submit(c.spec, ["ftp://www.example.com/x.js"], "delete"));
      assert.deepEqual([e.kind, e.code], ["invalid", "InvalidParameter.Target"]);
      assert.deepEqual(sent, ["delete", "delete"], "no second call without Method");
    });

    it("ESA: a request over a smaller per-request file limit (esa.purgeFilesPerRequest=50) is refused as batchLimit, nothing accepted", async () => {
      const c = CASES[3];
      await emu.control.setConfig({ variants: { "esa.purgeFilesPerRequest": "50" } });
      const p = createAdapter(c.cloud, c.connection(emu), clock).purge!;
      const e = await rejection(p.submit(c.spec, Array.from({ length: 51 }, (_, i) => `https://esa.example.com/b/${i}.js`), "invalidate"));
      assert.deepEqual([e.kind, e.detail], ["quota", "batchLimit"]);
      assert.equal((await emu.control.stats()).purgedUrls.esa, 0);
      assert.equal((await p.submit(c.spec, Array.from({ length: 50 }, (_, i) => `https://esa.example.com/b/${i}.js`), "invalidate")).taskIds.length, 1);
    });

    for (const code of ["QuotaExceeded.Refresh", "Purge.QuotaExceeded"]) {
      it(`ESA: a purge over the file purge quota is refused as quota (esa.purgeQuotaExceededCode=${code})`, async () => {
        const c = CASES[3];
        await emu.control.setConfig({ variants: { "esa.purgeQuotaExceededCode": code } });
        const p = createAdapter(c.cloud, c.connection(emu), clock).purge!;
        const quota = await p.quota(c.spec);
        assert.ok(quota?.remaining, JSON.stringify(quota));
        for (let left = quota.remaining, i = 0; left > 0; i++, left -= p.urlsPerRequest) {
          await p.submit(c.spec, Array.from({ length: Math.min(left, p.urlsPerRequest) }, (_, j) => `https://esa.example.com/q${i}/${j}`), "invalidate");
        }
        assert.equal((await p.quota(c.spec, { fresh: true }))?.remaining, 0);
        const e = await rejection(p.submit(c.spec, ["https://esa.example.com/one-more.js"], "invalidate"));
        assert.deepEqual([e.kind, e.code], ["quota", code]);
        assert.equal(await p.quota(c.spec, { rememberedOnly: true }), null, "a refused purge forgets the remembered figure");
      });
    }
  });
});
