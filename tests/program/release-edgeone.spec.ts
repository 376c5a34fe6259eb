/**
 * examples/static-site-release-edgeone under `setMocks`, its prefetch run by Pulumi's host against the emulator: the
 * versions are the SHA-256 of the build folder's files and `purgeFirst` is set, so the first release purges and warms
 * every file, an unchanged folder submits nothing, and a changed file is purged and warmed alone (the emulator's
 * counters), after which the edge serves its new content (the emulator's edge model).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { EngineModel } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { runProgram } from "../../harness/program";

const ROOT = path.resolve(__dirname, "..", "..");
const DIR = path.join(ROOT, "examples", "static-site-release-edgeone");
const PROJECT = "cdn-prefetch-static-site-release-edgeone";
const PATHS = ["assets/app.css", "assets/app.js", "index.html"];

describe("examples/static-site-release-edgeone: content hashes as versions, purgeFirst", function () {
  this.timeout(120_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let host: Host;
  let engine: EngineModel;
  let site: string;

  before(async () => {
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 200 } });
    host = await startHost({ cwd: DIR, env: emulatorEnv(emu) });
    engine = new EngineModel(host, { project: PROJECT, stack: "prod", config: {} });
    site = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-site-"));
    fs.cpSync(path.join(DIR, "site"), site, { recursive: true });
  });
  after(async () => {
    await host?.stop();
    await emu?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  const urlOf = (p: string) => `https://www.example.com/${p}`;
  const hashOf = (p: string) => createHash("sha256").update(fs.readFileSync(path.join(site, p))).digest("hex");
  /** The zone's origin serves the build folder as uploaded: each file named by its content hash. */
  const originServesSite = () => emu.control.setOrigin(Object.fromEntries(PATHS.map((p) => [urlOf(p), hashOf(p)])));
  const counters = async () => {
    const s = await emu.control.stats();
    return { purged: s.purgedUrls.teo, warmed: s.submittedUrls.teo };
  };
  const release = async (config: Record<string, string> = {}) => {
    const run = await runProgram(DIR, { engine, project: PROJECT, stack: "prod", config: { [`${PROJECT}:siteDir`]: site, ...config } });
    assert.deepEqual(run.errors, []);
    return run.outputs;
  };
  const lastRun = (outputs: Record<string, unknown>) => ({ ...(outputs.lastRun as Record<string, unknown>), at: "" });

  it("first release: every file purged, then warmed, each URL with its content hash as version", async () => {
    await originServesSite();
    const outputs = await release();
    assert.equal(outputs.status, "succeeded");
    assert.deepEqual(outputs.failedUrls, []);
    const [prefetch] = [...engine.state.values()];
    assert.equal(prefetch.type, "pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch");
    assert.deepEqual(prefetch.inputs.urls, PATHS.map((p) => ({ url: urlOf(p), version: hashOf(p) })));
    assert.equal(prefetch.inputs.purgeMethod, "invalidate");
    assert.deepEqual(await counters(), { purged: 3, warmed: 3 });
    assert.equal((outputs.purgeTaskIds as string[]).length, 1, "one purge task for the 3 URLs");
    assert.deepEqual(lastRun(outputs), { reason: "create", at: "", submittedCount: 3, purgedCount: 3, skippedCount: 0, forgottenCount: 0 });
    const edge = (await emu.control.edge()).teo;
    for (const p of PATHS) assert.deepEqual(edge[urlOf(p)], { version: hashOf(p), stale: false }, p);
  });

  it("an unchanged folder submits nothing; a changed file alone is purged, then warmed, and the edge serves it", async () => {
    const before = await counters();
    await release();
    assert.deepEqual(await counters(), before, "same hashes: nothing purged, nothing prefetched");
    fs.appendFileSync(path.join(site, "index.html"), "<!-- v2 -->\n");
    await originServesSite();
    const outputs = await release();
    const after = await counters();
    assert.deepEqual({ purged: after.purged - before.purged, warmed: after.warmed - before.warmed }, { purged: 1, warmed: 1 });
    assert.equal(outputs.status, "succeeded");
    assert.deepEqual(lastRun(outputs), { reason: "urls", at: "", submittedCount: 1, purgedCount: 1, skippedCount: 2, forgottenCount: 0 });
    assert.deepEqual((await emu.control.edge()).teo[urlOf("index.html")], { version: hashOf("index.html"), stale: false });
  });

  it("a new `rerun` value (a triggers change) purges and warms every file again", async () => {
    const before = await counters();
    const outputs = await release({ [`${PROJECT}:rerun`]: "after-origin-fix" });
    const after = await counters();
    assert.deepEqual({ purged: after.purged - before.purged, warmed: after.warmed - before.warmed }, { purged: 3, warmed: 3 });
    assert.deepEqual(lastRun(outputs), { reason: "triggers", at: "", submittedCount: 3, purgedCount: 3, skippedCount: 0, forgottenCount: 0 });
  });

  it("purgeMethod comes from config: `delete` is passed on, any other value is refused by the program", async () => {
    await assert.rejects(release({ [`${PROJECT}:purgeMethod`]: "wipe" }), /purgeMethod/);
    await release({ [`${PROJECT}:rerun`]: "after-origin-fix", [`${PROJECT}:purgeMethod`]: "delete" });
    assert.equal([...engine.state.values()][0].inputs.purgeMethod, "delete");
  });
});
