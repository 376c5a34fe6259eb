// `npm run build` (and `prepack`, so `npm pack` / `npm publish` of a fresh clone ship the compiled package): a clean
// build of lib/. tsc never deletes outputs of removed sources, and the package ships lib/ as it is.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

/** Deletes lib/ and compiles the project; returns tsc's exit status. */
function build() {
  fs.rmSync(path.join(root, "lib"), { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
  return tsc.status ?? 1;
}

module.exports = { build };
if (require.main === module) process.exit(build());
