// Mocha reporter: the usual spec output, plus a JSON file with the counts (path in MOCHA_COUNTS_FILE) so that
// scripts/test.js can print the one closing line CI reads: `N passed, N failed`.
"use strict";
const fs = require("fs");
const Mocha = require("mocha");
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || {};
      const out = process.env.MOCHA_COUNTS_FILE;
      if (out) fs.writeFileSync(out, JSON.stringify({ passes: s.passes || 0, failures: s.failures || 0, pending: s.pending || 0 }));
    });
  }
}
module.exports = CountReporter;
