/**
 * The provider contract, through Pulumi's own dynamic-provider host over gRPC (as the engine drives it), with the
 * provider serialized exactly as `dynamic.Resource` serializes it, against the emulator. The host's working
 * directory is a Pulumi program directory in which the package resolves (examples/quickstart).
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { emulatorStackConfig } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import { storedResults } from "../helpers/stored-record";
import type { CloudKind } from "../../provider/model/cloud";

const PROGRAM_DIR = path.resolve(__dirname, "..", "..", "examples", "quickstart");
type Emu = Awaited<ReturnType<typeof startEmulator>>;

const CASES: { cloud: CloudKind; product: string; queries: string[]; inputs: Record<string, unknown> }[] = [
  { cloud: "edgeone", product: "teo", queries: ["DescribePrefetchTasks"], inputs: { zoneId: "zone-host1", urls: ["https://www.example.com/a.js", "https://www.example.com/b.js"] } },
  { cloud: "alibaba-cdn", product: "cdn", queries: ["DescribePreloadDetailById", "DescribeRefreshTaskById"], inputs: { domain: "cdn.example.com", urls: ["https://cdn.example.com/a.js", "/b.js"], area: "domestic", l2Preload: true } },
  { cloud: "alibaba-dcdn", product: "dcdn", queries: ["DescribeDcdnRefreshTaskById"], inputs: { domain: "dcdn.example.com", urls: ["https://dcdn.example.com/a.js", "dcdn.example.com/b.js"] } },
  { cloud: "alibaba-esa", product: "esa", queries: ["DescribePreloadTasks"], inputs: { siteId: 9001, urls: ["https://img.example.com/a.png", "https://img.example.com/b.png"] } },
];

/** Resolves true once `p` settled, false if still pending after the current macrotask turn. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
}

async function until(cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(await cond(), "condition not reached");
}

for (const c of CASES) {
  describe(`provider through Pulumi's host: ${c.cloud}`, function () {
    this.timeout(60_000);
    let emu: Emu;
    let host: Host;
    let text: string;
    const urn = `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/cdn-prefetch:X::warm`;

    before(async () => {
      emu = await startEmulator({ port: 0 });
      text = await serializeProvider(shimFor(c.cloud));
      host = await startHost({ cwd: PROGRAM_DIR, env: { PULUMI_NODEJS_PROJECT: "proj" } });
      await host.configure(emulatorStackConfig(emu));
    });
    after(async () => {
      await host?.stop();
      await emu?.close();
    });

    it("serializes a small shim that holds no credential", () => {
      assert.ok(text.length < 4096, `__provider is ${text.length} bytes`);
      assert.match(text, /require\("pulumi-cdn-prefetch\/provider"\)/);
      for (const v of Object.values(emulatorStackConfig(emu))) assert.ok(!text.includes(v));
    });

    it("check returns property-level failures and never calls the cloud", async () => {
      const before = (await emu.control.stats()).calls;
      const r = await host.check(urn, {}, { ...c.inputs, urls: ["ftp://x.example.com/a", "https://www.example.com/a.js", "https://www.example.com/a.js"], __provider: text });
      assert.ok(r.failures.some((f) => f.property === "urls[0]"));
      assert.ok(r.failures.some((f) => f.property === "urls[2]" && /duplicates/.test(f.reason)));
      assert.deepEqual((await emu.control.stats()).calls, before);
    });

    it("create blocks until the last URL is done, then returns normalized outputs; read, diff, update, delete follow", async () => {
      await emu.control.setClock({ mode: "manual" });
      const checked = await host.check(urn, {}, { ...c.inputs, pollIntervalSeconds: 0.05, __provider: text });
      assert.deepEqual(checked.failures, []);
      const creating = host.create(urn, checked.inputs);
      const queries = async () => { const calls = (await emu.control.stats()).calls; return c.queries.reduce((n, a) => n + (calls[`${c.product}:${a}`] ?? 0), 0); };
      await until(async () => (await queries()) >= 2);
      assert.equal(await settled(creating), false, "create must still be waiting while URLs are in progress");
      // Just past the emulator's default 1.5 s duration: the update below runs in real mode, and a larger jump would
      // leave the emulator's clock ahead of the provider's (ESA windows end at the provider's now, so its tasks would
      // show up only once the provider's clock caught up).
      await emu.control.advance(2_000);
      const created = await creating;
      const outs = created.properties;
      assert.equal(outs.status, "succeeded");
      assert.equal(outs.progress, 100);
      assert.equal(outs.urlCount, 2);
      assert.equal(outs.succeededCount, 2);
      assert.ok(Array.isArray(outs.taskIds) && (outs.taskIds as string[]).length >= 1);
      assert.ok(created.id.startsWith(`${c.cloud}:`));
      assert.equal(typeof outs.finishedAt, "string");
      assert.equal(outs.__provider, text);
      assert.equal((await emu.control.stats()).submits[c.product as "teo"], 1);

      const read = await host.read(urn, created.id, outs, checked.inputs);
      assert.equal(read.id, created.id);
      assert.equal(read.properties.status, "succeeded");
      assert.deepEqual(read.properties.results, outs.results);
      assert.deepEqual(storedResults(read.properties), storedResults(outs));

      const same = await host.diff(urn, created.id, outs, checked.inputs);
      assert.equal(same.changes, 1, "DIFF_NONE");
      const trig = await host.diff(urn, created.id, outs, { ...checked.inputs, triggers: { v: 2 } });
      assert.deepEqual([trig.changes, trig.replaces], [2, []]);
      const changed = await host.diff(urn, created.id, outs, { ...checked.inputs, urls: ["https://www.example.com/z.js"] });
      assert.deepEqual([changed.changes, changed.replaces], [2, []], "a urls change is an update that runs only new URLs");
      const repl = await host.diff(urn, created.id, outs, { ...checked.inputs, headers: { "X-Release": "2" } });
      assert.deepEqual([repl.changes, repl.replaces], [2, ["headers"]]);

      await emu.control.setClock({ mode: "real" });
      const updated = await host.update(urn, created.id, outs, { ...checked.inputs, triggers: { v: 2 } });
      assert.equal(updated.properties.status, "succeeded");
      assert.notDeepEqual(updated.properties.batches, outs.batches);
      assert.equal((await emu.control.stats()).submits[c.product as "teo"], 2);

      const callsBefore = JSON.stringify((await emu.control.stats()).calls);
      await host.delete(urn, created.id, updated.properties);
      assert.equal(JSON.stringify((await emu.control.stats()).calls), callsBefore, "delete calls no cloud API");
    });

    it("progress lines reach the host's stdout (they become pulumi up info lines)", () => {
      assert.ok(host.stdoutLines().some((l) => /^prefetch .*: \d+% — \d+\/2 URLs done, \d+ failed$/.test(l)), host.stdoutLines().join("\n"));
    });
  });
}
