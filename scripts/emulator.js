// `npm run emulator -- --port 0`: runs the compiled emulator CLI when built, else the TypeScript source via ts-node.
"use strict";
const fs = require("fs");
const path = require("path");

const compiled = path.join(__dirname, "..", "lib", "emulator", "cli.js");
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  require("ts-node").register({ transpileOnly: true });
  require(path.join(__dirname, "..", "emulator", "cli.ts"));
}
