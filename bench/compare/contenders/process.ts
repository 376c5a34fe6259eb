/**
 * The parent's side of a contender process (child.ts): fork it, hand it its runs, wait until its clients are built,
 * start it, and collect each resource's outcome.
 */
import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { ContenderRun, ResourceOutcome } from "../types";
import type { FromChild, ToChild } from "./child";

/** A contender process that is ready to start. */
export interface ContenderProcess {
  /** Starts every resource; resolves with the outcomes by run id once all have ended. */
  go(): Promise<Map<string, ResourceOutcome[]>>;
  kill(): void;
}

function post(child: ChildProcess, m: ToChild): void {
  child.send(m);
}

/** Forks a contender process for `runs` (TypeScript through ts-node, as `npm run bench` runs the bench). */
export async function startContenders(runs: ContenderRun[]): Promise<ContenderProcess> {
  const child = fork(path.join(__dirname, "child.ts"), [], {
    execArgv: ["-r", "ts-node/register/transpile-only"],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const outcomes = new Map<string, ResourceOutcome[]>(runs.map((r) => [r.runId, []]));
  let onReady: () => void = () => undefined;
  let onDone: () => void = () => undefined;
  let onExit: (why: string) => void = () => undefined;
  child.on("message", (m: FromChild) => {
    if ("ready" in m) onReady();
    else if ("done" in m) onDone();
    else outcomes.get(m.runId)?.push(m.outcome);
  });
  child.on("exit", (code, signal) => onExit(`contender process exited (${code ?? signal})`));
  const settle = (set: (ok: () => void) => void) => new Promise<void>((resolve, reject) => {
    set(resolve);
    onExit = (why) => reject(new Error(why));
  });
  const ready = settle((ok) => (onReady = ok));
  post(child, { runs });
  await ready;
  return {
    async go() {
      const done = settle((ok) => (onDone = ok));
      post(child, { go: true });
      await done;
      return outcomes;
    },
    kill: () => void child.kill("SIGKILL"),
  };
}
