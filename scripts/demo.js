// `npm run demo`: builds the package, then tells the story of its features on the emulator (harness/demo.ts).
"use strict";
const path = require("path");
const root = require("./prepare").prepare();
const { runDemo } = require(path.join(root, "lib", "harness", "demo.js"));
runDemo().then(() => process.exit(0), (e) => {
  console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
