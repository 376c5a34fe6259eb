// `npm run bench`: builds the package, links it into its own node_modules (the provider host requires it by name),
// then runs bench/run.ts with ts-node (transpile-only) and prints the figures measured on this machine.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { linkSelf } = require("./link-self");

const root = path.resolve(__dirname, "..");
const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status || 1);
linkSelf(root);
// The emulator listens on 127.0.0.1: a proxy from the environment must not be used to reach it.
for (const k of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[k];
process.env.TS_NODE_TRANSPILE_ONLY = "true";
require("ts-node").register({ transpileOnly: true });
require(path.join(root, "bench", "run.ts"));
