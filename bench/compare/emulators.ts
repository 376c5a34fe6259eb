/**
 * The emulators of the comparison, one per tool run, all served by one emulator process of their own (the "cloud"):
 * the bench process only drives this provider's hosts, so a busy emulator never delays when a Create's answer is seen,
 * and the contenders run in processes of their own too.
 *
 * Each emulator: real-time clock (virtual time = wall time), the vendors' documented per-account rate limits enforced
 * (emulator/core/rate-limit.ts `DOCUMENTED_RATES`), daily quotas far above any scenario, and one outcome rule per URL
 * duration. Separate instances keep the tools from sharing rate limits.
 */
import { fork } from "node:child_process";
import * as path from "node:path";
import { controlClient, startEmulator, type EmulatorCredentials, type EmulatorStats, type RunningEmulator } from "../../emulator";
import { urlKey } from "./clouds";
import { durationRules } from "./scenarios";
import type { EmulatorTarget } from "./types";

/**
 * Daily URL quota of every product: the vendors' defaults (EdgeOne 10,000, Alibaba 1,000 a day, emulator/core/config.ts)
 * would refuse the 10,000-URL scenario; the bench measures waiting, not quotas.
 */
const BENCH_DAILY_QUOTA = 10_000_000;

/** Starts an emulator (in this process) for URL paths `paths` (each `/d<ms>/` path lasts `ms`). */
export async function startRunEmulator(paths: readonly string[]): Promise<RunningEmulator> {
  return startEmulator({
    port: 0,
    rules: durationRules(paths),
    config: {
      rateLimits: { enabled: true },
      quotas: { teo: { daily: BENCH_DAILY_QUOTA }, cdn: { daily: BENCH_DAILY_QUOTA }, dcdn: { daily: BENCH_DAILY_QUOTA }, esa: { daily: BENCH_DAILY_QUOTA } },
    },
  });
}

/** An emulator of the fleet: where it listens and the keys it accepts. */
export interface RunEmulator {
  url: string;
  credentials: EmulatorCredentials;
}

/** Event-loop delay of the emulator process over a phase, ms. */
export interface Lag {
  p99: number;
  max: number;
}

/** Parent → emulator process. */
export type ToFleet = { id: number } & ({ start: string[][] } | { lag: true } | { close: true });

/** Emulator process → parent. */
export type FromFleet = { id: number; started?: RunEmulator[]; lag?: Lag; closed?: true };

/** The emulator process. */
export interface EmulatorFleet {
  /** Starts one emulator per entry, each for its URL paths. */
  start(paths: string[][]): Promise<RunEmulator[]>;
  /** The event-loop delay since the last call (restarts the measurement). */
  lag(): Promise<Lag>;
  close(): Promise<void>;
}

/** Forks the emulator process (emulator-process.ts). */
export function startFleet(): EmulatorFleet {
  const child = fork(path.join(__dirname, "emulator-process.ts"), [], {
    execArgv: ["-r", "ts-node/register/transpile-only"], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, (m: FromFleet) => void>();
  let next = 0;
  child.on("message", (m: FromFleet) => waiting.get(m.id)?.(m));
  const ask = (m: Omit<ToFleet, "id">) => new Promise<FromFleet>((resolve, reject) => {
    const id = next++;
    waiting.set(id, resolve);
    child.once("exit", (code) => reject(new Error(`emulator process exited (${code})`)));
    child.send({ ...m, id });
  });
  return {
    start: async (paths) => (await ask({ start: paths })).started!,
    lag: async () => (await ask({ lag: true })).lag!,
    close: async () => {
      if (child.exitCode === null) await ask({ close: true }).catch(() => undefined);
    },
  };
}

/** Where a contender process finds an emulator. */
export function targetOf(emu: RunEmulator): EmulatorTarget {
  return { url: emu.url, tencent: { ...emu.credentials.tencent }, alibaba: { ...emu.credentials.alibaba } };
}

/** What a run left on its emulator: calls (served and refused) by action, and each URL's acceptance and finish. */
export interface RunRecord {
  /** Calls sent, by Action: served plus refused by the rate limiter. */
  calls: Record<string, number>;
  /** Calls the rate limiter refused, all actions. */
  throttled: number;
  /** Latest `finishesAt` (wall ms) per URL key (no scheme), over every task accepted for it. */
  finishes: Map<string, number>;
  /** Earliest `createdAt` (wall ms) per URL key: when the cloud first accepted the URL. */
  accepted: Map<string, number>;
}

/** Reads a finished run's record for `product` through the emulator's control plane. */
export async function readRun(emu: RunEmulator, product: string): Promise<RunRecord> {
  const control = controlClient(emu.url);
  const stats: EmulatorStats = await control.stats();
  const calls: Record<string, number> = {};
  let throttled = 0;
  const add = (src: Record<string, number>, isThrottle: boolean) => {
    for (const [key, n] of Object.entries(src)) {
      const [p, action] = key.split(":");
      if (p !== product) continue;
      calls[action] = (calls[action] ?? 0) + n;
      if (isThrottle) throttled += n;
    }
  };
  add(stats.calls, false);
  add(stats.throttled, true);
  const finishes = new Map<string, number>();
  const accepted = new Map<string, number>();
  for (const t of await control.tasks()) {
    if (t.product !== product) continue;
    const key = urlKey(t.url);
    finishes.set(key, Math.max(finishes.get(key) ?? 0, t.finishesAt));
    accepted.set(key, Math.min(accepted.get(key) ?? Infinity, t.createdAt));
  }
  return { calls, throttled, finishes, accepted };
}
