/**
 * The engine model's rules (harness/engine.ts), each against a fake host with scripted answers. Every rule the model
 * takes from Pulumi's engine source has a test here that fails when the rule is removed.
 */
import assert from "node:assert/strict";
import { annotateSecrets, EngineModel, type Registration } from "../../harness/engine";
import type { Host, InitFailure, Props } from "../../harness/host";
import { isSecret, secret } from "../../harness/serialize";

/** An error carrying an `ErrorResourceInitFailed` detail, as the fake host reports a partial failure. */
class InitError extends Error {
  constructor(readonly init: InitFailure) {
    super(init.reasons.join("; "));
  }
}

type Rpc = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";
interface Call { rpc: Rpc; args: unknown[] }

/** A host whose RPCs answer from overridable functions and log every call. */
function fakeHost() {
  const calls: Call[] = [];
  const impl = {
    acceptSecrets: false,
    check: async (_urn: string, _olds: Props, news: Props) => ({ inputs: news, failures: [] as { property: string; reason: string }[] }),
    diff: async (..._a: unknown[]) => ({ changes: 1 as 0 | 1 | 2, replaces: [] as string[], deleteBeforeReplace: false }),
    create: async (_urn: string, props: Props) => ({ id: "id-1", properties: { ...props, out: "created" } as Props }),
    read: async (_urn: string, id: string, props: Props = {}) => ({ id, properties: props, inputs: {} as Props }),
    update: async (_urn: string, _id: string, _olds: Props, news: Props) => ({ properties: { ...news, out: "updated" } as Props }),
    delete: async (..._a: unknown[]) => undefined,
  };
  const log = <A extends unknown[], R>(rpc: Rpc, f: () => (...a: A) => Promise<R>) => (...a: A) => {
    calls.push({ rpc, args: JSON.parse(JSON.stringify(a)) });
    return f()(...a);
  };
  const host: Host = {
    port: 0, pid: 0, stdoutLines: () => [], stderr: () => "", waitForStdout: async () => "",
    pluginInfo: async () => ({ version: "0" }),
    configure: log("configure", () => async () => ({ acceptSecrets: impl.acceptSecrets, supportsPreview: false, acceptResources: false })),
    check: log("check", () => impl.check),
    diff: log("diff", () => impl.diff),
    create: log("create", () => impl.create),
    read: log("read", () => impl.read),
    update: log("update", () => impl.update),
    delete: log("delete", () => impl.delete),
    cancel: async () => undefined,
    initFailure: (e) => (e instanceof InitError ? e.init : undefined),
    stop: async () => undefined,
  };
  const rpcs = (from = 0) => calls.slice(from).map((c) => c.rpc).filter((r) => r !== "configure");
  return { host, impl, calls, rpcs };
}

const TYPE = "pulumi-nodejs:dynamic/test:R";
const reg = (inputs: Props, name = "r", options?: Registration["options"]): Registration => ({ type: TYPE, name, inputs: { __provider: "p1", ...inputs }, options });

/** True when an envelope occurs anywhere in a value. */
const hasEnvelope = (v: unknown): boolean =>
  isSecret(v) || (Array.isArray(v) ? v.some(hasEnvelope) : typeof v === "object" && v !== null && Object.values(v).some(hasEnvelope));

function setup() {
  const f = fakeHost();
  const engine = new EngineModel(f.host, { project: "p", stack: "s", config: {} });
  const urn = (name = "r") => engine.urn(TYPE, name);
  const only = () => engine.state.get(urn())!;
  return { ...f, engine, urn, only };
}

