/**
 * The provider under every emulator variant (issue 8): wherever a vendor behaviour is undocumented, the emulator
 * offers each plausible behaviour as a variant (emulator/core/variants.ts, listed in emulator/FIDELITY.md). This suite
 * asks the emulator for its variants — it never hand-picks them — and, for every product a variant changes and every
 * non-default value, runs lifecycle scenarios through Pulumi's real provider host with the engine model carrying state
 * (the fault matrix's cell runner, tests/matrix/run-cell.ts): a plain create, a submit whose answer is lost
 * (reconciliation), a re-run whose submit never reached the cloud (resubmitted after the grace), a resumed update
 * through empty answers, a refresh through throttling. Each asserts the whole contract: nothing lost, nothing twice,
 * never done early, refresh and destroy work.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { defaultModules, startEmulator, variantSettings, type VariantDef } from "../../emulator";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import { CLOUDS, faultCases, type Action, type Cell, type CloudUnderTest, type Phase } from "../matrix/cells";
import { runCell, type CellEnv } from "../matrix/run-cell";
import { EngineModel, stripSecrets } from "../../harness/engine";

const PROGRAM_DIR = path.resolve(__dirname, "..", "..", "examples", "quickstart");

/** The scenarios run under each variant value: (phase, action, fault name) from the matrix's fault table. */
const SCENARIOS: { phase: Phase; action: Action | null; fault: string | null }[] = [
  { phase: "create", action: null, fault: null },
  { phase: "create", action: "submit", fault: "answer lost after the cloud processed it" },
  { phase: "triggers re-run", action: "submit", fault: "connection reset before processing" },
  { phase: "resumed update", action: "query", fault: "three empty answers" },
  { phase: "refresh", action: "query", fault: "throttled twice" },
];

/** How the lifecycle must fail under a variant value that makes it fail by design. */
interface Refusal {
  /** The cell's name. */
  outcome: string;
  /** What the error message must name. */
  message: RegExp;
  /** True when the cloud accepts the tasks first: they must then be in state, and nothing reported done. */
  acceptsTasks: boolean;
}

/**
 * Variant values under which the lifecycle fails by design (null: it must succeed):
 * - the zone or site lives on the other site's endpoint: the cloud refuses the resource's scope outright; the promise
 *   is a clear error that names the other endpoint, with nothing accepted;
 * - `tasks.unknownStatus` (ledger ALL-12): every task reports a status the provider does not know (`paused`, or blank);
 *   the tasks are accepted, and the promise is that they are recorded, never reported done, and that create fails
 *   after a few observations with a message naming the raw status (`"paused"`; a blank one as `"(none)"`).
 */
function refusesScope(setting: { name: string; value: string }): Refusal | null {
  if (/Endpoint$/.test(setting.name) && setting.value === "other") {
    return { outcome: "create is refused, naming the other endpoint", message: /intl|international|ap-southeast-1|cn-hangzhou|other (site|endpoint)/i, acceptsTasks: false };
  }
  if (setting.name === "tasks.unknownStatus" && setting.value !== "none") {
    const raw = setting.value === "blank" ? "\\(none\\)" : setting.value;
    return { outcome: "create fails naming the unknown status, tasks recorded", message: new RegExp(`status "${raw}"`), acceptsTasks: true };
  }
  return null;
}

/**
 * The refusal scenario: create fails with the message `expected` names; nothing accepted (a refused scope), or every
 * accepted task recorded in state and the resource not reported succeeded (an unknown status).
 */
async function refusalCell(env: CellEnv, n: number, setting: { name: string; value: string }, expected: Refusal): Promise<string[]> {
  const { emu, host, cloud } = env;
  await emu.control.reset();
  await emu.control.setConfig({ variants: { [setting.name]: setting.value } });
  const engine = new EngineModel(host, { project: "variants", stack: `refuse${n}`, config: {} });
  const reg = { type: `pulumi-nodejs:dynamic/cdn-prefetch:${cloud.type}`, name: "warm",
    inputs: { ...cloud.base, urls: cloud.urls(`r${n}`), pollIntervalSeconds: 0.05, __provider: env.providerText } };
  const { errors } = await engine.up([reg]);
  const problems: string[] = [];
  if (errors.length !== 1) problems.push(`expected one error, got ${errors.length}`);
  else if (!expected.message.test(errors[0].message)) problems.push(`the message does not match ${expected.message}: ${errors[0].message}`);
  const accepted = (await emu.control.tasks()).filter((t) => t.product === cloud.product);
  if (!expected.acceptsTasks && accepted.length > 0) problems.push(`${accepted.length} tasks accepted although the scope was refused`);
  if (expected.acceptsTasks) {
    const state = [...engine.state.values()][0];
    const outs = state ? (stripSecrets(state.outputs) as { status?: string; batches?: { taskIds: string[] }[] }) : null;
    const ids = new Set((outs?.batches ?? []).flatMap((b) => b.taskIds));
    const lost = accepted.filter((t) => !ids.has(t.taskId));
    if (accepted.length === 0) problems.push("no task accepted");
    if (lost.length > 0) problems.push(`accepted tasks missing from state: ${lost.map((t) => t.taskId).join(", ")}`);
    if (outs?.status === "succeeded") problems.push("reported succeeded although no status was known");
  }
  return problems;
}

