/**
 * The emulator's own control plane (no vendor counterpart), under `/_emulator/`: inspect and reset state, drive the
 * virtual clock, choose outcomes per URL, queue faults and change configuration. The same operations are available
 * in-process through {@link EmulatorControl}.
 */
import type { ClockMode } from "./clock";
import type { EdgeSnapshot } from "./edge";
import { mergeConfig } from "./config";
import { contextOf, resetState, type EmulatorState } from "./context";
import { validateRules } from "./planner";
import { validateRateLimits } from "./rate-limit";
import { validateVariants, type VariantDef } from "./variants";
import type { EmulatorStats } from "./stats";
import type { AcceptedTask, EmulatorConfig, Fault, OutcomeRule } from "./types";

/** A snapshot of the emulator's adjustable state. */
export interface EmulatorSnapshot {
  now: number;
  mode: ClockMode;
  config: EmulatorConfig;
  rules: OutcomeRule[];
  faults: Fault[];
  /** Wall-clock ms at which the current `down` outage ends, or null when up. */
  downUntil: number | null;
  /** Calls held by a `delay` fault, waiting for the emulator clock. */
  delayedCalls: number;
  stats: EmulatorStats;
}

/** Control operations, in-process or over HTTP. */
export interface EmulatorControl {
  /** Forgets tasks, counters, faults and rules; ends a `down` outage; clock back to real time; config back to start-up. */
  reset(): Promise<void>;
  /** Switches the clock mode and/or moves it forward. */
  setClock(o: { mode?: ClockMode; advanceMs?: number }): Promise<void>;
  /** Moves the virtual clock forward by `ms`. */
  advance(ms: number): Promise<void>;
  /** Replaces the outcome rules (and optionally the default duration). */
  setRules(rules: OutcomeRule[], defaultDurationMs?: number): Promise<void>;
  /** Queues faults. */
  addFaults(faults: Fault[]): Promise<void>;
  /** Drops every queued fault (tasks, counters and an outage in progress are kept). */
  clearFaults(): Promise<void>;
  /** Merges a partial configuration. */
  setConfig(patch: Partial<EmulatorConfig>): Promise<void>;
  stats(): Promise<EmulatorStats>;
  state(): Promise<EmulatorSnapshot>;
  /** Every task the emulator holds, with its id and URL (tests prove that no accepted task is missing from state). */
  tasks(): Promise<AcceptedTask[]>;
  /** The undocumented behaviours offered as variants, with their values (set them with `setConfig({ variants })`). */
  variants(): Promise<VariantDef[]>;
  /** Sets the origin's version of URLs (`{ url: version }`); URLs never set are at `v0` (core/edge.ts). */
  setOrigin(versions: Record<string, string>): Promise<void>;
  /** What each product's edge holds per URL at the current virtual time: `{ version | null, stale }` (core/edge.ts). */
  edge(): Promise<EdgeSnapshot>;
}

/** The in-process control for a state. */
export function localControl(state: EmulatorState): EmulatorControl {
  const setClock = async (o: { mode?: ClockMode; advanceMs?: number }) => {
    if (o.mode !== undefined && o.mode !== "real" && o.mode !== "manual") throw new RangeError('mode must be "real" or "manual"');
    if (o.mode) state.clock.setMode(o.mode);
    if (o.advanceMs !== undefined) state.clock.advance(o.advanceMs);
  };
  return {
    reset: async () => resetState(state),
    setClock,
    advance: (ms) => setClock({ advanceMs: ms }),
    setRules: async (rules, defaultDurationMs) => {
      state.rules = validateRules(rules);
      if (defaultDurationMs !== undefined) state.config = mergeConfig(state.config, { defaultDurationMs });
    },
    addFaults: async (faults) => state.faults.add(faults),
    clearFaults: async () => state.faults.clear(),
    setConfig: async (patch) => {
      validateVariants((patch as { variants?: unknown }).variants, state.modules.flatMap((m) => [...m.variants]));
      validateRateLimits((patch as { rateLimits?: unknown }).rateLimits);
      state.config = mergeConfig(state.config, patch);
    },
    stats: async () => state.stats.snapshot(),
    variants: async () => [...new Map(state.modules.flatMap((m) => m.variants.map((d) => [d.name, d] as const))).values()],
    tasks: async () => {
      const ctx = contextOf(state);
      return state.modules.flatMap((m) => m.tasks(ctx));
    },
    setOrigin: async (versions) => {
      if (!versions || typeof versions !== "object" || Array.isArray(versions)) throw new RangeError("origin must be an object of url to version");
      state.edge.setOrigin(versions, state.clock.now());
    },
    edge: async () => state.edge.read(state.clock.now()),
    state: async () => ({
      now: state.clock.now(), mode: state.clock.mode(), config: state.config, rules: state.rules,
      faults: state.faults.pending(), downUntil: state.outage.until(), delayedCalls: state.clock.sleeping(), stats: state.stats.snapshot(),
    }),
  };
}

/** Serves one control-plane request; returns null when the path is not a control path. */
export async function handleControl(control: EmulatorControl, method: string, path: string, body: unknown): Promise<{ status: number; body: unknown } | null> {
  if (!path.startsWith("/_emulator/")) return null;
  const b = (body ?? {}) as Record<string, unknown>;
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case "GET /_emulator/state": return { status: 200, body: await control.state() };
      case "GET /_emulator/stats": return { status: 200, body: await control.stats() };
      case "GET /_emulator/tasks": return { status: 200, body: await control.tasks() };
      case "GET /_emulator/variants": return { status: 200, body: await control.variants() };
      case "GET /_emulator/edge": return { status: 200, body: await control.edge() };
      case "POST /_emulator/origin": await control.setOrigin(b.origin as Record<string, string>); break;
      case "POST /_emulator/reset": await control.reset(); break;
      case "POST /_emulator/clock": await control.setClock(b as { mode?: ClockMode; advanceMs?: number }); break;
      case "POST /_emulator/rules": await control.setRules(b.rules as OutcomeRule[], b.defaultDurationMs as number | undefined); break;
      case "POST /_emulator/faults": await control.addFaults(b.faults as Fault[]); break;
      case "POST /_emulator/faults/clear": await control.clearFaults(); break;
      case "POST /_emulator/config": await control.setConfig(b as Partial<EmulatorConfig>); break;
      default: return { status: 404, body: { error: `unknown control endpoint ${route}` } };
    }
    return { status: 200, body: await control.state() };
  } catch (e) {
    return { status: 400, body: { error: e instanceof Error ? e.message : String(e) } };
  }
}