describe("engine model: partial failures (ErrorResourceInitFailed)", () => {
  it("a create's partial failure is stored with its id, its properties as outputs, and its init errors", async () => {
    const t = setup();
    t.impl.create = async () => { throw new InitError({ id: "id-p", properties: { status: "running" }, reasons: ["timed out"] }); };
    const { errors } = await t.engine.up([reg({ a: 1 })]);
    assert.equal(errors.length, 1);
    assert.deepEqual({ id: t.only().id, outputs: t.only().outputs, initErrors: t.only().initErrors },
      { id: "id-p", outputs: { status: "running" }, initErrors: ["timed out"] });
    assert.deepEqual(t.engine.steps.at(-1), { op: "create", urn: t.urn(), failed: true });
  });

  it("a partial failure without an id records nothing (the engine calls it an empty resource ID)", async () => {
    const t = setup();
    t.impl.create = async () => { throw new InitError({ id: "", properties: { status: "running" }, reasons: ["x"] }); };
    await t.engine.up([reg({ a: 1 })]);
    assert.equal(t.engine.state.size, 0);
  });

  it("a create that answers no id fails and records nothing", async () => {
    const t = setup();
    t.impl.create = async () => ({ id: "", properties: {} });
    const { errors } = await t.engine.up([reg({ a: 1 })]);
    assert.match(errors[0].message, /did not return an ID/);
    assert.equal(t.engine.state.size, 0);
  });

  it("an update's partial failure keeps the old id and the old inputs, stores the new outputs and init errors", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = async () => ({ changes: 2, replaces: [], deleteBeforeReplace: false });
    t.impl.update = async () => { throw new InitError({ id: "id-other", properties: { status: "failed" }, reasons: ["policy"] }); };
    const { errors } = await t.engine.up([reg({ a: 2 })]);
    assert.equal(errors.length, 1);
    assert.equal(t.only().id, "id-1");
    assert.equal(t.only().inputs.a, 1, "old inputs kept (pkg/engine/update.go OnResourceStepPost)");
    assert.deepEqual(t.only().outputs, { status: "failed" });
    assert.deepEqual(t.only().initErrors, ["policy"]);
  });

  it("a plain update failure leaves the old state as it was", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    const before = structuredClone(t.only());
    t.impl.diff = async () => ({ changes: 2, replaces: [], deleteBeforeReplace: false });
    t.impl.update = async () => { throw new Error("boom"); };
    await t.engine.up([reg({ a: 2 })]);
    assert.deepEqual(t.only(), before);
  });

  it("a resource with init errors gets an update although the diff says no change", async () => {
    const t = setup();
    t.impl.create = async () => { throw new InitError({ id: "id-p", properties: { status: "running" }, reasons: ["timed out"] }); };
    await t.engine.up([reg({ a: 1 })]);
    const from = t.engine.steps.length;
    const { errors } = await t.engine.up([reg({ a: 1 })]);
    assert.deepEqual(errors, []);
    assert.equal(t.engine.counts(from).update, 1);
    assert.deepEqual(t.only().initErrors, []);
    assert.equal(t.only().outputs.out, "updated");
  });
});

describe("engine model: refresh", () => {
  it("a successful read clears init errors, so the next up follows the diff (a same step when it says no change)", async () => {
    const t = setup();
    t.impl.create = async () => { throw new InitError({ id: "id-p", properties: { status: "failed" }, reasons: ["policy"] }); };
    await t.engine.up([reg({ a: 1 })]);
    await t.engine.refresh();
    assert.deepEqual(t.only().initErrors, []);
    const from = t.engine.steps.length;
    await t.engine.up([reg({ a: 1 })]);
    assert.equal(t.engine.counts(from).same, 1);
    assert.equal(t.engine.counts(from).update, 0);
  });

  it("a read that fails partially keeps its init errors and does not fail the refresh", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.read = async () => { throw new InitError({ id: "id-1", properties: { status: "unhealthy" }, reasons: ["sick"] }); };
    await t.engine.refresh();
    assert.deepEqual(t.only().initErrors, ["sick"]);
    assert.deepEqual(t.only().outputs, { status: "unhealthy" });
  });

  it("replaces outputs, keeps inputs unless the read returned some, and drops a resource read back without an id", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 }), reg({ b: 1 }, "gone")]);
    t.impl.read = async (urn: string, id: string) => (urn.endsWith("::gone")
      ? { id: "", properties: {}, inputs: {} }
      : { id, properties: { fresh: true }, inputs: {} });
    await t.engine.refresh();
    assert.deepEqual(t.only().outputs, { fresh: true });
    assert.equal(t.only().inputs.a, 1);
    assert.equal(t.engine.state.has(t.urn("gone")), false);
    t.impl.read = async (_u: string, id: string) => ({ id, properties: { fresh: 2 }, inputs: { a: 9, __provider: "p1" } });
    await t.engine.refresh();
    assert.equal(t.only().inputs.a, 9);
  });

  it("asks the provider for the refresh diff (new outputs as olds, old inputs as news); its failure fails the refresh", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.read = async (_u: string, id: string) => ({ id, properties: { fresh: true }, inputs: {} });
    const from = t.calls.length;
    await t.engine.refresh();
    const diff = t.calls.slice(from).find((c) => c.rpc === "diff");
    assert.deepEqual(diff?.args.slice(2), [{ fresh: true }, { __provider: "p1", a: 1 }]);
    t.impl.diff = async () => { throw new Error("diff broke"); };
    await assert.rejects(t.engine.refresh(), /diff broke/);
  });
});

