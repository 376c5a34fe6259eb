/**
 * A small, clearly-labelled MODEL of the Pulumi engine's step rules for dynamic resources — not the engine.
 *
 * It drives Pulumi's real dynamic-provider host over gRPC the way the engine does (shared reference
 * pulumi-dynamic-providers.md §1.7, §2.5–2.7): Configure first with the whole stack config; Check → Create for new
 * resources; Check → Diff → Same (old outputs kept) / Update / Replace (create, then delete the old one) for existing
 * ones; a resource with init errors (partial failure) always gets an Update next time; Read on refresh (an empty id
 * drops the resource); Delete on destroy with the stored outputs. Secrets are stripped before sending, as the engine
 * does for a host that answers `acceptSecrets=false`. What it does not model: previews, replaceOnChanges,
 * ignoreChanges, secret re-annotation, pending operations, parallelism.
 */
import type { Host } from "./host";

/** What the model keeps per resource (a checkpoint entry). */
export interface ResourceState {
  urn: string;
  type: string;
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  initErrors: string[];
}

/** One engine step, for assertions ("0 replaces", "1 update"). */
export interface Step {
  op: "create" | "same" | "update" | "replace" | "delete" | "refresh" | "read-drop";
  urn: string;
  failed: boolean;
}

/** A resource registration, as a program makes it. */
export interface Registration {
  type: string;
  name: string;
  /** Inputs including `__provider`. */
  inputs: Record<string, unknown>;
}

const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Strips secret envelopes, like the engine does for a host that does not accept secrets. */
export function stripSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripSecrets);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (SECRET_SIG in o) return stripSecrets(o.value);
    return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined).map(([k, x]) => [k, stripSecrets(x)]));
  }
  return v;
}

/** The engine model: one stack's state, driven through one host. */
export class EngineModel {
  readonly state = new Map<string, ResourceState>();
  readonly steps: Step[] = [];
  private configured = false;

  constructor(private readonly host: Host, private readonly opts: { project: string; stack: string; config: Record<string, string> }) {}

  /** The URN the engine would give a resource. */
  urn(type: string, name: string): string {
    return `urn:pulumi:${this.opts.stack}::${this.opts.project}::${type}::${name}`;
  }

  private async ensureConfigured(): Promise<void> {
    if (this.configured) return;
    await this.host.configure(this.opts.config);
    this.configured = true;
  }

  private record(op: Step["op"], urn: string, failed = false): void {
    this.steps.push({ op, urn, failed });
  }

  /** Runs one resource's step for a registration; returns its id and outputs (throws what the step threw). */
  async register(reg: Registration): Promise<{ id: string; outputs: Record<string, unknown> }> {
    await this.ensureConfigured();
    const urn = this.urn(reg.type, reg.name);
    const news = stripSecrets(reg.inputs) as Record<string, unknown>;
    const old = this.state.get(urn);
    const checked = await this.host.check(urn, old?.inputs ?? {}, news);
    if (checked.failures.length) {
      throw new Error(`check failed for ${reg.name}: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    if (!old) return this.create(urn, reg.type, checked.inputs, "create");
    const diff = await this.host.diff(urn, old.id, old.outputs, checked.inputs);
    if (diff.replaces.length > 0) {
      const created = await this.create(urn, reg.type, checked.inputs, "replace");
      await this.host.delete(urn, old.id, old.outputs);
      return created;
    }
    if (diff.changes === 1 && old.initErrors.length === 0) {
      this.state.set(urn, { ...old, inputs: checked.inputs });
      this.record("same", urn);
      return { id: old.id, outputs: old.outputs };
    }
    if (diff.changes === 0) throw new Error(`diff for ${reg.name} answered DIFF_UNKNOWN; the provider must set changes`);
    return this.update(urn, old, checked.inputs);
  }

  private async create(urn: string, type: string, inputs: Record<string, unknown>, op: "create" | "replace") {
    try {
      const res = await this.host.create(urn, inputs);
      this.state.set(urn, { urn, type, id: res.id, inputs, outputs: res.properties, initErrors: [] });
      this.record(op, urn);
      return { id: res.id, outputs: res.properties };
    } catch (e) {
      this.keepPartial(urn, type, inputs, e);
      this.record(op, urn, true);
      throw e;
    }
  }

  private async update(urn: string, old: ResourceState, inputs: Record<string, unknown>) {
    try {
      const res = await this.host.update(urn, old.id, old.outputs, inputs);
      this.state.set(urn, { ...old, inputs, outputs: res.properties, initErrors: [] });
      this.record("update", urn);
      return { id: old.id, outputs: res.properties };
    } catch (e) {
      this.keepPartial(urn, old.type, inputs, e, old);
      this.record("update", urn, true);
      throw e;
    }
  }

  /** A partial failure (ErrorResourceInitFailed) is written to state with its init errors. */
  private keepPartial(urn: string, type: string, inputs: Record<string, unknown>, e: unknown, old?: ResourceState): void {
    const init = this.host.initFailure(e);
    if (init) this.state.set(urn, { urn, type, id: init.id || old?.id || "", inputs, outputs: init.properties, initErrors: init.reasons });
  }

  /** `pulumi up`: registers each resource in order, then deletes resources the program no longer declares. */
  async up(regs: Registration[]): Promise<{ errors: Error[] }> {
    const errors: Error[] = [];
    const seen = new Set<string>();
    for (const reg of regs) {
      seen.add(this.urn(reg.type, reg.name));
      try { await this.register(reg); } catch (e) { errors.push(e as Error); }
    }
    for (const [urn, s] of [...this.state]) {
      if (seen.has(urn)) continue;
      await this.host.delete(urn, s.id, s.outputs);
      this.state.delete(urn);
      this.record("delete", urn);
    }
    return { errors };
  }

  /** `pulumi refresh`: reads every resource; an empty id drops it from state. */
  async refresh(): Promise<void> {
    await this.ensureConfigured();
    for (const [urn, s] of [...this.state]) {
      const res = await this.host.read(urn, s.id, s.outputs, s.inputs);
      if (!res.id) {
        this.state.delete(urn);
        this.record("read-drop", urn);
        continue;
      }
      this.state.set(urn, { ...s, id: res.id, outputs: res.properties, inputs: Object.keys(res.inputs).length ? res.inputs : s.inputs });
      this.record("refresh", urn);
    }
  }

  /** `pulumi destroy`: deletes every resource with its stored outputs. */
  async destroy(): Promise<void> {
    await this.ensureConfigured();
    for (const [urn, s] of [...this.state].reverse()) {
      await this.host.delete(urn, s.id, s.outputs);
      this.state.delete(urn);
      this.record("delete", urn);
    }
  }

  /** Counts of steps by op (optionally only since index `from`). */
  counts(from = 0): Record<Step["op"], number> {
    const c = { create: 0, same: 0, update: 0, replace: 0, delete: 0, refresh: 0, "read-drop": 0 };
    for (const s of this.steps.slice(from)) c[s.op]++;
    return c;
  }
}
