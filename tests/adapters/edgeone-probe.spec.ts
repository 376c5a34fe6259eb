/**
 * The untouched-job probe of EdgeOne rounds (provider/adapters/edgeone/probe.ts), through the official SDK against the
 * emulator: while every URL of a large job runs, a round costs one call answering one task and reports nothing; once
 * some finished, the same round reads the job in full; afterwards the job is read in full without a probe. Small jobs
 * are never probed.
 */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { PROBE_MIN_URLS } from "../../provider/adapters/edgeone/probe";
import { createAdapter } from "../../provider/adapters/registry";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import type { PrefetchSpec } from "../../provider/model/spec";
import type { SubmittedBatch } from "../../provider/model/task";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";
import { testConnection } from "./support/connection";

const SPEC: PrefetchSpec = { cloud: "edgeone", zoneId: "zone-probe01", mode: null, headers: {}, prefetchMediaSegments: null };

describe("adapters: EdgeOne probes a large job while none of its URLs finished", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const advance = async (ms: number) => { await emu.control.advance(ms); await sync(); };
  const calls = async () => (await emu.control.stats()).calls["teo:DescribePrefetchTasks"] ?? 0;
  const adapter = (): PrefetchAdapter => {
    const c = emu.credentials.tencent;
    return createAdapter("edgeone", testConnection(emu.url, { region: "", credentials: { accessKeyId: c.secretId, accessKeySecret: c.secretKey, securityToken: null } }), clock);
  };
  const submitJob = async (a: PrefetchAdapter, n: number): Promise<SubmittedBatch> => {
    const urls = Array.from({ length: n }, (_, i) => `https://www.example.com/${i < n / 2 ? "fast" : "slow"}/u${i}.js`);
    const { taskIds } = await a.submit(SPEC, urls);
    return { taskIds, urls, submittedAt: new Date(now).toISOString() };
  };
  /** One round for one resource: its observations, and the calls it made. */
  const round = async (a: PrefetchAdapter, batch: SubmittedBatch) => {
    const before = await calls();
    const [result] = await a.rounds!.query(SPEC, [[batch]]);
    return { calls: await calls() - before, statuses: result.observations.map((o) => o.status) };
  };

  before(async () => {
    emu = await startLocalEmulator();
  });
  after(async () => emu.close());
  beforeEach(async () => {
    await resetManual(emu);
    await emu.control.setRules([{ match: "/fast/", outcome: "success", durationMs: 10_000 }, { match: "/slow/", outcome: "success", durationMs: 20_000 }], 60_000);
    await sync();
  });

  it(`a job of ${PROBE_MIN_URLS} URLs: probed while untouched, read in full once some finished, then no more probes`, async () => {
    const a = adapter();
    const job = await submitJob(a, PROBE_MIN_URLS);
    await advance(2_000);
    assert.deepEqual(await round(a, job), { calls: 1, statuses: [] }, "untouched: one probe, nothing observed (URLs keep their state)");
    await advance(10_000);
    const partly = await round(a, job);
    assert.equal(partly.calls, 2, "the probe saw fewer processing, and the job was read in full");
    assert.equal(partly.statuses.length, PROBE_MIN_URLS);
    assert.equal(partly.statuses.filter((s) => s === "succeeded").length, PROBE_MIN_URLS / 2);
    const next = await round(a, job);
    assert.equal(next.calls, 1, "read in full without a probe");
    assert.equal(next.statuses.length, PROBE_MIN_URLS);
    await advance(10_000);
    assert.deepEqual((await round(a, job)).statuses, Array(PROBE_MIN_URLS).fill("succeeded"), "done only by a full read");
  });

  it("a job below the size is read in full from the first round", async () => {
    const a = adapter();
    const job = await submitJob(a, PROBE_MIN_URLS - 1);
    await advance(2_000);
    const first = await round(a, job);
    assert.equal(first.calls, 1);
    assert.equal(first.statuses.length, PROBE_MIN_URLS - 1);
  });

  it("media segments on: no probe (their tasks would blur the count)", async () => {
    const a = adapter();
    const job = await submitJob(a, PROBE_MIN_URLS);
    await advance(2_000);
    const before = await calls();
    const [result] = await a.rounds!.query({ ...SPEC, prefetchMediaSegments: true }, [[job]]);
    assert.equal(await calls() - before, 1);
    assert.equal(result.observations.length, PROBE_MIN_URLS);
  });
});
