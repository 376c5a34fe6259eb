/**
 * The downstream examples under `setMocks`, the prefetch run by Pulumi's host against the emulator:
 * - static-site-release: the OSS objects' etags are the URLs' versions and `purgeFirst` is set, so the first release
 *   purges and warms every file, an unchanged site submits nothing, and a changed file is purged and warmed alone
 *   (the emulator's counters), after which the edge serves its new content (the emulator's edge model);
 * - downstream-gate: reads the release stack's outputs through a StackReference and publishes the release pointer only
 *   when `status` is `succeeded`; otherwise it stops with a message saying what to do, or (requireWarm false) exports
 *   `ready: false` and publishes nothing.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../../emulator";
import { EngineModel } from "../../harness/engine";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { runProgram, type OtherResourceMock } from "../../harness/program";

const ROOT = path.resolve(__dirname, "..", "..");
const RELEASE_DIR = path.join(ROOT, "examples", "static-site-release");
const GATE_DIR = path.join(ROOT, "examples", "downstream-gate");
const RELEASE = "cdn-prefetch-static-site-release";
const GATE = "cdn-prefetch-downstream-gate";

/** A registration of a non-dynamic resource, as the mock saw it. */
interface Seen {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** The etag OSS computes for a simple upload: the content MD5, hex, upper case. */
function etagOf(file: string): string {
  return createHash("md5").update(fs.readFileSync(file)).digest("hex").toUpperCase();
}

/** OSS mocks: a bucket gets its name, an object gets the etag OSS computes for a simple upload ({@link etagOf}). */
function ossMock(seen: Seen[]): OtherResourceMock {
  return (args) => {
    seen.push({ type: args.type, name: args.name, inputs: args.inputs });
    if (args.type === "alicloud:oss/bucket:Bucket") return { id: "site-bucket", state: { ...args.inputs, bucket: "site-bucket" } };
    const etag = typeof args.inputs.source === "string" ? etagOf(args.inputs.source)
      : createHash("md5").update(String(args.inputs.content ?? "")).digest("hex").toUpperCase();
    return { id: `${args.name}-id`, state: { ...args.inputs, etag } };
  };
}

/** Resolves every Output in a program's result. */
async function resolve(v: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(v)) return new Promise((r) => (v as pulumi.Output<unknown>).apply((x) => { r(x); return x; }));
  if (Array.isArray(v)) return Promise.all(v.map(resolve));
  if (v && typeof v === "object") return Object.fromEntries(await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await resolve(x)])));
  return v;
}

