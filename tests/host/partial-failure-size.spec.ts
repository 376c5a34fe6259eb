/**
 * A run that ends unfinished reaches Pulumi as a partial failure (ErrorResourceInitFailed) whose outputs travel in a
 * gRPC trailer, which Node's HTTP/2 refuses to send over 64 KiB (state-layout.ts `CompactGroup`): outputs over it
 * never reach the engine, and the tasks the cloud accepted would be lost. Through Pulumi's own host, large unfinished
 * runs of the usual shapes must come back as partial failures with their id and outputs.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { EngineModel } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import { checkInputs } from "../../provider/resources/check";
import { INPUTS_PACKED_LIMIT, packedSize, unpackOutputs } from "../../provider/resources/packing";
import { storedResults } from "../helpers/stored-record";

const N = 2000;

describe("partial failures of large runs fit what the host can send", function () {
  this.timeout(120_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let host: Host;
  let providerText: string;
  const urls = (tag: string) => Array.from({ length: N }, (_, i) => `https://www.example.com/${tag}/some/longer/path/file-${i}.js`);
  const reg = (inputs: Record<string, unknown>) => ({
    type: "pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch", name: "big",
    inputs: { zoneId: "zone-big1", pollIntervalSeconds: 0.05, ...inputs, __provider: providerText },
  });

  before(async () => {
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 200, quotas: { teo: { batch: 1000, daily: 50_000 } } } });
    providerText = await serializeProvider(shimFor("edgeone"));
    host = await startHost({ cwd: path.resolve(__dirname, "..", "..", "examples", "quickstart"), env: emulatorEnv(emu) });
  });
  after(async () => {
    await host?.stop();
    await emu?.close();
  });

  it(`${N} URLs still running at the wait budget: recorded with the id and every task`, async () => {
    await emu.control.setRules([{ match: "/slow/", outcome: "success", durationMs: 600_000 }]);
    const engine = new EngineModel(host, { project: "big", stack: "dev", config: {} });
    const { errors } = await engine.up([reg({ urls: urls("slow"), waitTimeoutSeconds: 1 })]);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /resume waiting/);
    const [s] = [...engine.state.values()];
    assert.ok(s.initErrors.length > 0, "recorded as a partial failure");
    assert.equal(s.outputs.pendingCount, N);
    assert.equal((s.outputs.taskIds as string[]).length, N / 1000);
    assert.ok(storedResults(s.outputs).every((r) => r.status !== "succeeded"));
    assert.equal(typeof s.outputs.packedOutputs, "string", "too big to send plain: packed");
    assert.equal(s.outputs.status, "running");
    // The next up unpacks, resumes on the same tasks and writes the outputs plain again.
    await emu.control.setRules([]);
    const submits = (await emu.control.stats()).submits.teo;
    await emu.control.setClock({ mode: "manual" });
    await emu.control.advance(700_000);
    await emu.control.setClock({ mode: "real" });
    const again = await engine.up([reg({ urls: urls("slow"), waitTimeoutSeconds: 60 })]);
    assert.deepEqual(again.errors, []);
    const [t] = [...engine.state.values()];
    assert.equal(t.outputs.status, "succeeded");
    assert.equal(t.outputs.packedOutputs, undefined);
    assert.equal((await emu.control.stats()).submits.teo, submits, "nothing submitted again");
  });

  it("the largest list check accepts (versioned URLs that barely compress) still comes back as a partial failure", async () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31).toString(36).slice(2, 10);
    const all = Array.from({ length: 2000 }, (_, i) => ({ url: `https://www.example.com/edge/assets/chunk-${rnd()}${rnd()}-${i}.js`, version: `${rnd()}${rnd()}${rnd()}${rnd()}` }));
    let n = all.length;
    while (packedSize({ urls: all.slice(0, n), headers: null }) > INPUTS_PACKED_LIMIT) n -= 10;
    const list = all.slice(0, n);
    const { failures } = checkInputs("edgeone", { zoneId: "zone-big1", urls: list });
    assert.deepEqual(failures, [], `${n} URLs pass check`);
    assert.ok(checkInputs("edgeone", { zoneId: "zone-big1", urls: all.slice(0, n + 20) }).failures.some((f) => f.property === "urls"), "a little more is refused");
    const prefixed = Array.from({ length: 10_000 }, (_, i) => `https://www.example.com/assets/file-${i}.js`);
    assert.deepEqual(checkInputs("edgeone", { zoneId: "zone-big1", urls: prefixed }).failures, [], "10,000 URLs sharing a prefix pass");
    console.log(`      check accepts ${n} versioned URLs with random hashes, and 10,000 URLs sharing a prefix`);
    await emu.control.setRules([{ match: "/edge/", outcome: "success", durationMs: 600_000 }]);
    const engine = new EngineModel(host, { project: "big3", stack: "dev", config: {} });
    const { errors } = await engine.up([reg({ urls: list, waitTimeoutSeconds: 1, purgeFirst: true })]);
    assert.equal(errors.length, 1);
    const [s] = [...engine.state.values()];
    assert.ok(s.initErrors.length > 0, `recorded as a partial failure (${n} URLs)`);
    assert.equal(storedResults(s.outputs).length, n);
  });

  it(`${N} URLs failed with the origin's one error under the failure policy: recorded, reasons exact`, async () => {
    await emu.control.setRules([{ match: "/down/", outcome: "failed", failType: "originPullFailed", message: "origin returned 502" }]);
    const engine = new EngineModel(host, { project: "big2", stack: "dev", config: {} });
    const { errors } = await engine.up([reg({ urls: urls("down") })]);
    assert.equal(errors.length, 1);
    const [s] = [...engine.state.values()];
    assert.ok(s.initErrors.length > 0, "recorded as a partial failure");
    assert.equal(s.outputs.failedCount, N, `${errors[0].message.slice(0, 300)} ${JSON.stringify(s.outputs).slice(0, 300)}`);
    const results = storedResults(s.outputs);
    assert.equal(results.length, N);
    assert.ok(results.every((r) => r.status === "failed" && /origin returned 502/.test(r.reason ?? "")));
    const outs = unpackOutputs(s.outputs) as { failedUrls: string[]; resultGroups: unknown[] };
    assert.equal((outs.failedUrls as string[]).length, 100, "failedUrls lists the first 100; failedCount counts all");
    assert.equal(outs.resultGroups.length, 1, "one group for one shared result");
    assert.equal(s.outputs.status, "failed", "the summary stays plain");
  });
});
