/**
 * The contender process: one per (phase, contender), running every resource of its runs side by side, as that many
 * CI jobs would (each resource with its own SDK client). Protocol over the IPC channel: the parent sends `{runs}`; the
 * child builds its SDK clients and answers `ready`; on `go` every resource starts (after its run's `delayMs`); each
 * resource's end is sent as `{outcome}`, then `done`.
 */
import { CLOUDS, fullUrl } from "../clouds";
import type { ContenderRun, ResourceOutcome } from "../types";
import { cdnOps } from "./cdn-ops";
import { describe, sleep, type CloudOps } from "./ops";
import { cliWaiter } from "./p1-cli-waiter";
import { terraform } from "./p2-terraform";
import { carefulScript } from "./p3-script";
import { teoOps } from "./teo-ops";

/** Parent → child messages. */
export type ToChild = { runs: ContenderRun[] } | { go: true };

/** Child → parent messages. */
export type FromChild = { ready: true } | { runId: string; outcome: ResourceOutcome } | { done: true };

const POLICIES = { P1: cliWaiter, P2: terraform, P3: carefulScript } as const;

function opsFor(run: ContenderRun): CloudOps {
  return run.cloud === "edgeone" ? teoOps(run.emulator, CLOUDS.edgeone.zoneId!) : cdnOps(run.emulator);
}

async function runOne(run: ContenderRun, ops: CloudOps, resource: ContenderRun["resources"][number]): Promise<ResourceOutcome> {
  await sleep(run.delayMs);
  const urls = resource.urls.map((p) => fullUrl(run.cloud, p));
  const startedAt = Date.now();
  try {
    await POLICIES[run.tool](ops, urls, startedAt + run.guardMs);
    return { name: resource.name, startedAt, returnedAt: Date.now() };
  } catch (e) {
    return { name: resource.name, startedAt, returnedAt: Date.now(), error: describe(e) };
  }
}

function send(m: FromChild): void {
  process.send!(m);
}

let runs: ContenderRun[] = [];
let clients: CloudOps[][] = [];
process.on("message", (m: ToChild) => {
  if ("runs" in m) {
    runs = m.runs;
    // One client per resource, as separate CI jobs have.
    clients = runs.map((r) => r.resources.map(() => opsFor(r)));
    send({ ready: true });
    return;
  }
  const all = runs.flatMap((run, i) => run.resources.map(async (res, j) => {
    send({ runId: run.runId, outcome: await runOne(run, clients[i][j], res) });
  }));
  void Promise.all(all).then(() => send({ done: true }));
});
