/**
 * The shared poller (engine/poll-hub.ts) with scripted members on a manual clock: coalescing, per-member delivery,
 * cost-aware inclusion, members leaving, errors (shared, and isolated per member), overlapping rounds, wake-ups.
 */
import assert from "node:assert/strict";
import { PollGroup, type PollMember, type RoundOutcome } from "../../provider/engine/poll-hub";
import { flushAsync, ManualClock } from "../helpers/manual-clock";

/** A round's requests and when it ran (virtual ms since the clock's start). */
interface Run {
  at: number;
  requests: string[];
}

class Scripted {
  readonly clock = new ManualClock({ auto: false });
  readonly runs: Run[] = [];
  /** Throws for a round whose requests include one of these. */
  readonly poison = new Set<string>();
  /** Throws this (once) on the next round. */
  failNext: Error | null = null;
  /** Calls per round: requests per call. */
  perCall = 10;
  readonly group: PollGroup<string, string>;
  idle = 0;

  constructor(isolate: (e: unknown) => boolean = (e) => e instanceof Error && e.message.startsWith("refused")) {
    this.group = new PollGroup<string, string>({ clock: this.clock, isolate, onIdle: () => this.idle++ });
  }

  query = {
    run: async (requests: string[]) => {
      this.runs.push({ at: this.clock.elapsed(), requests });
      const e = this.failNext;
      this.failNext = null;
      if (e) throw e;
      const bad = requests.find((r) => this.poison.has(r));
      if (bad) throw new Error(`refused: ${bad}`);
      return requests.map((r) => `${r}@${this.clock.elapsed()}`);
    },
    cost: (requests: string[]) => Math.ceil(requests.length / this.perCall),
  };

  /** A member that polls every `everyMs` and leaves after `rounds` outcomes; records what it got. */
  member(name: string, o: { everyMs?: number; rounds?: number; got?: string[] } = {}): PollMember<string, string> & { got: string[] } {
    const got = o.got ?? [];
    let n = 0;
    return {
      got,
      request: () => name,
      query: this.query,
      deliver: (outcome: RoundOutcome<string>, now: number) => {
        got.push(outcome.ok ? outcome.value : `error ${(outcome.error as Error).message}`);
        if (!outcome.ok && (outcome.error as Error).message.startsWith("refused")) throw outcome.error;
        return ++n >= (o.rounds ?? 1) ? null : now + (o.everyMs ?? 1000);
      },
    };
  }

  at(ms: number): number {
    return this.clock.start + ms;
  }
}

