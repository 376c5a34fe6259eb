/**
 * The prefetch `ResourceProvider` shared by every cloud: Pulumi's dynamic-provider host calls these methods (through
 * the thin shim in `sdk/shim.ts`). One instance per cloud per host process.
 */
import type { CloudKind } from "../model/cloud";
import type { Connection, PrefetchAdapter } from "../adapters/types";
import { systemClock, type Clock } from "../engine/clock";
import { checkInputs, parseInputs, type Failure } from "./check";
import { CONFIG_KEYS, resolveConnection, visibilityGraceMs, type ConfigValues } from "./connection";
import { diffInputs, sameValue, type DiffAnswer } from "./diff";
import { createResource, resumeResource, type Lifecycle } from "./lifecycle";
import { unpackOutputs } from "./packing";
import { refreshRecord } from "./refresh";
import { pickInputs } from "./state";
import { entryUrls } from "./url-entries";

/** What a provider needs from its surroundings; tests inject fakes. */
export interface ProviderDeps {
  clock: Clock;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  createAdapter: (cloud: CloudKind, connection: Connection, clock: Clock) => PrefetchAdapter;
}

/** A Pulumi dynamic `ResourceProvider` for one cloud. */
export class PrefetchProvider {
  private config: ConfigValues = {};

  constructor(readonly cloud: CloudKind, private readonly deps: ProviderDeps) {}

  /** Receives stack config from the host (`tencentcloud:*`, `alicloud:*`, `cdnPrefetch:*`). */
  async configure(req: { config: { get(key: string): string | undefined | null } }): Promise<void> {
    const values: ConfigValues = {};
    for (const key of CONFIG_KEYS) values[key] = req.config.get(key) ?? undefined;
    this.config = values;
  }

  /** Validates inputs; every problem is returned as a property-level failure. */
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures: Failure[] }> {
    return checkInputs(this.cloud, news);
  }

  /** Replacement for what-is-prefetched changes, update for the rest. */
  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffAnswer> {
    return diffInputs(unpackOutputs(olds), news);
  }

  /** Submits (or adopts) the prefetch and waits for it. */
  async create(inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
    return createResource(this.lifecycle(inputs), inputs);
  }

  /** Resumes an unfinished wait, submits again on a `triggers` change, or just records new settings. */
  async update(id: string, stored: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: Record<string, unknown> }> {
    const olds = unpackOutputs(stored);
    const rerun = !sameValue(olds.triggers, news.triggers);
    return { outs: await resumeResource(this.lifecycle(news), id, olds, news, rerun) };
  }

  /** Re-reads status and results; keeps the last known state when the cloud can no longer see the task. */
  async read(id: string, stored: Record<string, unknown>): Promise<{ id: string; props: Record<string, unknown>; inputs: Record<string, unknown> }> {
    const props = unpackOutputs(stored);
    const outs = await refreshRecord(this.lifecycle(props), props);
    return { id, props: outs, inputs: pickInputs(props) };
  }

  /** A prefetch cannot be undone: delete only forgets the resource (no cloud call). */
  async delete(): Promise<void> {
    return;
  }

  private lifecycle(raw: Record<string, unknown>): Lifecycle {
    const inputs = parseInputs(this.cloud, pickInputs(raw));
    const d = this.deps;
    return {
      cloud: this.cloud, inputs, urls: entryUrls(inputs.urls), clock: d.clock, log: d.log, graceMs: visibilityGraceMs(this.config, d.env),
      adapter: () => d.createAdapter(this.cloud, resolveConnection(this.cloud, inputs, this.config, d.env), d.clock),
    };
  }
}

/** Default dependencies for the host process. */
export function defaultDeps(createAdapter: ProviderDeps["createAdapter"]): ProviderDeps {
  return { clock: systemClock(), env: process.env, log: (line) => console.log(line), createAdapter };
}
