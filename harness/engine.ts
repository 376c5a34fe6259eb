/**
 * A small, clearly-labelled MODEL of the Pulumi engine's step rules for dynamic resources — not the engine.
 *
 * It drives Pulumi's real dynamic-provider host over gRPC (harness/host.ts) the way the engine does (shared reference
 * pulumi-dynamic-providers.md §1.7, §2.5–2.7). Each rule below follows the engine source, read in pulumi/pulumi at
 * commit 1b5949891b3c and cited where it is modelled:
 * - Configure first; secrets are stripped before every call to a host that answered `acceptSecrets=false`, and the
 *   engine remembers them: checked inputs and outputs get the secret bit back by name (`annotateSecrets`), provider
 *   envelopes in outputs stay secrets, inputs that are secret make the same-named outputs secret, and so do
 *   `additionalSecretOutputs`.
 * - Check → Create for a new resource; Check → Diff → Same / Update / Replace for an existing one. An unknown diff
 *   (`DIFF_UNKNOWN`) falls back to the engine's own diff of old and new inputs. A resource with init errors gets an
 *   Update even when the diff says no change.
 * - A partial failure (`ErrorResourceInitFailed`) stores its properties as the outputs, with the init errors; a
 *   failed update keeps the old id and the old inputs.
 * - Replacement is create-before-delete (the old resource becomes a pending delete, deleted at the end of `up`)
 *   unless `deleteBeforeReplace` (resource option, else the diff's answer) deletes first.
 * - `up` stops at the first failed step: nothing else is registered and nothing is deleted.
 * - Refresh reads every resource (an empty id drops it), clears init errors when the read succeeds, and asks the
 *   provider for the refresh diff. Destroy deletes everything with the stored outputs.
 * Not modelled: previews, replaceOnChanges, ignoreChanges, protect, dependencies, parallelism, pending operations.
 */
import type { Host, InitFailure, Props } from "./host";
import { isSecret, secret, unwrapSecrets } from "./serialize";

/** Resource options the model honours. */
export interface ResourceOptions {
  /** `deleteBeforeReplace`: overrides the provider's diff answer when set (true or false). */
  deleteBeforeReplace?: boolean;
  /** Output names the engine marks secret after every step. */
  additionalSecretOutputs?: string[];
}

/** What the model keeps per resource (a checkpoint entry). Secret values are kept as wire envelopes. */
export interface ResourceState {
  urn: string;
  type: string;
  id: string;
  inputs: Props;
  outputs: Props;
  initErrors: string[];
  options: ResourceOptions;
}

/** One engine step, for assertions ("0 replaces", "1 update"). */
export interface Step {
  op: "create" | "same" | "update" | "replace" | "delete" | "refresh" | "read-drop";
  urn: string;
  failed: boolean;
  /** For `delete`: the resource deleted was the old half of a replacement. */
  replaced?: boolean;
}

/** A resource registration, as a program makes it. */
export interface Registration {
  type: string;
  name: string;
  /** Inputs including `__provider`; secret values as wire envelopes (`secret()` in harness/serialize.ts). */
  inputs: Props;
  options?: ResourceOptions;
}

type Diff = Awaited<ReturnType<Host["diff"]>>;

const isObject = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v) && !isSecret(v);

/** Strips secret envelopes and `undefined` members, as the engine marshals for a host that does not accept secrets. */
export function stripSecrets(v: unknown): unknown {
  return dropUndefined(unwrapSecrets(v));
}

function dropUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropUndefined);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, dropUndefined(x)]));
  }
  return v;
}

/** True when a secret envelope occurs anywhere in `v` (`PropertyValue.ContainsSecrets`). */
export function containsSecrets(v: unknown): boolean {
  if (isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(containsSecrets);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsSecrets);
  return false;
}

/**
 * The engine's `annotateSecrets(outs, ins)` (pkg/resource/plugin/provider_plugin.go): for every key of `ins` also in
 * `outs`, recurse when both are objects, else mark the output secret when the input contains a secret anywhere (a
 * whole array becomes secret). Returns a new object; `outs` is not changed.
 */
export function annotateSecrets(outs: Props, ins: Props): Props {
  const out: Props = { ...outs };
  for (const [key, inValue] of Object.entries(ins)) {
    if (!(key in out)) continue;
    const outValue = out[key];
    if (isObject(outValue) && isObject(inValue)) out[key] = annotateSecrets(outValue, inValue);
    else if (!isSecret(outValue) && containsSecrets(inValue)) out[key] = secret(outValue);
  }
  return out;
}

/**
 * What the step executor does to every new state after a step, failed or not (pkg/resource/deploy/step_executor.go
 * `continueExecuteStep`): outputs named in `additionalSecretOutputs` (except `id`) and outputs whose same-named input
 * is itself a secret become secret.
 */
