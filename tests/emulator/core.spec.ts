/**
 * The emulator core: virtual clock, outcome rules, faults, counters, configuration and the HTTP control plane, plus
 * the CLI's first-line contract.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import { controlClient, startEmulator } from "../../emulator";
import { createVirtualClock } from "../../emulator/core/clock";
import { mergeConfig, defaultConfig } from "../../emulator/core/config";
import { planOutcome, validateRules } from "../../emulator/core/planner";
import { createFaultQueue } from "../../emulator/core/faults";
import { truncatedBody } from "../../emulator/core/fault-effects";
import { createOutage } from "../../emulator/core/outage";

describe("emulator core", () => {
  it("virtual clock: real mode follows the wall clock plus offset; manual mode is frozen until advanced", () => {
    let wall = 1_000_000;
    const c = createVirtualClock(() => wall);
    c.advance(500);
    assert.equal(c.now(), 1_000_500);
    wall += 100;
    assert.equal(c.now(), 1_000_600);
    c.setMode("manual");
    wall += 10_000;
    assert.equal(c.now(), 1_000_600);
    c.advance(400);
    assert.equal(c.now(), 1_001_000);
    c.setMode("real");
    wall += 50;
    assert.equal(c.now(), 1_001_050);
    assert.throws(() => c.advance(-1), /non-negative/);
  });

  it("virtual clock sleeps: manual mode releases them only by advance(); real mode by a wall timer or advance(); reset releases all", async () => {
    let wall = 1_000_000;
    const timers: { fn: () => void; at: number }[] = [];
    const fire = async () => {
      for (const t of timers.filter((x) => x.at <= wall)) t.fn();
      await Promise.resolve();
    };
    const c = createVirtualClock(() => wall, {
      setTimeout: (fn, ms) => { const t = { fn, at: wall + ms }; timers.push(t); return t; },
      clearTimeout: (t) => {
        const i = timers.indexOf(t as never);
        if (i >= 0) timers.splice(i, 1);
      },
    });
    const done: string[] = [];
    c.setMode("manual");
    void c.sleep(1000).then(() => done.push("a"));
    wall += 5000;
    await fire();
    assert.deepEqual([done, c.sleeping(), timers.length], [[], 1, 0], "frozen: wall time does not release a manual-mode sleep");
    c.advance(999);
    await Promise.resolve();
    assert.deepEqual(done, []);
    c.advance(1);
    await Promise.resolve();
    assert.deepEqual([done, c.sleeping()], [["a"], 0]);
    c.setMode("real");
    void c.sleep(300).then(() => done.push("b"));
    void c.sleep(10_000).then(() => done.push("c"));
    wall += 300;
    await fire();
    assert.deepEqual(done, ["a", "b"], "real mode: the wall timer releases it");
    c.advance(9_000);
    await Promise.resolve();
    assert.deepEqual([done, c.sleeping()], [["a", "b"], 1]);
    void c.sleep(60_000).then(() => done.push("d"));
    c.reset();
    await Promise.resolve();
    assert.deepEqual([done.slice(2).sort(), c.sleeping()], [["c", "d"], 0], "reset releases every sleep");
    void c.sleep(5).then(() => done.push("e"));
    c.abandonSleeps();
    wall += 10;
    await fire();
    assert.deepEqual([done.includes("e"), c.sleeping()], [false, 0], "abandoned sleeps are never released");
    await c.sleep(0);
  });

  it("rules: first match wins, substring or /regex/, default success after the default duration", () => {
    const rules = validateRules([{ match: "/\\.m3u8$/i", outcome: "timeout", durationMs: 5 }, { match: "bad", outcome: "failed", failType: "originPullFailed" }]);
    assert.deepEqual(planOutcome(rules, "https://a.example.com/LIVE.M3U8", 100), { outcome: "timeout", durationMs: 5, failType: null, message: null });
    assert.deepEqual(planOutcome(rules, "https://a.example.com/bad.js", 100), { outcome: "failed", durationMs: 100, failType: "originPullFailed", message: null });
    assert.equal(planOutcome(rules, "https://a.example.com/ok.js", 100).outcome, "success");
    assert.throws(() => validateRules([{ match: "x", outcome: "exploded" }]), /outcome must be one of/);
  });

  it("faults: matched by product and action, consumed by count", () => {
    const q = createFaultQueue();
    q.add([{ product: "teo", action: "DescribePrefetchTasks", kind: "throttle", count: 2 }, { kind: "internal" }]);
    assert.equal(q.take("teo", "DescribePrefetchTasks")?.kind, "throttle");
    assert.equal(q.take("cdn", "PushObjectCache")?.kind, "internal");
    assert.equal(q.take("teo", "DescribePrefetchTasks")?.kind, "throttle");
    assert.equal(q.take("teo", "DescribePrefetchTasks"), null);
    assert.throws(() => q.add([{ kind: "error" }]), /code is required/);
  });

  it("faults: refused with a RangeError naming the field, and nothing queued from a bad list", () => {
    const q = createFaultQueue();
    const bad: [unknown, RegExp][] = [
      [{ kind: "explode" }, /faults\[0\]\.kind must be one of throttle, internal, delay, error, drop-after-accept, reset, down, empty, malformed/],
      [{ kind: "down" }, /faults\[0\]\.durationMs \(wall-clock ms > 0\) is required for kind down/],
      [{ kind: "down", durationMs: 0 }, /durationMs/],
      [{ kind: "delay", durationMs: 5 }, /durationMs applies to kind down only/],
      [{ kind: "reset", begin: "after" }, /begin applies to kind down only/],
      [{ kind: "down", durationMs: 5, begin: "later" }, /must be "before" or "after"/],
      [{ kind: "empty", count: 0 }, /count must be a positive integer/],
      [{ kind: "error", code: "X", httpStatus: 200 }, /httpStatus must be an integer from 400 to 599/],
      [{ kind: "reset", product: "s3" }, /product must be one of teo, cdn, dcdn, esa/],
      [null, /faults\[0\] must be an object/],
    ];
    for (const [f, re] of bad) assert.throws(() => q.add([f]), (e: unknown) => e instanceof RangeError && re.test(e.message));
    assert.throws(() => q.add([{ kind: "reset" }, { kind: "down" }]), /faults\[1\]/);
    assert.deepEqual(q.pending(), []);
  });

  it("faults: `empty` matches query calls only; other kinds match any call", () => {
    const q = createFaultQueue();
    q.add([{ product: "cdn", kind: "empty" }, { product: "cdn", kind: "malformed" }]);
    assert.equal(q.take("cdn", "PushObjectCache", "submit")?.kind, "malformed");
    assert.equal(q.take("cdn", "DescribeRefreshQuota", "quota"), null);
    assert.equal(q.take("cdn", "DescribeRefreshTasks", "query")?.kind, "empty");
    assert.deepEqual(q.pending(), []);
  });

  it("outage: begins, extends to the later end, and ends on its wall-clock timer or at once", () => {
    let wall = 1000;
    const timers: { fn: () => void; at: number }[] = [];
    const o = createOutage({
      now: () => wall,
      setTimeout: (fn, ms) => { const t = { fn, at: wall + ms }; timers.push(t); return t; },
      clearTimeout: (t) => {
        const i = timers.indexOf(t as never);
        if (i >= 0) timers.splice(i, 1);
      },
    });
    const seen: boolean[] = [];
    o.subscribe((down) => seen.push(down));
    o.begin(500);
    assert.deepEqual([o.active(), o.until()], [true, 1500]);
    wall = 1200;
    o.begin(100);
    assert.equal(o.until(), 1500, "a shorter outage does not cut the current one");
    o.begin(1000);
    assert.equal(o.until(), 2200);
    assert.equal(timers.length, 1);
    wall = 2200;
    timers[0].fn();
    assert.deepEqual([o.active(), o.until(), seen], [false, null, [true, false]]);
    o.begin(10);
    o.end();
    o.end();
    assert.deepEqual([o.active(), seen], [false, [true, false, true, false]]);
  });

  it("malformed bodies are proper prefixes of the real reply, never valid JSON", () => {
    for (const body of [{ Response: { JobId: "x", RequestId: "r" } }, { RequestId: "R", TotalCount: 0, Tasks: [] }, {}]) {
      const text = truncatedBody(body);
      assert.ok(JSON.stringify(body).startsWith(text) && text.length < JSON.stringify(body).length);
      assert.throws(() => JSON.parse(text), SyntaxError);
    }
  });

  it("config: deep merge, restrictions replaced whole", () => {
    const c = mergeConfig(defaultConfig(), { quotas: { teo: { daily: 5 } }, restrict: { cdnDomains: ["a.example.com"] } });
    assert.deepEqual(c.quotas.teo, { batch: 1000, daily: 5 });
    assert.deepEqual(c.restrict, { cdnDomains: ["a.example.com"] });
    assert.equal(c.quotas.cdn.daily, 1000);
  });

  describe("control plane over HTTP", () => {
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    before(async () => (emu = await startEmulator({ port: 0 })));
    after(async () => emu.close());

    it("drives clock, rules, faults and config, and resets", async () => {
      const c = controlClient(emu.url);
      await c.setClock({ mode: "manual" });
      const t0 = (await c.state()).now;
      await c.advance(86_400_000);
      const s = await c.state();
      assert.equal(s.mode, "manual");
      assert.equal(s.now - t0, 86_400_000);
      await c.setRules([{ match: "x", outcome: "failed" }], 250);
      await c.addFaults([{ kind: "throttle", product: "teo" }]);
      await c.setConfig({ visibilityLagMs: 2000 });
      const s2 = await c.state();
      assert.deepEqual(s2.rules, [{ match: "x", outcome: "failed" }]);
      assert.equal(s2.config.defaultDurationMs, 250);
      assert.equal(s2.config.visibilityLagMs, 2000);
      assert.equal(s2.faults.length, 1);
      await c.reset();
      const s3 = await c.state();
      assert.deepEqual([s3.mode, s3.rules, s3.faults, s3.config.visibilityLagMs], ["real", [], [], 0]);
    });

    it("answers bad control input with 400 and unknown vendor requests with 404", async () => {
      await assert.rejects(controlClient(emu.url).setRules([{ match: "x", outcome: "nope" } as never]), /outcome must be one of/);
      await assert.rejects(controlClient(emu.url).addFaults([{ kind: "down" }]), /durationMs \(wall-clock ms > 0\) is required/);
      const res = await fetch(`${emu.url}/some/path`);
      assert.equal(res.status, 404);
    });
  });

  it("CLI: the first stdout line is the JSON handshake, and the emulator serves until killed", async function () {
    this.timeout(30_000);
    const script = path.resolve(__dirname, "..", "..", "scripts", "emulator.js");
    const child = spawn(process.execPath, [script, "--port", "0", "--tencent-secret-id", "AKIDfixed", "--tencent-secret-key", "k", "--rate-limits"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const first = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once("line", resolve));
      const hello = JSON.parse(first);
      assert.match(hello.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(hello.credentials.tencent, { secretId: "AKIDfixed", secretKey: "k" });
      assert.ok(hello.credentials.alibaba.accessKeyId && hello.credentials.alibaba.accessKeySecret);
      const stats = await controlClient(hello.url).stats();
      assert.deepEqual(stats.submits, { teo: 0, cdn: 0, dcdn: 0, esa: 0 });
      assert.deepEqual((await controlClient(hello.url).state()).config.rateLimits, { enabled: true }, "--rate-limits enforces the documented rates");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });
});

describe("emulator: the delay fault follows the emulator clock", () => {
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  const quota = () => {
    const { teo } = require("tencentcloud-sdk-nodejs-teo");
    const { secretId, secretKey } = emu.credentials.tencent;
    return new teo.v20220901.Client({ credential: { secretId, secretKey }, region: "", profile: { httpProfile: { endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" } } })
      .DescribeContentQuota({ ZoneId: "zone-delay1" }) as Promise<unknown>;
  };
  /** Resolves once the emulator holds `n` delayed calls (the request has arrived and met its fault). */
  const held = async (n: number) => {
    while ((await emu.control.state()).delayedCalls !== n) await new Promise((r) => setImmediate(r));
  };
  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
  });
  beforeEach(async () => emu.control.reset());
  after(async () => emu.close());

  it("manual clock: a delayed call is answered when advance() has moved the clock by delayMs, not before", async () => {
    await emu.control.setClock({ mode: "manual" });
    await emu.control.addFaults([{ product: "teo", action: "DescribeContentQuota", kind: "delay", delayMs: 60_000 }]);
    let answered = false;
    const call = quota().then((r) => ((answered = true), r));
    await held(1);
    await emu.control.advance(59_999);
    assert.deepEqual([(await emu.control.state()).delayedCalls, answered, (await emu.control.stats()).calls["teo:DescribeContentQuota"]], [1, false, undefined]);
    await emu.control.advance(1);
    assert.ok(((await call) as { PrefetchQuota: unknown[] }).PrefetchQuota.length > 0);
    assert.deepEqual([(await emu.control.state()).delayedCalls, (await emu.control.stats()).calls["teo:DescribeContentQuota"]], [0, 1]);
  });

  it("reset releases a held call (served against the reset state); real mode serves it after delayMs of wall time", async () => {
    await emu.control.setClock({ mode: "manual" });
    await emu.control.addFaults([{ product: "teo", kind: "delay", delayMs: 3_600_000 }]);
    const call = quota();
    await held(1);
    await emu.control.reset();
    await call;
    await emu.control.addFaults([{ product: "teo", kind: "delay", delayMs: 20 }]);
    await quota();
    assert.equal((await emu.control.state()).delayedCalls, 0);
  });
});

