/**
 * The dependency direction the layout promises: sdk → provider resources → adapters / engine → model; the emulator
 * imports no provider code and no vendor SDK; an adapter family never imports a sibling family.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []);
}

/** Every module specifier a file imports or requires, resolved to a repo-relative path when relative. */
function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:from\s+|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
  return specs.map((s) => (s.startsWith(".") ? path.normalize(path.join(path.dirname(file), s)) : `pkg:${s}`));
}

function offenders(dir: string, allowed: (spec: string, file: string) => boolean): string[] {
  return files(dir).flatMap((f) => imports(f).filter((s) => !allowed(s, f)).map((s) => `${f} -> ${s}`));
}

describe("layout: dependency direction", () => {
  it("reads imports and requires (sanity check of the scanner)", () => {
    assert.ok(imports("emulator/server.ts").includes("emulator/alibaba"));
    assert.ok(imports("provider/index.ts").includes("provider/adapters/registry"));
    assert.ok(imports("sdk/shim.ts").includes("pkg:pulumi-cdn-prefetch/provider"));
  });

  it("provider/model imports only zod, node built-ins and itself", () => {
    assert.deepEqual(offenders("provider/model", (s) => s === "pkg:zod" || s.startsWith("pkg:node:") || s.startsWith("provider/model")), []);
  });

  it("the emulator imports no provider, sdk or harness code and no vendor SDK", () => {
    assert.deepEqual(offenders("emulator", (s) => s.startsWith("emulator") || s.startsWith("pkg:node:")), []);
  });

  it("provider code never imports sdk, harness, emulator, testing or tests", () => {
    assert.deepEqual(offenders("provider", (s) => !/^(sdk|harness|emulator|testing|tests)\//.test(s)), []);
  });

  it("an adapter family imports only its own folder, shared adapter code, the engine and the model", () => {
    const families = ["edgeone", "alibaba-cdn", "alibaba-dcdn", "alibaba-esa"];
    assert.deepEqual(offenders("provider/adapters", (s, f) => {
      const own = families.find((fam) => f.startsWith(`provider/adapters/${fam}/`));
      const other = families.find((fam) => fam !== own && s.startsWith(`provider/adapters/${fam}`));
      return !other || !own;
    }), []);
  });

  it("the sdk reaches the provider implementation only through type imports and the lazy require", () => {
    const bad = files("sdk").flatMap((f) => {
      const text = fs.readFileSync(path.join(ROOT, f), "utf8");
      return [...text.matchAll(/^import\s+(?!type\b)[^;]*from\s+["'](\.\.\/provider[^"']*)["']/gm)].map((m) => `${f} -> ${m[1]}`);
    });
    assert.deepEqual(bad, []);
  });
});
