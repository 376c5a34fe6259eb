/**
 * README "Permissions" is exact: per resource, a create, a create whose submit answer is lost (so the provider
 * reconciles through the task list) and a refresh run the real provider against the emulator, which counts every call
 * by `product:Action` (`stats().calls`; the products are the RAM/CAM service prefixes `cdn`, `dcdn`, `esa`, `teo`).
 * Every action called must be in the README's policy for that resource, and every action the policy lists must be
 * called. The opt-in CDN detail action is named in the README next to its setting.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { createAdapter } from "../../provider/adapters/registry";
import type { CloudKind } from "../../provider/model/cloud";
import { PrefetchProvider } from "../../provider/resources/provider";
import { emulatorDrivenClock } from "../../testing/clock";
import { emulatorStackConfig } from "../../harness/emulator-env";
import { startLocalEmulator } from "../helpers/local-emulator";
import type { Product } from "../../emulator";

const README = fs.readFileSync(path.resolve(__dirname, "..", "..", "README.md"), "utf8");

/** The README's "Permissions" section. */
function permissionsSection(): string {
  const start = README.indexOf("\n## Permissions\n");
  assert.ok(start >= 0, "README has a Permissions section");
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The actions of the first JSON policy after the line naming `cls` (RAM `Statement[].Action`, CAM `statement[].action`). */
function policyActions(cls: string): Set<string> {
  const text = permissionsSection();
  const at = text.indexOf(`\`${cls}\` (`);
  assert.ok(at >= 0, `README Permissions names ${cls}`);
  const m = /```json\n([\s\S]*?)```/.exec(text.slice(at));
  assert.ok(m, `a JSON policy follows ${cls}`);
  const policy = JSON.parse(m[1]) as { Statement?: { Action: string[] }[]; statement?: { action: string[] }[] };
  const actions = [...(policy.Statement ?? []).flatMap((s) => s.Action), ...(policy.statement ?? []).flatMap((s) => s.action)];
  return new Set(actions);
}

/**
 * 101 URLs: more than one request's worth at the documented or assumed 100 per request, so the quota is read before
 * submitting (a job that fits one request reads none: the cloud refuses a single request whole when over quota).
 */
const many = (prefix: string) => Array.from({ length: 101 }, (_, i) => `${prefix}/a${i}.js`);

const CASES: { cloud: CloudKind; cls: string; product: string; submit: string; inputs: Record<string, unknown> }[] = [
  { cloud: "edgeone", cls: "EdgeOnePrefetch", product: "teo", submit: "CreatePrefetchTask", inputs: { zoneId: "zone-perm0001", urls: many("https://www.example.com") } },
  { cloud: "alibaba-cdn", cls: "AlibabaCdnPrefetch", product: "cdn", submit: "PushObjectCache", inputs: { domain: "dl.example.com", urls: many("") } },
  { cloud: "alibaba-dcdn", cls: "AlibabaDcdnPrefetch", product: "dcdn", submit: "PreloadDcdnObjectCaches", inputs: { domain: "api.example.com", urls: many("") } },
  { cloud: "alibaba-esa", cls: "AlibabaEsaPrefetch", product: "esa", submit: "PreloadCaches", inputs: { siteId: 4242, instanceId: "sp-xcdn-perm0001", urls: many("https://img.example.com") } },
];

describe("README Permissions: the policy of each resource lists exactly the actions it calls", function () {
  this.timeout(60_000);
  let emu: Awaited<ReturnType<typeof startLocalEmulator>>;

  before(async () => {
    emu = await startLocalEmulator({ defaultDurationMs: 5_000 });
  });
  beforeEach(async () => emu.control.reset());
  after(async () => emu?.close());

  /** Create, create with the submit's answer lost, refresh; returns the actions called (`product:Action`). */
  async function calledActions(cloud: CloudKind, product: string, submit: string, raw: Record<string, unknown>, extra: Record<string, string> = {}): Promise<Set<string>> {
    const config: Record<string, string> = { ...emulatorStackConfig(emu), ...extra };
    const provider = new PrefetchProvider(cloud, { clock: await emulatorDrivenClock(emu), env: {}, log: () => undefined, createAdapter });
    await provider.configure({ config: { get: (k) => config[k] } });
    const { inputs, failures } = await provider.check({}, raw);
    assert.deepEqual(failures, []);
    const created = await provider.create(inputs);
    assert.equal(created.outs.status, "succeeded");
    await emu.control.addFaults([{ product: product as Product, action: submit, kind: "drop-after-accept" }]);
    const lost = await provider.create(inputs);
    assert.equal(lost.outs.status, "succeeded");
    await provider.read(created.id, created.outs);
    return new Set(Object.keys((await emu.control.stats()).calls));
  }

  for (const c of CASES) {
    it(`${c.cls}: every action called is in the README policy, and every listed action is called`, async () => {
      const called = await calledActions(c.cloud, c.product, c.submit, c.inputs);
      assert.ok(called.has(`${c.product}:${c.submit}`), "the scenario submitted");
      assert.deepEqual([...called].sort(), [...policyActions(c.cls)].sort());
    });
  }

  /** The `product:Action`s the README names for `purgeFirst`, of one product. */
  function purgeActions(product: string): string[] {
    const text = permissionsSection();
    const at = text.indexOf("With `purgeFirst: true`");
    assert.ok(at >= 0, "README Permissions names the purgeFirst actions");
    const paragraph = text.slice(at, text.indexOf("\n\n", at));
    return [...paragraph.matchAll(/`(\w+):(\w+)`/g)].filter((m) => m[1] === product).map((m) => `${m[1]}:${m[2]}`);
  }

  for (const c of CASES) {
    it(`${c.cls} with purgeFirst: the actions called beyond the policy are exactly the purge actions the README names`, async () => {
      const called = await calledActions(c.cloud, c.product, c.submit, { ...c.inputs, purgeFirst: true });
      const extra = [...called].filter((a) => !policyActions(c.cls).has(a)).sort();
      assert.ok(extra.length > 0, "the scenario purged");
      assert.deepEqual(extra, purgeActions(c.product).sort());
    });
  }

  it("AlibabaCdnPrefetch with cdnPrefetch:alibabaPreloadDetail: the one extra action is named in the README next to that setting", async () => {
    const c = CASES.find((x) => x.cloud === "alibaba-cdn")!;
    const called = await calledActions(c.cloud, c.product, c.submit, c.inputs, { "cdnPrefetch:alibabaPreloadDetail": "true" });
    const extra = [...called].filter((a) => !policyActions(c.cls).has(a));
    assert.deepEqual(extra, ["cdn:DescribePreloadDetailById"]);
    assert.match(permissionsSection(), /`cdnPrefetch:alibabaPreloadDetail=true`[^\n]*`cdn:DescribePreloadDetailById`/);
  });
});
