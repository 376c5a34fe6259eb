/**
 * The EdgeOne adapter against the emulator under pairs of variants that interact (ledger ALL-15): the variants suites
 * set one non-default value at a time, but some undocumented behaviours only bite together — a job the cloud refuses
 * as unknown while it is not visible yet, a job beyond a range-less query's reach that the cloud also refuses, windows
 * that must never end after now, a refused new domain whose reconciliation runs inside the visibility lag. Each pair
 * runs the same four reads; each pair's variants are checked against the ones the emulator declares.
 */
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAdapter } from "../../provider/adapters/registry";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import { isCloudError } from "../../provider/model/errors";
import type { EdgeOneSpec } from "../../provider/model/spec";
import type { SubmittedBatch } from "../../provider/model/task";
import { testConnection } from "./support/connection";

/** The interacting pairs (name → value), with why they interact. */
const PAIRS: { why: string; variants: Record<string, string> }[] = [
  { why: "a young job is refused as unknown while it is not visible yet",
    variants: { "tasks.visibilityLag": "5000", "teo.unknownJobId": "InvalidParameter.ParameterError" } },
  { why: "an old job is out of a range-less query's reach and refused as unknown there",
    variants: { "teo.jobIdReach": "sevenDays", "teo.unknownJobId": "InvalidParameter.ParameterError" } },
  { why: "the windows that reach an old job must never end after now",
    variants: { "teo.jobIdReach": "sevenDays", "teo.futureEndTime": "refuse" } },
  { why: "a new domain's refusal leaves the submit uncertain while the cloud shows nothing yet",
    variants: { "teo.newDomain": "InternalError.DomainConfig", "tasks.visibilityLag": "5000" } },
  { why: "a new domain is refused as not found while jobs are refused as unknown",
    variants: { "teo.newDomain": "InvalidParameter.DomainNotFound", "teo.unknownJobId": "InvalidParameter.ParameterError" } },
];

const spec: EdgeOneSpec = { cloud: "edgeone", zoneId: "zone-pairs1", mode: null, headers: {}, prefetchMediaSegments: null };
const URL_A = "https://www.example.com/pairs/a.js";
const DAY = 86_400_000;

describe(`adapters: EdgeOne under interacting pairs of variants (${PAIRS.length} pairs)`, () => {
  let emu: RunningEmulator;
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const advance = async (ms: number) => { await emu.control.advance(ms); await sync(); };
  const adapter = (): PrefetchAdapter => createAdapter("edgeone", testConnection(emu.url, {
    region: "", credentials: { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null },
  }), clock);

  /** Submits like the lifecycle: a refusal that proves nothing was accepted, or an uncertain one, is followed by a later submit. */
  const submitted = async (a: PrefetchAdapter, urls: string[]): Promise<SubmittedBatch> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { taskIds } = await a.submit(spec, urls);
        return { taskIds, urls, submittedAt: new Date(now).toISOString() };
      } catch (e) {
        assert.ok(isCloudError(e) && (e.kind === "busy" || e.kind === "transient"), `unexpected ${String(e)}`);
        const since = now;
        assert.deepEqual(await a.findTasks(spec, urls, since), [], "a refused submit left no task to adopt");
        await advance(6_000); // past the emulator's new-domain window and the visibility lag: the provider's grace
        assert.deepEqual(await a.findTasks(spec, urls, since), [], "nor after the grace: resubmitting is safe");
      }
    }
    assert.fail("the submit was never accepted");
  };

  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
  });
  after(async () => emu.close());

  it("names only variants and values the emulator declares", async () => {
    const declared = new Map((await emu.control.variants()).map((d) => [d.name, d.values]));
    for (const { variants } of PAIRS) {
      for (const [name, value] of Object.entries(variants)) assert.ok(declared.get(name)?.includes(value), `${name}=${value} is declared`);
    }
  });

  for (const pair of PAIRS) {
    describe(`${Object.entries(pair.variants).map(([n, v]) => `${n}=${v}`).join(" × ")} (${pair.why})`, () => {
      beforeEach(async () => {
        await emu.control.reset();
        await emu.control.setClock({ mode: "manual" });
        await emu.control.setRules([], 2_000);
        await emu.control.setConfig({ variants: pair.variants });
        await sync();
      });

      it("a young job: pending while the cloud does not show it, then observed — never failed, never done early", async () => {
        const a = adapter();
        const batch = await submitted(a, [URL_A]);
        const first = await a.query(spec, [batch]);
        assert.ok(first.observations.every((o) => o.status === "running"), "nothing done early");
        await advance(6_000);
        const later = await a.query(spec, [batch]);
        assert.deepEqual(later.observations.map((o) => [o.url, o.status, o.taskId]), [[URL_A, "succeeded", batch.taskIds[0]]]);
      });

      it("a job 8 days old is still read", async () => {
        const a = adapter();
        const batch = await submitted(a, [URL_A]);
        await advance(8 * DAY);
        const res = await a.query(spec, [batch]);
        assert.deepEqual(res.observations.map((o) => [o.url, o.status]), [[URL_A, "succeeded"]]);
      });

      it("an adopted job 9 days old (windowStart 20 days back, adopted now) is found by windows that end at now", async () => {
        const a = adapter();
        const { taskIds } = await submitted(a, [URL_A]);
        await advance(9 * DAY);
        const adopted: SubmittedBatch = { taskIds, urls: [URL_A], submittedAt: new Date(now).toISOString(), windowStart: new Date(now - 20 * DAY).toISOString() };
        const res = await a.query(spec, [adopted]);
        assert.deepEqual(res.observations.map((o) => [o.url, o.status]), [[URL_A, "succeeded"]]);
      });

      it("a job id the cloud never issued leaves its URLs pending", async () => {
        const a = adapter();
        const never: SubmittedBatch = { taskIds: ["20zzzzneverx"], urls: [URL_A], submittedAt: new Date(now).toISOString(), windowStart: new Date(now - 10 * DAY).toISOString() };
        assert.deepEqual(await a.query(spec, [never]), { observations: [], historyUnavailable: false });
      });
    });
  }
});
