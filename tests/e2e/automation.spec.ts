/**
 * The multi-step stories of tests/sequence/stories.spec.ts, through the real Pulumi CLI via the Automation API:
 * examples/edgeone and examples/alibaba-cdn (with `createDomain: false`, so no real cloud resource is declared) run
 * on a temporary `file://` backend, with stack config pointing the provider at the emulator. Where tests/sequence
 * models the engine's step rules (harness/engine.ts), these stories let the engine itself decide: update vs replace,
 * no-change runs, refresh and destroy, read from the operation summaries and the exported deployment.
 *
 * Needs the `pulumi` CLI on PATH (the Automation API shells out to it); without it every story skips and says so.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConfigMap, Stack, UpdateSummary } from "@pulumi/pulumi/automation";
import { startEmulator } from "../../emulator";
import { emulatorStackConfig } from "../../harness/emulator-env";
import { deployedResources, deploymentText, NO_CLI_REASON, pulumiCli, ROOT, withStack } from "./helpers";
import { storedResults } from "../helpers/stored-record";

const { linkSelf } = require("../../scripts/link-self") as { linkSelf: (root?: string) => string };

const DAY = 86_400_000;
/** A story is six CLI operations; the first one may also install the language plugin's dependencies. */
const STORY_TIMEOUT_MS = 1_200_000;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

interface E2eCase {
  /** Directory under examples/. */
  example: string;
  /** The emulator's product counter that counts this resource's submits. */
  product: "teo" | "cdn";
  /** The resource's type token. */
  type: string;
  /** Program config of the first `up` (bare keys belong to the example's project). */
  config: Record<string, string>;
  /** Program config that changes the URLs (a replacement). */
  replaceConfig: Record<string, string>;
  /** Virtual time after which the emulated cloud's history no longer has a task. */
  expireMs: number;
}

const CASES: E2eCase[] = [
  {
    example: "edgeone", product: "teo", type: "pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch",
    config: { release: "1", paths: JSON.stringify(["/", "/static/app.js"]) },
    replaceConfig: { paths: JSON.stringify(["/", "/static/app.v2.js", "/static/app.v2.css"]) },
    expireMs: 31 * DAY, // the emulator keeps EdgeOne tasks 30 days (undocumented retention, README "Current limits")
  },
  {
    example: "alibaba-cdn", product: "cdn", type: "pulumi-nodejs:dynamic/cdn-prefetch:AlibabaCdnPrefetch",
    config: { createDomain: "false", domainName: "dl.example.com", release: "1" },
    replaceConfig: { domainName: "dl2.example.com" },
    expireMs: 4 * DAY, // Alibaba keeps 3 days of task history
  },
];

/** Step counts of an operation summary, 0 where the engine reported none. */
function ops(summary: UpdateSummary): { create: number; update: number; replace: number; delete: number; same: number } {
  const c = summary.resourceChanges ?? {};
  return { create: c.create ?? 0, update: c.update ?? 0, replace: c.replace ?? 0, delete: c.delete ?? 0, same: c.same ?? 0 };
}

/** Stack config that points the provider at the emulator; the secret keys are stack secrets, as a user would set them. */
function emulatorConfig(emu: Emulator): ConfigMap {
  const secretKeys = new Set(["tencentcloud:secretKey", "alicloud:secretKey"]);
  return Object.fromEntries(Object.entries(emulatorStackConfig(emu)).map(([key, value]) => [key, { value, secret: secretKeys.has(key) }]));
}

/** Sets program config keys (bare keys: the example's project namespace). */
async function setProgramConfig(stack: Stack, values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) await stack.setConfig(key, { value });
}

/** Runs one story step; a failure names the step. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error) e.message = `[${name}] ${e.message}`;
    throw e;
  }
}

/** Skips the test, loudly, when the CLI is missing; otherwise makes sure the built package is linked. */
function requireCli(ctx: Mocha.Context): void {
  if (pulumiCli() === null) {
    console.log(`      skipped: ${NO_CLI_REASON}`);
    ctx.skip();
  }
  if (!fs.existsSync(path.join(ROOT, "lib", "sdk", "index.js"))) {
    throw new Error("lib/ is missing: build the package first (`npm run build`; `npm test` builds it)");
  }
  linkSelf(ROOT);
}

