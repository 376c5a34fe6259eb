/**
 * Helpers for the Automation API stories (tests/e2e): detect the `pulumi` CLI, copy an example program into a
 * throwaway directory, and run a stack on a temporary `file://` backend with a fixed passphrase, destroying and
 * removing it afterwards (the pattern of pulumi/pulumi `sdk/nodejs/tests/automation/util.ts`).
 *
 * The Automation API shells out to the CLI (shared reference pulumi-dynamic-providers.md §4.4), so nothing here can
 * run without `pulumi` on PATH: {@link pulumiCli} says whether it is there.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, type ConfigMap, type Stack } from "@pulumi/pulumi/automation";

/** The package root (this checkout). */
export const ROOT = path.resolve(__dirname, "..", "..");

/** Why the e2e stories skip when the CLI is missing. */
export const NO_CLI_REASON =
  "pulumi CLI not on PATH: the Automation API stories need it (the same stories run through the engine model in tests/sequence)";

/** Fixed passphrase of the throwaway backends (the stacks hold only emulator credentials). */
export const E2E_PASSPHRASE = "cdn-prefetch-e2e";

let cliVersion: string | null | undefined;

/** The `pulumi version` output, or null when the CLI is not on PATH (checked once per process). */
export function pulumiCli(): string | null {
  if (cliVersion !== undefined) return cliVersion;
  const r = spawnSync("pulumi", ["version"], { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "ignore"] });
  cliVersion = r.status === 0 && typeof r.stdout === "string" ? r.stdout.trim() : null;
  return cliVersion;
}

/** A copy of an example program in a temporary directory. */
export interface ProgramCopy {
  /** The copy: `Pulumi.yaml`, `index.ts`, `package.json`, and `node_modules` linked to this checkout's. */
  dir: string;
  /** The project name from `Pulumi.yaml`. */
  project: string;
}

/**
 * Copies `examples/<name>` into a new temporary directory, so that `Pulumi.<stack>.yaml` files land there and not in
 * the checkout. `node_modules` is a symlink to this checkout's, where `pulumi-cdn-prefetch` links back to the package
 * (scripts/link-self.js): the program, the language host and the dynamic-provider host all resolve the built package
 * from it, as they would after `npm install pulumi-cdn-prefetch`.
 */
export function copyExample(name: string): ProgramCopy {
  const src = path.join(ROOT, "examples", name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cdn-prefetch-e2e-${name}-`));
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(src, entry.name), path.join(dir, entry.name));
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const yaml = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
  const project = /^name:\s*(\S+)/m.exec(yaml)?.[1];
  if (!project) throw new Error(`examples/${name}/Pulumi.yaml has no project name`);
  return { dir, project };
}

/** Options of {@link withStack}. */
export interface WithStackOptions {
  /** The example under `examples/` to run. */
  example: string;
  /** Stack name (default `e2e`). */
  stackName?: string;
  /** Stack config set before `fn` runs (`ns:key` or a bare program key); mark credentials `secret: true`. */
  config: ConfigMap;
  /** Extra environment for every CLI command. */
  envVars?: Record<string, string>;
}

/** What `fn` gets from {@link withStack}. */
export interface StackContext {
  stack: Stack;
  program: ProgramCopy;
}

/** Hosts the emulator may be reached on, appended to NO_PROXY so a proxy in the environment is never used for it. */
function noProxy(): string {
  const current = process.env.NO_PROXY ?? process.env.no_proxy ?? "";
  return [current, "127.0.0.1", "localhost"].filter((s) => s !== "").join(",");
}

/**
 * Runs `fn` with a stack of a copied example on a temporary `file://` backend, then (whatever happened) destroys
 * the stack, removes it and deletes the temporary directories. A failure of `fn` wins over a cleanup failure.
 */
export async function withStack<T>(opts: WithStackOptions, fn: (ctx: StackContext) => Promise<T>): Promise<T> {
  const backend = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-e2e-backend-"));
  const program = copyExample(opts.example);
  const stackName = opts.stackName ?? "e2e";
  const proxyless = noProxy();
  const envVars: Record<string, string> = {
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: E2E_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    // Type checking is tsc's job (the SDK's types are compiled with the package); the stories test the lifecycle.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    NO_PROXY: proxyless,
    no_proxy: proxyless,
    ...opts.envVars,
  };
  let stack: Stack | undefined;
  let succeeded = false;
  try {
    stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir: program.dir }, { envVars });
    await stack.setAllConfig(opts.config);
    const result = await fn({ stack, program });
    succeeded = true;
    return result;
  } finally {
    const problems: unknown[] = [];
    if (stack) {
      await stack.destroy().catch((e: unknown) => problems.push(e));
      // force: a failed destroy must not leave the stack behind (it only ever held emulator tasks).
      await stack.workspace.removeStack(stackName, { force: true }).catch((e: unknown) => problems.push(e));
    }
    fs.rmSync(program.dir, { recursive: true, force: true });
    fs.rmSync(backend, { recursive: true, force: true });
    // A failure of `fn` is already propagating; a cleanup failure after a success is reported instead of hidden.
    if (succeeded && problems.length > 0) throw problems[0];
  }
}

/** A resource as it appears in an exported deployment (`pulumi stack export`). */
export interface DeployedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The resources of the stack's current deployment with the given type token. */
export async function deployedResources(stack: Stack, type: string): Promise<DeployedResource[]> {
  const exported = await stack.exportStack();
  const resources = (exported.deployment as { resources?: DeployedResource[] } | undefined)?.resources ?? [];
  return resources.filter((r) => r.type === type);
}

/** The stack's exported deployment as JSON text (to check that no secret appears in it in plain text). */
export async function deploymentText(stack: Stack): Promise<string> {
  return JSON.stringify(await stack.exportStack());
}
