/**
 * Refresh, destroy and the next `up` after a partial failure, per cloud, through Pulumi's real dynamic-provider host
 * with the engine's step rules modelled by harness/engine.ts, against the emulator.
 *
 * A partial failure's properties become the resource's outputs (pkg/resource/deploy/step.go CreateStep.Apply), and
 * refresh and destroy load the provider from them, so they must be complete outputs. A refresh that succeeds clears
 * the resource's init errors (pulumi/pulumi#17949), so only the outputs can tell the next `up` that work is unfinished:
 * with the same inputs it must still be an update (not a same step), and that update must resume the recorded tasks
 * without submitting anything twice (the emulator's submit counters prove it).
 *
 * Three ways a create ends partially: (1) the wait times out (emulator clock frozen), (2) a URL fails and the failure
 * policy is violated, (3) the cloud refuses the second submit of a list longer than one request may carry.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { EngineModel, type Registration } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import type { CloudKind } from "../../provider/model/cloud";
import type { Fault } from "../../emulator/core/types";
import { storedRecord } from "../helpers/stored-record";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAM_DIR = path.join(ROOT, "examples", "quickstart");
type Product = "teo" | "cdn" | "dcdn" | "esa";

interface CloudCase {
  cloud: CloudKind;
  type: string;
  product: Product;
  base: Record<string, unknown>;
  url: (tag: string, i: number) => string;
  /** The submit action and a quota refusal the cloud answers it with (cloud-apis.md §A.1–A.4). */
  submit: { action: string; refusal: string };
  /**
   * A list longer than one request may carry: Alibaba CDN/DCDN/ESA take 100 URLs per request (provider/model/limits.ts
   * URLS_PER_REQUEST), so 101 need two submits; EdgeOne takes the zone's `Batch` quota, read for a list longer than
   * the 100-URL fallback (resources/lifecycle.ts `preflight`) and set to 100 here, so 101 need two as well.
   */
  midway: { urls: number; config?: Record<string, unknown> };
}

const CASES: CloudCase[] = [
  {
    cloud: "edgeone", type: "EdgeOnePrefetch", product: "teo", base: { zoneId: "zone-partial1" },
    url: (t, i) => `https://www.example.com/${t}/${i}.js`,
    submit: { action: "CreatePrefetchTask", refusal: "LimitExceeded.DailyQuota" },
    midway: { urls: 101, config: { quotas: { teo: { batch: 100 } } } },
  },
  {
    cloud: "alibaba-cdn", type: "AlibabaCdnPrefetch", product: "cdn", base: { domain: "cdn.example.com" },
    url: (t, i) => `https://cdn.example.com/${t}/${i}.js`,
    submit: { action: "PushObjectCache", refusal: "QuotaExceeded.Preload" }, midway: { urls: 101 },
  },
  {
    cloud: "alibaba-dcdn", type: "AlibabaDcdnPrefetch", product: "dcdn", base: { domain: "dcdn.example.com" },
    url: (t, i) => `https://dcdn.example.com/${t}/${i}.js`,
    submit: { action: "PreloadDcdnObjectCaches", refusal: "QuotaExceeded.Preload" }, midway: { urls: 101 },
  },
  {
    cloud: "alibaba-esa", type: "AlibabaEsaPrefetch", product: "esa", base: { siteId: 7003, siteName: "example.com" },
    url: (t, i) => `https://img.example.com/${t}/${i}.png`,
    submit: { action: "PreloadCaches", refusal: "QuotaExceeded.Preload" }, midway: { urls: 101 },
  },
];

/** How a create ends partially, and what the resumed `up` must show. */
interface Scenario {
  name: string;
  /** Sets the emulator up for the failure; returns the resource inputs (URLs included). */
  arrange(): Promise<Record<string, unknown>>;
  /** Lets the cloud finish what it can before the resumed `up` (e.g. advance the frozen clock). */
  beforeResume?(): Promise<void>;
  /** The failed `up` left declared URLs that the cloud never accepted. */
  leavesUnsubmitted: boolean;
  /** The resumed `up` succeeds (true) or fails again with the same, still violated policy (false). */
  resumeSucceeds: boolean;
}