export function markStepSecrets(s: ResourceState): ResourceState {
  const outputs: Props = { ...s.outputs };
  for (const k of s.options.additionalSecretOutputs ?? []) {
    if (k !== "id" && k in outputs && !isSecret(outputs[k])) outputs[k] = secret(outputs[k]);
  }
  for (const [k, v] of Object.entries(outputs)) if (!isSecret(v) && isSecret(s.inputs[k])) outputs[k] = secret(v);
  return { ...s, outputs };
}

/** Deep equality of two JSON values (object key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Props)[k], (b as Props)[k]));
}

/** The engine model: one stack's state, driven through one host. */
export class EngineModel {
  /** Live resources by URN. */
  readonly state = new Map<string, ResourceState>();
  /** Old halves of create-before-delete replacements, deleted at the end of the next `up` that gets that far. */
  readonly pendingDeletes: ResourceState[] = [];
  readonly steps: Step[] = [];
  private acceptSecrets: boolean | undefined;

  constructor(private readonly host: Host, private readonly opts: { project: string; stack: string; config: Record<string, string> }) {}

  /** The URN the engine would give a resource. */
  urn(type: string, name: string): string {
    return `urn:pulumi:${this.opts.stack}::${this.opts.project}::${type}::${name}`;
  }

  private async ensureConfigured(): Promise<void> {
    if (this.acceptSecrets !== undefined) return;
    this.acceptSecrets = (await this.host.configure(this.opts.config)).acceptSecrets;
  }

  /** What goes on the wire: `MarshalOptions{KeepSecrets: protocol.acceptSecrets}` (provider_plugin.go). */
  private wire(v: Props): Props {
    return (this.acceptSecrets ? dropUndefined(v) : stripSecrets(v)) as Props;
  }

  /** `annotateSecrets` runs only when the host could not receive secrets (provider_plugin.go Check/Create/Read/Update). */
  private annotate(outs: Props, ins: Props): Props {
    return this.acceptSecrets ? outs : annotateSecrets(outs, ins);
  }

  private record(op: Step["op"], urn: string, failed = false, replaced = false): void {
    this.steps.push(replaced ? { op, urn, failed, replaced } : { op, urn, failed });
  }

  /** Runs one resource's step for a registration; returns its id and outputs (throws what the step threw). */
  async register(reg: Registration): Promise<{ id: string; outputs: Props }> {
    await this.ensureConfigured();
    const urn = this.urn(reg.type, reg.name);
    const options = reg.options ?? {};
    const old = this.state.get(urn);
    const inputs = await this.check(urn, old?.inputs ?? {}, reg.inputs, reg.name);
    if (!old) return this.create({ urn, type: reg.type, inputs, options }, "create");
    const diff = await this.diff(urn, old, inputs);
    if (diff.changes === 2 && diff.replaces.length > 0) return this.replace(old, reg, options, diff);
    // An unchanged resource with init errors gets an Update "to continue awaiting initialization"
    // (step_generator.go continueStepsFromDiff, `if hasInitErrors`).
    if (diff.changes === 2 || old.initErrors.length > 0) return this.update(old, inputs, options);
    // SameStep.Apply (step.go): the id and the old outputs are kept; the inputs are the new ones.
    const same = markStepSecrets({ ...old, inputs, options });
    this.state.set(urn, same);
    this.record("same", urn);
    return { id: same.id, outputs: same.outputs };
  }

