// Makes `require("pulumi-cdn-prefetch/...")` resolve to this checkout from any directory below it, the way it
// resolves in a user's Pulumi program after `npm install pulumi-cdn-prefetch`. The dynamic-provider host loads the
// serialized shim with require-from-string, which resolves packages from the host's working directory (the Pulumi
// program directory): see shared reference pulumi-dynamic-providers.md §1.3.
"use strict";
const fs = require("fs");
const path = require("path");

/** Creates node_modules/pulumi-cdn-prefetch -> .. (idempotent). */
function linkSelf(root = path.resolve(__dirname, "..")) {
  const link = path.join(root, "node_modules", "pulumi-cdn-prefetch");
  try {
    if (fs.realpathSync(link) === fs.realpathSync(root)) return link;
    fs.rmSync(link, { recursive: true, force: true });
  } catch {
    /* not there yet */
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync("..", link, "dir");
  return link;
}

module.exports = { linkSelf };
if (require.main === module) console.log(`linked ${linkSelf()}`);
