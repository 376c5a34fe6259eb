// Shared start of `npm run demo` and `npm run bench`: build the package, link it into its own node_modules (the
// provider host requires it by name, as in a user's program), drop proxy variables (the emulator listens on
// 127.0.0.1 and the Tencent SDK honours http_proxy), and register ts-node for TypeScript programs.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { linkSelf } = require("./link-self");

const root = path.resolve(__dirname, "..");

/** Builds, links and registers ts-node; exits on a build failure. Returns the repository root. */
function prepare() {
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status || 1);
  linkSelf(root);
  for (const k of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[k];
  process.env.TS_NODE_TRANSPILE_ONLY = "true";
  require("ts-node").register({ transpileOnly: true });
  return root;
}

module.exports = { prepare };
