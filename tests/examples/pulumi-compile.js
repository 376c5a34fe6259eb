// Type-checks Pulumi TypeScript programs the way `pulumi up` does, without running them: the steps of
// @pulumi/pulumi cmd/run/run.js (CommonJS branch) — read the tsconfig's compilerOptions with Pulumi's own
// tsutils.loadTypeScriptCompilerOptions, then register ts-node with
// { compiler, transpileOnly: compilerOptions.noCheck, project, skipProject, compilerOptions: { target: "ES2020",
//   module/moduleResolution: "nodenext" (TypeScript >= 4.7), sourceMap: "true", ...compilerOptions } }.
// The compiler is the program's own `typescript` (the `pulumi new typescript` template lists it); ts-node is the copy
// Pulumi vendors (vendor/ts-node@7.0.1), which run.js loads when the program has none — the template lists none.
// ts-node's disk cache is off: a cached file would skip the type check.
//
// Usage: node pulumi-compile.js <tsconfig> <program.ts>...   Prints one JSON line per program:
// {"file", "ok", "codes": [TS error codes], "text": diagnostics}.
"use strict";
const fs = require("fs");
const path = require("path");

const [tsconfig, ...files] = process.argv.slice(2);
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [path.dirname(files[0])] }));
const tsutils = require(path.join(pulumiDir, "tsutils.js"));
const compilerOptions = tsutils.loadTypeScriptCompilerOptions(tsconfig);
const typescriptRequire = require.resolve("typescript", { paths: [path.dirname(files[0])] });
const tsn = require(path.join(pulumiDir, "vendor", "ts-node@7.0.1"));
const service = tsn.register({
  cache: false,
  compiler: typescriptRequire,
  transpileOnly: compilerOptions.noCheck,
  project: tsconfig,
  skipProject: !fs.existsSync(tsconfig),
  compilerOptions: { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true", ...compilerOptions },
});
for (const file of files) {
  try {
    service.compile(fs.readFileSync(file, "utf8"), file);
    console.log(JSON.stringify({ file, ok: true, codes: [], text: "" }));
  } catch (e) {
    if (!Array.isArray(e.diagnosticCodes)) throw e;
    console.log(JSON.stringify({ file, ok: false, codes: e.diagnosticCodes, text: e.diagnosticText }));
  }
}
