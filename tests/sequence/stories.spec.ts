/**
 * Multi-step stories per cloud, through Pulumi's real dynamic-provider host, with the engine's step rules modelled by
 * harness/engine.ts (clearly a model, not the engine) against the emulator. The emulator's submit counter proves
 * that nothing is submitted twice.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { EngineModel } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import type { CloudKind } from "../../provider/model/cloud";
import { storedResults } from "../helpers/stored-record";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAM_DIR = path.join(ROOT, "examples", "quickstart");
const DAY = 86_400_000;

interface CloudCase {
  cloud: CloudKind;
  type: string;
  product: "teo" | "cdn" | "dcdn" | "esa";
  base: Record<string, unknown>;
  urls: (tag: string) => string[];
  /** Virtual time after which the cloud's history no longer has a task. */
  expireMs: number;
}

const CASES: CloudCase[] = [
  { cloud: "edgeone", type: "EdgeOnePrefetch", product: "teo", base: { zoneId: "zone-story1" }, urls: (t) => [`https://www.example.com/${t}/a.js`, `https://www.example.com/${t}/b.css`], expireMs: 31 * DAY },
  { cloud: "alibaba-cdn", type: "AlibabaCdnPrefetch", product: "cdn", base: { domain: "cdn.example.com" }, urls: (t) => [`https://cdn.example.com/${t}/a.js`, `/${t}/b.css`], expireMs: 4 * DAY },
  { cloud: "alibaba-dcdn", type: "AlibabaDcdnPrefetch", product: "dcdn", base: { domain: "dcdn.example.com" }, urls: (t) => [`https://dcdn.example.com/${t}/a.js`, `dcdn.example.com/${t}/b.css`], expireMs: 4 * DAY },
  { cloud: "alibaba-esa", type: "AlibabaEsaPrefetch", product: "esa", base: { siteId: 7001, siteName: "example.com" }, urls: (t) => [`https://img.example.com/${t}/a.png`, `https://img.example.com/${t}/b.png`], expireMs: 4 * DAY },
];

/** Moves every recorded time of the stored outputs `ms` into the past (a checkpoint written that long ago). */
function ageState(engine: EngineModel, ms: number): void {
  const shift = (iso: unknown) => (typeof iso === "string" ? new Date(Date.parse(iso) - ms).toISOString() : iso);
  for (const [urn, s] of engine.state) {
    const o = s.outputs as Record<string, unknown>;
    const batches = (o.batches as { submittedAt: string }[]).map((b) => ({ ...b, submittedAt: shift(b.submittedAt) }));
    engine.state.set(urn, { ...s, outputs: { ...o, batches, submittedAt: shift(o.submittedAt), finishedAt: shift(o.finishedAt), verifiedAt: shift(o.verifiedAt) } });
  }
}

