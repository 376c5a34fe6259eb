/**
 * The emulator's per-account rate limits (emulator/core/rate-limit.ts): token buckets with the documented rates, off
 * by default. The bucket arithmetic is shown on an injected wall clock; the vendors' throttling answers through the
 * official SDKs, with rates chosen so that no assertion depends on how fast this machine sends requests (the bucket
 * starts full, so a burst up to the rate is never refused; a rate of 0.2/s refills one call in 5 s).
 */
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator";
import { CDN_ROUTES } from "../../emulator/cdn/routes";
import { createRateLimiter, DOCUMENTED_RATES, rateFor, validateRateLimits } from "../../emulator/core/rate-limit";
import { DCDN_ROUTES } from "../../emulator/dcdn/routes";
import { ESA_ROUTES } from "../../emulator/esa/routes";
import { TEO_ROUTES } from "../../emulator/teo/routes";
import { cdnClient, expectAliError, models, type AliFixture } from "./alibaba-fixture";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { teo } = require("tencentcloud-sdk-nodejs-teo");
type Emu = Awaited<ReturnType<typeof startEmulator>>;

const ON = { enabled: true };

describe("emulator rate limits: token buckets", () => {
  it("every routed action has a rate with a source, and the documented figures are the table of cloud-apis.md §D.3", () => {
    const routed = [
      ...Object.keys(TEO_ROUTES).map((a) => `teo:${a}`), ...Object.keys(CDN_ROUTES).map((a) => `cdn:${a}`),
      ...Object.keys(DCDN_ROUTES).map((a) => `dcdn:${a}`), ...Object.keys(ESA_ROUTES).map((a) => `esa:${a}`),
    ].sort();
    assert.deepEqual(Object.keys(DOCUMENTED_RATES).sort(), routed);
    for (const [key, r] of Object.entries(DOCUMENTED_RATES)) assert.ok(r.qps > 0 && r.source.length > 0, key);
    const qps = (k: string) => DOCUMENTED_RATES[k].qps;
    assert.deepEqual(
      ["cdn:PushObjectCache", "cdn:DescribeRefreshTaskById", "cdn:DescribeRefreshTasks", "cdn:DescribePreloadDetailById", "dcdn:PreloadDcdnObjectCaches",
        "dcdn:DescribeDcdnRefreshTaskById", "dcdn:DescribeDcdnRefreshTasks", "dcdn:DescribeDcdnRefreshQuota", "teo:CreatePrefetchTask",
        "teo:DescribePrefetchTasks", "teo:DescribeContentQuota"].map(qps),
      [50, 30, 10, 30, 15, 30, 10, 20, 20, 20, 20]);
    for (const k of Object.keys(ESA_ROUTES)) assert.match(DOCUMENTED_RATES[`esa:${k}`].source, /emulator choice: undocumented/);
  });

  it("a burst up to the rate passes, the next call is refused with the time until a token, and the bucket refills", () => {
    let wall = 1_000_000;
    const l = createRateLimiter(() => wall);
    const admit = () => l.admit("AKIDa", "teo", "CreatePrefetchTask", ON);
    const first = Array.from({ length: 20 }, admit);
    assert.ok(first.every((a) => a.admitted), "20/s: a burst of 20 passes");
    assert.deepEqual(admit(), { admitted: false, retryAfterMs: 50 });
    wall += 49;
    assert.equal(admit().admitted, false);
    wall += 1;
    assert.deepEqual([admit().admitted, admit().admitted], [true, false], "one token per 50 ms");
    wall += 10_000;
    assert.equal(Array.from({ length: 21 }, admit).filter((a) => a.admitted).length, 20, "refilled up to one second's burst, no more");
  });

  it("buckets are per key id, product and action", () => {
    const l = createRateLimiter(() => 0);
    const perAction = { "dcdn:PreloadDcdnObjectCaches": 1, "dcdn:DescribeDcdnRefreshQuota": 1 };
    const cfg = { enabled: true, perAction };
    assert.equal(l.admit("k1", "dcdn", "PreloadDcdnObjectCaches", cfg).admitted, true);
    assert.equal(l.admit("k1", "dcdn", "PreloadDcdnObjectCaches", cfg).admitted, false);
    assert.equal(l.admit("k2", "dcdn", "PreloadDcdnObjectCaches", cfg).admitted, true, "another account");
    assert.equal(l.admit("k1", "dcdn", "DescribeDcdnRefreshQuota", cfg).admitted, true, "another action");
    l.reset();
    assert.equal(l.admit("k1", "dcdn", "PreloadDcdnObjectCaches", cfg).admitted, true, "reset refills");
  });

  it("off unless enabled; scale multiplies the documented rates; perAction overrides them; unknown actions are unlimited", () => {
    assert.equal(rateFor("cdn", "PushObjectCache", undefined), null);
    assert.equal(rateFor("cdn", "PushObjectCache", { enabled: false, perAction: { "cdn:PushObjectCache": 1 } }), null);
    assert.equal(rateFor("cdn", "PushObjectCache", ON), 50);
    assert.equal(rateFor("cdn", "PushObjectCache", { enabled: true, scale: 0.1 }), 5);
    assert.equal(rateFor("cdn", "PushObjectCache", { enabled: true, scale: 0.1, perAction: { "cdn:PushObjectCache": 7 } }), 7);
    assert.equal(rateFor("cdn", "NoSuchAction", ON), null);
    const l = createRateLimiter(() => 0);
    assert.ok(Array.from({ length: 500 }, () => l.admit("k", "teo", "CreatePrefetchTask", undefined)).every((a) => a.admitted));
  });

  it("refuses a bad rateLimits setting with a RangeError naming the field", () => {
    const bad: [unknown, RegExp][] = [
      [null, /rateLimits must be an object/], [{ enabled: "yes" }, /enabled must be a boolean/], [{ scale: 0 }, /scale must be a positive number/],
      [{ perAction: { PushObjectCache: 1 } }, /must look like teo:CreatePrefetchTask/], [{ perAction: { "cdn:PushObjectCache": -1 } }, /must be a positive number/],
    ];
    for (const [v, re] of bad) assert.throws(() => validateRateLimits(v), (e: unknown) => e instanceof RangeError && re.test(e.message));
    validateRateLimits(undefined);
    validateRateLimits({ enabled: true, scale: 2, perAction: { "esa:PreloadCaches": 3 } });
  });
});

