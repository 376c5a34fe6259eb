// Shared start of `npm run demo` and `npm run bench`: build the package (saying so: the first build takes a while),
// link it into its own node_modules (the provider host requires it by name, as in a user's program), drop proxy
// variables (the emulator listens on 127.0.0.1 and the Tencent SDK honours http_proxy), and register ts-node for
// TypeScript programs.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { linkSelf } = require("./link-self");

const root = path.resolve(__dirname, "..");
// Incremental build state, kept inside lib/ (not packed: package.json `files` lists lib/ subfolders only), so a
// clean `lib/` always means a full build.
const BUILD_INFO = path.join("lib", ".tsbuildinfo");

/** Compiles the package, telling what it does and how long it took; exits on a build failure. */
function build() {
  const first = !fs.existsSync(path.join(root, BUILD_INFO));
  process.stdout.write(first
    ? "Compiling the package (TypeScript to lib/; the first run takes 10 to 30 s)… "
    : "Compiling what changed since the last run… ");
  const started = Date.now();
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", BUILD_INFO],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.status !== 0) {
    process.stdout.write("failed:\n");
    process.stdout.write(`${r.stdout || ""}${r.stderr || ""}`);
    process.exit(r.status || 1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

/** Builds, links and registers ts-node. Returns the repository root. */
function prepare() {
  build();
  linkSelf(root);
  for (const k of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[k];
  process.env.TS_NODE_TRANSPILE_ONLY = "true";
  require("ts-node").register({ transpileOnly: true });
  return root;
}

module.exports = { prepare };
