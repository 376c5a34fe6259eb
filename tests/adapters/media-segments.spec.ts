/**
 * EdgeOne media segments (`prefetchMediaSegments: true`): the segments EdgeOne lists under our job become the
 * `mediaSegments` output (counts and failures); they never decide the resource's status. Under both emulator variants
 * of `teo.mediaSegments` (listed under the job, or not listed at all).
 */
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator";
import { createAdapter } from "../../provider/adapters/registry";
import { systemClock } from "../../provider/engine/clock";
import { PrefetchProvider } from "../../provider/resources/provider";
import { emulatorEnv } from "../../harness/emulator-env";

describe("EdgeOne media segments become the mediaSegments output", function () {
  this.timeout(30_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 100 } });
  });
  after(async () => emu?.close());

  const create = () => new PrefetchProvider("edgeone", { clock: systemClock(), env: emulatorEnv(emu), log: () => undefined, createAdapter })
    .create({ zoneId: "zone-seg1", urls: ["https://www.example.com/video/index.m3u8"], prefetchMediaSegments: true, pollIntervalSeconds: 0.05 });

  it("listedUnderJob: counts every segment, lists the failed one, and the resource still succeeds", async () => {
    await emu.control.reset();
    await emu.control.setRules([{ match: "seg-2", outcome: "failed" }], 100);
    const { outs } = await create();
    assert.equal(outs.status, "succeeded", "segments never decide the status of the declared URLs");
    const m = outs.mediaSegments as { count: number; succeeded: number; failed: number; pending: number; failures: { url: string }[] };
    assert.ok(m, "mediaSegments reported");
    assert.equal(m.count, 3);
    assert.equal(m.failed, 1);
    assert.equal(m.succeeded + m.failed + m.pending, 3);
    assert.match(m.failures[0].url, /seg-2\.ts$/);
  });

  it("notListed: no segment is reported (mediaSegments null), the resource succeeds", async () => {
    await emu.control.reset();
    await emu.control.setConfig({ variants: { "teo.mediaSegments": "notListed" } });
    const { outs } = await create();
    assert.equal(outs.status, "succeeded");
    assert.equal(outs.mediaSegments, null);
  });
});
