/**
 * Proves the host harness (harness/host.ts) against Pulumi's real dynamic-provider host with a throwaway
 * provider defined here, serialized exactly as `dynamic.Resource` serializes it.
 */
import assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { startHost, toStruct, type Host, type Props } from "../../harness/host";
import { serializeProvider, unknown, secret, isSecret, unwrapSecrets, SPECIAL_SIG_KEY, SECRET_SIG } from "../../harness/serialize";

const ROOT = path.resolve(__dirname, "../..");
const URN = "urn:pulumi:dev::toy::pulumi-nodejs:dynamic:Resource::a";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The throwaway provider. Self-contained: it is serialized by value and runs in the host process. */
const toy = {
  region: null as string | null,
  token: null as string | null,
  engineConfig: null as string | null,
  async configure(req: { config: { get(key: string): string | undefined } }) {
    this.region = req.config.get("region") ?? null; // no namespace: read as `<PULUMI_NODEJS_PROJECT>:region`
    this.token = req.config.get("toy:token") ?? null;
    this.engineConfig = process.env.PULUMI_CONFIG ?? null;
  },
  async check(_olds: Props, news: Props) {
    const failures: { property: string; reason: string }[] = [];
    if (news.name !== UNKNOWN && (typeof news.name !== "string" || news.name === "")) failures.push({ property: "name", reason: "name must be a non-empty string" });
    if (news.size !== undefined && typeof news.size !== "number") failures.push({ property: "size", reason: "size must be a number" });
    return { inputs: { ...news, checked: true }, failures };
  },
  async diff(_id: string, olds: Props, news: Props) {
    const replaces = olds.name !== news.name ? ["name"] : [];
    return { changes: replaces.length > 0 || olds.size !== news.size, replaces, deleteBeforeReplace: replaces.length > 0 && news.dbr === true };
  },
  async create(inputs: Props) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    console.log(`toy: created ${inputs.name}`);
    if (inputs.mode === "partial") {
      const e = new Error("task submitted but never completed");
      throw Object.assign(e, { id: `toy-${inputs.name}`, properties: { status: "running", progress: 10 }, reasons: ["timed out waiting"] });
    }
    if (inputs.mode === "fail") throw new Error("refused by the cloud");
    if (inputs.mode === "undefinedOut") return { id: "toy-u", outs: { name: inputs.name, status: undefined } };
    return { id: `toy-${inputs.name}`, outs: { name: inputs.name, size: inputs.size ?? 1, status: "done", region: this.region, token: this.token, engineConfig: this.engineConfig } };
  },
  async read(id: string, props: Props) {
    if (id === "toy-gone") return {};
    return { id, props: { ...props, status: "refreshed" }, inputs: { name: props.name } };
  },
  async update(id: string, olds: Props, news: Props) {
    console.log(`toy: updated ${id}`);
    return { outs: { ...olds, size: news.size, status: "updated" } };
  },
  async delete(id: string) {
    console.log(`toy: deleted ${id}`);
  },
};

