/**
 * Staggered completions through Pulumi's real dynamic-provider host against the emulator, for each of the four clouds:
 * three URLs finish at 1 s, 5 s and 20 s of virtual time (emulator clock in `manual` mode). The create RPC must still
 * be pending after the first and after the second URL finished, and resolve with every URL `succeeded` only after the
 * last one (README: "block until every URL is done"; issue 7 "The suite cannot see early success").
 *
 * No wall-clock assertion: "still pending" is checked after the host has demonstrably polled the new state (the
 * emulator served further queries after the clock moved), and an unsettled promise is the safe direction.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { defaultModules, startEmulator } from "../../emulator";
import type { EmulatorRequest, EmulatorResponse, ProductModule } from "../../emulator/core/types";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import type { CloudKind } from "../../provider/model/cloud";
import { shimFor } from "../../sdk/shim";
import { storedResults } from "../helpers/stored-record";

const PROGRAM_DIR = path.resolve(__dirname, "..", "..", "examples", "quickstart");
type Emu = Awaited<ReturnType<typeof startEmulator>>;

interface Case {
  cloud: CloudKind;
  product: "teo" | "cdn" | "dcdn" | "esa";
  /** The action one poll of this cloud calls (one call per poll for three URLs in one task). */
  poll: string;
  /** How a finished URL appears in that action's reply body. */
  done: RegExp;
  base: string;
  inputs: Record<string, unknown>;
  /** Calls of `poll` in one poll round (ESA looks each of the three URLs up with its own `Content` call). */
  perPoll: number;
}

const CASES: Case[] = [
  { cloud: "edgeone", product: "teo", poll: "DescribePrefetchTasks", done: /"Status":"success"/g, base: "https://www.example.com", inputs: { zoneId: "zone-stagger1" }, perPoll: 1 },
  { cloud: "alibaba-cdn", product: "cdn", poll: "DescribeRefreshTaskById", done: /"Status":"Complete"/g, base: "https://cdn.example.com", inputs: { domain: "cdn.example.com" }, perPoll: 1 },
  { cloud: "alibaba-dcdn", product: "dcdn", poll: "DescribeDcdnRefreshTaskById", done: /"Status":"Complete"/g, base: "https://dcdn.example.com", inputs: { domain: "dcdn.example.com" }, perPoll: 1 },
  { cloud: "alibaba-esa", product: "esa", poll: "DescribePreloadTasks", done: /"Status":"Complete"/g, base: "https://img.example.com", inputs: { siteId: 9001 }, perPoll: 3 },
];

/** The action a vendor request names (Tencent header, Alibaba header, or Alibaba RPC `Action` parameter). */
function actionOf(req: EmulatorRequest): string {
  const h = req.headers["x-tc-action"] ?? req.headers["x-acs-action"];
  if (typeof h === "string") return h;
  const params = new URLSearchParams(req.rawQuery);
  return params.get("Action") ?? new URLSearchParams(req.body.toString("utf8")).get("Action") ?? "";
}

/** One answered vendor call, as the emulator sent it. */
interface Answer {
  action: string;
  body: string;
}

/** Wraps the emulator's product modules so that every answer is recorded (the emulator itself is unchanged). */
function recording(answers: Answer[]): ProductModule[] {
  return defaultModules().map((m) => ({
    ...m,
    async handle(req, ctx): Promise<EmulatorResponse> {
      const res = await m.handle(req, ctx);
      answers.push({ action: actionOf(req), body: typeof res.body === "string" ? res.body : JSON.stringify(res.body) });
      return res;
    },
  }));
}

/** True once `p` settled; otherwise false after a short real pause (unsettled is the safe direction). */
async function settled(p: Promise<unknown>, pauseMs = 150): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  await new Promise((r) => setTimeout(r, pauseMs));
  return done;
}

/** Polls `cond` every 20 ms; fails after 20 s (a test-liveness bound, not a timing assertion). */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(cond(), `not reached: ${what}`);
}

for (const c of CASES) {
  describe(`staggered completions through Pulumi's host: ${c.cloud}`, function () {
    this.timeout(90_000);
    const answers: Answer[] = [];
    let emu: Emu;
    let host: Host;
    let text: string;
    const urn = `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/cdn-prefetch:X::staggered`;
    const urls = [`${c.base}/first.js`, `${c.base}/second.js`, `${c.base}/third.js`];

    before(async () => {
      emu = await startEmulator({ port: 0, modules: recording(answers) });
      text = await serializeProvider(shimFor(c.cloud));
      host = await startHost({ cwd: PROGRAM_DIR, env: { ...emulatorEnv(emu), PULUMI_NODEJS_PROJECT: "proj" } });
      await host.configure({});
    });
    after(async () => {
      await host?.stop();
      await emu?.close();
    });

    it("create is still pending after the first and the second URL finished; it resolves with all three succeeded after the last", async () => {
      await emu.control.setClock({ mode: "manual" });
      await emu.control.setRules([
        { match: "/first.js", outcome: "success", durationMs: 1_000 },
        { match: "/second.js", outcome: "success", durationMs: 5_000 },
        { match: "/third.js", outcome: "success", durationMs: 20_000 },
      ]);
      const checked = await host.check(urn, {}, { ...c.inputs, urls, pollIntervalSeconds: 0.05, __provider: text });
      assert.deepEqual(checked.failures, []);
      const polls = () => answers.filter((a) => a.action === c.poll);
      /** URLs done in the latest poll round (its last `perPoll` answers: consecutive answers cover each URL once). */
      const doneInLast = () => polls().slice(-c.perPoll).reduce((n, a) => n + (a.body.match(c.done) ?? []).length, 0);
      const creating = host.create(urn, checked.inputs);
      creating.catch(() => undefined);

      await until(() => polls().length >= 1, "the first poll after the submit");
      assert.equal((await emu.control.stats()).submits[c.product], 1);
      assert.equal(doneInLast(), 0);

      // Each step: move virtual time past one URL's end, then let the host poll at least three more times (the first
      // of them may have been answered before the move), so it has certainly seen the new state and decided on it.
      for (const [advanceMs, doneCount] of [[1_500, 1], [4_000, 2]] as const) {
        await emu.control.advance(advanceMs);
        const seen = polls().length;
        let isSettled = false;
        creating.then(() => (isSettled = true), () => (isSettled = true));
        await until(() => isSettled || polls().length >= seen + 3 * c.perPoll, `three more polls after advancing ${advanceMs} ms`);
        assert.equal(doneInLast(), doneCount, `the emulator reported ${doneCount} of 3 URLs done`);
        assert.equal(await settled(creating), false, `${doneCount} of 3 URLs done: create must still be waiting`);
      }

      await emu.control.advance(15_500);
      const created = await creating;
      assert.equal(doneInLast(), 3);
      const outs = created.properties;
      assert.equal(outs.status, "succeeded");
      assert.equal(outs.progress, 100);
      assert.equal(outs.pendingCount, 0);
      assert.equal(outs.succeededCount, 3);
      assert.deepEqual(storedResults(outs).map((r) => [r.url, r.status]), urls.map((u) => [u, "succeeded"]));
      assert.equal((await emu.control.stats()).submits[c.product], 1, "one submit");
    });
  });
}