for (const c of CASES) {
  describe(`engine sequence stories: ${c.cloud}`, function () {
    this.timeout(120_000);
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    let host: Host;
    let engine: EngineModel;
    let providerText: string;
    const submits = async () => (await emu.control.stats()).submits[c.product];
    const calls = async () => Object.values((await emu.control.stats()).calls).reduce((a, b) => a + b, 0);
    const reg = (inputs: Record<string, unknown>) => ({
      type: `pulumi-nodejs:dynamic/cdn-prefetch:${c.type}`, name: "warm",
      inputs: { ...c.base, pollIntervalSeconds: 0.05, progressLabel: "warm", ...inputs, __provider: providerText },
    });

    before(async () => {
      emu = await startEmulator({ port: 0, config: { defaultDurationMs: 300 } });
      providerText = await serializeProvider(shimFor(c.cloud));
      host = await startHost({
        cwd: PROGRAM_DIR,
        env: emulatorEnv(emu),
      });
      engine = new EngineModel(host, { project: "stories", stack: "dev", config: {} });
    });
    after(async () => {
      await host?.stop();
      await emu?.close();
    });

    it("up: creates one task and returns only when every URL is done", async () => {
      const { errors } = await engine.up([reg({ urls: c.urls("v1"), triggers: { release: 1 } })]);
      assert.deepEqual(errors, []);
      const s = [...engine.state.values()][0];
      assert.equal(s.outputs.status, "succeeded");
      assert.equal(s.outputs.progress, 100);
      assert.equal(await submits(), 1);
      const results = storedResults(s.outputs);
      assert.equal(results.length, c.urls("v1").length);
      assert.ok(results.every((r) => r.status === "succeeded"));
    });

    it("up with no change: a same step, nothing submitted", async () => {
      const before = engine.steps.length;
      await engine.up([reg({ urls: c.urls("v1"), triggers: { release: 1 } })]);
      assert.deepEqual(engine.counts(before), { create: 0, same: 1, update: 0, replace: 0, delete: 0, refresh: 0, "read-drop": 0 });
      assert.equal(await submits(), 1);
    });

    it("trigger change: an update that submits exactly one new task", async () => {
      const before = engine.steps.length;
      const old = [...engine.state.values()][0].outputs.batches;
      const { errors } = await engine.up([reg({ urls: c.urls("v1"), triggers: { release: 2 } })]);
      assert.deepEqual(errors, []);
      assert.equal(engine.counts(before).update, 1);
      assert.equal(await submits(), 2);
      // A new batch (Alibaba may reuse a task id for the same domain within the same second: cloud-apis.md §A.1).
      assert.notDeepEqual([...engine.state.values()][0].outputs.batches, old);
    });

    it("URL change: an in-place update that submits only the new URLs (one new task)", async () => {
      const before = engine.steps.length;
      const { errors } = await engine.up([reg({ urls: c.urls("v2"), triggers: { release: 2 } })]);
      assert.deepEqual(errors, []);
      assert.equal(engine.counts(before).update, 1);
      assert.equal(engine.counts(before).replace, 0);
      assert.equal(await submits(), 3);
      const s = [...engine.state.values()][0];
      assert.deepEqual({ ...(s.outputs.lastRun as object), at: "" }, { reason: "urls", at: "", submittedCount: 2, purgedCount: 0, skippedCount: 0, forgottenCount: 2 });
    });

    it("header change: a replacement (new task), the old resource deleted without a cloud call", async () => {
      const before = engine.steps.length;
      const calls0 = await submits();
      const { errors } = await engine.up([reg({ urls: c.urls("v2"), triggers: { release: 2 }, headers: { "X-Release": "2" } })]);
      assert.deepEqual(errors, []);
      assert.equal(engine.counts(before).replace, 1);
      assert.equal(await submits(), calls0 + 1);
    });

    it("timeout then resume: the task is recorded, the next up waits on it without resubmitting", async () => {
      await emu.control.setClock({ mode: "manual" });
      const { errors } = await engine.up([reg({ urls: c.urls("v3"), triggers: { release: 3 }, waitTimeoutSeconds: 0.5 })]);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /resume waiting/);
      const s = [...engine.state.values()][0];
      assert.ok(s.initErrors.length > 0, "recorded as a partial failure");
      assert.equal(s.outputs.status, "running");
      assert.equal(await submits(), 5);
      await emu.control.advance(60_000);
      const before = engine.steps.length;
      const again = await engine.up([reg({ urls: c.urls("v3"), triggers: { release: 3 }, waitTimeoutSeconds: 30 })]);
      assert.deepEqual(again.errors, []);
      assert.equal(engine.counts(before).update, 1);
      assert.equal([...engine.state.values()][0].outputs.status, "succeeded");
      assert.equal(await submits(), 5, "no duplicate submit");
    });

    it("adoption: a second resource adopts the task ids and waits without submitting", async () => {
      const first = [...engine.state.values()][0].outputs;
      const before = await submits();
      const adopted = await engine.register({ ...reg({ urls: c.urls("v3"), existingTaskIds: first.taskIds, waitTimeoutSeconds: 30 }), name: "adopted" });
      assert.equal(await submits(), before, "no submit");
      assert.equal(adopted.outputs.adopted, true);
      assert.deepEqual(adopted.outputs.taskIds, first.taskIds);
      assert.equal(adopted.outputs.urlCount, 2);
      assert.equal(adopted.outputs.status, "succeeded");
    });

    it("refresh after the cloud's history expired: state kept, marked unverifiable", async () => {
      const prev = [...engine.state.values()][0].outputs;
      const size = engine.state.size;
      // Both clocks move: the cloud's (the emulator forgets the task) and the stack's (the recorded submit times are
      // that old, as in a checkpoint written back then); only the age of a batch decides that the cloud forgot it.
      await emu.control.advance(c.expireMs);
      await engine.refresh();
      // An empty answer for a young task proves nothing; ESA's explicit `InvalidTime` refusal of the window does.
      if (c.product !== "esa") assert.equal([...engine.state.values()][0].outputs.historyAvailable, true, "an empty answer for a young task proves nothing");
      ageState(engine, c.expireMs);
      const queries = (await emu.control.stats()).queries[c.product];
      await engine.refresh();
      assert.equal((await emu.control.stats()).queries[c.product], queries, "a batch older than the retention is not queried");
      assert.equal(engine.state.size, size, "never dropped from state");
      const now = [...engine.state.values()][0].outputs;
      assert.equal(now.historyAvailable, false);
      assert.equal(now.status, prev.status);
      assert.deepEqual(now.results, prev.results);
      assert.deepEqual(storedResults(now), storedResults(prev));
    });

    it("destroy: no cloud call", async () => {
      const before = await calls();
      await engine.destroy();
      assert.equal(engine.state.size, 0);
      assert.equal(await calls(), before);
    });
  });
}
