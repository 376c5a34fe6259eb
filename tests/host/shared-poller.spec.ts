/**
 * The shared poller through Pulumi's real dynamic-provider host: twelve resources of one cloud and account, created
 * concurrently in one host process, wait on one poller. Their URLs are held running (the emulator's clock is frozen)
 * until all twelve have submitted and polled; then the clock moves past their end. Polling alone, each resource would
 * need at least one more status call to see its URL done — twelve calls; shared, one round (a zone or site listing, or
 * by-id calls of ten ids) serves them all, so the calls after the move stay far below twelve.
 *
 * No wall-clock assertion: the counts come from the emulator's call counters.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { emulatorStackConfig } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import type { CloudKind } from "../../provider/model/cloud";
import { shimFor } from "../../sdk/shim";

const PROGRAM_DIR = path.resolve(__dirname, "..", "..", "examples", "quickstart");
type Emu = Awaited<ReturnType<typeof startEmulator>>;
const RESOURCES = 12;

const CASES: { cloud: CloudKind; product: "teo" | "cdn" | "dcdn" | "esa"; action: string; base: string; inputs: Record<string, unknown> }[] = [
  { cloud: "edgeone", product: "teo", action: "teo:DescribePrefetchTasks", base: "https://www.example.com", inputs: { zoneId: "zone-shared1" } },
  { cloud: "alibaba-cdn", product: "cdn", action: "cdn:DescribeRefreshTaskById", base: "https://cdn.example.com", inputs: { domain: "cdn.example.com" } },
  { cloud: "alibaba-dcdn", product: "dcdn", action: "dcdn:DescribeDcdnRefreshTaskById", base: "https://dcdn.example.com", inputs: { domain: "dcdn.example.com" } },
  { cloud: "alibaba-esa", product: "esa", action: "esa:DescribePreloadTasks", base: "https://img.example.com", inputs: { siteId: 9001 } },
];

/** Polls `cond` every 20 ms; fails after 30 s (a test-liveness bound, not a timing assertion). */
async function until(cond: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1500 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(await cond(), `not reached: ${what}`);
}

for (const c of CASES) {
  describe(`shared poller through Pulumi's host: ${RESOURCES} ${c.cloud} resources`, function () {
    this.timeout(90_000);
    let emu: Emu;
    let host: Host;
    let text: string;

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

    it("one round serves every waiting resource: far fewer status calls than resources once their URLs finish", async () => {
      await emu.control.setClock({ mode: "manual" });
      await emu.control.setRules([], 1_500);
      const stats = () => emu.control.stats();
      const creates: Promise<{ properties: Record<string, unknown> }>[] = [];
      for (let i = 0; i < RESOURCES; i++) {
        const urn = `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/cdn-prefetch:X::r${i}`;
        const checked = await host.check(urn, {}, { ...c.inputs, urls: [`${c.base}/r${i}.js`], pollIntervalSeconds: 0.05, __provider: text });
        assert.deepEqual(checked.failures, []);
        creates.push(host.create(urn, checked.inputs));
      }
      creates.forEach((p) => p.catch(() => undefined));
      await until(async () => (await stats()).submits[c.product] === RESOURCES, "every resource submitted");
      const afterSubmits = (await stats()).calls[c.action] ?? 0;
      await until(async () => ((await stats()).calls[c.action] ?? 0) >= afterSubmits + 5, "five more status calls after the last submit");
      const before = (await stats()).calls[c.action];
      await emu.control.advance(2_000);
      const outs = await Promise.all(creates);
      assert.deepEqual(outs.map((o) => o.properties.status), Array(RESOURCES).fill("succeeded"));
      const spent = (await stats()).calls[c.action] - before; if (process.env.DEBUG_SP) console.log(JSON.stringify(await stats()));
      assert.ok(spent >= 1 && spent <= RESOURCES / 3, `${spent} ${c.action} calls served ${RESOURCES} resources after their URLs finished`);
      assert.equal((await stats()).submits[c.product], RESOURCES, "one submit each, nothing twice");
    });
  });
}
