/**
 * What a user gets from the registry: the tarball a fresh clone packs (`npm pack` runs `prepack`, which builds lib/),
 * installed into a new Pulumi program next to the OLDEST `@pulumi/pulumi` the peer range admits. There:
 * - the tarball ships the compiled package and nothing else;
 * - every subpath of `exports` has types under each `moduleResolution` a program may use (node10, node16, nodenext,
 *   bundler), type-checked with `strict` and without `skipLibCheck`;
 * - a resource serializes the small shim (under setMocks, as `dynamic.Resource` does) and its echoed inputs are outputs;
 * - that oldest Pulumi's dynamic-provider host delivers stack config to `configure`: credentials and endpoint come
 *   only from `Configure`, and a create through the host succeeds against the emulator.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { startEmulator } from "../../emulator";
import { emulatorEnv, emulatorStackConfig } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";
import { copyCheckout, installProgram, pack, ROOT, type PackResult } from "./fresh-clone";

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string; version: string; exports: Record<string, { default?: string } | string>; peerDependencies: Record<string, string>; engines: { node: string };
};

/** The oldest `@pulumi/pulumi` the peer range admits: the range is `^X.Y.Z`, and X.Y.Z must be a published version. */
function peerLowerBound(): string {
  const m = /^\^(\d+\.\d+\.\d+)$/.exec(PKG.peerDependencies["@pulumi/pulumi"] ?? "");
  assert.ok(m, `peer range ${PKG.peerDependencies["@pulumi/pulumi"]} has the form ^X.Y.Z`);
  return m[1];
}

/** Import specifiers of every subpath the package exports (`.` → the package name). */
const SUBPATHS = Object.keys(PKG.exports).filter((k) => k !== "./package.json").map((k) => (k === "." ? PKG.name : `${PKG.name}/${k.slice(2)}`));

/** The module settings a program may compile with (TypeScript `--moduleResolution` modes). */
const RESOLUTIONS: Record<string, Record<string, string>> = {
  node10: { module: "commonjs", moduleResolution: "node" },
  node16: { module: "node16", moduleResolution: "node16" },
  nodenext: { module: "nodenext", moduleResolution: "nodenext" },
  bundler: { module: "esnext", moduleResolution: "bundler" },
};

/** A tiny program: `subpaths` imported, typed uses of the documented entry points among them. */
function program(subpaths: readonly string[]): string {
  const has = (s: string) => subpaths.includes(s);
  return [
    `import * as pulumi from "@pulumi/pulumi";`,
    ...subpaths.map((s, i) => `import * as m${i} from "${s}";`),
    `export const loaded: object[] = [${subpaths.map((_, i) => `m${i}`).join(", ")}];`,
    ...(has(PKG.name) ? [
      `import { EdgeOnePrefetch } from "${PKG.name}";`,
      `const warm = new EdgeOnePrefetch("warm", { zoneId: "zone-a", urls: ["https://www.example.com/"] });`,
      `export const zoneId: pulumi.Output<string> = warm.zoneId;`,
      `export const zoneName: pulumi.Output<string | undefined> = warm.zoneName;`,
      `export const status: pulumi.Output<string> = warm.status;`,
    ] : []),
    ...(has(`${PKG.name}/emulator`) ? [`import { startEmulator } from "${PKG.name}/emulator";`, `export const started: Promise<{ url: string }> = startEmulator({ port: 0 });`] : []),
    ...(has(`${PKG.name}/provider`) ? [`import { providerFor } from "${PKG.name}/provider";`, `export const check = providerFor("edgeone").check;`] : []),
    ...(has(`${PKG.name}/testing`) ? [`import { startPrefetchTesting, type PrefetchTesting } from "${PKG.name}/testing";`, `export const testing: Promise<PrefetchTesting> = startPrefetchTesting({ emulator: { port: 0 } });`] : []),
  ].join("\n");
}

