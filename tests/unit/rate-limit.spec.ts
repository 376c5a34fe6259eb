/**
 * The token bucket (provider/engine/rate-limit.ts) and the per-account gates built on it
 * (provider/adapters/rate-gate.ts), on a manual clock: exact sleeps, FIFO order, refill, one bucket per account and
 * action shared by every client of the process, and the `cdnPrefetch:apiRateShare` setting.
 */
import assert from "node:assert/strict";
import { accountBucket, DEFAULT_API_RATE_SHARE, forgetRateLimits, rateGate } from "../../provider/adapters/rate-gate";
import type { AccountContext, AccountScope } from "../../provider/adapters/memory";
import { burstOf, TokenBucket } from "../../provider/engine/rate-limit";
import { apiRateShare, ConnectionSettingError, resolveConnection } from "../../provider/resources/connection";
import { CDN_RATES } from "../../provider/adapters/alibaba-cdn/rates";
import { DCDN_RATES } from "../../provider/adapters/alibaba-dcdn/rates";
import { ESA_RATES } from "../../provider/adapters/alibaba-esa/rates";
import { TEO_RATES } from "../../provider/adapters/edgeone/rates";
import { flushAsync, ManualClock } from "../helpers/manual-clock";

/** Starts `n` takes at once; returns the order in which they resolve (their index), filled in as they do. */
function takeAll(take: () => Promise<void>, n: number): number[] {
  const done: number[] = [];
  for (let i = 0; i < n; i++) void take().then(() => done.push(i));
  return done;
}

const scope = (accessKeyId = "AKID1", endpoint = "http://127.0.0.1:1"): AccountScope => ({ cloud: "edgeone", accessKeyId, endpoint });

