/**
 * What a user gets: `npm pack` the package, install the tarball into a fresh temporary Pulumi program, capture the
 * `__provider` a resource serializes there (under setMocks, as `dynamic.Resource` does in a real program), and run a
 * create through the Pulumi host installed in that program, against the emulator.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { emulatorEnv } from "../../harness/emulator-env";
import { startHost, type Host } from "../../harness/host";

const ROOT = path.resolve(__dirname, "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const CAPTURE = `
const pulumi = require("@pulumi/pulumi");
const fs = require("fs");
pulumi.runtime.setMocks({
  newResource: (a) => { fs.writeFileSync("provider.txt", a.inputs.__provider); fs.writeFileSync("type.txt", a.type); return { id: "x", state: a.inputs }; },
  call: (a) => a.inputs,
}, "packed", "dev", false).then(() => {
  const { EdgeOnePrefetch } = require("pulumi-cdn-prefetch");
  new EdgeOnePrefetch("warm", { zoneId: "zone-pack1", urls: ["https://www.example.com/a.js"] });
});
`;

describe("packaging: the npm tarball installed into a fresh Pulumi program", function () {
  this.timeout(600_000);
  let dir: string;
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let host: Host | undefined;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-pack-"));
    const tgz = execFileSync(npm, ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").pop()!;
    const pulumiVersion = require("@pulumi/pulumi/package.json").version;
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({
      name: "packed-program", private: true, main: "index.js",
      dependencies: { "pulumi-cdn-prefetch": `file:./${tgz}`, "@pulumi/pulumi": pulumiVersion },
    }));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: packed\nruntime: nodejs\n");
    execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
    fs.writeFileSync(path.join(dir, "capture.js"), CAPTURE);
    execFileSync(process.execPath, ["capture.js"], { cwd: dir });
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 200 } });
  });
  after(async () => {
    await host?.stop();
    await emu?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("ships only the built package", () => {
    const files = fs.readdirSync(path.join(dir, "node_modules", "pulumi-cdn-prefetch"));
    assert.ok(files.includes("lib") && files.includes("package.json"));
    assert.ok(!files.includes("tests") && !files.includes("node_modules"));
  });

  it("serializes a small shim that requires the installed package by name", () => {
    const text = fs.readFileSync(path.join(dir, "provider.txt"), "utf8");
    assert.equal(fs.readFileSync(path.join(dir, "type.txt"), "utf8"), "pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch");
    assert.ok(text.length < 4096, `${text.length} bytes`);
    assert.match(text, /require\("pulumi-cdn-prefetch\/provider"\)/);
  });

  it("creates through the host installed in the program, against the emulator", async () => {
    const text = fs.readFileSync(path.join(dir, "provider.txt"), "utf8");
    host = await startHost({ cwd: dir, env: emulatorEnv(emu) });
    await host.configure({});
    const urn = "urn:pulumi:dev::packed::pulumi-nodejs:dynamic/cdn-prefetch:EdgeOnePrefetch::warm";
    const checked = await host.check(urn, {}, { zoneId: "zone-pack1", urls: ["https://www.example.com/a.js"], pollIntervalSeconds: 0.05, __provider: text });
    assert.deepEqual(checked.failures, []);
    const created = await host.create(urn, checked.inputs);
    assert.equal(created.properties.status, "succeeded");
    assert.equal(created.properties.progress, 100);
    assert.equal((await emu.control.stats()).submits.teo, 1);
  });
});