/**
 * zod 4's own declarations default-import `export =` modules (zod/v4/locales/index.d.cts), which TypeScript refuses
 * under `module: commonjs` without `esModuleInterop` (TS1259; colinhacks/zod#5160), the pre-2026 `pulumi new`
 * tsconfig. The provider implementation's declarations reference zod types, so that one error class inside zod is
 * tolerated there; the declarations a Pulumi program uses (the package root, `/emulator`) must not reach zod at all.
 */
function zodInteropError(line: string): boolean {
  return /(^|\/)node_modules\/zod\/.*error TS1259:/.test(line);
}

/**
 * A compiler host whose parsed files are shared between programs (the declarations of @pulumi/pulumi dominate every
 * check; parsing them once keeps the four module settings cheap). Keyed by the parse options too, since a file's module
 * format depends on the resolution mode.
 */
function sharedHost(): (options: ts.CompilerOptions) => ts.CompilerHost {
  const cache = new Map<string, ts.SourceFile | undefined>();
  return (options) => {
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (file, lang, onError, fresh) => {
      const key = `${file}\0${JSON.stringify(lang)}`;
      if (fresh || !cache.has(key)) cache.set(key, read(file, lang, onError, fresh));
      return cache.get(key);
    };
    return host;
  };
}

/**
 * Type-checks `source` as `dir/index.ts` the way `tsc -p` does with strict settings and no skipLibCheck; returns the
 * diagnostics as `file(line,col): error TSnnnn: text` lines.
 */
function typeErrors(hostFor: ReturnType<typeof sharedHost>, dir: string, settings: Record<string, string>, source: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "index.ts");
  fs.writeFileSync(file, source);
  const json = { compilerOptions: { strict: true, noEmit: true, target: "es2020", ...settings, skipLibCheck: false }, files: ["index.ts"] };
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(json));
  const parsed = ts.parseJsonConfigFileContent(json, ts.sys, dir);
  assert.deepEqual(parsed.errors, []);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: hostFor(parsed.options) });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}): ` : "";
    return `${where}error TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

