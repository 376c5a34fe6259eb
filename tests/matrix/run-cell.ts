/**
 * Runs one cell of the fault matrix through Pulumi's real dynamic-provider host, with the engine model carrying state
 * between steps, and returns every broken promise it finds (empty: the cell holds). After the faulted step:
 * - no task the emulator accepted is missing from the resource's state (as a batch, or as an uncertain batch);
 * - a step that succeeded has every URL terminal;
 * - every error message names the cloud, the task ids recorded (or says none is confirmed) and the next step.
 * Then the faults are cleared and `pulumi up` is repeated (at most 3 times) until it succeeds, and:
 * - every URL succeeded; the emulator accepted each declared URL exactly once per prefetch run (no duplicate across
 *   `up`s); refresh works; destroy works and calls no cloud API.
 */
import { EngineModel, stripSecrets, type Registration } from "../../harness/engine";
import type { Host } from "../../harness/host";
import type { Fault, RunningEmulator } from "../../emulator";
import { cellUrls, type Cell, type CloudUnderTest } from "./cells";
import { storedRecord, storedResults } from "../helpers/stored-record";

/** What a cloud's cells share. */
export interface CellEnv {
  emu: RunningEmulator;
  host: Host;
  providerText: string;
  cloud: CloudUnderTest;
  /**
   * A new host process, for cells whose call depends on what a process remembers (the quota: adapters/quota-memory.ts):
   * the faulted `up` of such a cell runs in a process of its own, as a real later `pulumi up` does. The cell stops it.
   */
  newHost?: () => Promise<Host>;
}

/** The same stack driven through a new host process (a later `pulumi up`): state and pending deletes carried over. */
function onNewHost(engine: EngineModel, host: Host, stack: string): EngineModel {
  const next = new EngineModel(host, { project: "matrix", stack, config: {} });
  for (const [urn, s] of engine.state) next.state.set(urn, s);
  next.pendingDeletes.push(...engine.pendingDeletes);
  return next;
}

type Outputs = Record<string, unknown>;
const TERMINAL = new Set(["succeeded", "failed", "timeout", "canceled", "invalid", "rejected"]);

/** Runs a cell; returns the problems found. `prepare` runs right after the emulator reset (e.g. to choose variants). */
export async function runCell(env: CellEnv, cell: Cell, n: number, prepare?: () => Promise<void>): Promise<string[]> {
  const { emu, host } = env;
  const problems: string[] = [];
  await emu.control.reset();
  await prepare?.();
  const started: Host[] = [];
  const faultedHost = async () => {
    if (!env.newHost) return null;
    started.push(await env.newHost());
    return started[started.length - 1];
  };
  try {
    return await cellSteps(env, cell, n, host, faultedHost, problems);
  } finally {
    await Promise.all(started.map((h) => h.stop()));
  }
}

