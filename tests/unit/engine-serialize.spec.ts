/**
 * The engine runs inside Pulumi's dynamic-provider host after closure serialization. These tests serialize code that
 * uses it the way `dynamic.Resource` does, load the text the way the host does (require-from-string), and check the
 * loaded copy behaves identically; plus a static guard on what engine files import and keep at module level.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { withRetry } from "../../provider/engine/retry";
import { PollGroup } from "../../provider/engine/poll-hub";
import { nextAnchor, planNextPoll, readingOf, type Reading } from "../../provider/engine/schedule";
import { createProgressReporter } from "../../provider/engine/progress";
import { CloudError } from "../../provider/model/errors";
import type { Clock } from "../../provider/engine/clock";
import { ManualClock } from "../helpers/manual-clock";
import { serializeProvider } from "../../harness/serialize";

const requireFromString = require("require-from-string") as (code: string) => { handler: () => typeof uses };

const ENGINE_DIR = path.resolve(__dirname, "../../provider/engine");

/** Code that uses the engine, as provider methods would. */
const uses = {
  retry: (fn: () => Promise<string>, clock: Clock) => withRetry(fn, { clock, call: "query", random: () => 0.5 }),
  retryDefaultRandom: (fn: () => Promise<string>, clock: Clock) => withRetry(fn, { clock, call: "query" }),
  /** One member of a shared poller on the schedule, until the 5 s deadline: the polls it made. */
  wait: async (clock: Clock, poll: () => Promise<number>) => {
    const seen: number[] = [];
    const group = new PollGroup<null, number>({ clock, isolate: () => false });
    const start = clock.now();
    let previous: number | null = null;
    let anchor: Reading | null = null;
    await group.join({
      request: () => null,
      query: { run: async (reqs) => Promise.all(reqs.map(() => poll())), cost: () => 1 },
      deliver: (o, now) => {
        if (o.ok) seen.push(o.value);
        if (now >= start + 5000) return null;
        const open = [{ submittedAtMs: start, progress: 20 }];
        const plan = planNextPoll({ nowMs: now, startMs: start, open, longestFinishedMs: null, previousPredictionMs: previous, anchor },
          { floorMs: 1000, capMs: 8000 });
        previous = plan.predictionMs;
        anchor = nextAnchor(anchor, readingOf({ nowMs: now, open }));
        return Math.min(start + 5000, now + plan.sleepMs);
      },
    }, start + 1000);
    return seen;
  },
  report: (clock: Clock, log: (l: string) => void) => {
    const r = createProgressReporter({ clock, log, label: "x" });
    r.report({ progress: 50, done: 1, total: 2, failed: 0 });
    r.final({ progress: 100, done: 2, total: 2, failed: 1 });
  },
};

async function exercise(u: typeof uses) {
  const retryClock = new ManualClock();
  let calls = 0;
  const flaky = async () => {
    if (++calls < 3) throw new CloudError("alibaba-cdn", "throttled", "Throttling.User", "slow down");
    return "ok";
  };
  const retried = await u.retry(flaky, retryClock);
  calls = 0;
  const clock2 = new ManualClock();
  await u.retryDefaultRandom(flaky, clock2);
  const waitClock = new ManualClock();
  let n = 0;
  const waited = await u.wait(waitClock, async () => ++n);
  const lines: string[] = [];
  u.report(new ManualClock(), (l) => lines.push(l));
  return { retried, retrySleeps: retryClock.sleeps, defaultRandomSleeps: clock2.sleeps.length, waited, waitSleeps: waitClock.sleeps, lines };
}

describe("engine survives closure serialization", function () {
  this.timeout(30_000);

  it("serialized and reloaded as the host does, the engine behaves exactly like the original", async () => {
    const text = await serializeProvider(uses);
    assert.doesNotMatch(text, /require\("(\.|\/)/, "local modules are serialized by value, never required by path");
    const loaded = requireFromString(text).handler();
    const expected = await exercise(uses);
    assert.deepEqual(await exercise(loaded), expected);
    assert.deepEqual(expected.retrySleeps, [1000, 2000]);
    assert.equal(expected.defaultRandomSleeps, 2);
    assert.deepEqual(expected.waitSleeps, [1000, 1000, 1000, 1500, 500], "the approach is bounded by half the elapsed time; the last poll lands at the deadline");
    assert.deepEqual(expected.waited, [1, 2, 3, 4, 5]);
    assert.deepEqual(expected.lines, ["prefetch x: 50% — 1/2 URLs done, 0 failed", "prefetch x: 100% — 2/2 URLs done, 1 failed"]);
  });

  it("engine files import only ./engine siblings, provider/model and node built-ins", () => {
    for (const f of fs.readdirSync(ENGINE_DIR).filter((x) => x.endsWith(".ts"))) {
      const src = fs.readFileSync(path.join(ENGINE_DIR, f), "utf8");
      for (const m of src.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)) {
        assert.match(m[1], /^(\.\/[\w-]+|\.\.\/model\/[\w-]+|node:[\w/]+)$/, `${f} imports ${m[1]}`);
      }
      assert.doesNotMatch(src, /\brequire\(/, `${f} must not require()`);
    }
  });

  it("engine files keep no Map/Set/Date/RegExp/bound function at module level and no #private fields", () => {
    for (const f of fs.readdirSync(ENGINE_DIR).filter((x) => x.endsWith(".ts"))) {
      const src = fs.readFileSync(path.join(ENGINE_DIR, f), "utf8");
      const topLevel = src.split("\n").filter((l) => /^(export\s+)?(const|let|var)\s/.test(l));
      for (const l of topLevel) assert.doesNotMatch(l, /new (Map|Set|WeakMap|WeakSet|Date|RegExp)\b|\.bind\(|=\s*\/.+\/[gimsuy]*\s*;/, `${f}: ${l}`);
      assert.doesNotMatch(src, /(^|[\s.])#[A-Za-z_]\w*/m, `${f} uses a #private field`);
    }
  });
});
