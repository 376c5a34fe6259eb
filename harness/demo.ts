/**
 * `npm run demo`: starts the emulator, deploys the quick-start program on it and prints the stack outputs.
 * With `pulumi` on PATH it runs a real `pulumi up` on a throwaway local backend; without it, it drives the same
 * program through Pulumi's dynamic-provider host with the engine model, and says so.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { EngineModel } from "./engine";
import { emulatorEnv } from "./emulator-env";
import { startHost } from "./host";
import { runProgram } from "./program";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAM = path.join(ROOT, "examples", "quickstart");

function hasPulumi(): boolean {
  return spawnSync("pulumi", ["version"], { stdio: "ignore" }).status === 0;
}

function pulumi(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync("pulumi", args, { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${r.status})\n${r.stdout}`);
  return r.stdout;
}

async function withCli(env: Record<string, string>): Promise<Record<string, unknown>> {
  const backend = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-demo-"));
  const e = { ...process.env, ...env, PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "demo" };
  pulumi(["stack", "init", "demo", "--non-interactive"], e);
  process.stdout.write(pulumi(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", "demo"], e));
  return JSON.parse(pulumi(["stack", "output", "--json", "--stack", "demo"], e));
}

async function withHost(env: Record<string, string>): Promise<Record<string, unknown>> {
  console.log("pulumi CLI not found on PATH: driving the quick-start program through Pulumi's own dynamic-provider host");
  console.log("(the engine's steps are modelled by harness/engine.ts; install the Pulumi CLI to run a real `pulumi up`)\n");
  const host = await startHost({ cwd: PROGRAM, env: { ...env, PULUMI_NODEJS_PROJECT: "cdn-prefetch-quickstart" },
    onStdoutLine: (line) => console.log(`  ${line}`) });
  try {
    const engine = new EngineModel(host, { project: "cdn-prefetch-quickstart", stack: "demo", config: {} });
    const run = await runProgram(PROGRAM, { engine, project: "cdn-prefetch-quickstart", stack: "demo" });
    if (run.errors.length) throw new Error(run.errors.map((e) => e.message).join("\n"));
    console.log(`\nsteps: ${JSON.stringify(engine.counts())}`);
    return run.outputs;
  } finally {
    await host.stop();
  }
}

async function main(): Promise<void> {
  const emu = await startEmulator({ port: 0 });
  console.log(`emulator listening on ${emu.url} (EdgeOne + Alibaba CDN/DCDN/ESA APIs, signatures verified)\n`);
  try {
    const env = emulatorEnv(emu);
    const outputs = hasPulumi() ? await withCli(env) : await withHost(env);
    console.log("\nStack outputs:");
    console.log(JSON.stringify(outputs, null, 2));
  } finally {
    await emu.close();
  }
}

main().catch((e) => {
  console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