/** The `index.ts` of README "Quick start", exactly as written there (the first ```ts block of that section). */
function readmeQuickStart(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Quick start"));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  assert.ok(m, "README has a Quick start section with a ```ts block");
  return m[1];
}

/** Loads the README's program (transpiled) under the packaged testing helper and records its exported outputs. */
const RUN_README = `
const fs = require("fs");
const { startPrefetchTesting } = require("${PKG.name}/testing");
(async () => {
  const t = await startPrefetchTesting();
  try {
    const program = require("./readme/index.js");
    const out = { status: await t.value(program.status), failedUrls: await t.value(program.failedUrls), taskIds: await t.value(program.taskIds) };
    fs.writeFileSync("readme-run.json", JSON.stringify(out));
  } finally {
    await t.stop();
  }
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** Under setMocks (as in a real program): the serialized provider, the type token and the echoed outputs. */
const CAPTURE = `
const pulumi = require("@pulumi/pulumi");
const fs = require("fs");
pulumi.runtime.setMocks({
  newResource: (a) => { fs.writeFileSync("provider.txt", a.inputs.__provider); fs.writeFileSync("type.txt", a.type); return { id: "x", state: a.inputs }; },
  call: (a) => a.inputs,
}, "packed", "dev", false).then(() => {
  const { EdgeOnePrefetch } = require("${PKG.name}");
  const warm = new EdgeOnePrefetch("warm", { zoneId: "zone-pack1", urls: ["https://www.example.com/a.js"] });
  const names = ["zoneId", "zoneName", "urls", "progressLabel", "mode"];
  const isOutput = names.every((k) => pulumi.Output.isInstance(warm[k]));
  pulumi.all(names.map((k) => warm[k])).apply((values) => {
    fs.writeFileSync("echoed.json", JSON.stringify({ isOutput, values: Object.fromEntries(names.map((k, i) => [k, values[i] === undefined ? "<undefined>" : values[i]])) }));
  });
});
`;

/** Runs a command in `cwd`; resolves with its output, or rejects with it. */
function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, maxBuffer: 16 << 20 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stdout}${stderr}`)) : resolve(stdout)));
  });
}

describe("packaging: a fresh clone's tarball installed into a new Pulumi program", function () {
  this.timeout(600_000);
  let tmp: string;
  let dir: string;
  let packed: PackResult;
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let host: Host | undefined;
  const errors = new Map<string, string[]>();

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-pack-"));
    const src = path.join(tmp, "clone");
    dir = path.join(tmp, "program");
    fs.mkdirSync(dir);
    copyCheckout(src);
    assert.ok(!fs.existsSync(path.join(src, "lib")), "a fresh clone has no lib/");
    packed = pack(src, dir);
    installProgram(dir, {
      [PKG.name]: `file:./${packed.filename}`,
      "@pulumi/pulumi": peerLowerBound(),
      "@types/node": require("@types/node/package.json").version,
    });
    fs.writeFileSync(path.join(dir, "capture.js"), CAPTURE);
    const userSubpaths = SUBPATHS.filter((s) => s !== `${PKG.name}/provider`);
    const captured = run(process.execPath, ["capture.js"], dir);
    const hostFor = sharedHost();
    for (const [mode, settings] of Object.entries(RESOLUTIONS)) errors.set(mode, typeErrors(hostFor, path.join(dir, `types-${mode}`), settings, program(SUBPATHS)));
    errors.set("node10-user", typeErrors(hostFor, path.join(dir, "types-node10-user"), RESOLUTIONS.node10, program(userSubpaths)));
    errors.set("unexported", typeErrors(hostFor, path.join(dir, "types-unexported"), RESOLUTIONS.nodenext, program([`${PKG.name}/harness`])));
    await captured;
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 200 } });
  });
  after(async () => {
    await host?.stop();
    await emu?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("the tarball holds the compiled package (JS and declarations of every subpath) and nothing else", () => {
    const files = packed.files.map((f) => f.path);
    for (const k of Object.keys(PKG.exports).filter((x) => x !== "./package.json")) {
      const base = (PKG.exports[k] as { default: string }).default.replace(/^\.\//, "").replace(/\.js$/, "");
      assert.ok(files.includes(`${base}.js`) && files.includes(`${base}.d.ts`), `${k}: ${base}.js and .d.ts`);
    }
    assert.deepEqual(files.filter((f) => !f.startsWith("lib/")).sort(), ["README.md", "emulator/README.md", "package.json"]);
    assert.deepEqual(files.filter((f) => /^lib\/(harness|tests|bench|scripts)\//.test(f)), []);
    assert.deepEqual(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), []);
  });

  it("installs next to the oldest @pulumi/pulumi the peer range admits, whose engines fit ours", () => {
    const installed = JSON.parse(fs.readFileSync(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"));
    assert.equal(installed.version, peerLowerBound());
    assert.equal(PKG.engines.node, ">=20");
    const pulumiNode = /^>=(\d+)$/.exec(installed.engines?.node ?? "");
    assert.ok(pulumiNode && Number(pulumiNode[1]) <= 20, `@pulumi/pulumi ${installed.version} runs on Node 20 (engines ${installed.engines?.node})`);
  });

  it("the development @pulumi/pulumi pin runs on the oldest Node we declare (no EBADENGINE on npm ci)", () => {
    const dev = require("@pulumi/pulumi/package.json") as { version: string; engines?: { node?: string } };
    const devNode = /^>=(\d+)$/.exec(dev.engines?.node ?? "");
    assert.ok(devNode && Number(devNode[1]) <= 20, `@pulumi/pulumi ${dev.version} engines ${dev.engines?.node} vs ours ${PKG.engines.node}`);
  });

  for (const mode of Object.keys(RESOLUTIONS)) {
    it(`every exported subpath has types under moduleResolution ${mode} (strict, no skipLibCheck)`, () => {
      const own = errors.get(mode)!.filter((l) => !(mode === "node10" && zodInteropError(l)));
      assert.deepEqual(own, []);
    });
  }

  it("the type check sees errors (sanity): a subpath the package does not export has no types", () => {
    assert.ok(errors.get("unexported")!.some((l) => /error TS2307: Cannot find module 'pulumi-cdn-prefetch\/harness'/.test(l)), errors.get("unexported")!.join("\n"));
  });

  it("under moduleResolution node10 without esModuleInterop, a program's imports (root, /emulator) reach no zod declaration", () => {
    assert.deepEqual(errors.get("node10-user"), []);
    assert.ok(errors.get("node10")!.every((l) => zodInteropError(l) || !l.includes("zod")), "only zod's own TS1259 is tolerated");
  });

  it("a resource serializes a small shim that requires the installed package by name, and echoes its inputs", () => {
    const text = fs.readFileSync(path.join(dir, "provider.txt"), "utf8");
    assert.equal(fs.readFileSync(path.join(dir, "type.txt"), "utf8"), "pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch");
    assert.ok(text.length < 4096, `${text.length} bytes`);
    assert.match(text, /require\("pulumi-cdn-prefetch\/provider"\)/);
    const echoed = JSON.parse(fs.readFileSync(path.join(dir, "echoed.json"), "utf8"));
    assert.deepEqual(echoed, {
      isOutput: true,
      values: { zoneId: "zone-pack1", zoneName: "<undefined>", urls: ["https://www.example.com/a.js"], progressLabel: "warm", mode: "<undefined>" },
    });
  });

  it("the oldest admitted Pulumi host delivers stack config to configure: a create with config-only credentials succeeds", async () => {
    const text = fs.readFileSync(path.join(dir, "provider.txt"), "utf8");
    for (const k of Object.keys(emulatorEnv(emu))) assert.equal(process.env[k], undefined, `${k} is not set: configure is the only source`);
    host = await startHost({ cwd: dir });
    assert.equal((await host.pluginInfo()).version, peerLowerBound());
    await host.configure(emulatorStackConfig(emu));
    const urn = "urn:pulumi:dev::packed::pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch::warm";
    const checked = await host.check(urn, {}, { zoneId: "zone-pack1", urls: ["https://www.example.com/a.js"], pollIntervalSeconds: 0.05, __provider: text });
    assert.deepEqual(checked.failures, []);
    const created = await host.create(urn, checked.inputs);
    assert.equal(created.properties.status, "succeeded");
    assert.equal(created.properties.progress, 100);
    assert.equal((await emu.control.stats()).submits.teo, 1);
  });
  it("README's quick start, as written, compiles in this program with the `pulumi new` tsconfig and warms its URLs", async () => {
    const source = readmeQuickStart();
    const readmeDir = path.join(dir, "readme");
    fs.mkdirSync(readmeDir, { recursive: true });
    fs.writeFileSync(path.join(readmeDir, "index.ts"), source);
    // examples/quickstart/tsconfig.json is the `pulumi new typescript` template verbatim (tests/examples checks it).
    fs.copyFileSync(path.join(ROOT, "examples", "quickstart", "tsconfig.json"), path.join(readmeDir, "tsconfig.json"));
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(readmeDir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    assert.ok(parsed);
    const prog = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
    const diags = ts.getPreEmitDiagnostics(prog).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
    assert.deepEqual(diags, [], "the README program type-checks against the installed tarball");
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } }).outputText;
    fs.writeFileSync(path.join(readmeDir, "index.js"), js);
    fs.writeFileSync(path.join(dir, "run-readme.js"), RUN_README);
    await run(process.execPath, ["run-readme.js"], dir);
    const out = JSON.parse(fs.readFileSync(path.join(dir, "readme-run.json"), "utf8")) as { status: string; failedUrls: string[]; taskIds: string[] };
    assert.equal(out.status, "succeeded");
    assert.deepEqual(out.failedUrls, []);
    assert.equal(out.taskIds.length, 1, "one EdgeOne job for the two URLs");
  });
});