function cellsFor(cloud: CloudUnderTest, setting: string): Cell[] {
  return SCENARIOS.map((s) => ({
    id: `${cloud.cloud} · ${setting} · ${s.phase}${s.action ? ` · ${s.action} · ${s.fault}` : ""}`,
    cloud, phase: s.phase, action: s.action,
    fault: s.fault ? faultCases(cloud).find((f) => f.name === s.fault) ?? null : null,
  }));
}

/** The variants the emulator's modules declare, de-duplicated by name (the control plane lists the same). */
function declaredVariants(): VariantDef[] {
  const byName = new Map<string, VariantDef>();
  for (const d of defaultModules().flatMap((m) => [...m.variants])) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()];
}

/** Purge variants (issue 11) run the lifecycle scenarios with `purgeFirst`, so the purge phase meets them. */
const purges = (setting: { name: string }) => /(^|\.)purge/i.test(setting.name);

const fullPlan = CLOUDS.flatMap((cloud) => variantSettings(declaredVariants().filter((d) => d.products.includes(cloud.product)))
  .map((setting) => ({
    cloud, setting,
    cells: refusesScope(setting)
      ? [{ id: `${cloud.cloud} · ${setting.name}=${setting.value} · ${refusesScope(setting)!.outcome}`, cloud, phase: "create" as Phase, action: null, fault: null }]
      : cellsFor(purges(setting) ? { ...cloud, base: { ...cloud.base, purgeFirst: true } } : cloud, `${setting.name}=${setting.value}`),
  })));
// `VARIANTS_FILTER=esa.listTaskIds` runs only the variant values whose setting contains the text (local iteration).
const plan = fullPlan.filter((p) => !process.env.VARIANTS_FILTER || `${p.setting.name}=${p.setting.value}`.includes(process.env.VARIANTS_FILTER));

/**
 * Independent lanes per cloud (an emulator and a host each): cells mostly wait on timers, so lanes run side by side.
 */
const LANES_PER_CLOUD = 2;

/**
 * The visibility grace the provider gets for a setting: 0.3 s (the emulator shows tasks at once), or, under a
 * visibility-lag variant, the lag plus a second — the provider's promise "never twice" rests on grace ≥ lag (README,
 * Current limits), so the suite checks the promise where it holds.
 */
function graceFor(setting: { name: string; value: string }): string {
  const lagMs = /visibilityLag/i.test(setting.name) ? Number(setting.value) : 0;
  return Number.isFinite(lagMs) && lagMs > 0 ? String(lagMs / 1000 + 1) : "0.3";
}

/** Runs one lane's cells in order, recording each verdict. */
async function runLane(cloud: CloudUnderTest, lane: typeof plan, verdicts: Map<string, string[]>): Promise<void> {
  const emu = await startEmulator({ port: 0, config: { defaultDurationMs: 150 } });
  const providerText = await serializeProvider(shimFor(cloud.cloud));
  const hosts = new Map<string, Awaited<ReturnType<typeof startHost>>>();
  const hostFor = async (grace: string) => {
    if (!hosts.has(grace)) hosts.set(grace, await startHost({ cwd: PROGRAM_DIR, env: { ...emulatorEnv(emu), CDN_PREFETCH_VISIBILITY_GRACE_SECONDS: grace } }));
    return hosts.get(grace)!;
  };
  try {
    let n = 0;
    for (const p of lane) {
      const env: CellEnv = { emu, host: await hostFor(graceFor(p.setting)), cloud, providerText };
      for (const cell of p.cells) {
        const prepare = () => emu.control.setConfig({ variants: { [p.setting.name]: p.setting.value } });
        const refusal = refusesScope(p.setting);
        const run = refusal ? refusalCell(env, n++, p.setting, refusal) : runCell(env, cell, n++, prepare);
        verdicts.set(cell.id, await run.catch((e: Error) => [`cell threw: ${e.stack ?? e.message}`]));
      }
    }
  } finally {
    for (const h of hosts.values()) await h.stop();
    await emu.close();
  }
}

describe(`the provider under every emulator variant (${plan.length} variant values × ${SCENARIOS.length} scenarios)`, function () {
  this.timeout(20 * 60_000);
  const verdicts = new Map<string, string[]>();

  before(async () => {
    const lanes = CLOUDS.flatMap((cloud) => {
      const own = plan.filter((p) => p.cloud === cloud);
      return [own.filter((_, i) => i % LANES_PER_CLOUD === 0), ...Array.from({ length: LANES_PER_CLOUD - 1 }, (_, k) => own.filter((_, i) => i % LANES_PER_CLOUD === k + 1))]
        .filter((lane) => lane.length > 0).map((lane) => ({ cloud, lane }));
    });
    await Promise.all(lanes.map(({ cloud, lane }) => runLane(cloud, lane, verdicts)));
  });

  it("the emulator declares variants for every product", async () => {
    const products = new Set(fullPlan.map((p) => p.cloud.product));
    assert.deepEqual([...products].sort(), ["cdn", "dcdn", "esa", "teo"]);
    const emu = await startEmulator({ port: 0 });
    try {
      assert.deepEqual((await emu.control.variants()).map((d) => d.name).sort(), declaredVariants().map((d) => d.name).sort(),
        "the control plane lists the same variants");
    } finally {
      await emu.close();
    }
  });

  for (const p of plan) {
    for (const cell of p.cells) {
      it(cell.id, () => {
        const problems = verdicts.get(cell.id);
        assert.ok(problems, "cell did not run");
        assert.deepEqual(problems, []);
      });
    }
  }
});