for (const c of CASES) {
  describe(`partial state: refresh, destroy and resume after a partial failure: ${c.cloud}`, function () {
    this.timeout(120_000);
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    let host: Host;
    let providerText: string;
    const urls = (tag: string, n: number) => Array.from({ length: n }, (_, i) => c.url(tag, i));
    const stats = async () => {
      const s = await emu.control.stats();
      return { submits: s.submits[c.product], urls: s.submittedUrls[c.product] };
    };
    const reg = (inputs: Record<string, unknown>): Registration => ({
      type: `pulumi-nodejs:dynamic/cdn-prefetch:${c.type}`, name: "warm",
      inputs: { ...c.base, pollIntervalSeconds: 0.05, progressLabel: "warm", ...inputs, __provider: providerText },
    });
    const refuseSecondSubmit: Fault[] = [
      { product: c.product, action: c.submit.action, kind: "delay", delayMs: 0 },
      { product: c.product, action: c.submit.action, kind: "error", code: c.submit.refusal },
    ];

    const scenarios: Scenario[] = [
      {
        name: "a timeout",
        arrange: async () => {
          await emu.control.setClock({ mode: "manual" });
          return { urls: urls("timeout", 2), waitTimeoutSeconds: 0.5 };
        },
        beforeResume: () => emu.control.advance(60_000),
        leavesUnsubmitted: false,
        resumeSucceeds: true,
      },
      {
        name: "a policy failure",
        arrange: async () => {
          await emu.control.setRules([{ match: "bad", outcome: "failed" }]);
          return { urls: [...urls("policy", 1), c.url("policy-bad", 1)] };
        },
        leavesUnsubmitted: false,
        resumeSucceeds: false,
      },
      {
        name: "a refusal of the second submit",
        arrange: async () => {
          if (c.midway.config) await emu.control.setConfig(c.midway.config);
          await emu.control.addFaults(refuseSecondSubmit);
          return { urls: urls("midway", c.midway.urls) };
        },
        leavesUnsubmitted: true,
        resumeSucceeds: true,
      },
    ];

    before(async () => {
      emu = await startEmulator({ port: 0, config: { defaultDurationMs: 300 } });
      providerText = await serializeProvider(shimFor(c.cloud));
      host = await startHost({ cwd: PROGRAM_DIR, env: emulatorEnv(emu) });
    });
    beforeEach(async () => emu.control.reset());
    after(async () => {
      await host?.stop();
      await emu?.close();
    });

    /** The failed `up`: recorded as a partial failure. */
    async function failedUp(s: Scenario) {
      const inputs = await s.arrange();
      const engine = new EngineModel(host, { project: "partial", stack: "dev", config: {} });
      const { errors } = await engine.up([reg(inputs)]);
      assert.equal(errors.length, 1, "the up fails");
      const [state] = [...engine.state.values()];
      assert.ok(state && state.initErrors.length > 0, "recorded as a partial failure");
      return { engine, inputs };
    }

    /** Refresh must succeed and keep the resource. */
    async function refresh(engine: EngineModel) {
      await engine.refresh();
      assert.equal(engine.state.size, 1, "refresh keeps the resource");
      assert.deepEqual([...engine.state.values()][0].initErrors, [], "a successful refresh clears init errors (pulumi/pulumi#17949)");
    }

    for (const s of scenarios) {
      it(`after ${s.name}: refresh and destroy succeed`, async () => {
        const { engine } = await failedUp(s);
        await refresh(engine);
        await engine.destroy();
        assert.equal(engine.state.size, 0);
      });

      it(`after ${s.name} and a refresh: the next up with the same inputs is an update that resumes without resubmitting`, async () => {
        const { engine, inputs } = await failedUp(s);
        const declared = (inputs.urls as string[]).length;
        const accepted = await stats();
        const unsubmitted = declared - accepted.urls;
        assert.equal(unsubmitted > 0, s.leavesUnsubmitted, `${accepted.urls} of ${declared} URLs accepted by the failed up`);
        assert.equal(storedRecord(engine.state.values().next().value?.outputs).unsubmittedUrls.length, unsubmitted,
          "the outputs record the URLs never accepted");
        await refresh(engine);
        await s.beforeResume?.();
        const from = engine.steps.length;
        const { errors } = await engine.up([reg(inputs)]);
        assert.equal(engine.counts(from).update, 1, "an update, not a same step: the outputs say the work is unfinished");
        assert.equal(engine.counts(from).same, 0);
        const after = await stats();
        assert.equal(after.urls, declared, "every declared URL accepted exactly once");
        assert.equal(after.submits - accepted.submits, unsubmitted > 0 ? 1 : 0, "only the URLs never accepted are submitted");
        const [state] = [...engine.state.values()];
        if (s.resumeSucceeds) {
          assert.deepEqual(errors, []);
          assert.equal(state.outputs.status, "succeeded");
          assert.equal(state.outputs.pendingCount, 0);
        } else {
          assert.equal(errors.length, 1, "the still violated policy fails again");
          assert.equal(state.outputs.status, "partiallyFailed");
          assert.equal(state.outputs.failedCount, 1);
        }
        await engine.destroy();
        assert.equal(engine.state.size, 0);
      });
    }
  });
}