describe("rate limits: the token bucket", () => {
  it("lets a burst through at once, then makes each next caller sleep exactly until its token is refilled", async () => {
    const clock = new ManualClock({ auto: false });
    const bucket = new TokenBucket(clock, 10);
    assert.equal(bucket.burst, 10, "one second's worth");
    const done = takeAll(() => bucket.take(), 13);
    await flushAsync();
    assert.deepEqual(done, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(clock.sleeps, [100, 200, 300], "10 calls/s: one token per 100 ms, reserved in call order");
    await clock.advance(99);
    assert.equal(done.length, 10);
    await clock.advance(1);
    assert.deepEqual(done.slice(10), [10]);
    await clock.advance(200);
    assert.deepEqual(done.slice(10), [10, 11, 12], "FIFO: served in the order they asked");
  });

  it("is fair to late callers: a caller arriving while others wait queues behind them", async () => {
    const clock = new ManualClock({ auto: false });
    const bucket = new TokenBucket(clock, 5, 1);
    const order: string[] = [];
    void bucket.take().then(() => order.push("a"));
    void bucket.take().then(() => order.push("b"));
    await clock.advance(100);
    void bucket.take().then(() => order.push("c"));
    await flushAsync();
    assert.deepEqual(clock.sleeps, [200, 300], "b waits 200 ms; c, arriving 100 ms later, waits for the token after b's");
    await clock.advance(400);
    assert.deepEqual(order, ["a", "b", "c"]);
  });

  it("refills at the rate up to the burst, never above it; an idle bucket costs nothing", async () => {
    const clock = new ManualClock({ auto: false });
    const bucket = new TokenBucket(clock, 4);
    for (let i = 0; i < 4; i++) await bucket.take();
    assert.equal(bucket.waitMs(), 250);
    clock.tick(500);
    assert.equal(bucket.waitMs(), 0, "two tokens earned in 500 ms");
    clock.tick(60_000);
    const done = takeAll(() => bucket.take(), 5);
    await flushAsync();
    assert.equal(done.length, 4, "a minute idle still allows only the burst");
    assert.deepEqual(clock.sleeps, [250]);
  });

  it("earns nothing while the clock goes back, and changes rate in place", async () => {
    const clock = new ManualClock({ auto: false });
    const bucket = new TokenBucket(clock, 2, 1);
    await bucket.take();
    clock.tick(-10_000);
    assert.equal(bucket.waitMs(), 500);
    bucket.setRate(10);
    assert.equal(bucket.burst, 10);
    assert.equal(bucket.waitMs(), 100, "the debt is paid at the new rate");
  });

  it("refuses rates and bursts it cannot honour", () => {
    const clock = new ManualClock();
    assert.throws(() => new TokenBucket(clock, 0), /ratePerSecond must be a finite number > 0, got 0/);
    assert.throws(() => new TokenBucket(clock, Number.NaN), RangeError);
    assert.throws(() => new TokenBucket(clock, 5, 0), /burst must be an integer ≥ 1, got 0/);
    assert.deepEqual([burstOf(0.3), burstOf(7.5), burstOf(25)], [1, 7, 25]);
  });
});

describe("rate limits: one bucket per account and action for the process", () => {
  beforeEach(() => forgetRateLimits());

  it("clients of one account share a bucket per action; actions, accounts, endpoints and clocks are apart", async () => {
    const clock = new ManualClock({ auto: false });
    const account: AccountContext = { scope: scope(), clock };
    const rates = { CreatePrefetchTask: 2, DescribePrefetchTasks: 2 };
    const first = rateGate(account, rates, 1);
    const second = rateGate({ scope: scope(), clock }, rates, 1);
    await first("CreatePrefetchTask");
    await second("CreatePrefetchTask");
    assert.equal(accountBucket(account, "CreatePrefetchTask", 2).waitMs(), 500, "the second resource's client spent the same bucket");
    assert.equal(accountBucket(account, "DescribePrefetchTasks", 2).waitMs(), 0, "another action: its own bucket");
    assert.equal(accountBucket({ scope: scope("AKID2"), clock }, "CreatePrefetchTask", 2).waitMs(), 0, "another account");
    assert.equal(accountBucket({ scope: scope("AKID1", "https://teo.intl.tencentcloudapi.com"), clock }, "CreatePrefetchTask", 2).waitMs(), 0,
      "another endpoint (site)");
    assert.equal(accountBucket({ scope: scope(), clock: new ManualClock({ auto: false }) }, "CreatePrefetchTask", 2).waitMs(), 0,
      "another clock: another test, never shared");
    assert.deepEqual(clock.sleeps, []);
  });

  it("runs each action at the configured share of its documented rate", async () => {
    const clock = new ManualClock({ auto: false });
    const half = rateGate({ scope: scope(), clock }, TEO_RATES);
    const done = takeAll(() => half("CreatePrefetchTask"), 11);
    await flushAsync();
    assert.equal(done.length, 10, `default share ${DEFAULT_API_RATE_SHARE} of 20/s: a burst of 10`);
    assert.deepEqual(clock.sleeps, [100]);
    const fullClock = new ManualClock({ auto: false });
    const full = rateGate({ scope: scope(), clock: fullClock }, TEO_RATES, 1);
    const all = takeAll(() => full("CreatePrefetchTask"), 21);
    await flushAsync();
    assert.equal(all.length, 20);
    assert.deepEqual(fullClock.sleeps, [50], "share 1: the documented 20/s");
  });

  it("has a documented rate for every action each client calls (cloud-apis.md §D.3; ESA chosen: undocumented)", () => {
    assert.deepEqual({ ...TEO_RATES }, { CreatePrefetchTask: 20, DescribePrefetchTasks: 20, DescribeContentQuota: 20, CreatePurgeTask: 20, DescribePurgeTasks: 20 });
    assert.deepEqual({ ...CDN_RATES }, { PushObjectCache: 50, DescribeRefreshTaskById: 30, DescribeRefreshTasks: 5, DescribePreloadDetailById: 30, DescribeRefreshQuota: 20,
      RefreshObjectCaches: 50 });
    assert.deepEqual({ ...DCDN_RATES }, { PreloadDcdnObjectCaches: 15, DescribeDcdnRefreshTaskById: 30, DescribeDcdnRefreshTasks: 10, DescribeDcdnRefreshQuota: 20,
      RefreshDcdnObjectCaches: 30 });
    assert.deepEqual({ ...ESA_RATES }, { PreloadCaches: 10, DescribePreloadTasks: 10, ListInstanceQuotasWithUsage: 10, PurgeCaches: 10,
      DescribePurgeTasks: 10, GetPurgeQuota: 10 });
  });
});

describe("rate limits: cdnPrefetch:apiRateShare / CDN_PREFETCH_API_RATE_SHARE", () => {
  const KEYS = { "tencentcloud:secretId": "id", "tencentcloud:secretKey": "key" };

  it("is 0.5 by default, config before environment, any share above 0 up to 1", () => {
    assert.equal(resolveConnection("edgeone", {}, KEYS, {}).apiRateShare, 0.5);
    assert.equal(resolveConnection("edgeone", {}, KEYS, { CDN_PREFETCH_API_RATE_SHARE: "0.25" }).apiRateShare, 0.25);
    assert.equal(resolveConnection("alibaba-esa", {}, { "alicloud:accessKey": "a", "alicloud:secretKey": "b", "cdnPrefetch:apiRateShare": "1" },
      { CDN_PREFETCH_API_RATE_SHARE: "0.1" }).apiRateShare, 1);
    assert.deepEqual(["0.01", " .5 ", "1.0"].map(apiRateShare), [0.01, 0.5, 1]);
  });

  it("refuses anything else, naming the setting and what it means", () => {
    for (const raw of ["0", "1.5", "-0.5", "half", "50%", "", "1e-1"]) {
      assert.throws(() => apiRateShare(raw), (e: Error) => e instanceof ConnectionSettingError &&
        /^cdnPrefetch:apiRateShare \(CDN_PREFETCH_API_RATE_SHARE\) must be a number above 0 and at most 1 \(the share of each documented per-account API rate/.test(e.message) &&
        e.message.endsWith(`got ${JSON.stringify(raw)}`), raw);
    }
    assert.throws(() => resolveConnection("edgeone", {}, { ...KEYS, "cdnPrefetch:apiRateShare": "2" }, {}), ConnectionSettingError);
  });
});
