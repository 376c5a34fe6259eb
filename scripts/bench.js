// `npm run bench`: prints the performance figures measured on this machine (bench/run.ts).
"use strict";
const path = require("path");
const root = require("./prepare").prepare();
require(path.join(root, "bench", "run.ts"));