describe("emulator rate limits: the vendors' throttling answers", () => {
  let emu: Emu;
  const teoClient = () => new teo.v20220901.Client({ credential: { secretId: emu.credentials.tencent.secretId, secretKey: emu.credentials.tencent.secretKey },
    region: "", profile: { httpProfile: { endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" } } });
  const quota = () => teoClient().DescribeContentQuota({ ZoneId: "zone-rate1" });
  const settle = (n: number, call: () => Promise<unknown>) => Promise.allSettled(Array.from({ length: n }, call));
  const codes = (rs: PromiseSettledResult<unknown>[]) => rs.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason.code);

  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
  });
  beforeEach(async () => emu.control.reset());
  after(async () => emu.close());

  it("disabled by default: a burst far over the documented rate is served, nothing counted as throttled", async () => {
    assert.deepEqual(codes(await settle(60, quota)), []);
    const stats = await emu.control.stats();
    assert.deepEqual([stats.calls["teo:DescribeContentQuota"], stats.throttled], [60, {}]);
  });

  it("EdgeOne: a burst within the documented 20/s is served; over the rate the call gets RequestLimitExceeded, counted apart", async () => {
    await emu.control.setConfig({ rateLimits: ON });
    assert.deepEqual(codes(await settle(20, quota)), [], "a full bucket serves a burst of 20");
    await emu.control.reset();
    await emu.control.setConfig({ rateLimits: { enabled: true, perAction: { "teo:DescribeContentQuota": 0.2 } } });
    assert.deepEqual(codes(await settle(3, quota)).sort(), ["RequestLimitExceeded", "RequestLimitExceeded"]);
    const stats = await emu.control.stats();
    assert.deepEqual([stats.calls["teo:DescribeContentQuota"], stats.throttled], [1, { "teo:DescribeContentQuota": 2 }]);
    await emu.control.setConfig({ variants: { "teo.throttleCode": "RequestLimitExceeded.UinLimitExceeded" } });
    assert.deepEqual(codes(await settle(1, quota)), ["RequestLimitExceeded.UinLimitExceeded"]);
    assert.deepEqual(codes(await settle(1, () => teoClient().DescribePrefetchTasks({ ZoneId: "zone-rate1", Filters: [{ Name: "job-id", Values: ["x"] }] }))), [],
      "another action has its own bucket");
  });

  it("Alibaba CDN: over the rate the call gets the family's throttling error (Throttling.User 400 by default) with x-acs-retry-after", async () => {
    await emu.control.setConfig({ rateLimits: { enabled: true, perAction: { "cdn:DescribeRefreshQuota": 0.2 } } });
    const fx = { host: `127.0.0.1:${emu.port}`, keyId: emu.credentials.alibaba.accessKeyId, secret: emu.credentials.alibaba.accessKeySecret } as AliFixture;
    const c = cdnClient(fx);
    const read = () => c.describeRefreshQuota(new models.Cdn.DescribeRefreshQuotaRequest({}));
    await read();
    const e = await expectAliError(read(), "Throttling.User");
    assert.equal(e.statusCode, 400);
    assert.ok(e.retryAfter > 0 && e.retryAfter <= 5000, `x-acs-retry-after is the time until a token (0.2/s: at most 5 s), got ${e.retryAfter}`);
    const stats = await emu.control.stats();
    assert.deepEqual(stats.throttled, { "cdn:DescribeRefreshQuota": 1 });
  });
});
