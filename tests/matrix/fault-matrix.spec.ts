/**
 * The generated fault matrix (issue 7): cloud × action {quota, submit, query} × fault × phase {create, resumed update,
 * refresh, triggers re-run, destroy}, through Pulumi's real dynamic-provider host with the engine model carrying
 * state between steps (harness/engine.ts), against the emulator's fault injection. The four clouds run side by side
 * (one emulator and one host each) in `before`; each cell then reports its own verdict as a test.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import { CLOUDS, generateCells, type Cell } from "./cells";
import { runCell, type CellEnv } from "./run-cell";

const PROGRAM_DIR = path.resolve(__dirname, "..", "..", "examples", "quickstart");
/** One cell never takes this long unless it hangs. */
const CELL_LIMIT_MS = 90_000;
/** Visibility grace for uncertain submits, shortened from the real 60 s (the emulator shows tasks at once). */
const GRACE_SECONDS = "0.3";

/** `MATRIX_FILTER=edgeone · create` runs only the cells whose id contains the text (for local iteration). */
const cells = generateCells().filter((c) => !process.env.MATRIX_FILTER || c.id.includes(process.env.MATRIX_FILTER));
const verdicts = new Map<string, string[]>();

async function withLimit(p: Promise<string[]>): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<string[]>((resolve) => { timer = setTimeout(() => resolve([`cell did not finish within ${CELL_LIMIT_MS} ms`]), CELL_LIMIT_MS); });
  try { return await Promise.race([p, limit]); } finally { clearTimeout(timer); }
}

async function runCloud(cloud: (typeof CLOUDS)[number], own: Cell[]): Promise<void> {
  const emu = await startEmulator({ port: 0, config: { defaultDurationMs: 150 } });
  const start = () => startHost({ cwd: PROGRAM_DIR, env: { ...emulatorEnv(emu), CDN_PREFETCH_VISIBILITY_GRACE_SECONDS: GRACE_SECONDS } });
  const host = await start();
  const env: CellEnv = { emu, host, cloud, providerText: await serializeProvider(shimFor(cloud.cloud)) };
  try {
    for (const [i, cell] of own.entries()) {
      // A quota cell's faulted `up` runs in a new host process: the quota is remembered per process (cells.ts).
      const cellEnv: CellEnv = cell.action === "quota" ? { ...env, newHost: start } : env;
      verdicts.set(cell.id, await withLimit(runCell(cellEnv, cell, i).catch((e: Error) => [`cell threw: ${e.stack ?? e.message}`])));
    }
  } finally {
    await host.stop();
    await emu.close();
  }
}

describe(`fault matrix (${cells.length} cells: cloud × action × fault × phase)`, function () {
  this.timeout(20 * 60_000);
  before(async () => {
    // Two independent lanes per cloud (an emulator and a host each): cells mostly wait on timers.
    const lanes = CLOUDS.flatMap((c) => {
      const own = cells.filter((x) => x.cloud === c);
      return [own.filter((_, i) => i % 2 === 0), own.filter((_, i) => i % 2 === 1)].filter((l) => l.length > 0).map((l) => runCloud(c, l));
    });
    await Promise.all(lanes);
  });
  for (const cell of cells) {
    it(cell.id, () => {
      const problems = verdicts.get(cell.id);
      assert.ok(problems, "cell did not run");
      assert.deepEqual(problems, []);
    });
  }
});
