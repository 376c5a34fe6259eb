/**
 * The EdgeOne adapter through the real TEO SDK against the emulator, under every value of every variant the emulator
 * declares for TEO (read from its modules, never hand-picked): quota per mode, submit with media segments, query
 * (submitted URLs and the segments as `extra`), reconciliation, the wrong-site error, a job read 8 days after its
 * submit, a job id the cloud never issued, a new domain refused for a while, and statuses the adapter does not know.
 */
import assert from "node:assert/strict";
import { defaultModules, startEmulator, variantSettings, type RunningEmulator, type VariantDef } from "../../emulator";
import { createAdapter } from "../../provider/adapters/registry";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import { isCloudError, type CloudError } from "../../provider/model/errors";
import type { EdgeOneSpec } from "../../provider/model/spec";
import type { QueryResult, SubmittedBatch } from "../../provider/model/task";
import { freshProcessMemory } from "../helpers/process-memory";
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
    for (const n of ["teo.zoneEndpoint=other", "teo.mediaSegments=notListed", "teo.edgeQuotaListing=listed", "teo.futureEndTime=refuse",
      "teo.jobIdReach=sevenDays", "teo.unknownJobId=InvalidParameter.ParameterError", "teo.newDomain=InvalidParameter.DomainNotFound",
      "teo.newDomain=InternalError.DomainConfig", "tasks.unknownStatus=paused", "tasks.unknownStatus=blank"]) {
      assert.ok(names.includes(n), `${n} is declared`);
    }
  });

  for (const setting of SETTINGS) {
    describe(`${setting.name}${setting.value ? `=${setting.value}` : ""}`, () => {
      const is = (name: string, value: string) => setting.name === name && setting.value === value;

      beforeEach(async () => {
        freshProcessMemory();
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

      /** Under `teo.newDomain`, the first submit of a domain is refused (nothing accepted); the window then passes. */
      const pastNewDomain = async (a: PrefetchAdapter, urls: string[]) => {
        const code = setting.name === "teo.newDomain" ? setting.value : null;
        if (code === null) return;
        const e = await rejection(a.submit(spec, urls));
        assert.deepEqual([e.code, e.kind], [code, code === "InternalError.DomainConfig" ? "transient" : "busy"],
          "DomainNotFound proves nothing was accepted (busy: retried); DomainConfig may hide an accepted submit (transient: reconciled)");
        if (e.kind === "busy") assert.match(e.message, /a domain added to the zone moments ago is refused like this until it is deployed.*check that every URL's host is a domain of zone zone-variants1/);
        assert.equal((await emu.control.stats()).submits.teo, 0, "nothing accepted");
        await advance(2_000);
      };

      /** Submits `urls` (past a new-domain refusal) and returns the batch as the lifecycle records it. */
      const submitted = async (a: PrefetchAdapter, urls: string[]): Promise<SubmittedBatch> => {
        await pastNewDomain(a, urls);
        const { taskIds } = await a.submit(spec, urls);
        return { taskIds, urls, submittedAt: new Date(now).toISOString() };
      };

      const unknown = setting.name === "tasks.unknownStatus" ? (setting.value === "blank" ? "(none)" : setting.value) : null;
      if (unknown !== null) {
        it("a status the adapter does not know is reported running, naming it, never done", async () => {
          const a = adapter();
          const batch = await submitted(a, [PLAYLIST, FILE]);
          for (let round = 0; round < 3; round++) {
            await advance(15_000);
            const res = await a.query(spec, [batch]);
            assert.deepEqual(res.observations.map((o) => [o.url, o.status, o.progress, o.unknownStatus]).sort(),
              [[FILE, "running", null, unknown], [PLAYLIST, "running", null, unknown]]);
          }
          const found = await a.findTasks(spec, [PLAYLIST, FILE], Date.parse(batch.submittedAt));
          assert.deepEqual(found.map((t) => t.status), ["running", "running"], "reconciliation never calls an unknown status done either");
        });
        return;
      }

      it("reads a job 8 days after its submit, whatever a range-less job-id query reaches (EO-14)", async () => {
        const a = adapter();
        const batch = await submitted(a, [FILE]);
        await advance(8 * 86_400_000);
        const res = await a.query(spec, [batch]);
        assert.deepEqual(res.observations.map((o) => [o.url, o.status, o.taskId]), [[FILE, "succeeded", batch.taskIds[0]]]);
      });

      it("a job id the cloud never issued leaves its URLs pending, whatever it answers (EO-21)", async () => {
        const a = adapter();
        const never: SubmittedBatch = { taskIds: ["20zzzzneverx"], urls: [FILE], submittedAt: new Date(now).toISOString() };
        assert.deepEqual(await a.query(spec, [never]), { observations: [], historyUnavailable: false });
        const adopted: SubmittedBatch = { ...never, windowStart: new Date(now - 20 * 86_400_000).toISOString() };
        await advance(9 * 86_400_000);
        assert.deepEqual(await a.query(spec, [adopted]), { observations: [], historyUnavailable: false }, "nor after 9 days, searched by windows");
      });

      it("a job past a shorter real retention (7 days: config historyMs.teo) is not listed: its URLs stay pending (EO-15)", async () => {
        await emu.control.setConfig({ historyMs: { teo: 7 * 86_400_000 } } as object);
        const a = adapter();
        const batch = await submitted(a, [FILE]);
        await advance(8 * 86_400_000);
        assert.deepEqual(await a.query(spec, [batch]), { observations: [], historyUnavailable: false }, "never failed, never done: the lifecycle decides by age");
      });

      it("quota per mode, submit with media segments, query with extra, findTasks", async () => {
        const a = adapter();
        assert.deepEqual(await a.quota(spec), { daily: DAILY, remaining: DAILY, perRequest: 100 });
        await pastNewDomain(a, [PLAYLIST, FILE]);
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