describe("engine shared poller", () => {
  it("one round serves every due member, and each gets exactly its own answer", async () => {
    const s = new Scripted();
    const [a, b, c] = ["a", "b", "c"].map((n) => s.member(n));
    const done = Promise.all([a, b, c].map((m) => s.group.join(m, s.at(1000))));
    await s.clock.advance(1000);
    await done;
    assert.deepEqual(s.runs, [{ at: 1000, requests: ["a", "b", "c"] }]);
    assert.deepEqual([a.got, b.got, c.got], [["a@1000"], ["b@1000"], ["c@1000"]]);
    assert.deepEqual([s.group.size, s.idle, s.clock.pending()], [0, 1, 0], "stopped when the last member left, no timer left behind");
  });

  it("adds members that are not due yet only while they cost no extra call, earliest due first", async () => {
    const s = new Scripted();
    s.perCall = 2;
    const a = s.member("a"), b = s.member("b"), c = s.member("c");
    const done = Promise.all([s.group.join(a, s.at(1000)), s.group.join(c, s.at(9000)), s.group.join(b, s.at(5000))]);
    await s.clock.advance(10_000);
    await done;
    assert.deepEqual(s.runs, [{ at: 1000, requests: ["a", "b"] }, { at: 9000, requests: ["c"] }]);
    assert.deepEqual(b.got, ["b@1000"], "b was served early, for free");
  });

  it("a member leaving never disturbs the others; each keeps its own rhythm", async () => {
    const s = new Scripted();
    const a = s.member("a", { rounds: 1 }), b = s.member("b", { rounds: 3, everyMs: 2000 });
    const done = Promise.all([s.group.join(a, s.at(1000)), s.group.join(b, s.at(1000))]);
    await s.clock.advance(10_000);
    await done;
    assert.deepEqual(s.runs.map((r) => `${r.at}:${r.requests.join("+")}`), ["1000:a+b", "3000:b", "5000:b"]);
  });

  it("an error the members tolerate reaches every member of the round; they go on", async () => {
    const s = new Scripted();
    s.failNext = new Error("throttled");
    const a = s.member("a", { rounds: 2 }), b = s.member("b", { rounds: 2 });
    const done = Promise.all([s.group.join(a, s.at(1000)), s.group.join(b, s.at(1000))]);
    await s.clock.advance(5000);
    await done;
    assert.deepEqual([a.got, b.got], [["error throttled", "a@2000"], ["error throttled", "b@2000"]]);
  });

  it("an error that ends waits is asked again member by member: only the member it belongs to leaves with it", async () => {
    const s = new Scripted();
    s.poison.add("bad");
    const good = s.member("good", { rounds: 2 }), bad = s.member("bad", { rounds: 2 });
    const goodDone = s.group.join(good, s.at(1000));
    const badDone = s.group.join(bad, s.at(1000));
    badDone.catch(() => undefined);
    await s.clock.advance(5000);
    await goodDone;
    await assert.rejects(badDone, /refused: bad/);
    assert.deepEqual(s.runs.map((r) => `${r.at}:${r.requests.join("+")}`), ["1000:good+bad", "1000:good", "1000:bad", "2000:good"]);
    assert.deepEqual(good.got, ["good@1000", "good@2000"]);
  });

  it("one round at a time: a member falling due during a round joins the next one, which starts as the first ends", async () => {
    const s = new Scripted();
    let release!: () => void;
    const slow = { run: async (r: string[]) => { s.runs.push({ at: s.clock.elapsed(), requests: r }); await new Promise<void>((ok) => (release = ok)); return r.map((x) => `${x}@slow`); }, cost: (r: string[]) => r.length };
    const a: PollMember<string, string> = { request: () => "a", query: slow, deliver: () => null };
    const b = s.member("b");
    const aDone = s.group.join(a, s.at(1000));
    const bDone = s.group.join(b, s.at(1500));
    await s.clock.advance(2000);
    assert.deepEqual(b.got, [], "b, due at 1500, waits for the round in flight (overlapping rounds would split under pacing)");
    release();
    await aDone;
    await bDone;
    assert.deepEqual(b.got, ["b@2000"], "b is polled as soon as a's round ends");
    assert.deepEqual(s.runs.map((r) => `${r.at}:${r.requests.join("+")}`), ["1000:a", "2000:b"]);
  });

  it("a member joining with an earlier due time wakes the sleeping group", async () => {
    const s = new Scripted();
    s.perCall = 1;
    const late = s.member("late"), early = s.member("early");
    const lateDone = s.group.join(late, s.at(10_000));
    await s.clock.advance(100);
    const earlyDone = s.group.join(early, s.at(500));
    await s.clock.advance(400);
    await earlyDone;
    assert.deepEqual(s.runs, [{ at: 500, requests: ["early"] }], "late is not due and would cost a call of its own");
    await s.clock.advance(9500);
    await lateDone;
    assert.deepEqual(s.runs.map((r) => r.at), [500, 10_000]);
  });

  it("a member whose request throws leaves with that error; the others are served", async () => {
    const s = new Scripted();
    const broken: PollMember<string, string> = { request: () => { throw new TypeError("no batches"); }, query: s.query, deliver: () => null };
    const ok = s.member("ok");
    const brokenDone = s.group.join(broken, s.at(1000));
    brokenDone.catch(() => undefined);
    const okDone = s.group.join(ok, s.at(2000));
    await s.clock.advance(3000);
    await assert.rejects(brokenDone, /no batches/);
    await okDone;
    assert.deepEqual(ok.got, ["ok@2000"]);
  });

  it("a round answering the wrong number of results is a programming error for every member of it", async () => {
    const s = new Scripted();
    const wrong = { run: async () => ["only one"], cost: () => 1 };
    const x: PollMember<string, string> = { request: () => "x", query: wrong, deliver: (o) => { if (!o.ok) throw o.error; return null; } };
    const y: PollMember<string, string> = { request: () => "y", query: wrong, deliver: (o) => { if (!o.ok) throw o.error; return null; } };
    const both = [s.group.join(x, s.at(10)), s.group.join(y, s.at(10))];
    both.forEach((p) => p.catch(() => undefined));
    await s.clock.advance(10);
    for (const p of both) await assert.rejects(p, TypeError);
  });

  it("with an auto-advancing clock a lone member sleeps exactly the intervals it asks for", async () => {
    const clock = new ManualClock();
    const group = new PollGroup<string, number>({ clock, isolate: () => false });
    const at: number[] = [];
    await group.join({
      request: () => "x",
      query: { run: async (r) => r.map(() => clock.elapsed()), cost: () => 1 },
      deliver: (o, now) => (at.push(now - clock.start), at.length < 4 ? now + 1000 * at.length : null),
    }, clock.now() + 500);
    assert.deepEqual(at, [500, 1500, 3500, 6500]);
    assert.deepEqual(clock.sleeps, [500, 1000, 2000, 3000]);
  });
});

describe("engine shared poller: flush helper sanity", () => {
  it("flushAsync lets a resolved round deliver before the next assertion", async () => {
    const s = new Scripted();
    const m = s.member("m");
    const done = s.group.join(m, s.clock.now());
    await flushAsync();
    await flushAsync();
    await done;
    assert.deepEqual(m.got, ["m@0"], "a member due now is polled at once");
  });
});

describe("engine shared poller: costs that do not grow with the requests", () => {
  it("adds the longest run of members that keeps the cost, even when adding one at a time would raise it", async () => {
    const s = new Scripted();
    // Like ESA: up to 3 requests are looked up one call each; more are listed in one call.
    s.query.cost = (requests: string[]) => (requests.length <= 3 ? requests.length : 1);
    const members = ["a", "b", "c", "d", "e"].map((n) => s.member(n));
    const done = Promise.all(members.map((m, i) => s.group.join(m, s.at(1000 + i * 1000))));
    await s.clock.advance(6000);
    await done;
    assert.deepEqual(s.runs, [{ at: 1000, requests: ["a", "b", "c", "d", "e"] }]);
  });
});
