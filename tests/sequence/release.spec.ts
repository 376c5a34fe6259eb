/**
 * The release workflow of issue 11, per cloud, through Pulumi's real dynamic-provider host with the engine's step
 * rules modelled by harness/engine.ts, against the emulator and its origin/edge model (emulator/core/edge.ts):
 * versioned URLs, `purgeFirst`, changed-only updates, and purge faults resumed on the next `up`. The emulator's
 * counters (`purgedUrls`, `submittedUrls`) prove what was sent; its edge tells which version the edge serves.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import type { Product } from "../../emulator/core/types";
import { EngineModel } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import type { CloudKind } from "../../provider/model/cloud";
import { unpackOutputs } from "../../provider/resources/packing";
import { shimFor } from "../../sdk/shim";
import { urlsAt } from "../../sdk/url-indexes";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAM_DIR = path.join(ROOT, "examples", "quickstart");

interface CloudCase {
  cloud: CloudKind;
  type: string;
  product: Product;
  base: Record<string, unknown>;
  host: string;
  /** The purge submit action (for faults). */
  purgeAction: string;
  /** Files of the site. */
  files: number;
  /** The lost-answer story's own domain (CDN/DCDN: purge limits are per domain) and URL host. */
  lostBase?: Record<string, unknown>;
  lostHost?: string;
}

const CASES: CloudCase[] = [
  { cloud: "edgeone", type: "EdgeOnePrefetch", product: "teo", base: { zoneId: "zone-rel1" }, host: "https://www.example.com", purgeAction: "CreatePurgeTask", files: 1000 },
  { cloud: "alibaba-cdn", type: "AlibabaCdnPrefetch", product: "cdn", base: { domain: "cdn.example.com" }, host: "https://cdn.example.com", purgeAction: "RefreshObjectCaches", files: 1000,
    lostBase: { domain: "cdn-lost.example.com" }, lostHost: "https://cdn-lost.example.com" },
  { cloud: "alibaba-dcdn", type: "AlibabaDcdnPrefetch", product: "dcdn", base: { domain: "dcdn.example.com" }, host: "https://dcdn.example.com", purgeAction: "RefreshDcdnObjectCaches", files: 1000,
    lostBase: { domain: "dcdn-lost.example.com" }, lostHost: "https://dcdn-lost.example.com" },
  { cloud: "alibaba-esa", type: "AlibabaEsaPrefetch", product: "esa", base: { siteId: 7002, siteName: "example.com" }, host: "https://img.example.com", purgeAction: "PurgeCaches", files: 1000 },
];

/** URLs of the mid-way refusal story: one more than one purge request carries on any cloud. */
const MIDWAY = 1001;

