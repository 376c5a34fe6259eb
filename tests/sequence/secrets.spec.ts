/**
 * Secret URLs stay secret, end to end: `urls` is registered as a secret (a wire envelope, as the SDK sends a
 * `pulumi.secret(...)`, together with the SDK's `secretInputs: ["urls"]`), the provider runs in Pulumi's real
 * dynamic-provider host against the emulator, and the engine model (harness/engine.ts) stores the state the way the
 * engine does: secrets stripped before the host sees them, outputs re-marked secret by name (`annotateSecrets`),
 * secret envelopes the provider returns kept as secrets. Afterwards no URL appears in plaintext anywhere Pulumi would
 * show or store it: outputs not marked secret, stored inputs, error messages, init-error reasons, the host's stdout
 * lines (`pulumi up` info lines) and its stderr.
 *
 * Each URL carries a unique path token, so every spelling of it (declared, submitted absolute form, vendor echo) is
 * caught.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { EngineModel } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { plaintextStrings, secret, serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import type { CloudKind } from "../../provider/model/cloud";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAM_DIR = path.join(ROOT, "examples", "quickstart");

interface CloudCase {
  cloud: CloudKind;
  type: string;
  base: Record<string, unknown>;
  /** Two URLs whose paths carry `token`; the second one contains "bad" (the emulator rule fails it). */
  urls: (token: string) => string[];
}

const CASES: CloudCase[] = [
  { cloud: "edgeone", type: "EdgeOnePrefetch", base: { zoneId: "zone-secret1" }, urls: (t) => [`https://www.example.com/${t}-a/x.js`, `https://www.example.com/${t}-bad/y.css`] },
  { cloud: "alibaba-cdn", type: "AlibabaCdnPrefetch", base: { domain: "cdn.example.com" }, urls: (t) => [`https://cdn.example.com/${t}-a/x.js`, `/${t}-bad/y.css`] },
  { cloud: "alibaba-dcdn", type: "AlibabaDcdnPrefetch", base: { domain: "dcdn.example.com" }, urls: (t) => [`https://dcdn.example.com/${t}-a/x.js`, `dcdn.example.com/${t}-bad/y.css`] },
  { cloud: "alibaba-esa", type: "AlibabaEsaPrefetch", base: { siteId: 7002, siteName: "example.com" }, urls: (t) => [`https://img.example.com/${t}-a/x.png`, `https://img.example.com/${t}-bad/y.png`] },
];

/** The places a secret must not appear in plaintext, each as a list of strings. */
function exposures(engine: EngineModel, host: Host, errors: Error[]): Record<string, string[]> {
  const states = [...engine.state.values()];
  return {
    "outputs not marked secret": states.flatMap((s) => plaintextStrings(s.outputs)),
    "stored inputs not marked secret": states.flatMap((s) => plaintextStrings(s.inputs)),
    "error messages": errors.map((e) => e.message),
    "init-error reasons": states.flatMap((s) => s.initErrors),
    "host stdout lines": host.stdoutLines(),
    "host stderr": [host.stderr()],
  };
}

/** Asserts that no exposure contains the token; the message lists every place that does. */
function assertNoLeak(token: string, where: Record<string, string[]>): void {
  const leaks = Object.entries(where).flatMap(([place, texts]) => texts.filter((t) => t.includes(token)).map((t) => `${place}: ${t.slice(0, 160)}`));
  assert.deepEqual(leaks, [], `secret URLs (token ${token}) in plaintext`);
}

for (const c of CASES) {
  describe(`secret urls stay secret: ${c.cloud}`, function () {
    this.timeout(120_000);
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    let host: Host;
    let providerText: string;

    before(async () => {
      emu = await startEmulator({ port: 0, config: { defaultDurationMs: 300 } });
      providerText = await serializeProvider(shimFor(c.cloud));
    });
    beforeEach(async () => {
      await emu.control.reset();
      await emu.control.setClock({ mode: "real" });
      await emu.control.setRules([{ match: "bad", outcome: "failed" }]);
      // A host per story, so its stdout and stderr belong to this story only.
      host = await startHost({ cwd: PROGRAM_DIR, env: emulatorEnv(emu) });
    });
    afterEach(async () => host?.stop());
    after(async () => emu?.close());

    /** One `up` of one resource whose `urls` is a secret; returns the engine (state) and the errors. */
    async function upWithSecretUrls(token: string, inputs: Record<string, unknown>) {
      const engine = new EngineModel(host, { project: "secrets", stack: "dev", config: {} });
      const { errors } = await engine.up([{
        type: `pulumi-nodejs:dynamic/cdn-prefetch:${c.type}`, name: "warm",
        inputs: {
          ...c.base, pollIntervalSeconds: 0.05, progressLabel: "warm", ...inputs,
          urls: secret(inputs.urls), secretInputs: ["urls"], __provider: providerText,
        },
      }]);
      assert.equal(engine.state.size, 1, `the resource is recorded (errors: ${errors.map((e) => e.message).join(" | ")})`);
      return { engine, errors };
    }

    it("success: every URL done, nothing in plaintext", async () => {
      const token = `s3cret-ok-${c.cloud}`;
      const { engine, errors } = await upWithSecretUrls(token, { urls: [c.urls(token)[0]] });
      assert.deepEqual(errors, []);
      assertNoLeak(token, exposures(engine, host, errors));
    });

    it("policy failure: the failed URL is named nowhere in plaintext", async () => {
      const token = `s3cret-fail-${c.cloud}`;
      const { engine, errors } = await upWithSecretUrls(token, { urls: c.urls(token) });
      assert.equal(errors.length, 1, "the failed URL fails the deployment");
      assertNoLeak(token, exposures(engine, host, errors));
    });

    it("timeout: the unfinished task is recorded, nothing in plaintext", async () => {
      const token = `s3cret-wait-${c.cloud}`;
      await emu.control.setClock({ mode: "manual" });
      const { engine, errors } = await upWithSecretUrls(token, { urls: [c.urls(token)[0]], waitTimeoutSeconds: 0.5 });
      assert.equal(errors.length, 1, "the wait timed out");
      assertNoLeak(token, exposures(engine, host, errors));
    });
  });
}
