/**
 * The examples compile the way `pulumi up` compiles them: Pulumi's Node.js runtime type-checks a TypeScript program
 * with ts-node before running it (@pulumi/pulumi cmd/run/run.js), so a type error stops `pulumi up` before any cloud
 * is called. Each example is type-checked by `pulumi-compile.js` (the steps of run.js) with the tsconfig `pulumi new
 * typescript` writes today (strict, no skipLibCheck) and with the one it wrote before 2026-03-25 (`moduleResolution:
 * node`), against the BUILT package resolved by name from the example's directory, as in a user's program
 * (node_modules/pulumi-cdn-prefetch → lib/sdk/index.d.ts). Needs `npm run build` (npm test builds first).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const HERE = __dirname;
const EXAMPLES = fs.readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
  .filter((e) => e.isDirectory()).map((e) => path.join(ROOT, "examples", e.name));
const WRONG = path.join(HERE, "fixtures", "wrong-output", "index.ts");

/**
 * The README's TypeScript programs (every ```ts block but the test-suite one, which tests/unit runs as a test),
 * written each to a folder of its own below this one (git-ignored), so they resolve the package by name as examples do.
 */
const SNIPPETS = (() => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => !/\bdescribe\(/.test(b));
  return blocks.map((text, k) => ({ text, file: path.join(HERE, ".readme", `snippet-${k + 1}`, "index.ts") }));
})();

/** The two `pulumi new typescript` tsconfigs (see the comments in the files for their sources). */
const TSCONFIGS = { nodenext: "tsconfig.pulumi-new.json", node10: "tsconfig.pulumi-new-node10.json" } as const;

interface Compiled { file: string; ok: boolean; codes: number[]; text: string }

/** Reads a tsconfig the way TypeScript does (comments allowed). */
function readTsconfig(file: string): unknown {
  const r = ts.readConfigFile(file, ts.sys.readFile);
  assert.equal(r.error, undefined, `${file} parses`);
  return r.config;
}

/** Type-checks `files` in one child process, as `pulumi up` would with the given tsconfig. */
function compile(tsconfig: string, files: string[]): Promise<Map<string, Compiled>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(HERE, "pulumi-compile.js"), tsconfig, ...files], { cwd: ROOT, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`pulumi-compile.js failed: ${err.message}\n${stderr}`));
      const rows = stdout.trim().split("\n").map((l) => JSON.parse(l) as Compiled);
      resolve(new Map(rows.map((r) => [path.resolve(ROOT, r.file), r])));
    });
  });
}

describe("examples compile as `pulumi up` compiles them (ts-node type check, pulumi new tsconfig)", function () {
  this.timeout(180_000);
  const results = new Map<keyof typeof TSCONFIGS, Map<string, Compiled>>();

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, "lib", "sdk", "index.d.ts")), "the package is built (npm run build)");
    for (const sn of SNIPPETS) {
      fs.mkdirSync(path.dirname(sn.file), { recursive: true });
      fs.writeFileSync(sn.file, sn.text);
      // A program of its own, as a user's is (else TypeScript takes this repository's package as its root: TS2209).
      fs.writeFileSync(path.join(path.dirname(sn.file), "package.json"), JSON.stringify({ name: path.basename(path.dirname(sn.file)), private: true, main: "index.ts" }));
    }
    const files = [...EXAMPLES.map((d) => path.join(d, "index.ts")), WRONG, ...SNIPPETS.map((sn) => sn.file)];
    const kinds = Object.keys(TSCONFIGS) as (keyof typeof TSCONFIGS)[];
    const done = await Promise.all(kinds.map((k) => compile(path.join(HERE, TSCONFIGS[k]), files)));
    kinds.forEach((k, i) => results.set(k, done[i]));
  });

  it("every example ships the tsconfig.json `pulumi new typescript` writes, verbatim", () => {
    const template = readTsconfig(path.join(HERE, TSCONFIGS.nodenext));
    assert.ok(EXAMPLES.length >= 5, `${EXAMPLES.length} examples`);
    for (const dir of EXAMPLES) assert.deepEqual(readTsconfig(path.join(dir, "tsconfig.json")), template, dir);
  });

  it("`pulumi-cdn-prefetch` resolves by name to the built declarations from each example", () => {
    for (const kind of Object.keys(TSCONFIGS) as (keyof typeof TSCONFIGS)[]) {
      const options = ts.convertCompilerOptionsFromJson((readTsconfig(path.join(HERE, TSCONFIGS[kind])) as { compilerOptions: object }).compilerOptions, HERE).options;
      for (const dir of EXAMPLES) {
        const r = ts.resolveModuleName("pulumi-cdn-prefetch", path.join(dir, "index.ts"), options, ts.sys);
        assert.equal(r.resolvedModule && fs.realpathSync(r.resolvedModule.resolvedFileName), path.join(ROOT, "lib", "sdk", "index.d.ts"), `${kind} ${dir}`);
      }
    }
  });

  for (const kind of Object.keys(TSCONFIGS) as (keyof typeof TSCONFIGS)[]) {
    it(`the check reports what pulumi up would refuse (${kind}): a missing output, a wrong input type`, () => {
      const r = results.get(kind)!.get(WRONG)!;
      assert.equal(r.ok, false);
      assert.match(r.text, /TS2339: Property 'zoneId' does not exist on type 'AlibabaCdnPrefetch'/);
      assert.match(r.text, /TS2322: Type 'number' is not assignable/);
    });

    it(`README's TypeScript programs type-check (${kind})`, () => {
      assert.ok(SNIPPETS.length >= 2, `${SNIPPETS.length} README programs (quick start, releases)`);
      for (const sn of SNIPPETS) {
        const r = results.get(kind)!.get(sn.file);
        assert.ok(r, `compiled ${sn.file}`);
        assert.equal(r.ok, true, `${sn.text.slice(0, 80)}…\n${r.text}`);
      }
    });

    for (const dir of EXAMPLES) {
      it(`examples/${path.basename(dir)} type-checks (${kind})`, () => {
        const r = results.get(kind)!.get(path.join(dir, "index.ts"));
        assert.ok(r, "compiled");
        assert.equal(r.ok, true, r.text);
      });
    }
  }
});