describe("host harness (Pulumi's dynamic-provider host over gRPC)", function () {
  this.timeout(60_000);
  let host: Host;
  let text: string;
  const news = (extra: Props = {}): Props => ({ name: "a", size: 1, __provider: text, ...extra });

  before(async () => {
    text = await serializeProvider(toy);
    host = await startHost({ cwd: ROOT, project: "toy", config: { "toy:region": "cn-hangzhou" } });
    await host.configure({ "toy:region": "cn-hangzhou", "toy:token": secret("s3cr3t") });
  });
  after(async () => {
    await host?.stop();
  });

  it("serializes the provider as dynamic.Resource does; sentinels match the SDK's", () => {
    assert.match(text, /exports\.handler = /);
    assert.deepEqual([unknown, SPECIAL_SIG_KEY, SECRET_SIG], [rpc.unknownValue, rpc.specialSigKey, rpc.specialSecretSig]);
  });

  it("starts from the port line and answers GetPluginInfo with the SDK version", async () => {
    assert.ok(host.port > 0 && host.pid > 0);
    assert.equal((await host.pluginInfo()).version, require("@pulumi/pulumi/package.json").version);
  });

  it("configure: the host answers like a legacy provider (no secrets, no preview)", async () => {
    assert.deepEqual(await host.configure({ "toy:region": "cn-hangzhou", "toy:token": secret("s3cr3t") }),
      { acceptSecrets: false, supportsPreview: false, acceptResources: false });
  });

  it("check returns the provider's inputs (with __provider echoed) and property failures", async () => {
    const ok = await host.check(URN, {}, news());
    assert.deepEqual(ok, { inputs: { ...news(), checked: true }, failures: [] });
    const bad = await host.check(URN, {}, news({ name: "", size: "big" }));
    assert.deepEqual(bad.failures, [
      { property: "name", reason: "name must be a non-empty string" }, { property: "size", reason: "size must be a number" },
    ]);
  });

  it("check sees preview unknowns as the sentinel string, whole or as an element", async () => {
    const r = await host.check(URN, {}, news({ name: unknown, tags: ["x", unknown] }));
    assert.deepEqual(r.failures, []);
    assert.deepEqual([r.inputs.name, r.inputs.tags], [unknown, ["x", unknown]]);
  });

  it("diff maps changes to DIFF_NONE / DIFF_SOME and carries replaces and deleteBeforeReplace", async () => {
    const olds = { ...news(), id: "toy-a" };
    assert.deepEqual(await host.diff(URN, "toy-a", olds, news()), { changes: 1, replaces: [], deleteBeforeReplace: false });
    assert.deepEqual(await host.diff(URN, "toy-a", olds, news({ size: 2 })), { changes: 2, replaces: [], deleteBeforeReplace: false });
    assert.deepEqual(await host.diff(URN, "toy-a", olds, news({ name: "b", dbr: true })), { changes: 2, replaces: ["name"], deleteBeforeReplace: true });
  });

  it("create blocks for the provider's work, then returns id and outputs (+ __provider); configure saw the config", async () => {
    const r = await host.create(URN, news(), 30);
    assert.equal(r.id, "toy-a");
    assert.deepEqual(r.properties, {
      name: "a", size: 1, status: "done", region: "cn-hangzhou", token: "s3cr3t",
      engineConfig: JSON.stringify({ "toy:region": "cn-hangzhou" }), __provider: text,
    });
  });

  it("the provider's console.log lines come back as stdout (pulumi up info) lines", async () => {
    assert.equal(await host.waitForStdout(/^toy: created a$/), "toy: created a");
    assert.ok(host.stdoutLines().includes("toy: created a"));
    assert.ok(host.stdoutLines().every((l) => !/^\d+$/.test(l)), "the port line is not an info line");
  });

  it("read returns id, properties and inputs; an empty result means gone (id \"\")", async () => {
    const r = await host.read(URN, "toy-a", { name: "a", status: "done", __provider: text }, news());
    assert.deepEqual(r, { id: "toy-a", properties: { name: "a", status: "refreshed", __provider: text }, inputs: { name: "a", __provider: text } });
    // Read with inputs only (a `.get()`): the host falls back to the inputs since 3.270; older hosts fail on it.
    const [major, minor] = (require("@pulumi/pulumi/package.json").version as string).split(".").map(Number);
    const inputsOnly = host.read(URN, "toy-a", undefined, news());
    if (major > 3 || minor >= 270) assert.equal((await inputsOnly).properties.status, "refreshed");
    else await assert.rejects(inputsOnly, /toJavaScript/);
    assert.equal((await host.read(URN, "toy-gone", { __provider: text })).id, "");
  });

  it("update and delete run the provider and log", async () => {
    const u = await host.update(URN, "toy-a", { name: "a", size: 1, __provider: text }, news({ size: 3 }));
    assert.deepEqual(u.properties, { name: "a", size: 3, status: "updated", __provider: text });
    await host.delete(URN, "toy-a", u.properties);
    assert.equal(await host.waitForStdout((l) => l === "toy: deleted toy-a"), "toy: deleted toy-a");
  });

  it("a create error with id/properties/reasons is a partial failure (ErrorResourceInitFailed)", async () => {
    const err = await host.create(URN, news({ name: "p", mode: "partial" })).then(() => null, (e) => e);
    assert.ok(err, "create must fail");
    assert.equal(err.code, 2, "grpc UNKNOWN");
    assert.equal(err.details, "task submitted but never completed");
    assert.deepEqual(host.initFailure(err), { id: "toy-p", properties: { status: "running", progress: 10 }, reasons: ["timed out waiting"] });
  });

  it("a plain create error carries no init failure", async () => {
    const err = await host.create(URN, news({ mode: "fail" })).then(() => null, (e) => e);
    assert.equal(err?.details, "refused by the cloud");
    assert.equal(host.initFailure(err), undefined);
    assert.equal(host.initFailure(new Error("not grpc")), undefined);
  });

  it("an undefined value in the outputs is rejected by the host (Unexpected struct type)", async () => {
    await assert.rejects(host.create(URN, news({ mode: "undefinedOut" })), /Unexpected struct type/);
    assert.throws(() => toStruct({ a: undefined }), /Unexpected struct type/);
  });

  it("cancel is a no-op ack", async () => {
    await host.cancel();
  });

  it("secret envelope helpers", () => {
    const s = secret("tok");
    assert.deepEqual(s, { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "tok" });
    assert.equal(isSecret(s), true);
    assert.equal(isSecret({ value: "tok" }), false);
    assert.deepEqual(unwrapSecrets({ a: s, b: [secret({ c: secret(1) })], d: null }), { a: "tok", b: [{ c: 1 }], d: null });
  });

  it("startHost fails clearly where @pulumi/pulumi does not resolve", async () => {
    await assert.rejects(startHost({ cwd: os.tmpdir() }), /Cannot find module '@pulumi\/pulumi\/cmd\/dynamic-provider'/);
  });

  it("stop kills the host; later calls fail", async () => {
    const h = await startHost({ cwd: ROOT });
    await h.stop();
    assert.throws(() => process.kill(h.pid, 0), /ESRCH/);
    await assert.rejects(h.pluginInfo());
  });
});