describe("engine model: diff", () => {
  it("an unknown diff with equal inputs (secrets unwrapped) is no change", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1, s: "x" })]);
    t.impl.diff = async () => ({ changes: 0, replaces: [], deleteBeforeReplace: false });
    const from = t.engine.steps.length;
    const { errors } = await t.engine.up([reg({ a: 1, s: secret("x") })]);
    assert.deepEqual(errors, []);
    assert.equal(t.engine.counts(from).same, 1);
  });

  it("an unknown diff with changed inputs, __provider included, is an update", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = async () => ({ changes: 0, replaces: [], deleteBeforeReplace: false });
    const from = t.engine.steps.length;
    const { errors } = await t.engine.up([{ ...reg({ a: 1 }), inputs: { __provider: "p2", a: 1 } }]);
    assert.deepEqual(errors, []);
    assert.equal(t.engine.counts(from).update, 1);
  });

  it("replaces count only with DIFF_SOME", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = async () => ({ changes: 1, replaces: ["a"], deleteBeforeReplace: false });
    const from = t.engine.steps.length;
    await t.engine.up([reg({ a: 2 })]);
    assert.equal(t.engine.counts(from).same, 1);
  });

  it("a same step keeps the old outputs and id and takes the new inputs", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    await t.engine.up([reg({ a: 1, label: "new" })]);
    assert.equal(t.only().outputs.out, "created");
    assert.equal(t.only().inputs.label, "new");
  });
});

describe("engine model: replacement", () => {
  const replaceDiff = (deleteBeforeReplace = false) => async () => ({ changes: 2 as const, replaces: ["a"], deleteBeforeReplace });

  it("creates before deleting by default: the old one is a pending delete, deleted with its own id and outputs at the end of up", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = replaceDiff();
    let created = 0;
    t.impl.create = async (_u: string, props: Props) => ({ id: `id-new${++created}`, properties: { ...props } });
    const from = t.calls.length;
    const { errors } = await t.engine.up([reg({ a: 2 })]);
    assert.deepEqual(errors, []);
    assert.deepEqual(t.rpcs(from), ["check", "diff", "check", "create", "delete"]);
    const del = t.calls.at(-1)!;
    assert.equal(del.args[1], "id-1");
    assert.equal((del.args[2] as Props).out, "created");
    assert.equal(t.only().id, "id-new1");
    assert.equal(t.engine.pendingDeletes.length, 0);
    assert.equal(t.engine.counts().replace, 1);
  });

  it("checks the inputs again without olds before replacing", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = replaceDiff();
    const from = t.calls.length;
    await t.engine.up([reg({ a: 2 })]);
    const checks = t.calls.slice(from).filter((c) => c.rpc === "check");
    assert.deepEqual(checks.map((c) => (c.args[1] as Props).a), [1, undefined]);
  });

  it("when the create fails the old resource stays, and nothing is deleted", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = replaceDiff();
    t.impl.create = async () => { throw new Error("create refused"); };
    const from = t.calls.length;
    const { errors } = await t.engine.up([reg({ a: 2 })]);
    assert.equal(errors.length, 1);
    assert.equal(t.only().id, "id-1");
    assert.equal(t.engine.pendingDeletes.length, 0);
    assert.ok(!t.rpcs(from).includes("delete"));
  });

  it("a partially failed create keeps the old one as a pending delete until an up gets to its deletions", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = replaceDiff();
    t.impl.create = async () => { throw new InitError({ id: "id-new", properties: { status: "running" }, reasons: ["timed out"] }); };
    const from = t.calls.length;
    await t.engine.up([reg({ a: 2 })]);
    assert.equal(t.only().id, "id-new");
    assert.deepEqual(t.engine.pendingDeletes.map((s) => s.id), ["id-1"]);
    assert.ok(!t.rpcs(from).includes("delete"), "up stopped at the failure");
    t.impl.diff = async () => ({ changes: 1, replaces: [], deleteBeforeReplace: false });
    await t.engine.up([reg({ a: 2 })]);
    assert.equal(t.engine.pendingDeletes.length, 0);
    assert.equal(t.calls.filter((c) => c.rpc === "delete").at(-1)?.args[1], "id-1");
  });

  it("deleteBeforeReplace from the diff deletes the old one first", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = replaceDiff(true);
    const from = t.calls.length;
    await t.engine.up([reg({ a: 2 })]);
    assert.deepEqual(t.rpcs(from), ["check", "diff", "check", "delete", "create"]);
  });

  it("the deleteBeforeReplace resource option overrides the diff's answer, both ways", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = replaceDiff(false);
    let from = t.calls.length;
    await t.engine.up([reg({ a: 2 }, "r", { deleteBeforeReplace: true })]);
    assert.deepEqual(t.rpcs(from), ["check", "diff", "check", "delete", "create"]);
    t.impl.diff = replaceDiff(true);
    from = t.calls.length;
    await t.engine.up([reg({ a: 3 }, "r", { deleteBeforeReplace: false })]);
    assert.deepEqual(t.rpcs(from), ["check", "diff", "check", "create", "delete"]);
  });

  it("with deleteBeforeReplace, a failed create leaves nothing in state", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 })]);
    t.impl.diff = replaceDiff(true);
    t.impl.create = async () => { throw new Error("create refused"); };
    await t.engine.up([reg({ a: 2 })]);
    assert.equal(t.engine.state.size, 0);
  });
});

