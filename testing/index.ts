/**
 * `pulumi-cdn-prefetch/testing`: unit tests of a Pulumi program that uses this package, with real outputs.
 *
 * Under plain `pulumi.runtime.setMocks` a prefetch's outputs are whatever the mock returns (usually `undefined`).
 * {@link startPrefetchTesting} starts the package's offline emulator in the test process and installs mocks whose
 * `newResource` runs this package's real provider (`check`, then `create`) for every prefetch resource, against that
 * emulator: `status`, `results`, `failedUrls`, `taskIds` … are what a `pulumi up` would store, failures and
 * validation errors included. Waiting takes no real time: the provider's sleeps move the emulator's clock forward.
 * Other resources get the `newResource` mock you pass (default: inputs echoed, id `<name>-id`).
 *
 * Each registration is a first `pulumi up` of a new stack (create); update, refresh and destroy are not modelled.
 * Credentials and endpoints come only from the emulator: the machine's own logins and environment never reach the
 * provider here. No test framework is imported: use it from mocha, jest, vitest or `node:test`.
 */
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator";
import type { CloudKind } from "../provider/model/cloud";
import { createAdapter } from "../provider/adapters/registry";
import { RESOURCE_CLASS } from "../provider/resources/key-check";
import { PrefetchProvider } from "../provider/resources/provider";
import { isSecretValue, secretValue, unwrapSecretValues } from "../provider/resources/secrets";
import { emulatorDrivenClock, type EmulatorDrivenClock } from "./clock";

/** Options of {@link startPrefetchTesting}. */
export interface PrefetchTestingOptions {
  /** Options of the embedded emulator (outcome `rules`, `config` such as `defaultDurationMs`); its port defaults to any free one. */
  emulator?: EmulatorOptions;
  /** Extra stack config for the provider, as `pulumi config set` writes it (e.g. `{ "cdnPrefetch:visibilityGraceSeconds": "30" }`). */
  config?: Record<string, string>;
  /** Project and stack names given to `setMocks` (default `project` / `stack`). */
  project?: string;
  stack?: string;
  /** The mock for every other resource (default: inputs echoed as outputs, id `<name>-id`). */
  newResource?: (args: pulumi.runtime.MockResourceArgs) => pulumi.runtime.MockResourceResult | Promise<pulumi.runtime.MockResourceResult>;
  /** The mock for provider function calls (default: inputs echoed). */
  call?: (args: pulumi.runtime.MockCallArgs) => pulumi.runtime.MockCallResult | Promise<pulumi.runtime.MockCallResult>;
}

/** A running test setup: the emulator, what the provider printed and raised, and helpers. */
export interface PrefetchTesting {
  /** The embedded emulator: `emulator.control` sets outcomes (`setRules`), faults, quotas, and reads `stats()`. */
  emulator: RunningEmulator;
  /** Progress lines the provider printed (`pulumi up` shows them as info lines). */
  log: string[];
  /** Errors the provider raised for prefetch resources (validation, a failed URL, a timeout …), in order. */
  errors: Error[];
  /** Resolves an output's value; rejects with the provider's error when its resource failed (validation, a failed URL, a timeout). */
  value<T>(output: pulumi.Output<T>): Promise<T>;
  /** Forgets the emulator's tasks, rules and faults, and the log and errors (call it between tests). */
  reset(): Promise<void>;
  /** Stops the emulator. */
  stop(): Promise<void>;
}

/** Type tokens of this package's resources: `pulumi-nodejs:dynamic/cdn-prefetch:<class>` (sdk/base.ts). */
const TYPE_PREFIX = "pulumi-nodejs:dynamic/cdn-prefetch:";

/** The cloud of a type token of this package, or null for any other resource. */
function cloudOf(type: string): CloudKind | null {
  if (!type.startsWith(TYPE_PREFIX)) return null;
  const cls = type.slice(TYPE_PREFIX.length);
  const hit = (Object.keys(RESOURCE_CLASS) as CloudKind[]).find((c) => RESOURCE_CLASS[c] === cls);
  return hit ?? null;
}