/** The steps of {@link runCell}; the faulted `up` moves to `faultedHost()` when it gives one (quota cells). */
async function cellSteps(env: CellEnv, cell: Cell, n: number, host: Host, faultedHost: () => Promise<Host | null>,
  problems: string[]): Promise<string[]> {
  const { emu, cloud } = env;
  const stack = `cell${n}`;
  let engine = new EngineModel(host, { project: "matrix", stack, config: {} });
  const moveToFaultedHost = async () => {
    const next = await faultedHost();
    if (next) engine = onNewHost(engine, next, stack);
  };
  const tag = `m${n}`;
  const urls = cellUrls(cell, tag);
  const reg = (extra: Record<string, unknown>): Registration => ({
    type: `pulumi-nodejs:dynamic/cdn-prefetch:${cloud.type}`, name: "warm",
    inputs: { ...cloud.base, urls, pollIntervalSeconds: 0.05, progressLabel: "warm", ...(extra.wait === false ? {} : { waitTimeoutSeconds: 20 }), ...extra, __provider: env.providerText },
  });
  /** Emulator time when the fault was queued: tasks created from then on belong to the faulted step. */
  let since = 0;
  /** Fault hits queued for the cell's action (see {@link pendingFaultHits}). */
  let queued = 0;
  const inject = async () => {
    since = (await emu.control.state()).now;
    if (!cell.fault || !cell.action) return;
    const names = cloud.actions[cell.action];
    await emu.control.addFaults(names.flatMap((action) => cell.fault!.faults.map((f) => ({ ...f, product: cloud.product, action }))));
    queued = await pendingFaultHits(env, cell);
  };
  const outputs = (): Outputs | null => {
    const s = [...engine.state.values()][0];
    return s ? (stripSecrets(s.outputs) as Outputs) : null;
  };

  let runs = 1;
  let final = reg({ triggers: 1 });
  let errors: Error[] = [];
  switch (cell.phase) {
    case "create":
      await moveToFaultedHost();
      await inject();
      errors = (await engine.up([final])).errors;
      break;
    case "resumed update": {
      await emu.control.setRules([{ match: `/${tag}/`, outcome: "success", durationMs: 1500 }]);
      const first = await engine.up([reg({ triggers: 1, waitTimeoutSeconds: 0.2 })]);
      if (first.errors.length !== 1) problems.push(`setup: expected the first up to time out, got ${first.errors.length} errors`);
      await inject();
      errors = (await engine.up([final])).errors;
      break;
    }
    case "refresh": {
      await emu.control.setRules([{ match: `/${tag}/`, outcome: "success", durationMs: 1000 }]);
      const first = await engine.up([reg({ triggers: 1, wait: false })]);
      if (first.errors.length !== 0) problems.push(`setup: ${first.errors.map((e) => e.message).join("; ")}`);
      await inject();
      try { await engine.refresh(); } catch (e) { errors = [e as Error]; }
      break;
    }
    case "triggers re-run": {
      const first = await engine.up([final]);
      if (first.errors.length !== 0) problems.push(`setup: ${first.errors.map((e) => e.message).join("; ")}`);
      runs = 2;
      final = reg({ triggers: 2 });
      // Alibaba merges same-domain submits of one second under one id (cloud-apis.md §A.1): a re-run in the first
      // run's second cannot be told apart from it (README, Limits). Real prefetches take minutes; here they take
      // 150 ms, so the re-run waits for the next second.
      await new Promise((r) => setTimeout(r, 1100));
      await moveToFaultedHost();
      await inject();
      errors = (await engine.up([final])).errors;
      break;
    }
    case "destroy":
      return destroyCell(env, engine, final, problems);
  }

  if (cell.action === "quota" && cell.fault && (await pendingFaultHits(env, cell)) >= queued) {
    problems.push("the faulted step never made the quota call: the cell tests nothing");
  }
  problems.push(...(await lostTasks(env, tag, since, outputs())));
  const after = outputs();
  if (errors.length === 0 && cell.phase !== "refresh" && after) problems.push(...earlySuccess(after, "after the faulted step"));
  for (const e of errors) problems.push(...messageProblems(cloud, e, after));

  await emu.control.clearFaults();
  await outageOver(env);
  let last: Error[] = [];
  for (let i = 0; i < 3; i++) {
    last = (await engine.up([final])).errors;
    if (last.length === 0) break;
  }
  if (last.length > 0) problems.push(`recovery: up still failing after the faults were cleared: ${last.map((e) => e.message).join(" | ")}`);
  const done = outputs();
  if (!done) return [...problems, "recovery: the resource is not in state"];
  if (done.status !== "succeeded") problems.push(`recovery: status ${String(done.status)}`);
  problems.push(...earlySuccess(done, "after recovery"));
  problems.push(...(await duplicates(env, tag, urls.length, runs)));
  try { await engine.refresh(); } catch (e) { problems.push(`refresh after recovery failed: ${(e as Error).message}`); }
  const calls = await totalCalls(env);
  try { await engine.destroy(); } catch (e) { problems.push(`destroy failed: ${(e as Error).message}`); }
  if (engine.state.size !== 0) problems.push("destroy left the resource in state");
  if ((await totalCalls(env)) !== calls) problems.push("destroy called a cloud API");
  return problems;
}

/** Destroy with every fault queued: it must work and call nothing. */
async function destroyCell(env: CellEnv, engine: EngineModel, reg: Registration, problems: string[]): Promise<string[]> {
  const first = await engine.up([reg]);
  if (first.errors.length) problems.push(`setup: ${first.errors.map((e) => e.message).join("; ")}`);
  await env.emu.control.addFaults([{ kind: "internal", count: 50 }, { kind: "reset", count: 50 }]);
  const calls = await totalCalls(env);
  try { await engine.destroy(); } catch (e) { problems.push(`destroy failed: ${(e as Error).message}`); }
  if (engine.state.size !== 0) problems.push("destroy left the resource in state");
  if ((await totalCalls(env)) !== calls) problems.push("destroy called a cloud API");
  return problems;
}

