/**
 * Documented SDK-level behaviour, as a Pulumi program sees it: resources declared with the package's classes under
 * `pulumi.runtime.setMocks`, their registrations sent through the engine model to Pulumi's real dynamic-provider host
 * (so the real provider runs) against the emulator.
 * - `progressLabel` defaults to the resource name (README "Common inputs"): the registered inputs carry it and the
 *   progress lines (`pulumi up` info lines) name the resource.
 * - `historyAvailable` and `adopted` are outputs of the resource class (README "Outputs").
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../../emulator";
import { EngineModel } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import type * as Sdk from "../../sdk";

const ROOT = path.resolve(__dirname, "..", "..");
const PROJECT = "cdn-prefetch-documented";
type Emu = Awaited<ReturnType<typeof startEmulator>>;

/** The package as a program imports it (the built `lib/`, through node_modules/pulumi-cdn-prefetch). */
const sdk = (): typeof Sdk => require("pulumi-cdn-prefetch") as typeof Sdk;

/** Resolves an Output's value (mocks mode: always known). */
function value<T>(o: pulumi.Output<T> | undefined): Promise<T> {
  assert.ok(pulumi.Output.isInstance(o), "an Output property exists on the resource");
  return new Promise((resolve) => o.apply((v) => { resolve(v); return v; }));
}

describe("documented SDK behaviour in a program (setMocks, Pulumi's host, emulator)", function () {
  this.timeout(120_000);
  let emu: Emu;
  let host: Host;
  let engine: EngineModel;
  const errors: Error[] = [];

  before(async () => {
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 100 } });
    host = await startHost({ cwd: path.join(ROOT, "examples", "quickstart"), env: emulatorEnv(emu) });
  });
  beforeEach(async () => {
    await emu.control.reset();
    errors.length = 0;
    engine = new EngineModel(host, { project: PROJECT, stack: "test", config: {} });
    await pulumi.runtime.setMocks({
      newResource: async (args) => {
        if (!args.type.startsWith("pulumi-nodejs:dynamic")) return { id: `${args.name}-id`, state: args.inputs };
        try {
          const res = await engine.register({ type: args.type, name: args.name, inputs: args.inputs });
          return { id: res.id, state: res.outputs };
        } catch (e) {
          errors.push(e as Error);
          throw e;
        }
      },
      call: (args) => args.inputs,
    }, PROJECT, "test", false);
  });
  after(async () => {
    await host?.stop();
    await emu?.close();
  });

  const stateOf = (name: string) => [...engine.state.values()].find((s) => s.urn.endsWith(`::${name}`));

  it("progressLabel defaults to the resource name: registered inputs and progress lines carry it", async () => {
    const { EdgeOnePrefetch, AlibabaEsaPrefetch } = sdk();
    const unlabeled = new EdgeOnePrefetch("release-assets", { zoneId: "zone-label001", urls: ["https://www.example.com/app.js"], pollIntervalSeconds: 0.05 });
    const labeled = new AlibabaEsaPrefetch("landing", { siteId: 9001, urls: ["https://img.example.com/hero.png"], pollIntervalSeconds: 0.05, progressLabel: "hero image" });
    assert.equal(await value(unlabeled.status), "succeeded");
    assert.equal(await value(labeled.status), "succeeded");
    assert.deepEqual(errors, []);
    assert.equal(stateOf("release-assets")?.inputs.progressLabel, "release-assets");
    assert.equal(stateOf("landing")?.inputs.progressLabel, "hero image", "an explicit label wins");
    assert.equal(stateOf("release-assets")?.outputs.progressLabel, "release-assets", "the label is echoed as an output");
    await host.waitForStdout(/^prefetch release-assets: 100% — 1\/1 URLs done, 0 failed$/);
    await host.waitForStdout(/^prefetch hero image: 100% — 1\/1 URLs done, 0 failed$/);
  });

  it("the resource class exposes historyAvailable and adopted", async () => {
    const { AlibabaCdnPrefetch } = sdk();
    const urls = ["https://cdn.example.com/setup.exe", "https://cdn.example.com/setup.dmg"];
    const origin = new AlibabaCdnPrefetch("origin", { domain: "cdn.example.com", urls, pollIntervalSeconds: 0.05 });
    const adopter = new AlibabaCdnPrefetch("adopter", { domain: "cdn.example.com", urls, pollIntervalSeconds: 0.05, existingTaskIds: origin.taskIds });
    assert.equal(await value(origin.historyAvailable), true);
    assert.equal(await value(origin.adopted), false);
    assert.equal(await value(adopter.historyAvailable), true);
    assert.equal(await value(adopter.adopted), true);
    assert.deepEqual(await value(adopter.taskIds), await value(origin.taskIds));
    assert.equal(await value(adopter.status), "succeeded");
    assert.deepEqual(errors, []);
    assert.equal((await emu.control.stats()).submits.cdn, 1, "the adopter submitted nothing");
  });
});
