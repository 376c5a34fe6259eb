// `npm test`: build, link the package into its own node_modules (as a user's program has it), run the suites and
// print one closing line `N passed, N failed[, N skipped]`.
//
// Suites run as separate mocha processes: program tests use pulumi.runtime.setMocks, which is process-global.
// Usage: node scripts/test.js [suite...]   (suites: main, program; default both)
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { build } = require("./build");
const { linkSelf } = require("./link-self");

const root = path.resolve(__dirname, "..");
const SUITES = {
  main: ["tests/unit/**/*.spec.ts", "tests/emulator/**/*.spec.ts", "tests/adapters/**/*.spec.ts",
    "tests/host/**/*.spec.ts", "tests/sequence/**/*.spec.ts", "tests/matrix/**/*.spec.ts", "tests/variants/**/*.spec.ts", "tests/packaging/**/*.spec.ts", "tests/examples/**/*.spec.ts",
    "tests/e2e/**/*.spec.ts"],
  program: ["tests/program/**/*.spec.ts"],
};

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
}

function runSuite(name) {
  const counts = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-counts-")), "counts.json");
  const args = [require.resolve("mocha/bin/mocha.js"), "--require", "ts-node/register", "--reporter",
    path.join(root, "tests/helpers/count-reporter.js"), "--timeout", "120000", "--exit", ...SUITES[name]];
  const r = run(process.execPath, args, { MOCHA_COUNTS_FILE: counts, TS_NODE_TRANSPILE_ONLY: "true" });
  if (fs.existsSync(counts)) return JSON.parse(fs.readFileSync(counts, "utf8"));
  console.error(`suite ${name} did not report counts (exit ${r.status})`);
  return { passes: 0, failures: 1, pending: 0 };
}

function main() {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SUITES);
  const built = build() === 0;
  const total = { passes: 0, failures: built ? 0 : 1, pending: 0 };
  if (!built) console.error("build failed (tsc): counted as one failure");
  linkSelf(root);
  for (const s of wanted) {
    const c = runSuite(s);
    total.passes += c.passes; total.failures += c.failures; total.pending += c.pending;
  }
  const skipped = total.pending ? `, ${total.pending} skipped` : "";
  console.log(`${total.passes} passed, ${total.failures} failed${skipped}`);
  process.exit(total.failures ? 1 : 0);
}
main();