async function story(c: E2eCase, emu: Emulator): Promise<void> {
  const submits = async () => (await emu.control.stats()).submits[c.product];
  const calls = async () => Object.values((await emu.control.stats()).calls).reduce((a, b) => a + b, 0);
  const secrets = [emu.credentials.tencent.secretKey, emu.credentials.alibaba.accessKeySecret];
  const logs: string[] = [];

  await withStack({ example: c.example, config: emulatorConfig(emu) }, async ({ stack }) => {
    await setProgramConfig(stack, c.config);

    const first = await step("up", async () => {
      const up = await stack.up();
      logs.push(up.stdout, up.stderr);
      assert.equal(up.summary.result, "succeeded");
      assert.equal(up.outputs.status?.value, "succeeded");
      assert.equal(up.outputs.progress?.value, 100);
      assert.deepEqual(up.outputs.failedUrls?.value, []);
      assert.equal(await submits(), 1, "one submit on the emulator");
      const o = ops(up.summary);
      assert.deepEqual([o.update, o.replace, o.delete], [0, 0, 0]);
      assert.ok(o.create >= 1, `creates: ${JSON.stringify(up.summary.resourceChanges)}`);
      assert.equal((await deployedResources(stack, c.type)).length, 1);
      const state = await deploymentText(stack);
      for (const s of secrets) assert.ok(!state.includes(s), "no credential in the deployment state");
      const taskIds = up.outputs.taskIds?.value as unknown;
      assert.ok(Array.isArray(taskIds) && taskIds.length > 0, `taskIds: ${JSON.stringify(taskIds)}`);
      return taskIds;
    });

    await step("up with no change", async () => {
      const up = await stack.up({ expectNoChanges: true });
      logs.push(up.stdout, up.stderr);
      const o = ops(up.summary);
      assert.deepEqual([o.create, o.update, o.replace, o.delete], [0, 0, 0, 0], JSON.stringify(up.summary.resourceChanges));
      assert.equal(await submits(), 1, "nothing submitted");
      assert.deepEqual(up.outputs.taskIds?.value, first);
    });

    await step("trigger change (release)", async () => {
      await setProgramConfig(stack, { release: "2" });
      const up = await stack.up();
      logs.push(up.stdout, up.stderr);
      const o = ops(up.summary);
      assert.deepEqual([o.update, o.replace, o.create, o.delete], [1, 0, 0, 0], JSON.stringify(up.summary.resourceChanges));
      assert.equal(await submits(), 2, "exactly one new submit");
      assert.equal(up.outputs.status?.value, "succeeded");
      assert.notDeepEqual(up.outputs.taskIds?.value, first);
    });

    await step("URL change", async () => {
      await setProgramConfig(stack, c.replaceConfig);
      const up = await stack.up();
      logs.push(up.stdout, up.stderr);
      const o = ops(up.summary);
      assert.deepEqual([o.replace, o.update], [1, 0], JSON.stringify(up.summary.resourceChanges));
      assert.equal(await submits(), 3, "the replacement submitted one task");
      assert.equal(up.outputs.status?.value, "succeeded");
      assert.equal((await deployedResources(stack, c.type)).length, 1, "the replaced resource is gone");
    });

    await step("refresh after the cloud's history expired", async () => {
      const [prev] = await deployedResources(stack, c.type);
      await emu.control.setClock({ mode: "manual" });
      await emu.control.advance(c.expireMs);
      const refresh = await stack.refresh();
      logs.push(refresh.stdout, refresh.stderr);
      assert.equal(refresh.summary.result, "succeeded");
      assert.equal(ops(refresh.summary).delete, 0, JSON.stringify(refresh.summary.resourceChanges));
      const now = await deployedResources(stack, c.type);
      assert.equal(now.length, 1, "never dropped from state");
      assert.equal(now[0].id, prev.id);
      assert.equal(now[0].outputs?.historyAvailable, false);
      assert.equal(now[0].outputs?.status, prev.outputs?.status);
      assert.deepEqual(now[0].outputs?.results, prev.outputs?.results);
      assert.deepEqual(storedResults(now[0].outputs), storedResults(prev.outputs));
      const preview = await stack.preview();
      logs.push(preview.stdout, preview.stderr);
      const p = preview.changeSummary;
      assert.deepEqual([p.update ?? 0, p.replace ?? 0, p.create ?? 0], [0, 0, 0], `no diff after refresh: ${JSON.stringify(p)}`);
    });

    await step("destroy", async () => {
      const before = await calls();
      const destroyed = await stack.destroy();
      logs.push(destroyed.stdout, destroyed.stderr);
      assert.equal(destroyed.summary.result, "succeeded");
      assert.ok((destroyed.summary.resourceChanges?.delete ?? 0) >= 1, JSON.stringify(destroyed.summary.resourceChanges));
      assert.equal((await deployedResources(stack, c.type)).length, 0);
      assert.equal(await calls(), before, "delete calls no cloud API");
    });

    const text = logs.join("\n");
    for (const s of secrets) assert.ok(!text.includes(s), "no credential in the CLI output");
  });
}

for (const c of CASES) {
  describe(`Automation API stories: ${c.example} through the pulumi CLI`, function () {
    this.timeout(STORY_TIMEOUT_MS);

    it("up, no-change up, trigger update, URL replace, refresh past history, destroy [needs the pulumi CLI on PATH]", async function () {
      requireCli(this);
      const emu = await startEmulator({ port: 0, config: { defaultDurationMs: 300 } });
      try {
        await story(c, emu);
      } finally {
        await emu.close();
      }
    });
  });
}