for (const c of CASES) {
  const N = c.files;
  describe(`release stories (purgeFirst, versions): ${c.cloud}`, function () {
    this.timeout(180_000);
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    let host: Host;
    let engine: EngineModel;
    let providerText: string;
    const mid = Math.floor(N / 2);
    const last = N - 1;
    const url = (i: number) => `${c.host}/site/f${i}.js`;
    /** Version per file index (files not listed are at `v1`). */
    let versions = new Map<number, string>();
    let files = Array.from({ length: N }, (_, i) => i);
    const entries = () => files.map((i) => ({ url: url(i), version: versions.get(i) ?? "v1" }));
    const counters = async () => {
      const s = await emu.control.stats();
      return { purged: s.purgedUrls[c.product], prefetched: s.submittedUrls[c.product] };
    };
    const edgeOf = async (i: number) => {
      const e = (await emu.control.edge())[c.product];
      return e[url(i)] ?? e[url(i).toLowerCase()] ?? null;
    };
    const reg = (inputs: Record<string, unknown>, name = "site") => ({
      type: `pulumi-nodejs:dynamic/cdn-prefetch:${c.type}`, name,
      inputs: { ...c.base, pollIntervalSeconds: 0.05, progressLabel: name, purgeFirst: true, ...inputs, __provider: providerText },
    });
    /** Stored outputs (unpacked: a partial failure over 30 KB arrives packed, resources/packing.ts). */
    const outputs = (name = "site") => unpackOutputs([...engine.state.entries()].find(([urn]) => urn.endsWith(`::${name}`))![1].outputs) as Record<string, any>;
    /** Releases: the origin moves to the new versions, then `pulumi up` with them. */
    const release = async (changes: Record<number, string>, inputs: Record<string, unknown> = {}) => {
      for (const [i, v] of Object.entries(changes)) versions.set(Number(i), v);
      await emu.control.setOrigin(Object.fromEntries(Object.entries(changes).map(([i, v]) => [url(Number(i)), v])));
      return engine.up([reg({ urls: entries(), ...inputs })]);
    };

    before(async () => {
      // Daily quotas above the stories' spending (the defaults are the documented ones: 1,000 prefetches a day on Alibaba).
      const daily = 20_000;
      emu = await startEmulator({ port: 0, config: { defaultDurationMs: 200, quotas: { teo: { batch: 1000, daily }, cdn: { daily }, dcdn: { daily }, esa: { daily } } } });
      providerText = await serializeProvider(shimFor(c.cloud));
      host = await startHost({ cwd: PROGRAM_DIR, env: emulatorEnv(emu), onStdoutLine: process.env.RELEASE_DEBUG ? (l) => console.log(l) : undefined });
      // The whole documented (ESA: chosen) rate: ESA lists 50 tasks a call (ledger ESA-9), so each round over 1,000 URLs
      // is 20 calls, which at the default half share cost the stories about 30 s each and prove nothing more.
      engine = new EngineModel(host, { project: "release", stack: "dev", config: { "cdnPrefetch:apiRateShare": "1" } });
      await emu.control.setOrigin(Object.fromEntries(files.map((i) => [url(i), "v1"])));
    });
    /**
     * Moves the cloud's clock on (CDN/DCDN only: they refuse more than 1,000 URL purges a minute per domain and 2,000 a
     * day, which the stories spend). The other products are left alone: a cloud clock ahead of ours hides new tasks
     * from ESA's time-window listings until ours catches up.
     */
    const passTime = async (ms: number) => {
      if (c.product !== "cdn" && c.product !== "dcdn") return;
      await emu.control.setClock({ mode: "manual" });
      await emu.control.advance(ms);
      await emu.control.setClock({ mode: "real" });
    };
    beforeEach(async () => emu.control.clearFaults());
    afterEach(function () {
      if (this.currentTest?.state === "failed") console.log(host.stdoutLines().slice(-15).join("\n"), host.stderr().slice(-2000));
    });
    after(async () => {
      await host?.stop();
      await emu?.close();
    });

    it(`first release: all ${N} URLs purged, then prefetched; the edge holds v1 everywhere`, async () => {
      const { errors } = await engine.up([reg({ urls: entries() })]);
      assert.deepEqual(errors, []);
      const o = outputs();
      assert.equal(o.status, "succeeded");
      assert.equal(o.purge.status, "succeeded");
      assert.equal(o.purge.urlCount, N);
      assert.deepEqual(o.lastRun && { ...o.lastRun, at: "" }, { reason: "create", at: "", submittedCount: N, purgedCount: N, skippedCount: 0, forgottenCount: 0 });
      assert.deepEqual(await counters(), { purged: N, prefetched: N });
      assert.deepEqual(await edgeOf(7), { version: "v1", stale: false });
    });

    it("a purge whose answer is lost (a timeout): the next up finds it in the purge task list and does not purge again", async () => {
      // Its own resource (on CDN/DCDN its own domain: the first release spent the domain's 1,000 purges of this minute),
      // before any story moves the cloud's clock (a clock ahead of ours delays what the time-window lists show).
      const lost = { url: `${c.lostHost ?? c.host}/lost/x.js`, version: "v1" };
      const inputs = { urls: [lost], ...(c.lostBase ?? {}) };
      const before = await counters();
      await emu.control.addFaults([{ product: c.product, action: c.purgeAction, kind: "drop-after-accept", count: 1 }]);
      const first = await engine.up([reg({ urls: entries() }), reg({ ...inputs, waitTimeoutSeconds: 0.3 }, "lost")]);
      const afterFirst = await counters();
      assert.equal(afterFirst.purged - before.purged, 1, "the cloud accepted the purge once");
      if (first.errors.length > 0) {
        const o = outputs("lost");
        assert.ok(o.purge.uncertainBatches.length > 0 || o.purge.batches.length > 0, "the lost purge is recorded");
        assert.deepEqual((await engine.up([reg({ urls: entries() }), reg(inputs, "lost")])).errors, []);
      }
      const after = await counters();
      assert.deepEqual({ purged: after.purged - before.purged, prefetched: after.prefetched - before.prefetched }, { purged: 1, prefetched: 1 }, "never purged twice");
      assert.equal(outputs("lost").status, "succeeded");
    });

    it(`a release changing 3 of ${N} versions purges exactly 3 and prefetches exactly 3; the edge serves the new version of all 3`, async () => {
      await passTime(61_000); // the per-minute purge limit: the first release spent this minute's 1,000 purges
      const before = await counters();
      const steps = engine.steps.length;
      const { errors } = await release({ 3: "v2", [mid]: "v2", [last]: "v2" });
      assert.deepEqual(errors, []);
      assert.equal(engine.counts(steps).update, 1, "an in-place update, not a replacement");
      const after = await counters();
      assert.deepEqual({ purged: after.purged - before.purged, prefetched: after.prefetched - before.prefetched }, { purged: 3, prefetched: 3 });
      for (const i of [3, mid, last]) assert.deepEqual(await edgeOf(i), { version: "v2", stale: false }, `file ${i}`);
      assert.deepEqual(await edgeOf(4), { version: "v1", stale: false }, "an unchanged file keeps its copy");
      const o = outputs();
      assert.equal(o.status, "succeeded");
      assert.equal(o.succeededCount, N, "results cover the whole declared list");
      assert.deepEqual(urlsAt(o.urls, o.purge.urlIndexes), [url(3), url(mid), url(last)]);
      assert.deepEqual({ ...o.lastRun, at: "" }, { reason: "urls", at: "", submittedCount: 3, purgedCount: 3, skippedCount: N - 3, forgottenCount: 0 });
    });

    for (const prefetchOfCached of ["keep", "refresh"] as const) {
      it(`without purgeFirst (edge.prefetchOfCached=${prefetchOfCached}): 3 prefetches, no purge; ${prefetchOfCached === "keep" ? "the edge keeps serving the stale copies" : "this cloud variant replaces them"}`, async () => {
        await emu.control.setConfig({ variants: { "edge.prefetchOfCached": prefetchOfCached } });
        const next = prefetchOfCached === "keep" ? "v3" : "v4";
        const before = await counters();
        const { errors } = await release({ 3: next, [mid]: next, [last]: next }, { purgeFirst: false });
        assert.deepEqual(errors, []);
        const after = await counters();
        assert.deepEqual({ purged: after.purged - before.purged, prefetched: after.prefetched - before.prefetched }, { purged: 0, prefetched: 3 });
        const previous = prefetchOfCached === "keep" ? "v2" : "v3";
        for (const i of [3, mid, last]) {
          const e = await edgeOf(i);
          assert.equal(e?.version, prefetchOfCached === "keep" ? previous : next, `file ${i}`);
        }
        assert.equal(outputs().status, "succeeded", "the prefetch itself succeeded: only a purge replaces a cached copy");
        await emu.control.setConfig({ variants: { "edge.prefetchOfCached": "keep" } });
      });
    }

    it("an added URL submits 1 purge and 1 prefetch; a removed URL submits nothing", async () => {
      let before = await counters();
      files = [...files, N];
      await emu.control.setOrigin({ [url(N)]: "v1" });
      assert.deepEqual((await engine.up([reg({ urls: entries() })])).errors, []);
      let after = await counters();
      assert.deepEqual({ purged: after.purged - before.purged, prefetched: after.prefetched - before.prefetched }, { purged: 1, prefetched: 1 });
      assert.equal(outputs().urlCount, N + 1);
      before = after;
      files = files.filter((i) => i !== 10);
      assert.deepEqual((await engine.up([reg({ urls: entries() })])).errors, []);
      after = await counters();
      assert.deepEqual(after, before, "nothing sent");
      const o = outputs();
      assert.equal(o.urlCount, N);
      assert.deepEqual({ ...o.lastRun, at: "" }, { reason: "urls", at: "", submittedCount: 0, purgedCount: 0, skippedCount: N, forgottenCount: 1 });
    });

    it("a purge refused mid-way: nothing prefetched; the next up purges only what was refused, then prefetches", async () => {
      // 1,001 URLs need two purge requests on every cloud (EdgeOne's purge Batch and Alibaba's 1,000 per refresh
      // request; ESA 100 per request); the second request is refused with a quota error (nothing accepted).
      const midway = Array.from({ length: MIDWAY }, (_, i) => `${c.host}/midway/m${i}.js`);
      // The next day on the cloud's clock: the daily purge quotas (CDN/DCDN 2,000 URLs) start afresh.
      await passTime(86_400_000);
      const before = await counters();
      await emu.control.addFaults([
        { product: c.product, action: c.purgeAction, kind: "delay", delayMs: 0 },
        { product: c.product, action: c.purgeAction, kind: "error", code: refusal(c.product) },
      ]);
      const first = await engine.up([reg({ urls: entries() }), reg({ urls: midway }, "midway")]);
      assert.equal(first.errors.length, 1);
      const mid = await counters();
      assert.equal(mid.prefetched - before.prefetched, 0, "nothing prefetched before the purge finished");
      assert.ok(engine.state.has(engine.urn(`pulumi-nodejs:dynamic/cdn-prefetch:${c.type}`, "midway")), `recorded: ${first.errors[0]?.message}`);
      const o = outputs("midway");
      assert.equal(o.purge.batches.length, 1, "the accepted purge request is recorded");
      assert.notEqual(o.purge.unsubmittedIndexes, "", "the refused one is left to the next up");
      const firstPurged = mid.purged - before.purged;
      assert.ok(firstPurged > 0 && firstPurged < MIDWAY);
      // A minute passes before the next up (CDN/DCDN allow 1,000 URL purges a minute per domain: the first request spent them).
      await passTime(61_000);
      const again = await engine.up([reg({ urls: entries() }), reg({ urls: midway }, "midway")]);
      assert.deepEqual(again.errors, []);
      const after = await counters();
      assert.deepEqual({ purged: after.purged - before.purged, prefetched: after.prefetched - before.prefetched }, { purged: MIDWAY, prefetched: MIDWAY },
        "every URL purged once and prefetched once");
      assert.equal(outputs("midway").status, "succeeded");
    });

    it("a purge still running at the wait budget: recorded; the next up waits on the same purge, then prefetches", async () => {
      versions.set(40, "v7");
      await emu.control.setOrigin({ [url(40)]: "v7" });
      await emu.control.setRules([{ match: "/site/f40.js", outcome: "success", task: "purge", durationMs: 3000 }]);
      const before = await counters();
      const first = await engine.up([reg({ urls: entries(), waitTimeoutSeconds: 0.5 })]);
      assert.equal(first.errors.length, 1);
      assert.match(first.errors[0].message, /purge of 1 of 1 URLs is still running/);
      const o = outputs();
      assert.equal(o.purge.status, "running");
      assert.equal(o.purge.taskIds.length, 1);
      const mid = await counters();
      assert.deepEqual({ purged: mid.purged - before.purged, prefetched: mid.prefetched - before.prefetched }, { purged: 1, prefetched: 0 });
      // Refresh reads the purge from the cloud (its task, by id) and submits nothing.
      const queries = (await emu.control.stats()).queries[c.product];
      await engine.refresh();
      assert.ok((await emu.control.stats()).queries[c.product] > queries, "the refresh asked the cloud");
      assert.deepEqual(outputs().purge.taskIds, o.purge.taskIds);
      assert.deepEqual(await counters(), mid, "a refresh submits nothing");
      const again = await engine.up([reg({ urls: entries(), waitTimeoutSeconds: 60 })]);
      assert.deepEqual(again.errors, []);
      await emu.control.setRules([]);
      const after = await counters();
      assert.deepEqual({ purged: after.purged - before.purged, prefetched: after.prefetched - before.prefetched }, { purged: 1, prefetched: 1 });
      assert.deepEqual(await edgeOf(40), { version: "v7", stale: false });
    });
  });
}

/** An error code each product answers a refused purge with, nothing accepted. */
function refusal(product: Product): string {
  return product === "teo" ? "LimitExceeded.DailyQuota" : "QuotaExceeded.Refresh";
}
