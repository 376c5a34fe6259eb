import assert from "node:assert/strict";
import { waitUntil, type WaitOptions } from "../../provider/engine/waiter";
import { ManualClock, flushAsync } from "../helpers/manual-clock";

/** A poll that counts and records the virtual time of each call; done from poll `doneAt` on. */
function counter(clock: ManualClock, doneAt = Infinity, pollCostMs = 0) {
  const at: number[] = [];
  let n = 0;
  const poll = async () => {
    at.push(clock.elapsed());
    clock.tick(pollCostMs);
    return ++n;
  };
  return { poll, isDone: (s: number) => s >= doneAt, at };
}

function opts(clock: ManualClock, c: ReturnType<typeof counter>, extra: Partial<WaitOptions<number>> = {}): WaitOptions<number> {
  return { clock, timeoutMs: 60_000, initialDelayMs: 1000, maxDelayMs: 8000, random: () => 0.5, poll: c.poll, isDone: c.isDone, ...extra };
}

describe("engine waitUntil", () => {
  it("polls at once, then backs off with jitter until done", async () => {
    const clock = new ManualClock();
    const c = counter(clock, 4);
    const r = await waitUntil(opts(clock, c));
    assert.deepEqual(r, { state: "done", last: 4, polls: 4, elapsedMs: 3875 });
    assert.deepEqual(clock.sleeps, [1000, 1250, 1625]);
    assert.deepEqual(c.at, [0, 1000, 2250, 3875]);
  });

  it("done on the first poll: no sleep at all", async () => {
    const clock = new ManualClock();
    const r = await waitUntil(opts(clock, counter(clock, 1)));
    assert.deepEqual(r, { state: "done", last: 1, polls: 1, elapsedMs: 0 });
    assert.deepEqual(clock.sleeps, []);
  });

  it("caps the sleep at maxDelayMs", async () => {
    const clock = new ManualClock();
    const c = counter(clock, 6);
    await waitUntil(opts(clock, c, { random: () => 1, multiplier: 2, maxDelayMs: 3000 }));
    assert.deepEqual(clock.sleeps, [1000, 2000, 3000, 3000, 3000]);
  });

  it("times the last poll to land exactly at the deadline, then reports timeout with the last state", async () => {
    const clock = new ManualClock();
    const c = counter(clock);
    const r = await waitUntil(opts(clock, c, { timeoutMs: 5000 }));
    assert.deepEqual(r, { state: "timeout", last: 5, polls: 5, elapsedMs: 5000 });
    assert.deepEqual(clock.sleeps, [1000, 1250, 1625, 1125]);
    assert.deepEqual(c.at, [0, 1000, 2250, 3875, 5000]);
  });

  it("a task that finishes by the deadline is seen as done", async () => {
    const clock = new ManualClock();
    const r = await waitUntil(opts(clock, counter(clock, 5), { timeoutMs: 5000 }));
    assert.deepEqual(r, { state: "done", last: 5, polls: 5, elapsedMs: 5000 });
  });

  it("never sleeps past the deadline when polls themselves take time", async () => {
    const clock = new ManualClock();
    const c = counter(clock, Infinity, 300);
    const r = await waitUntil(opts(clock, c, { timeoutMs: 2000, random: () => 0 }));
    assert.deepEqual(clock.sleeps, [1000, 400]);
    assert.deepEqual(c.at, [0, 1300, 2000]);
    assert.deepEqual(r, { state: "timeout", last: 3, polls: 3, elapsedMs: 2300 });
  });

  it("timeoutMs 0 means exactly one poll", async () => {
    const clock = new ManualClock();
    assert.deepEqual(await waitUntil(opts(clock, counter(clock), { timeoutMs: 0 })), { state: "timeout", last: 1, polls: 1, elapsedMs: 0 });
    assert.deepEqual(await waitUntil(opts(clock, counter(clock, 1), { timeoutMs: 0 })), { state: "done", last: 1, polls: 1, elapsedMs: 0 });
    assert.deepEqual(clock.sleeps, []);
  });

  it("reports every poll to onPoll with the poll count and elapsed time", async () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    await waitUntil(opts(clock, counter(clock, 3), { onPoll: (s, i) => seen.push(`${s}@${i.polls}/${i.elapsedMs}`) }));
    assert.deepEqual(seen, ["1@1/0", "2@2/1000", "3@3/2250"]);
  });

  it("propagates poll errors unchanged, without further polls", async () => {
    const clock = new ManualClock();
    const boom = new Error("describe failed");
    let calls = 0;
    const poll = async () => { if (++calls === 2) throw boom; return calls; };
    await assert.rejects(waitUntil({ clock, timeoutMs: 60_000, initialDelayMs: 1000, maxDelayMs: 8000, random: () => 0.5, poll, isDone: () => false }), (e) => e === boom);
    assert.equal(calls, 2);
    assert.deepEqual(clock.sleeps, [1000]);
  });

  for (const [name, bad] of [
    ["timeoutMs < 0", { timeoutMs: -1 }], ["initialDelayMs 0", { initialDelayMs: 0 }], ["initialDelayMs < 0", { initialDelayMs: -5 }],
    ["maxDelayMs < initialDelayMs", { maxDelayMs: 999 }], ["multiplier < 1", { multiplier: 0.5 }], ["NaN timeout", { timeoutMs: Number.NaN }],
  ] as const) {
    it(`rejects ${name} with a TypeError before polling`, async () => {
      const clock = new ManualClock();
      const c = counter(clock);
      await assert.rejects(waitUntil(opts(clock, c, bad)), TypeError);
      assert.deepEqual(c.at, []);
    });
  }

  it("really waits on the clock: nothing polls until time is advanced (manual mode)", async () => {
    const clock = new ManualClock({ auto: false });
    const c = counter(clock, 3);
    const waiting = waitUntil(opts(clock, c));
    await flushAsync();
    assert.deepEqual([c.at.length, clock.pending()], [1, 1]);
    await clock.advance(999);
    assert.equal(c.at.length, 1);
    await clock.advance(1);
    assert.deepEqual(c.at, [0, 1000]);
    await clock.advance(1250);
    assert.deepEqual(await waiting, { state: "done", last: 3, polls: 3, elapsedMs: 2250 });
  });
});