describe("engine model: up stops at the first failure", () => {
  it("registers nothing after a failed step and deletes nothing", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 }, "old")]);
    t.impl.create = async (urn: string, props: Props) => {
      if (urn.endsWith("::first")) throw new Error("first failed");
      return { id: "id-x", properties: props };
    };
    const from = t.calls.length;
    const { errors } = await t.engine.up([reg({ a: 1 }, "first"), reg({ a: 1 }, "second")]);
    assert.deepEqual(errors.map((e) => e.message), ["first failed"]);
    assert.deepEqual(t.rpcs(from), ["check", "create"]);
    assert.ok(t.engine.state.has(t.urn("old")), "the removed resource is not deleted");
  });

  it("a check failure stops the run too", async () => {
    const t = setup();
    t.impl.check = async (_u: string, _o: Props, news: Props) => ({ inputs: news, failures: news.bad ? [{ property: "bad", reason: "no" }] : [] });
    const { errors } = await t.engine.up([reg({ bad: 1 }, "first"), reg({ a: 1 }, "second")]);
    assert.match(errors[0].message, /check failed for first: bad: no/);
    assert.equal(t.engine.state.size, 0);
  });

  it("deletes resources the program no longer declares when every step succeeded", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 }, "keep"), reg({ a: 1 }, "drop")]);
    await t.engine.up([reg({ a: 1 }, "keep")]);
    assert.deepEqual([...t.engine.state.keys()], [t.urn("keep")]);
  });
});

