/**
 * A stack whose program no longer has the package installed (removed from package.json, a fresh CI checkout before
 * `npm install`, …): Pulumi's dynamic-provider host runs the serialized shim from the program directory, where
 * `require("pulumi-cdn-prefetch/provider")` now fails (pulumi-dynamic-providers.md §1.3). Destroy must still work —
 * delete calls no cloud — and every other operation must say to install the package. A package that is installed but
 * broken (one of its own dependencies missing) must surface its real error, not the install hint.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startHost, type Host } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { shimFor } from "../../sdk/shim";
import { ROOT } from "./fresh-clone";

const URN = "urn:pulumi:dev::gone::pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch::warm";
const ID = "edgeone:zone-gone1:task-1";
const INSTALL_HINT = /pulumi-cdn-prefetch package is not installed in this Pulumi program .*npm install pulumi-cdn-prefetch/;

/** A program directory with @pulumi/pulumi (the host) and, optionally, other packages; never this package. */
function programDir(extra?: (nodeModules: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-gone-"));
  fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"), "dir");
  extra?.(path.join(dir, "node_modules"));
  return dir;
}

/** The stored outputs of a finished prefetch, as state holds them. */
function stored(text: string): Record<string, unknown> {
  return {
    zoneId: "zone-gone1", urls: ["https://www.example.com/a.js"], cloud: "edgeone", status: "succeeded", progress: 100,
    taskIds: ["task-1"], __provider: text,
  };
}

describe("packaging: the package is not installed where the program runs", function () {
  this.timeout(60_000);
  let text: string;
  const dirs: string[] = [];
  const hosts: Host[] = [];

  before(async () => {
    text = await serializeProvider(shimFor("edgeone"));
  });
  after(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function hostIn(dir: string): Promise<Host> {
    dirs.push(dir);
    const host = await startHost({ cwd: dir });
    hosts.push(host);
    await host.configure({});
    return host;
  }

  describe("absent", () => {
    let host: Host;
    before(async () => {
      host = await hostIn(programDir());
      // Where the host's require looks (§1.3): node_modules folders from its cwd up.
      for (let d = dirs[0]; ; d = path.dirname(d)) {
        assert.ok(!fs.existsSync(path.join(d, "node_modules", "pulumi-cdn-prefetch")), `not installed in ${d}`);
        if (path.dirname(d) === d) break;
      }
    });

    it("destroy works: delete needs no code and calls no cloud", async () => {
      await host.delete(URN, ID, stored(text));
    });

    it("refresh fails with a message that says to install the package", async () => {
      await assert.rejects(host.read(URN, ID, stored(text), { zoneId: "zone-gone1", urls: ["https://www.example.com/a.js"], __provider: text }), INSTALL_HINT);
    });

    it("update, check and diff say the same", async () => {
      const news = { zoneId: "zone-gone1", urls: ["https://www.example.com/a.js"], waitTimeoutSeconds: 60, __provider: text };
      await assert.rejects(host.update(URN, ID, stored(text), news), INSTALL_HINT);
      await assert.rejects(host.check(URN, stored(text), news), INSTALL_HINT);
      await assert.rejects(host.diff(URN, ID, stored(text), news), INSTALL_HINT);
    });
  });

  describe("installed but broken (a dependency of its own is missing)", () => {
    let host: Host;
    before(async () => {
      host = await hostIn(programDir((nm) => {
        const pkg = path.join(nm, "pulumi-cdn-prefetch");
        fs.mkdirSync(pkg);
        fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "pulumi-cdn-prefetch", exports: { "./provider": "./provider.js" } }));
        fs.writeFileSync(path.join(pkg, "provider.js"), `require("@alicloud/not-installed-sdk");\n`);
      }));
    });

    it("destroy works (its first call: configure skips the broken package)", async () => {
      await host.delete(URN, ID, stored(text));
    });

    it("refresh surfaces the real missing module, not the install hint", async () => {
      await assert.rejects(host.read(URN, ID, stored(text)), (e: Error) => {
        assert.match(e.message, /Cannot find module '@alicloud\/not-installed-sdk'/);
        assert.doesNotMatch(e.message, INSTALL_HINT);
        return true;
      });
    });
  });
});
