/**
 * The DCDN adapter against the emulator under every DCDN variant (emulator/dcdn/variants.ts, emulator/alibaba/variants.ts,
 * tasks.visibilityLag): submit, status until done and reconciliation are right whatever the undocumented behaviour.
 * Then the `Area` decision (alibaba-dcdn/limits.ts): sent exactly when the user sets `area`.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { isCloudError } from "../../provider/model/errors";
import type { AlibabaCdnSpec } from "../../provider/model/spec";
import { FixtureServer } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";
import { settingName, startAlibabaEmulator, submitWhenReady, variantSettings, type AlibabaEmulator } from "./support/alibaba-emulator";

const SPEC: AlibabaCdnSpec = { cloud: "alibaba-dcdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null };
/** Submit forms: plain, a host in mixed case, lower-case escapes (the cloud may echo them normalised: alibaba.urlEcho). */
const URLS = ["https://dcdn.example.com/a.js", "https://Dcdn.Example.com/b.css", "https://dcdn.example.com/dir/%e4%b8%ad.png?v=%2f"];

/**
 * Under `tasks.unknownStatus` (a status the adapters do not know, or a blank one) a finished URL must stay `running`,
 * naming the raw status, never succeed: returns true when the setting is such a value and that holds.
 */
function unknownStatusHeld(setting: Record<string, string>, observations: { status: string; unknownStatus?: string }[], count: number): boolean {
  const v = setting["tasks.unknownStatus"];
  if (v === undefined || v === "none") return false;
  assert.deepEqual(observations.map((o) => [o.status, o.unknownStatus]), Array(count).fill(["running", v === "blank" ? "(none)" : v]));
  return true;
}

describe("adapters: Alibaba DCDN under every emulator variant", () => {
  let h: AlibabaEmulator;
  before(async () => { h = await startAlibabaEmulator(); });
  after(async () => h.close());

  for (const setting of variantSettings("dcdn")) {
    it(`${settingName(setting)}: submit, wait until done, reconcile`, async () => {
      await h.reset(setting);
      const a = h.adapter("alibaba-dcdn");
      const since = h.now();
      const { taskIds } = await submitWhenReady(h, a, SPEC, URLS);
      assert.ok(taskIds.length >= 1);
      const batch = { taskIds, urls: URLS, submittedAt: new Date(since).toISOString() };
      await h.advance(1_000);
      const early = await a.query(SPEC, [batch]);
      assert.deepEqual(early.observations.filter((o) => o.status === "succeeded" || o.status === "failed"), [], "nothing is done yet");
      await h.advance(65_000);
      const done = await a.query(SPEC, [batch]);
      if (unknownStatusHeld(setting, done.observations, URLS.length)) return;
      assert.deepEqual(done.observations.map((o) => [o.url, o.status, taskIds.includes(o.taskId ?? "")]).sort(),
        URLS.map((u) => [u, "succeeded", true]).sort());
      const found = await a.findTasks(SPEC, URLS, since);
      assert.deepEqual(found.map((t) => [t.url, t.status, taskIds.includes(t.taskId)]).sort(), URLS.map((u) => [u, "succeeded", true]).sort());
      const few = await a.findTasks(SPEC, [URLS[0]], since);
      assert.deepEqual(few.map((t) => t.url), [URLS[0]], "a canonical URL is looked up with the exact ObjectPath filter");
      await h.emu.control.addFaults([{ product: "dcdn", action: "DescribeDcdnRefreshTasks", kind: "throttle" }]);
      await assert.rejects(a.findTasks(SPEC, URLS, since), (e: unknown) => isCloudError(e) && e.kind === "throttled");
    });
  }
});

describe("adapters: Alibaba DCDN Area (scripted server)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");

  beforeEach(async () => {
    server = new FixtureServer();
    endpoint = await server.start();
    server.otherwise("PreloadDcdnObjectCaches", { body: { RequestId: "R", PreloadTaskId: "1" } });
  });
  afterEach(() => server.close());

  it("sends Area only when the user sets area, with the value the user gave; unset leaves the vendor default", async () => {
    const a = createAdapter("alibaba-dcdn", testConnection(endpoint), clock);
    for (const area of [null, "domestic", "overseas"] as const) await a.submit({ ...SPEC, area }, ["example.com/a.js"]);
    assert.deepEqual(server.calls("PreloadDcdnObjectCaches").map((c) => c.query.Area), [undefined, "domestic", "overseas"]);
  });
});
