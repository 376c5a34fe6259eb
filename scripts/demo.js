// `npm run demo`: starts the emulator and deploys the quick-start program on it (harness/demo.ts).
"use strict";
const path = require("path");
const root = require("./prepare").prepare();
require(path.join(root, "lib", "harness", "demo.js"));