describe("engine model: secrets", () => {
  const wireArgs = (calls: Call[]) => calls.filter((c) => c.rpc !== "configure").map((c) => c.args);

  it("sends nothing secret to a host that does not accept secrets, in any RPC", async () => {
    const t = setup();
    t.impl.create = async (_u: string, props: Props) => ({ id: "id-1", properties: { ...props, tok: secret("t") } });
    await t.engine.up([reg({ urls: secret(["u1"]), h: { k: secret("v") } })]);
    t.impl.diff = async () => ({ changes: 2, replaces: [], deleteBeforeReplace: false });
    await t.engine.up([reg({ urls: secret(["u1"]), h: { k: secret("v") }, more: 1 })]);
    await t.engine.refresh();
    await t.engine.destroy();
    assert.deepEqual(t.rpcs(), ["check", "create", "check", "diff", "update", "read", "diff", "delete"]);
    assert.equal(wireArgs(t.calls).some(hasEnvelope), false);
  });

  it("sends secrets as they are to a host that accepts them", async () => {
    const t = setup();
    t.impl.acceptSecrets = true;
    await t.engine.up([reg({ urls: secret(["u1"]) })]);
    assert.ok(wireArgs(t.calls).some(hasEnvelope));
  });

  it("marks outputs secret when the same-named input holds a secret (annotateSecrets), recursing into objects", async () => {
    const t = setup();
    await t.engine.up([reg({ urls: secret(["u1"]), list: ["a", secret("b")], obj: { k: secret("v"), plain: 1 }, open: "o" })]);
    const o = t.only().outputs;
    assert.deepEqual(o.urls, secret(["u1"]));
    assert.deepEqual(o.list, secret(["a", "b"]), "an array with a secret element becomes secret as a whole");
    assert.deepEqual(o.obj, { k: secret("v"), plain: 1 });
    assert.equal(o.open, "o");
    assert.equal(o.out, "created");
    assert.deepEqual(t.only().inputs.urls, secret(["u1"]), "checked inputs keep the secret bit");
  });

  it("annotateSecrets does not change its argument and never wraps twice", () => {
    const outs = { a: secret(1), b: 2 };
    assert.deepEqual(annotateSecrets(outs, { a: secret(1), b: secret(2) }), { a: secret(1), b: secret(2) });
    assert.deepEqual(outs, { a: secret(1), b: 2 });
  });

  it("keeps a secret envelope the provider returned, and strips it when sending old outputs back", async () => {
    const t = setup();
    t.impl.create = async (_u: string, props: Props) => ({ id: "id-1", properties: { ...props, results: secret([{ url: "u1" }]) } });
    await t.engine.up([reg({ a: 1 })]);
    assert.deepEqual(t.only().outputs.results, secret([{ url: "u1" }]));
    t.impl.diff = async () => ({ changes: 2, replaces: [], deleteBeforeReplace: false });
    const from = t.calls.length;
    await t.engine.up([reg({ a: 2 })]);
    const update = t.calls.slice(from).find((c) => c.rpc === "update")!;
    assert.deepEqual((update.args[2] as Props).results, [{ url: "u1" }]);
  });

  it("gives a partial failure's properties the same secret treatment", async () => {
    const t = setup();
    t.impl.create = async () => {
      throw new InitError({ id: "id-p", properties: { urls: ["u1"], failedUrls: secret(["u1"]) }, reasons: ["policy"] });
    };
    await t.engine.up([reg({ urls: secret(["u1"]) })]);
    assert.deepEqual(t.only().outputs, { urls: secret(["u1"]), failedUrls: secret(["u1"]) });
  });

  it("marks additionalSecretOutputs secret after every step (never the id)", async () => {
    const t = setup();
    await t.engine.up([reg({ a: 1 }, "r", { additionalSecretOutputs: ["out", "id"] })]);
    assert.deepEqual(t.only().outputs.out, secret("created"));
    assert.equal(t.only().id, "id-1");
  });

  it("a same step marks an old output secret once its input became a secret (step executor rule)", async () => {
    const t = setup();
    await t.engine.up([reg({ urls: ["u1"] })]);
    assert.deepEqual(t.only().outputs.urls, ["u1"]);
    await t.engine.up([reg({ urls: secret(["u1"]) })]);
    assert.equal(t.engine.steps.at(-1)?.op, "same");
    assert.deepEqual(t.only().outputs.urls, secret(["u1"]));
  });

  it("a refresh keeps outputs secret that were secret before", async () => {
    const t = setup();
    t.impl.create = async (_u: string, props: Props) => ({ id: "id-1", properties: { ...props, results: secret(["u1"]) } });
    await t.engine.up([reg({ a: 1 })]);
    await t.engine.refresh();
    assert.deepEqual(t.only().outputs.results, secret(["u1"]));
  });
});

describe("engine model: destroy", () => {
  it("deletes pending deletes and every resource with its stored outputs, secrets stripped", async () => {
    const t = setup();
    t.impl.create = async (u: string, props: Props) => ({ id: u.endsWith("::b") ? "id-b" : "id-a", properties: { ...props, s: secret("x") } });
    await t.engine.up([reg({ a: 1 }, "a"), reg({ a: 1 }, "b")]);
    const from = t.calls.length;
    await t.engine.destroy();
    assert.deepEqual(t.calls.slice(from).filter((c) => c.rpc === "delete").map((c) => [c.args[1], (c.args[2] as Props).s]), [["id-b", "x"], ["id-a", "x"]]);
    assert.equal(t.engine.state.size, 0);
  });
});