describe("emulator control: task listing", () => {
  it("lists every accepted task with its id and URL, over HTTP and in-process, and forgets them on reset", async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
      const { teo } = require("tencentcloud-sdk-nodejs-teo");
      const client = new teo.v20220901.Client({ credential: { secretId: emu.credentials.tencent.secretId, secretKey: emu.credentials.tencent.secretKey },
        region: "", profile: { httpProfile: { endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" } } });
      assert.deepEqual(await controlClient(emu.url).tasks(), []);
      const res = await client.CreatePrefetchTask({ ZoneId: "zone-list1", Targets: ["https://www.example.com/a.js", "https://www.example.com/b.js"] });
      const listed = await controlClient(emu.url).tasks();
      assert.deepEqual(listed.map((t) => [t.product, t.taskId, t.url]),
        [["teo", res.JobId, "https://www.example.com/a.js"], ["teo", res.JobId, "https://www.example.com/b.js"]]);
      assert.deepEqual(listed.map((t) => t.finishesAt - t.createdAt), [1500, 1500], "finishesAt: submit plus the default duration");
      assert.deepEqual(await emu.control.tasks(), listed);
      await controlClient(emu.url).addFaults([{ kind: "throttle", count: 3 }]);
      await controlClient(emu.url).clearFaults();
      assert.deepEqual((await emu.control.state()).faults, [], "faults cleared");
      assert.equal((await emu.control.tasks()).length, 2, "tasks kept when faults are cleared");
      await emu.control.reset();
      assert.deepEqual(await emu.control.tasks(), []);
    } finally {
      await emu.close();
    }
  });
});

describe("emulator README: the variants table", () => {
  it("lists every variant the modules declare, with its values (default first)", async () => {
    const fs = await import("node:fs");
    const text = fs.readFileSync(require.resolve("../../emulator/README.md"), "utf8");
    const { defaultModules } = await import("../../emulator");
    for (const d of defaultModules().flatMap((m) => [...m.variants])) {
      const row = text.split("\n").find((l) => l.startsWith(`| \`${d.name}\` |`));
      assert.ok(row, `README row for ${d.name}`);
      assert.ok(row!.endsWith(`| ${d.values.map((v) => `\`${v}\``).join(", ")} |`), `values of ${d.name}: ${row}`);
    }
  });
});
