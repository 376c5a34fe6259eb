/**
 * The EdgeOne adapter through the real TEO SDK against the emulator, under every value of every variant the emulator
 * declares for TEO (read from its modules, never hand-picked): quota per mode, submit with media segments, query
 * (submitted URLs and the segments as `extra`), reconciliation, and the wrong-site error.
 */
import assert from "node:assert/strict";
import { defaultModules, startEmulator, variantSettings, type RunningEmulator, type VariantDef } from "../../emulator";
import { createAdapter } from "../../provider/adapters/registry";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import { isCloudError, type CloudError } from "../../provider/model/errors";
import type { EdgeOneSpec } from "../../provider/model/spec";
import type { QueryResult, SubmittedBatch } from "../../provider/model/task";
import { testConnection } from "./support/connection";

/** Every TEO variant the emulator declares, de-duplicated by name. */
function teoVariants(): VariantDef[] {
  const byName = new Map<string, VariantDef>();
  for (const d of defaultModules().flatMap((m) => [...m.variants])) if (d.products.includes("teo") && !byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()];
}

/** The all-defaults run plus one run per non-default value. */
const SETTINGS: { name: string; value: string }[] = [{ name: "(defaults)", value: "" }, ...variantSettings(teoVariants())];

const spec: EdgeOneSpec = { cloud: "edgeone", zoneId: "zone-variants1", mode: null, headers: {}, prefetchMediaSegments: true };
const PLAYLIST = "https://www.example.com/v/live.m3u8";
const FILE = "https://WWW.Example.com/static/a.js";
const SEGMENTS = [1, 2, 3].map((n) => `https://www.example.com/v/seg-${n}.ts`);
const DAILY = 10_000;

async function rejection(p: Promise<unknown>): Promise<CloudError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isCloudError(e), `expected a CloudError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected a rejection");
}

/** Queries until both submitted URLs are done (the emulator's virtual clock moves between rounds). */
async function settled(query: () => Promise<QueryResult>, advance: () => Promise<void>): Promise<QueryResult> {
  for (let round = 0; round < 10; round++) {
    const res = await query();
    if (res.observations.length === 2 && res.observations.every((o) => o.status === "succeeded")) return res;
    await advance();
  }
  assert.fail("the submitted URLs never finished");
}

describe(`adapters: EdgeOne against the emulator under every TEO variant (${SETTINGS.length} settings)`, () => {
  let emu: RunningEmulator;
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const advance = async (ms: number) => { await emu.control.advance(ms); await sync(); };
  const adapter = (): PrefetchAdapter => createAdapter("edgeone", testConnection(emu.url, {
    region: "", credentials: { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null },
  }), clock);

  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
  });
  after(async () => emu.close());

  it("iterates the emulator's TEO variants, including the ones the adapter's fixes answer", () => {
    const names = SETTINGS.map((s) => `${s.name}=${s.value}`);
    for (const n of ["teo.zoneEndpoint=other", "teo.mediaSegments=notListed", "teo.edgeQuotaListing=listed", "teo.futureEndTime=refuse"]) {
      assert.ok(names.includes(n), `${n} is declared`);
    }
  });

  for (const setting of SETTINGS) {
    describe(`${setting.name}${setting.value ? `=${setting.value}` : ""}`, () => {
      const is = (name: string, value: string) => setting.name === name && setting.value === value;

      beforeEach(async () => {
        await emu.control.reset();
        await emu.control.setClock({ mode: "manual" });
        await emu.control.setRules([], 10_000);
        await emu.control.setConfig({ quotas: { ...(await emu.control.state()).config.quotas, teo: { batch: 100, daily: DAILY } },
          ...(setting.value ? { variants: { [setting.name]: setting.value } } : {}) });
        await sync();
      });

      if (is("teo.zoneEndpoint", "other")) {
        it("every call fails with scopeNotFound and names the international site and tencentcloud:domain", async () => {
          const a = adapter();
          const batch: SubmittedBatch = { taskIds: ["j"], urls: [FILE], submittedAt: new Date(now).toISOString() };
          const errors = [await rejection(a.quota(spec)), await rejection(a.submit(spec, [FILE])), await rejection(a.query(spec, [batch])),
            await rejection(a.findTasks(spec, [FILE], now))];
          for (const e of errors) {
            assert.deepEqual([e.kind, e.detail], ["invalid", "scopeNotFound"], `${e.action}: ${e.code}`);
            assert.match(e.message, /zone zone-variants1 is not known at 127\.0\.0\.1:\d+; this zone may live on the international site: set tencentcloud:domain=intl\.tencentcloudapi\.com/);
          }
          assert.deepEqual(errors.map((e) => e.action), ["DescribeContentQuota", "CreatePrefetchTask", "DescribePrefetchTasks", "DescribePrefetchTasks"]);
        });
        return;
      }

      it("quota per mode, submit with media segments, query with extra, findTasks", async () => {
        const a = adapter();
        assert.deepEqual(await a.quota(spec), { daily: DAILY, remaining: DAILY, perRequest: 100 });
        const since = now;
        const { taskIds, rejected } = await a.submit(spec, [PLAYLIST, FILE]);
        assert.equal(taskIds.length, 1);
        assert.deepEqual(rejected, []);

        const regular = await a.quota(spec);
        const edge = await a.quota({ ...spec, mode: "edge" });
        assert.ok(regular?.remaining !== null && regular!.remaining! < DAILY, "the submit spent the regular quota");
        assert.notEqual(edge?.remaining, regular?.remaining, "edge mode is never checked against prefetch_url");
        assert.deepEqual(edge, is("teo.edgeQuotaListing", "listed")
          ? { daily: 1000, remaining: 1000, perRequest: 100 }
          : { daily: null, remaining: null, perRequest: 100 });

        await advance(1_000);
        const batch: SubmittedBatch = { taskIds, urls: [PLAYLIST, FILE], submittedAt: new Date(since).toISOString() };
        const res = await settled(() => a.query(spec, [batch]), () => advance(15_000));
        assert.deepEqual(res.observations.map((o) => [o.url, o.taskId]).sort(), [[FILE, taskIds[0]], [PLAYLIST, taskIds[0]]]);
        if (is("teo.mediaSegments", "notListed")) assert.equal(res.extra, undefined, "segments the cloud does not list are not invented");
        else {
          const extra = await settled(() => a.query(spec, [batch]), () => advance(15_000)).then((r) => r.extra ?? []);
          assert.deepEqual(extra.map((o) => o.url).sort(), SEGMENTS.slice().sort(), "the playlist's segments, under the same job");
          assert.ok(extra.every((o) => o.taskId === taskIds[0]));
        }

        const found = await a.findTasks(spec, [PLAYLIST, FILE], since);
        assert.deepEqual(found.map((t) => [t.url, t.taskId, t.status]).sort(), [[FILE, taskIds[0], "succeeded"], [PLAYLIST, taskIds[0], "succeeded"]]);
      });
    });
  }
});