/** Hits left in the emulator's queued faults for the cell's action: fewer after the step means it made the call. */
async function pendingFaultHits(env: CellEnv, cell: Cell): Promise<number> {
  const names = cell.action ? env.cloud.actions[cell.action] : [];
  const pending = (await env.emu.control.state()).faults as (Fault & { remaining?: number })[];
  return pending.filter((f) => f.product === env.cloud.product && names.includes(f.action ?? ""))
    .reduce((n, f) => n + (f.remaining ?? f.count ?? 1), 0);
}

async function totalCalls(env: CellEnv): Promise<number> {
  return Object.values((await env.emu.control.stats()).calls).reduce((a, b) => a + b, 0);
}

/** Waits until an emulator outage (a `down` fault) is over. */
async function outageOver(env: CellEnv): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const s = (await env.emu.control.state()) as { downUntil?: number | null };
    if (!s.downUntil || s.downUntil <= Date.now()) return;
    await new Promise((r) => setTimeout(r, Math.min(100, s.downUntil - Date.now() + 5)));
  }
}

/**
 * Every task the emulator accepted for this cell since `since` (the faulted step; a triggers re-run replaces the
 * previous run's record on purpose) is in state: its id in a batch, or its URL in an uncertain batch.
 */
async function lostTasks(env: CellEnv, tag: string, since: number, outs: Outputs | null): Promise<string[]> {
  const tasks = (await env.emu.control.tasks()).filter((t) => t.product === env.cloud.product && t.url.includes(`/${tag}/`) && t.createdAt >= since);
  if (!outs) return tasks.length ? [`${tasks.length} accepted tasks but nothing in state (lost): ${tasks.map((t) => t.taskId).join(",")}`] : [];
  const rec = storedRecord(outs);
  const ids = new Set(rec.batches.flatMap((b) => b.taskIds));
  // A cloud may list a task under an id of its own (ESA `esa.listTaskIds=perUrlId`): a batch recording its URL holds it.
  const recorded = new Set([...rec.batches.flatMap((b) => b.urls), ...rec.uncertainBatches.flatMap((u) => u.urls)].map((u) => u.toLowerCase()));
  const lost = tasks.filter((t) => !ids.has(t.taskId) && !recorded.has(t.url.toLowerCase()));
  return lost.length ? [`accepted tasks missing from state: ${lost.map((t) => `${t.taskId} ${t.url}`).join(", ")}`] : [];
}

/** "Success" only with every URL terminal. */
function earlySuccess(outs: Outputs, when: string): string[] {
  const open = storedResults(outs).filter((r) => !TERMINAL.has(r.status));
  if (outs.status === "succeeded" && open.length > 0) return [`${when}: status succeeded with ${open.length} URLs not terminal`];
  if (outs.status !== "running" && open.length > 0) return [`${when}: status ${String(outs.status)} with URLs not terminal`];
  return [];
}

/** The message names the cloud, the recorded task ids (or that none is confirmed) and a next step. */
function messageProblems(cloud: CloudUnderTest, e: Error, outs: Outputs | null): string[] {
  const m = e.message;
  const out: string[] = [];
  if (!m.includes(`${cloud.cloud}: `)) out.push(`message does not name the cloud: ${m}`);
  if (!/pulumi up|Next:|pulumi refresh/.test(m)) out.push(`message gives no next step: ${m}`);
  const ids = ((outs?.batches as { taskIds: string[] }[]) ?? []).flatMap((b) => b.taskIds);
  if (ids.length > 0 && !ids.some((id) => m.includes(id)) && !/no confirmed task|unconfirmed/.test(m)) out.push(`message names no task id (${ids.join(",")}): ${m}`);
  return out;
}

/** Each declared URL was accepted exactly `runs` times (once per prefetch run). */
async function duplicates(env: CellEnv, tag: string, declared: number, runs: number): Promise<string[]> {
  const tasks = (await env.emu.control.tasks()).filter((t) => t.product === env.cloud.product && t.url.includes(`/${tag}/`));
  const per = new Map<string, number>();
  for (const t of tasks) per.set(t.url, (per.get(t.url) ?? 0) + 1);
  const wrong = [...per].filter(([, n]) => n !== runs);
  const problems = wrong.map(([u, n]) => `${u} accepted ${n} times, expected ${runs}`);
  if (per.size !== declared) problems.push(`${per.size} of ${declared} URLs accepted`);
  return problems;
}
