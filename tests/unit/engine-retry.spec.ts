import assert from "node:assert/strict";
import { withRetry, isRetryableKind, provesNothingAccepted, RETRY_DEFAULTS, type RetryOptions } from "../../provider/engine/retry";
import { CloudError, type ErrorKind } from "../../provider/model/errors";
import { ManualClock } from "../helpers/manual-clock";

const err = (kind: ErrorKind, retryAfterMs: number | null = null) =>
  new CloudError("edgeone", kind, `Code.${kind}`, `${kind} failure`, "req-1", 400, retryAfterMs, "DescribePrefetchTasks");

/** A call that throws the scripted errors in order, then returns "ok". Logs one line per call. */
function scripted(errors: Error[]) {
  const log: string[] = [];
  const fn = async () => {
    const e = errors.shift();
    log.push(e ? `call -> ${e instanceof CloudError ? e.kind : e.name}` : "call -> ok");
    if (e) throw e;
    return "ok";
  };
  return { fn, log };
}

function setup(extra: Partial<RetryOptions> = {}) {
  const clock = new ManualClock();
  const retries: string[] = [];
  const opts: RetryOptions = {
    clock, call: "query", random: () => 0.5,
    onRetry: ({ attempt, delayMs, error }) => retries.push(`${attempt}:${delayMs}:${error.kind}`),
    ...extra,
  };
  return { clock, retries, opts };
}