/** True when a secret envelope sits anywhere in `v`. */
function holdsSecret(v: unknown): boolean {
  if (isSecretValue(v)) return true;
  if (Array.isArray(v)) return v.some(holdsSecret);
  return typeof v === "object" && v !== null && Object.values(v).some(holdsSecret);
}

/** Stack config that points the provider at the emulator, with `extra` over it. */
function emulatorConfig(emu: RunningEmulator, extra: Record<string, string>): Record<string, string> {
  return {
    "cdnPrefetch:endpoint": emu.url,
    "tencentcloud:secretId": emu.credentials.tencent.secretId,
    "tencentcloud:secretKey": emu.credentials.tencent.secretKey,
    "alicloud:accessKey": emu.credentials.alibaba.accessKeyId,
    "alicloud:secretKey": emu.credentials.alibaba.accessKeySecret,
    ...extra,
  };
}

/** One provider per cloud, configured for the emulator, sharing the emulator-driven clock. */
async function providers(emu: RunningEmulator, clock: EmulatorDrivenClock, config: Record<string, string>, log: string[]) {
  const made = new Map<CloudKind, PrefetchProvider>();
  return async (cloud: CloudKind): Promise<PrefetchProvider> => {
    let p = made.get(cloud);
    if (!p) {
      p = new PrefetchProvider(cloud, { clock, env: {}, log: (line) => log.push(line), createAdapter });
      await p.configure({ config: { get: (key) => config[key] } });
      made.set(cloud, p);
    }
    return p;
  };
}

/** What the engine does for a dynamic resource on create: secrets stripped, `check`, `create`, same-named outputs re-marked. */
async function createPrefetch(provider: PrefetchProvider, args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
  const inputs = args.inputs as Record<string, unknown>;
  const plain = unwrapSecretValues(inputs) as Record<string, unknown>;
  const checked = await provider.check({}, plain);
  if (checked.failures.length > 0) {
    const lines = checked.failures.map((f) => `  ${f.property}: ${f.reason}`);
    throw new Error(`${args.name}: the inputs are not valid:\n${lines.join("\n")}`);
  }
  const { id, outs } = await provider.create(checked.inputs);
  const state: Record<string, unknown> = { ...outs };
  for (const key of Object.keys(inputs)) if (holdsSecret(inputs[key]) && state[key] !== undefined) state[key] = secretValue(state[key]);
  return { id, state };
}

/**
 * An output's value, or its resource's error. `apply` never runs for a resource whose registration failed, so the
 * output's own promise is read: `promise()`, an instance member of `OutputImpl` (@pulumi/pulumi `output.js`), not in
 * the public types; without it, the value is read through `apply`.
 */
function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  const own = (output as unknown as { promise?: () => Promise<T> }).promise;
  if (typeof own === "function") return own.call(output);
  return new Promise<T>((resolve) => output.apply((v) => { resolve(v); return v; }));
}

/**
 * Starts the emulator and installs `pulumi.runtime.setMocks` so this package's resources run the real provider
 * against it. Call it before your program is loaded (`await import("../index")` after it), and `stop()` at the end.
 */
export async function startPrefetchTesting(options: PrefetchTestingOptions = {}): Promise<PrefetchTesting> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const clock = await emulatorDrivenClock(emulator);
  const log: string[] = [];
  const errors: Error[] = [];
  const providerFor = await providers(emulator, clock, emulatorConfig(emulator, options.config ?? {}), log);
  await pulumi.runtime.setMocks({
    newResource: async (args) => {
      const cloud = cloudOf(args.type);
      if (cloud === null) return options.newResource ? options.newResource(args) : { id: `${args.name}-id`, state: args.inputs };
      try {
        return await createPrefetch(await providerFor(cloud), args);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        errors.push(err);
        throw err;
      }
    },
    call: (args) => (options.call ? options.call(args) : args.inputs),
  }, options.project ?? "project", options.stack ?? "stack", false);
  return {
    emulator, log, errors,
    value: outputValue,
    reset: async () => {
      await emulator.control.reset();
      await clock.sync();
      log.length = 0;
      errors.length = 0;
    },
    stop: () => emulator.close(),
  };
}
