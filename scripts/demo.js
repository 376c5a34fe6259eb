// `npm run demo`: builds the package, links it into its own node_modules (as a user's program has it), then runs
// harness/demo.ts (emulator + quick-start deploy). ts-node is registered for the TypeScript program.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { linkSelf } = require("./link-self");

const root = path.resolve(__dirname, "..");
const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status || 1);
linkSelf(root);
for (const k of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[k];
process.env.TS_NODE_TRANSPILE_ONLY = "true";
require("ts-node").register({ transpileOnly: true });
require(path.join(root, "lib", "harness", "demo.js"));
