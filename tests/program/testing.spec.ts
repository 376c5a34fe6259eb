/**
 * `pulumi-cdn-prefetch/testing` used exactly as README "Testing your program" shows (the program is
 * tests/program/testing-fixture, the README's quick-start program), plus what the README promises of it: real
 * outputs, a failed URL and a validation error surfacing as the resource's error, waits that take no real time, and
 * none of the machine's own credentials reaching the provider.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { EdgeOnePrefetch, AlibabaCdnPrefetch } from "pulumi-cdn-prefetch";
import { startPrefetchTesting, type PrefetchTesting } from "pulumi-cdn-prefetch/testing";

describe("pulumi-cdn-prefetch/testing, as README \"Testing your program\" shows it", function () {
  this.timeout(60_000);
  let t: PrefetchTesting;
  let program: typeof import("./testing-fixture");

  before(async () => {
    t = await startPrefetchTesting();               // the emulator + setMocks wired to the real provider
    program = await import("./testing-fixture");    // load the program after the mocks are set
  });
  after(() => t.stop());

  it("warms every URL", async () => {
    assert.equal(await t.value(program.status), "succeeded");
    assert.deepEqual(await t.value(program.failedUrls), []);
  });

  it("fails the deployment when the origin fails", async () => {
    await t.emulator.control.setRules([{ match: "/missing.js", outcome: "failed" }]);
    const warm = new EdgeOnePrefetch("broken", { zoneId: "zone-2noz78a8ev6k", urls: ["https://www.example.com/missing.js"] });
    await assert.rejects(t.value(warm.status), /1 of 1 URLs were not prefetched/);
  });
});

describe("pulumi-cdn-prefetch/testing: what the README promises of it", function () {
  this.timeout(60_000);
  let t: PrefetchTesting;
  const saved = { ...process.env };

  before(async () => {
    // A machine login that must not reach the provider: the helper's provider reads no environment.
    process.env.ALICLOUD_ASSUME_ROLE_ARN = "acs:ram::1:role/never-used";
    t = await startPrefetchTesting({ emulator: { config: { defaultDurationMs: 600_000 } } });
  });
  afterEach(() => t.reset());
  after(async () => {
    process.env = saved;
    await t.stop();
  });

  it("the outputs are the provider's, and a 10-minute prefetch takes no real 10 minutes", async () => {
    const before = (await t.emulator.control.state()).now;
    const cdn = new AlibabaCdnPrefetch("downloads", { domain: "dl.example.com", urls: ["/installer.exe", "/installer.dmg"] });
    assert.equal(await t.value(cdn.status), "succeeded");
    assert.equal(await t.value(cdn.urlCount), 2);
    assert.equal(await t.value(cdn.succeededCount), 2);
    assert.match((await t.value(cdn.taskIds))[0], /^\d+$/);
    assert.ok((await t.emulator.control.state()).now - before >= 600_000, "the provider's waits moved the emulator's clock");
    assert.equal((await t.emulator.control.stats()).submits.cdn, 1);
    assert.ok(t.log.some((l) => /^prefetch downloads: 100% — 2\/2 URLs done, 0 failed$/.test(l)), t.log.join("\n"));
    assert.deepEqual(t.errors, []);
  });

  it("secret inputs stay secret in the outputs", async () => {
    const hidden = new EdgeOnePrefetch("hidden", { zoneId: "zone-2noz78a8ev6k", urls: pulumi.secret(["https://www.example.com/private.js"]) });
    assert.equal(await t.value(hidden.status), "succeeded");
    assert.equal(await pulumi.isSecret(hidden.urls), true);
    assert.equal(await pulumi.isSecret(hidden.failedUrls), true);
  });

  it("a validation error is the resource's error, naming the property", async () => {
    const bad = new EdgeOnePrefetch("typo", { zoneId: "zone-2noz78a8ev6k", zoneName: "example.com", urls: ["https://elsewhere.org/a.js"] });
    await assert.rejects(t.value(bad.status), /urls\[0\]: "https:\/\/elsewhere.org\/a.js" is outside/);
    assert.equal(t.errors.length, 1);
    assert.equal((await t.emulator.control.stats()).submits.teo, 0, "nothing reached the cloud");
  });

  it("a wait that runs out is a failure that names the next step, in virtual time", async () => {
    const slow = new EdgeOnePrefetch("slow", { zoneId: "zone-2noz78a8ev6k", urls: ["https://www.example.com/big.iso"], waitTimeoutSeconds: 60 });
    await assert.rejects(t.value(slow.status), /waited 60s; 1 of 1 URLs are still in progress .*run `pulumi up` again to resume/s);
  });
});
