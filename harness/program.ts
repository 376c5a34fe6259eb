/**
 * Runs a Pulumi TypeScript program in-process without the CLI: `pulumi.runtime.setMocks` captures every resource
 * registration; dynamic resources are sent through the {@link EngineModel} to Pulumi's real dynamic-provider host
 * (so the serialized provider really runs there), other resources get mock outputs. Returns the program's exports,
 * resolved, as stack outputs.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { EngineModel } from "./engine";

/** Mock outputs for non-dynamic resources (e.g. `alicloud:cdn/domainNew:DomainNew`). */
export type OtherResourceMock = (args: pulumi.runtime.MockResourceArgs) => { id: string; state: Record<string, unknown> };

/** Options for {@link runProgram}. */
export interface RunProgramOptions {
  engine: EngineModel;
  project: string;
  stack: string;
  /** Program config, as `pulumi config set` would write it (`project:key` or `ns:key`). */
  config?: Record<string, string>;
  /** Mock for non-dynamic resources; default: inputs echoed with id `<name>-id`. */
  others?: OtherResourceMock;
}

/** The outcome of one program run. */
export interface ProgramRun {
  outputs: Record<string, unknown>;
  /** Errors raised by resource steps (the run fails when non-empty, as `pulumi up` would). */
  errors: Error[];
}

function resolveOutput(v: unknown): Promise<unknown> {
  if (!pulumi.Output.isInstance(v)) return Promise.resolve(v);
  return new Promise((resolve) => (v as pulumi.Output<unknown>).apply((x) => { resolve(x); return x; }));
}

/** Forgets the program's modules so the next run re-executes it. */
function unloadProgram(dir: string): void {
  for (const key of Object.keys(require.cache)) if (key.startsWith(dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
}

/** Runs the program in `dir` once (one `pulumi up`). */
export async function runProgram(dir: string, opts: RunProgramOptions): Promise<ProgramRun> {
  const errors: Error[] = [];
  let failed: () => void = () => undefined;
  const failure = new Promise<undefined>((resolve) => (failed = () => resolve(undefined)));
  await pulumi.runtime.setMocks({
    newResource: async (args) => {
      if (!args.type.startsWith("pulumi-nodejs:dynamic")) {
        return opts.others ? opts.others(args) : { id: `${args.name}-id`, state: args.inputs };
      }
      try {
        const res = await opts.engine.register({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: res.id, state: res.outputs };
      } catch (e) {
        errors.push(e as Error);
        failed();
        throw e;
      }
    },
    call: (args) => args.inputs,
  }, opts.project, opts.stack, false);
  pulumi.runtime.setAllConfig(opts.config ?? {});
  const abs = path.resolve(dir);
  unloadProgram(abs);
  const mod = require(abs) as Record<string, unknown>;
  const outputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mod)) {
    outputs[k] = await Promise.race([resolveOutput(v), failure]);
  }
  return { outputs, errors };
}
