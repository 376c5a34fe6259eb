/**
 * The Alibaba adapters against the in-process emulator, under its variants: one emulator per spec file, a clock that
 * follows the emulator's virtual clock, connections with the emulator's credentials, call counters, and the list of
 * every (variant, value) the emulator declares for a product, so that specs iterate them instead of hand-picking.
 */
import { defaultModules, startEmulator, type RunningEmulator } from "../../../emulator";
import type { EmulatorConfig, Product } from "../../../emulator/core/types";
import type { VariantDef } from "../../../emulator/core/variants";
import { createAdapter } from "../../../provider/adapters/registry";
import type { Connection, PrefetchAdapter } from "../../../provider/adapters/types";
import type { Clock } from "../../../provider/engine/clock";
import type { CloudKind } from "../../../provider/model/cloud";
import { isCloudError } from "../../../provider/model/errors";
import type { PrefetchSpec } from "../../../provider/model/spec";
import type { SubmitResult } from "../../../provider/model/task";
import { freshProcessMemory } from "../../helpers/process-memory";
import { testConnection } from "./connection";

/** One setting of the emulator's variants: `{}` is the all-defaults run. */
export type VariantSetting = Record<string, string>;

/** The emulator, and an adapter clock that follows its virtual clock. */
export interface AlibabaEmulator {
  readonly emu: RunningEmulator;
  /** The adapters' clock: the emulator's virtual now, refreshed after every move. */
  readonly clock: Clock;
  now(): number;
  /** Moves the virtual clock forward. */
  advance(ms: number): Promise<void>;
  /** Forgets everything (the emulator's state and the process memory of the adapters) and applies `variants` (and other config) on a manual clock. */
  reset(variants?: VariantSetting, config?: Partial<EmulatorConfig>): Promise<void>;
  connection(o?: Partial<Connection>): Connection;
  adapter(cloud: CloudKind, o?: Partial<Connection>): PrefetchAdapter;
  /** Served calls of `product:Action` so far. */
  calls(counter: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts an emulator for one spec file. */
export async function startAlibabaEmulator(): Promise<AlibabaEmulator> {
  for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
  const emu = await startEmulator({ port: 0 });
  let now = 0;
  const sync = async () => { now = (await emu.control.state()).now; };
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const connection = (o: Partial<Connection> = {}) => testConnection(emu.url, {
    credentials: { accessKeyId: emu.credentials.alibaba.accessKeyId, accessKeySecret: emu.credentials.alibaba.accessKeySecret, securityToken: null },
    tencentDomain: null, alibabaAccountType: null, alibabaPreloadDetail: false, ...o,
  });
  return {
    emu, clock,
    now: () => now,
    advance: async (ms) => { await emu.control.advance(ms); await sync(); },
    reset: async (variants = {}, config = {}) => {
      freshProcessMemory();
      await emu.control.reset();
      await emu.control.setClock({ mode: "manual" });
      await emu.control.setRules([], 60_000);
      await emu.control.setConfig({ ...config, variants });
      await sync();
    },
    connection,
    adapter: (cloud, o) => createAdapter(cloud, connection(o), clock),
    calls: async (counter) => (await emu.control.stats()).calls[counter] ?? 0,
    close: () => emu.close(),
  };
}

/**
 * Every setting to run a scenario under, from the variants the emulator's modules declare (known when the spec file is
 * loaded, so each setting gets its own test): all defaults, then each non-default value of each variant of `product`.
 */
export function variantSettings(product: Product): VariantSetting[] {
  const byName = new Map<string, VariantDef>();
  for (const d of defaultModules().flatMap((m) => m.variants)) if (!byName.has(d.name)) byName.set(d.name, d);
  const defs = [...byName.values()].filter((d) => d.products.includes(product));
  return [{}, ...defs.flatMap((d) => d.values.slice(1).map((value) => ({ [d.name]: value })))];
}

/** A short name for a setting, for test titles. */
export function settingName(s: VariantSetting): string {
  const entries = Object.entries(s);
  return entries.length === 0 ? "all defaults" : entries.map(([k, v]) => `${k}=${v}`).join(", ");
}

/**
 * Submits like the lifecycle does: a `busy` refusal (`alibaba.busyAfterFirstUse`, `esa.busyAfterFirstUse`) proves
 * nothing was accepted, so the submit is repeated after moving the clock past the busy period.
 */
export async function submitWhenReady(h: AlibabaEmulator, a: PrefetchAdapter, spec: PrefetchSpec, urls: string[]): Promise<SubmitResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await a.submit(spec, urls);
    } catch (e) {
      if (!isCloudError(e) || e.kind !== "busy" || attempt >= 5) throw e;
      await h.advance(5_000);
    }
  }
}