describe("downstream examples: static-site-release and downstream-gate", function () {
  this.timeout(120_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let host: Host;
  let engine: EngineModel;
  let site: string;
  let releaseOutputs: Record<string, unknown>;

  before(async () => {
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 200 } });
    host = await startHost({ cwd: RELEASE_DIR, env: emulatorEnv(emu) });
    engine = new EngineModel(host, { project: RELEASE, stack: "prod", config: {} });
    site = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-site-"));
    fs.cpSync(path.join(RELEASE_DIR, "site"), site, { recursive: true });
  });
  after(async () => {
    await host?.stop();
    await emu?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  const release = async () => {
    const seen: Seen[] = [];
    const config = { [`${RELEASE}:cdnDomain`]: "static.example.com", [`${RELEASE}:siteDir`]: site };
    const run = await runProgram(RELEASE_DIR, { engine, project: RELEASE, stack: "prod", config, others: ossMock(seen) });
    assert.deepEqual(run.errors, []);
    return { ...run, seen };
  };

  const KEYS = ["assets/app.css", "assets/app.js", "index.html"];
  const urlOf = (key: string) => `https://static.example.com/${key}`;
  /** The CDN's origin is the bucket: it serves each file's current content, named by its etag. */
  const originServesSite = () => emu.control.setOrigin(Object.fromEntries(KEYS.map((k) => [urlOf(k), etagOf(path.join(site, k))])));
  const counters = async () => {
    const s = await emu.control.stats();
    return { purged: s.purgedUrls.cdn, warmed: s.submittedUrls.cdn };
  };
  const lastRun = () => ({ ...([...engine.state.values()][0].outputs.lastRun as Record<string, unknown>), at: "" });

  it("static-site-release: uploads every file, then purges and warms exactly those URLs with the etags as versions", async () => {
    await originServesSite();
    const { outputs, seen } = await release();
    const objects = seen.filter((s) => s.type === "alicloud:oss/bucketObject:BucketObject");
    assert.deepEqual(objects.map((o) => o.inputs.key), KEYS);
    assert.equal(outputs.status, "succeeded");
    assert.deepEqual(outputs.failedUrls, []);
    const [prefetch] = [...engine.state.values()];
    assert.equal(prefetch.inputs.purgeFirst, true);
    assert.deepEqual(prefetch.inputs.urls, KEYS.map((k) => ({ url: urlOf(k), version: etagOf(path.join(site, k)) })));
    assert.deepEqual(await counters(), { purged: 3, warmed: 3 });
    const tasks = (await emu.control.tasks()).filter((t) => (outputs.taskIds as string[]).includes(t.taskId));
    assert.deepEqual(tasks.map((t) => t.url).sort(), KEYS.map(urlOf));
    assert.deepEqual(lastRun(), { reason: "create", at: "", submittedCount: 3, purgedCount: 3, skippedCount: 0, forgottenCount: 0 });
    assert.deepEqual(outputs.lastRun, prefetch.outputs.lastRun, "the stack exports lastRun");
    assert.deepEqual(outputs.taskIds, prefetch.outputs.taskIds);
    releaseOutputs = outputs;
  });

  it("static-site-release: an unchanged site submits nothing; a changed file alone is purged, then warmed, and the edge serves it", async () => {
    const before = await counters();
    await release();
    assert.deepEqual(await counters(), before, "same etags: nothing purged, nothing prefetched");
    const oldEtag = etagOf(path.join(site, "assets", "app.js"));
    fs.appendFileSync(path.join(site, "assets", "app.js"), "console.log('v2');\n");
    await originServesSite();
    const { outputs } = await release();
    const after = await counters();
    assert.deepEqual({ purged: after.purged - before.purged, warmed: after.warmed - before.warmed }, { purged: 1, warmed: 1 });
    assert.equal(outputs.status, "succeeded");
    assert.deepEqual(lastRun(), { reason: "urls", at: "", submittedCount: 1, purgedCount: 1, skippedCount: 2, forgottenCount: 0 });
    const edge = (await emu.control.edge()).cdn;
    const newEtag = etagOf(path.join(site, "assets", "app.js"));
    assert.notEqual(newEtag, oldEtag);
    assert.deepEqual(edge[urlOf("assets/app.js")], { version: newEtag, stale: false }, "the edge serves the new content");
    assert.deepEqual(edge[urlOf("index.html")], { version: etagOf(path.join(site, "index.html")), stale: false });
  });

  /** Runs the gate with the given upstream outputs; returns what it returned (or threw) and the resources it declared. */
  const gate = async (upstream: Record<string, unknown>, config: Record<string, string> = {}) => {
    const seen: Seen[] = [];
    const others: OtherResourceMock = (args) => {
      if (args.type === "pulumi:pulumi:StackReference") return { id: args.name, state: { name: args.name, outputs: upstream, secretOutputNames: [] } };
      return ossMock(seen)(args);
    };
    const gateEngine = new EngineModel(host, { project: GATE, stack: "prod", config: {} });
    const full = { [`${GATE}:prefetchStack`]: "acme/cdn-prefetch-static-site-release/prod", ...config };
    await runProgram(GATE_DIR, { engine: gateEngine, project: GATE, stack: "prod", config: full, others });
    // The program's entry point is `export = async () => …` (it decides before declaring): call it as Pulumi does.
    const main = require(GATE_DIR) as () => Promise<Record<string, unknown>>;
    try {
      return { result: (await resolve(await main())) as Record<string, unknown>, seen };
    } catch (e) {
      return { error: e as Error, seen };
    }
  };

  it("downstream-gate: a warm release publishes the release pointer and exports ready", async () => {
    const { result, seen } = await gate({ ...releaseOutputs, release: "2026.11.23" });
    assert.equal(result?.ready, true);
    const [pointer] = seen.filter((s) => s.type === "alicloud:oss/bucketObject:BucketObject");
    assert.equal(pointer.inputs.bucket, "site-bucket");
    assert.deepEqual(JSON.parse(String(pointer.inputs.content)), { release: "2026.11.23", prefetchTaskIds: releaseOutputs.taskIds });
  });

  it("downstream-gate: a running prefetch stops the program with what to do, and nothing is published", async () => {
    const { error, seen } = await gate({ ...releaseOutputs, status: "running" });
    assert.ok(error instanceof pulumi.RunError, "a RunError: Pulumi prints its message without a stack trace");
    assert.match(error.message, /reports prefetch status "running"\. Run `pulumi up` on that stack: it resumes the wait without submitting again\./);
    assert.deepEqual(seen, []);
  });

  it("downstream-gate: with requireWarm false, failed URLs give ready false and nothing is published", async () => {
    const failedUrls = ["https://static.example.com/assets/app.js"];
    const { result, seen } = await gate({ ...releaseOutputs, status: "partiallyFailed", failedUrls }, { [`${GATE}:requireWarm`]: "false" });
    assert.deepEqual(result, { ready: false, status: "partiallyFailed", taskIds: releaseOutputs.taskIds });
    assert.deepEqual(seen, []);
  });
});