describe("engine withRetry", () => {
  it("has the documented defaults", () => {
    assert.deepEqual(RETRY_DEFAULTS, { maxAttempts: 5, baseDelayMs: 500, throttleBaseDelayMs: 2000, maxDelayMs: 20_000, unreachedWindowMs: 60_000 });
  });

  it("retries transient errors of idempotent calls with full-jitter backoff, then returns", async () => {
    const { clock, retries, opts } = setup();
    const { fn, log } = scripted([err("transient"), err("transient"), err("transient")]);
    assert.equal(await withRetry(fn, opts), "ok");
    assert.deepEqual(clock.sleeps, [250, 500, 1000]);
    assert.deepEqual(retries, ["1:250:transient", "2:500:transient", "3:1000:transient"]);
    assert.deepEqual(log, ["call -> transient", "call -> transient", "call -> transient", "call -> ok"]);
  });

  it("uses the larger throttling base, also for non-idempotent calls (a refused submit did nothing)", async () => {
    const { clock, opts } = setup({ call: "submit" });
    const { fn, log } = scripted([err("throttled"), err("throttled")]);
    assert.equal(await withRetry(fn, opts), "ok");
    assert.deepEqual(clock.sleeps, [1000, 2000]);
    assert.equal(log.length, 3);
  });

  it("never retries a transient failure of a non-idempotent call (it may have reached the server)", async () => {
    const { clock, opts } = setup({ call: "submit" });
    const e = err("transient");
    const { fn, log } = scripted([e]);
    await assert.rejects(withRetry(fn, opts), (thrown) => thrown === e);
    assert.deepEqual(log, ["call -> transient"]);
    assert.deepEqual(clock.sleeps, []);
    assert.deepEqual([e.attempts, e.totalRetryDelayMs], [1, 0]);
  });

  for (const kind of ["auth", "quota", "invalid", "notFound", "unknown"] as const) {
    it(`never retries ${kind} errors`, async () => {
      const { clock, opts } = setup();
      const e = err(kind);
      const { fn, log } = scripted([e]);
      await assert.rejects(withRetry(fn, opts), (thrown) => thrown === e);
      assert.equal(log.length, 1);
      assert.deepEqual(clock.sleeps, []);
      assert.equal(e.attempts, 1);
    });
  }

  it("classification table", () => {
    const kinds: ErrorKind[] = ["throttled", "busy", "unreached", "transient", "auth", "quota", "invalid", "notFound", "unknown"];
    assert.deepEqual(kinds.filter((k) => isRetryableKind(k, "query")), ["throttled", "busy", "unreached", "transient"]);
    assert.deepEqual(kinds.filter((k) => isRetryableKind(k, "quota")), ["throttled", "busy", "unreached", "transient"]);
    assert.deepEqual(kinds.filter((k) => isRetryableKind(k, "submit")), ["throttled", "busy", "unreached"]);
  });

  it("only a transient error leaves a submit's outcome unknown", () => {
    const kinds: ErrorKind[] = ["throttled", "busy", "unreached", "transient", "auth", "quota", "invalid", "notFound", "unknown"];
    assert.deepEqual(kinds.filter((k) => !provesNothingAccepted(err(k))), ["transient"]);
    assert.equal(provesNothingAccepted(new TypeError("x")), false, "a non-CloudError proves nothing");
  });

  it("retries a busy submit (domain being configured) for the busy window, then gives up", async () => {
    const { clock, opts } = setup({ call: "submit", busyWindowMs: 60_000 });
    const { fn, log } = scripted(Array.from({ length: 50 }, () => err("busy")));
    await assert.rejects(withRetry(fn, opts), (e: CloudError) => e.kind === "busy");
    assert.ok(clock.elapsed() >= 60_000, "retried for the whole window");
    assert.ok(log.length > 5, "more attempts than the throttling budget");
  });

  it("retries an unreached submit (connection refused: nothing sent) for the unreached window", async () => {
    const { clock, opts } = setup({ call: "submit", unreachedWindowMs: 5000 });
    const { fn, log } = scripted(Array.from({ length: 5 }, () => err("unreached")));
    assert.equal(await withRetry(fn, opts), "ok");
    assert.equal(log.at(-1), "call -> ok");
    assert.ok(clock.elapsed() > 0);
  });

  it("never retries a non-CloudError (a TypeError is a programmer error) and leaves it unstamped", async () => {
    const { clock, opts } = setup();
    const e = new TypeError("cannot read properties of undefined");
    const { fn, log } = scripted([e]);
    await assert.rejects(withRetry(fn, opts), (thrown) => thrown === e);
    assert.equal(log.length, 1);
    assert.deepEqual(clock.sleeps, []);
    assert.equal("attempts" in e, false);
  });

  it("gives up after maxAttempts and stamps attempts and total delay on the final error", async () => {
    const { clock, opts } = setup();
    const last = err("transient");
    const { fn, log } = scripted([err("transient"), err("transient"), err("transient"), err("transient"), last, err("transient")]);
    await assert.rejects(withRetry(fn, opts), (thrown) => thrown === last);
    assert.equal(log.length, 5);
    assert.deepEqual(clock.sleeps, [250, 500, 1000, 2000]);
    assert.deepEqual([last.attempts, last.totalRetryDelayMs], [5, 3750]);
    assert.equal(clock.elapsed(), 3750);
  });

  it("caps the backoff at maxDelayMs", async () => {
    const { clock, opts } = setup({ random: () => 1, maxAttempts: 7 });
    const { fn } = scripted(Array.from({ length: 6 }, () => err("throttled")));
    await withRetry(fn, opts);
    assert.deepEqual(clock.sleeps, [2000, 4000, 8000, 16_000, 20_000, 20_000]);
  });

  it("honours retryAfterMs as a floor, clamped to maxDelayMs", async () => {
    const { clock, opts } = setup();
    const { fn } = scripted([err("throttled", 7000), err("throttled", 60_000), err("throttled", 100), err("transient", 0)]);
    await withRetry(fn, opts);
    // computed without hints: 1000, 2000, 4000 (throttled base 2000), 2000 (transient base 500 * 2^3 * 0.5)
    assert.deepEqual(clock.sleeps, [7000, 20_000, 4000, 2000]);
  });

  it("mixes kinds: throttled then transient on an idempotent call", async () => {
    const { clock, retries, opts } = setup();
    const { fn } = scripted([err("throttled"), err("transient")]);
    assert.equal(await withRetry(fn, opts), "ok");
    // each delay uses its own kind's base at the current attempt: 0.5 * 2000 * 2^0, then 0.5 * 500 * 2^1
    assert.deepEqual(clock.sleeps, [1000, 500]);
    assert.deepEqual(retries, ["1:1000:throttled", "2:500:transient"]);
  });

  it("maxAttempts 1 disables retries", async () => {
    const { clock, opts } = setup({ maxAttempts: 1 });
    const e = err("throttled");
    const { fn } = scripted([e]);
    await assert.rejects(withRetry(fn, opts), (thrown) => thrown === e);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(e.attempts, 1);
  });

  for (const [name, bad] of [
    ["maxAttempts 0", { maxAttempts: 0 }], ["maxAttempts 1.5", { maxAttempts: 1.5 }],
    ["negative baseDelayMs", { baseDelayMs: -1 }], ["NaN maxDelayMs", { maxDelayMs: Number.NaN }],
  ] as const) {
    it(`rejects invalid options (${name}) with a TypeError before calling`, async () => {
      const { opts } = setup(bad);
      const { fn, log } = scripted([]);
      await assert.rejects(withRetry(fn, opts), TypeError);
      assert.deepEqual(log, []);
    });
  }
});