  /** Check; the returned inputs get the secret bit back by name (provider_plugin.go Check, `annotateSecrets`). */
  private async check(urn: string, olds: Props, news: Props, name: string): Promise<Props> {
    const checked = await this.host.check(urn, this.wire(olds), this.wire(news));
    if (checked.failures.length) {
      throw new Error(`check failed for ${name}: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    return this.annotate(checked.inputs, news);
  }

  /**
   * Diff. `DIFF_UNKNOWN` falls back to the engine's own diff of old vs new inputs with secrets unwrapped, `__provider`
   * included (step_generator.go `diffResource`: `unwrapResourceSecretsAndOutputs(oldInputs).Diff(...)`); replaces
   * count only with `DIFF_SOME` (continueStepsFromDiff: `if diff.Changes == plugin.DiffSome`).
   */
  private async diff(urn: string, old: ResourceState, inputs: Props): Promise<Diff> {
    const diff = await this.host.diff(urn, old.id, this.wire(old.outputs), this.wire(inputs));
    if (diff.changes !== 0) return diff;
    return { ...diff, changes: sameJson(stripSecrets(old.inputs), stripSecrets(inputs)) ? 1 : 2 };
  }

  /**
   * A create (or the create half of a replacement). CreateStep.Apply (step.go): on success or a partial failure
   * (`StatusPartialFailure`) the state gets `resp.ID` and `resp.Properties` as outputs, plus the init errors; the
   * snapshot is written for both (pkg/engine/update.go `OnResourceStepPost`: `End(step, err == nil || status ==
   * StatusPartialFailure)`). A partial failure without an id is a plain error (provider_plugin.go Create: "plugin
   * returned empty resource.ID from create"), and so is a success without one ("provider did not return an ID").
   * Secrets: a success's properties and a partial failure's alike are unmarshalled with `KeepSecrets: true` (a secret
   * envelope the provider returned stays a secret) and then `annotateSecrets(outs, inputs)` — provider_plugin.go
   * Create/Update: the `parseError` branch falls through to the same `UnmarshalProperties` — and the step executor's
   * rules follow ({@link markStepSecrets}). `onRecorded` runs when the new state was written (create-before-delete
   * marks the old resource pending delete).
   */
  private async create(base: Omit<ResourceState, "id" | "outputs" | "initErrors">, op: "create" | "replace",
    onRecorded: () => void = () => undefined): Promise<{ id: string; outputs: Props }> {
    let id: string;
    let outputs: Props;
    let failure: { error: unknown; init: InitFailure } | undefined;
    try {
      ({ id, properties: outputs } = await this.host.create(base.urn, this.wire(base.inputs)));
      if (!id) throw new Error(`provider did not return an ID from Create for ${base.urn}`);
    } catch (e) {
      const init = this.host.initFailure(e);
      if (!init?.id) {
        this.record(op, base.urn, true);
        throw e;
      }
      ({ id, properties: outputs } = init);
      failure = { error: e, init };
    }
    const s = markStepSecrets({ ...base, id, outputs: this.annotate(outputs, base.inputs), initErrors: failure?.init.reasons ?? [] });
    this.state.set(base.urn, s);
    onRecorded();
    this.record(op, base.urn, failure !== undefined);
    if (failure) throw failure.error;
    return { id: s.id, outputs: s.outputs };
  }

  /**
   * An update. UpdateStep.Apply (step.go): the id is always the old id (provider_plugin.go Update drops the id of a
   * partial failure); the outputs are `resp.Properties`, also on a partial failure, with its init errors. A partially
   * failed update keeps the OLD inputs (pkg/engine/update.go `OnResourceStepPost`, pulumi/pulumi#2011). A plain
   * failure leaves the old state as it was.
   */
  private async update(old: ResourceState, inputs: Props, options: ResourceOptions): Promise<{ id: string; outputs: Props }> {
    let outputs: Props;
    let failure: { error: unknown; init: InitFailure } | undefined;
    try {
      ({ properties: outputs } = await this.host.update(old.urn, old.id, this.wire(old.outputs), this.wire(inputs)));
    } catch (e) {
      const init = this.host.initFailure(e);
      if (!init) {
        this.record("update", old.urn, true);
        throw e;
      }
      outputs = init.properties;
      failure = { error: e, init };
    }
    const s = markStepSecrets({ ...old, inputs, options, outputs: this.annotate(outputs, inputs), initErrors: failure?.init.reasons ?? [] });
    this.state.set(old.urn, failure ? { ...s, inputs: old.inputs } : s);
    this.record("update", old.urn, failure !== undefined);
    if (failure) throw failure.error;
    return { id: s.id, outputs: s.outputs };
  }

  /**
   * A replacement (step_generator.go continueStepsFromDiff). The inputs are checked again without olds ("we need to
   * recompute the default values"). `deleteBeforeReplace` comes from the resource option when set, else from the
   * diff. Delete-before-replace deletes the old resource first; create-before-delete creates first and marks the old
   * one pending delete once the new state is written (CreateStep.Apply: `s.old.Delete = true`, also on a partial
   * failure), and the pending delete runs at the end of `up` (GenerateDeletes); if the create fails plainly the old
   * resource stays as it was.
   */
  private async replace(old: ResourceState, reg: Registration, options: ResourceOptions, diff: Diff) {
    const inputs = await this.check(old.urn, {}, reg.inputs, reg.name);
    const base = { urn: old.urn, type: reg.type, inputs, options };
    if (options.deleteBeforeReplace ?? diff.deleteBeforeReplace) {
      await this.deleteOne(old, true);
      this.state.delete(old.urn);
      return this.create(base, "replace");
    }
    return this.create(base, "replace", () => this.pendingDeletes.push(old));
  }

  private async deleteOne(s: ResourceState, replaced: boolean): Promise<void> {
    try {
      await this.host.delete(s.urn, s.id, this.wire(s.outputs));
    } catch (e) {
      this.record("delete", s.urn, true, replaced);
      throw e;
    }
    this.record("delete", s.urn, false, replaced);
  }

  /**
   * `pulumi up`: registers each resource in order, then deletes pending deletes and resources the program no longer
   * declares (deployment_executor.go `performPostSteps` → GenerateDeletes). The first failed step stops the run:
   * without --continue-on-error the step executor cancels the deployment (step_executor.go `cancelDueToError` →
   * `se.cancel()`), nothing else is registered, and `Execute` returns on the cancelled context before
   * `performPostSteps`, so no deletion runs either.
   */
  async up(regs: Registration[]): Promise<{ errors: Error[] }> {
    await this.ensureConfigured();
    const seen = new Set<string>();
    for (const reg of regs) {
      seen.add(this.urn(reg.type, reg.name));
      try {
        await this.register(reg);
      } catch (e) {
        return { errors: [e as Error] };
      }
    }
    const removed = [...this.state.values()].filter((s) => !seen.has(s.urn));
    try {
      for (const s of [...this.pendingDeletes].reverse()) {
        await this.deleteOne(s, true);
        this.pendingDeletes.splice(this.pendingDeletes.indexOf(s), 1);
      }
      for (const s of removed.reverse()) {
        await this.deleteOne(s, false);
        this.state.delete(s.urn);
      }
    } catch (e) {
      return { errors: [e as Error] };
    }
    return { errors: [] };
  }

  /**
   * `pulumi refresh`: reads every resource, pending deletes included (deployment_executor.go `refresh`). RefreshStep.Apply
   * (step.go): a blank id drops the resource; otherwise the outputs (and the inputs, when the provider returned any)
   * are replaced and `InitErrors` is set to the read's init errors — none after a successful read, so a refresh that
   * succeeds clears the init errors of an earlier partial failure (pulumi/pulumi#17949); then the provider is asked for
   * the refresh diff (`diffResource` with the new state as olds and the old inputs as news), whose failure fails the
   * refresh. Read's outputs and inputs get the secret bit back from the old ones (provider_plugin.go Read).
   */
  async refresh(): Promise<void> {
    await this.ensureConfigured();
    for (const s of [...this.state.values()]) {
      const next = await this.refreshOne(s);
      if (next) this.state.set(s.urn, next);
      else this.state.delete(s.urn);
    }
    for (const s of [...this.pendingDeletes]) {
      const next = await this.refreshOne(s);
      const i = this.pendingDeletes.indexOf(s);
      if (next) this.pendingDeletes[i] = next;
      else this.pendingDeletes.splice(i, 1);
    }
  }

  private async refreshOne(s: ResourceState): Promise<ResourceState | undefined> {
    let read: { id: string; properties: Props; inputs: Props };
    let initErrors: string[] = [];
    try {
      read = await this.host.read(s.urn, s.id, this.wire(s.outputs), this.wire(s.inputs));
    } catch (e) {
      const init = this.host.initFailure(e);
      if (!init) {
        this.record("refresh", s.urn, true);
        throw e;
      }
      // A partial failure does not fail the refresh; its init errors are kept (RefreshStep.Apply).
      read = { id: init.id, properties: init.properties, inputs: {} };
      initErrors = init.reasons;
    }
    if (!read.id) {
      this.record("read-drop", s.urn);
      return undefined;
    }
    const inputs = Object.keys(read.inputs).length ? this.annotate(read.inputs, s.inputs) : s.inputs;
    const next = markStepSecrets({ ...s, id: read.id, inputs, outputs: this.annotate(read.properties, s.outputs), initErrors });
    try {
      await this.host.diff(s.urn, next.id, this.wire(next.outputs), this.wire(s.inputs));
    } catch (e) {
      this.record("refresh", s.urn, true);
      throw e;
    }
    this.record("refresh", s.urn);
    return next;
  }

  /** `pulumi destroy`: deletes every resource (pending deletes first) with its stored outputs; stops at a failure. */
  async destroy(): Promise<void> {
    await this.ensureConfigured();
    for (const s of [...this.pendingDeletes].reverse()) {
      await this.deleteOne(s, true);
      this.pendingDeletes.splice(this.pendingDeletes.indexOf(s), 1);
    }
    for (const s of [...this.state.values()].reverse()) {
      await this.deleteOne(s, false);
      this.state.delete(s.urn);
    }
  }

  /** Counts of steps by op (optionally only since index `from`). */
  counts(from = 0): Record<Step["op"], number> {
    const c = { create: 0, same: 0, update: 0, replace: 0, delete: 0, refresh: 0, "read-drop": 0 };
    for (const s of this.steps.slice(from)) c[s.op]++;
    return c;
  }
}
