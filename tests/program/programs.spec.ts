/**
 * Program tests: the example programs run under `pulumi.runtime.setMocks`; their dynamic resources are sent through
 * Pulumi's real dynamic-provider host (so the real provider runs) against the emulator; stack outputs are asserted.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { EngineModel } from "../../harness/engine";
import { startHost, type Host } from "../../harness/host";
import { emulatorEnv } from "../../harness/emulator-env";
import { runProgram, type OtherResourceMock } from "../../harness/program";
import { storedResults } from "../helpers/stored-record";

const ROOT = path.resolve(__dirname, "..", "..");
type Emu = Awaited<ReturnType<typeof startEmulator>>;

describe("example programs under setMocks, provider run by Pulumi's host against the emulator", function () {
  this.timeout(120_000);
  let emu: Emu;
  const hosts: Host[] = [];

  before(async () => {
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 200 } });
  });
  beforeEach(async () => emu.control.reset());
  after(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    await emu?.close();
  });

  async function run(example: string, project: string, config: Record<string, string> = {}, others?: OtherResourceMock) {
    const dir = path.join(ROOT, "examples", example);
    const host = await startHost({ cwd: dir, env: emulatorEnv(emu) });
    hosts.push(host);
    const engine = new EngineModel(host, { project, stack: "test", config: {} });
    const result = await runProgram(dir, { engine, project, stack: "test", config, others });
    return { ...result, engine, host };
  }

  /** Records the alicloud resources the program declares and answers with plausible computed outputs. */
  function alicloudMock(seen: string[]): OtherResourceMock {
    return (args) => {
      seen.push(args.type);
      if (args.type === "alicloud:esa/site:Site") return { id: "880011", state: { ...args.inputs, siteName: args.inputs.siteName } };
      return { id: `${args.name}-id`, state: { ...args.inputs, cname: `${args.inputs.domainName}.w.kunlunsl.com` } };
    };
  }

  it("alibaba-cdn: the prefetch takes its domain from alicloud.cdn.DomainNew and finishes", async () => {
    const seen: string[] = [];
    const { outputs, errors, engine } = await run("alibaba-cdn", "cdn-prefetch-alibaba-cdn", {}, alicloudMock(seen));
    assert.deepEqual(errors, []);
    assert.deepEqual(seen, ["alicloud:cdn/domainNew:DomainNew"]);
    assert.equal(outputs.prefetchDomain, "dl.example.com");
    assert.equal(outputs.status, "succeeded");
    assert.equal(outputs.progress, 100);
    assert.equal((await emu.control.stats()).submits.cdn, 1);
    const [s] = [...engine.state.values()];
    assert.deepEqual(storedResults(s.outputs).map((r) => [r.url, r.status]), [["/installer.exe", "succeeded"], ["/installer.dmg", "succeeded"], ["/checksums.txt", "succeeded"]]);
  });

  it("alibaba-cdn: with createDomain false no alicloud resource is declared", async () => {
    const seen: string[] = [];
    const { outputs, errors } = await run("alibaba-cdn", "cdn-prefetch-alibaba-cdn", { "cdn-prefetch-alibaba-cdn:createDomain": "false", "cdn-prefetch-alibaba-cdn:domainName": "files.example.org" }, alicloudMock(seen));
    assert.deepEqual(errors, []);
    assert.deepEqual(seen, []);
    assert.equal(outputs.prefetchDomain, "files.example.org");
    assert.equal(outputs.status, "succeeded");
  });

  it("alibaba-dcdn: the prefetch takes its domain from alicloud.dcdn.Domain and finishes", async () => {
    const seen: string[] = [];
    const { outputs, errors } = await run("alibaba-dcdn", "cdn-prefetch-alibaba-dcdn", {}, alicloudMock(seen));
    assert.deepEqual(errors, []);
    assert.deepEqual(seen, ["alicloud:dcdn/domain:Domain"]);
    assert.equal(outputs.prefetchDomain, "api.example.com");
    assert.equal(outputs.status, "succeeded");
    assert.equal((await emu.control.stats()).submits.dcdn, 1);
  });

  it("alibaba-esa: the prefetch takes site id and name from alicloud.esa.Site and finishes", async () => {
    const seen: string[] = [];
    const { outputs, errors } = await run("alibaba-esa", "cdn-prefetch-alibaba-esa", { "cdn-prefetch-alibaba-esa:instanceId": "sp-xcdn-test01" }, alicloudMock(seen));
    assert.deepEqual(errors, []);
    assert.deepEqual(seen, ["alicloud:esa/site:Site"]);
    assert.equal(outputs.prefetchSiteId, "880011");
    assert.equal(outputs.status, "succeeded");
    assert.equal(outputs.progress, 100);
    assert.equal((await emu.control.stats()).submits.esa, 1);
  });

  it("quickstart: both prefetches finish and the stack outputs say so", async () => {
    const { outputs, errors, engine } = await run("quickstart", "cdn-prefetch-quickstart");
    assert.deepEqual(errors, []);
    assert.equal(outputs.edgeoneStatus, "succeeded");
    assert.equal(outputs.edgeoneProgress, 100);
    assert.deepEqual(outputs.edgeoneFailedUrls, []);
    assert.equal((outputs.edgeoneTaskIds as string[]).length, 1);
    assert.equal(outputs.cdnStatus, "succeeded");
    assert.equal(outputs.cdnProgress, 100);
    assert.deepEqual(outputs.cdnFailedUrls, []);
    assert.equal(engine.counts().create, 2);
  });

  it("registers the resource with the documented type token and a small, credential-free __provider", async () => {
    const { engine } = await run("edgeone", "cdn-prefetch-edgeone");
    const [s] = [...engine.state.values()];
    assert.equal(s.type, "pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch");
    const text = s.inputs.__provider as string;
    assert.ok(text.length < 4096, `__provider is ${text.length} bytes`);
    assert.match(text, /require\("pulumi-cdn-prefetch\/provider"\)/);
    for (const secret of Object.values(emulatorEnv(emu))) assert.ok(!text.includes(secret), "no credential or endpoint in __provider");
    assert.ok(!JSON.stringify(s.outputs).includes(emu.credentials.tencent.secretKey), "no secret in outputs");
  });

  it("edgeone: a failing URL within allowedFailures is reported in the outputs", async () => {
    await emu.control.setRules([{ match: "/static/app.css", outcome: "failed", failType: "originPullFailed" }]);
    const { outputs, errors } = await run("edgeone", "cdn-prefetch-edgeone", { "cdn-prefetch-edgeone:allowedFailures": "1" });
    assert.deepEqual(errors, []);
    assert.equal(outputs.status, "partiallyFailed");
    assert.deepEqual(outputs.failedUrls, ["https://www.example.com/static/app.css"]);
    const failed = (outputs.results as { url: string; reason: string | null }[]).find((r) => r.url.endsWith("app.css"));
    assert.match(failed?.reason ?? "", /originPullFailed/);
  });

  it("edgeone: a failing URL fails the deployment by default, naming the URL", async () => {
    await emu.control.setRules([{ match: "/static/app.js", outcome: "timeout" }]);
    const { errors, engine } = await run("edgeone", "cdn-prefetch-edgeone");
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /https:\/\/www\.example\.com\/static\/app\.js: timeout/);
    assert.equal(engine.state.size, 1, "the accepted task is still recorded");
  });
});
