/**
 * Staggered completions at the unit level: URLs of one task finish at different times, and `create` must stay pending
 * until the last one is done (README: "block until every URL is done"; issue 7 "The suite cannot see early success").
 *
 * The fake cloud here is this spec's own (tests/helpers/fake-cloud.ts finishes every URL on the same poll): each URL
 * finishes a fixed virtual time after its submit, read from the same {@link ManualClock} the provider waits on, so the
 * test moves time by hand and looks at the create promise between steps.
 */
import assert from "node:assert/strict";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import type { CloudKind } from "../../provider/model/cloud";
import type { UrlStatus } from "../../provider/model/status";
import type { FoundTask, QueryResult, SubmitResult, SubmittedBatch, UrlObservation } from "../../provider/model/task";
import { PrefetchProvider } from "../../provider/resources/provider";
import { flushAsync, ManualClock } from "../helpers/manual-clock";
import { storedResults } from "../helpers/stored-record";

const ENV = {
  TENCENTCLOUD_SECRET_ID: "AKIDtest", TENCENTCLOUD_SECRET_KEY: "secret-key-value",
  ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAItest", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret-value",
};

/** A URL's fate: how long after its submit it stays running, and how it ends. */
interface Fate {
  afterMs: number;
  outcome: UrlStatus;
}

/** A cloud whose URLs finish at their own time after submit (virtual time of the shared clock), by file name. */
class StaggeredCloud {
  readonly log: string[] = [];
  /** URLs done (terminal) as seen by each query, in order. */
  readonly seenDone: number[] = [];
  private readonly tasks = new Map<string, { urls: string[]; at: number }>();
  private seq = 0;

  constructor(private readonly clock: ManualClock, private readonly fates: Record<string, Fate>) {}

  adapter(cloud: CloudKind): PrefetchAdapter {
    return {
      cloud,
      limits: { urlsPerRequest: 100, historyDays: 3, pollInitialMs: 1000, pollMaxMs: 2000 },
      submit: async (_s, urls) => this.submit(urls),
      query: async (_s, batches) => this.query(batches),
      quota: async () => null,
      findTasks: async () => this.find(),
    };
  }

  get submits(): number {
    return this.log.filter((l) => l.startsWith("submit")).length;
  }

  private submit(urls: string[]): SubmitResult {
    const id = `task-${++this.seq}`;
    this.log.push(`submit ${urls.length}`);
    this.tasks.set(id, { urls, at: this.clock.now() });
    return { taskIds: [id], rejected: [] };
  }

  private observe(id: string): UrlObservation[] {
    const t = this.tasks.get(id);
    if (!t) return [];
    const elapsed = this.clock.now() - t.at;
    return t.urls.map((url) => {
      const f = this.fates[url.slice(url.lastIndexOf("/") + 1)];
      const done = elapsed >= f.afterMs;
      return {
        url, taskId: id, status: done ? f.outcome : "running", reason: done && f.outcome !== "succeeded" ? "originPullFailed: 502" : null,
        progress: done ? 100 : Math.min(99, Math.floor((100 * elapsed) / f.afterMs)),
      };
    });
  }

  private query(batches: SubmittedBatch[]): QueryResult {
    const observations = batches.flatMap((b) => b.taskIds.flatMap((id) => this.observe(id)));
    this.log.push("query");
    this.seenDone.push(observations.filter((o) => o.status !== "running").length);
    return { observations, historyUnavailable: false };
  }

  private find(): FoundTask[] {
    this.log.push("find");
    return [];
  }
}

const URLS = ["https://www.example.com/first.js", "https://www.example.com/second.js", "https://www.example.com/third.js"];

function setup(cloud: CloudKind, fates: Record<string, Fate>) {
  const clock = new ManualClock({ auto: false });
  const fake = new StaggeredCloud(clock, fates);
  const provider = new PrefetchProvider(cloud, { clock, env: ENV, log: () => undefined, createAdapter: (c) => fake.adapter(c) });
  return { clock, fake, provider };
}

/** True once `p` has settled (after letting pending continuations run). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  for (let i = 0; i < 5; i++) await flushAsync();
  return done;
}

/** Advances virtual time in 250 ms steps (polls happen at least every 2 s), `total` ms in all. */
async function advance(clock: ManualClock, total: number): Promise<void> {
  for (let t = 0; t < total; t += 250) await clock.advance(Math.min(250, total - t));
}

/**
 * Advances virtual time in 100 ms steps until the fake has answered a query with `done` URLs finished (the provider
 * has then seen that state and decided on it), at most 10 virtual seconds more.
 */
async function advanceUntilSeen(clock: ManualClock, fake: StaggeredCloud, done: number): Promise<void> {
  for (let t = 0; t < 10_000 && !fake.seenDone.includes(done); t += 100) await clock.advance(100);
  assert.ok(fake.seenDone.includes(done), `a query saw ${done} URLs done: ${fake.seenDone}`);
}

const FATES: Record<string, Fate> = {
  "first.js": { afterMs: 1000, outcome: "succeeded" },
  "second.js": { afterMs: 5000, outcome: "succeeded" },
  "third.js": { afterMs: 20_000, outcome: "succeeded" },
};

describe("staggered completions: create waits for the last URL (unit, own fake cloud)", () => {
  it("stays pending after the first and the second URL finished; resolves with every URL succeeded after the third", async () => {
    const { clock, fake, provider } = setup("edgeone", FATES);
    const creating = provider.create({ zoneId: "zone-abc", urls: URLS, pollIntervalSeconds: 0.05 });
    await advanceUntilSeen(clock, fake, 1);
    assert.equal(fake.submits, 1);
    assert.equal(clock.sleeps[0], 50, "the first delay between polls is pollIntervalSeconds (0.05 s)");
    assert.equal(await settled(creating), false, "one of three URLs done: create must still wait");
    await advanceUntilSeen(clock, fake, 2);
    assert.equal(await settled(creating), false, "two of three URLs done: create must still wait");
    const queriesBefore = fake.seenDone.length;
    await advance(clock, 20_000);
    assert.equal(await settled(creating), true, "every URL done: create resolves");
    const { outs } = await creating;
    assert.ok(fake.seenDone.length > queriesBefore);
    assert.equal(fake.seenDone[fake.seenDone.length - 1], 3, "the answer that ended the wait had all three URLs done");
    assert.equal(outs.status, "succeeded");
    assert.equal(outs.progress, 100);
    assert.equal(outs.pendingCount, 0);
    assert.deepEqual(storedResults(outs).map((r) => [r.url, r.status]), URLS.map((u) => [u, "succeeded"]));
    assert.equal(typeof outs.finishedAt, "string");
    assert.ok(Date.parse(outs.finishedAt as string) - clock.start >= 20_000, `finishedAt ${outs.finishedAt} is after the last URL finished`);
    assert.equal(fake.submits, 1);
  });

  it("does not count an early failure as the end: a URL failing first still waits for the others", async () => {
    const { clock, fake, provider } = setup("alibaba-cdn", {
      "first.js": { afterMs: 1000, outcome: "failed" },
      "second.js": { afterMs: 5000, outcome: "succeeded" },
      "third.js": { afterMs: 20_000, outcome: "succeeded" },
    });
    const creating = provider.create({ domain: "www.example.com", urls: URLS, pollIntervalSeconds: 0.05, allowedFailures: 1 });
    await advanceUntilSeen(clock, fake, 2);
    assert.equal(await settled(creating), false, "a failed and a succeeded URL, one running: create must still wait");
    await advance(clock, 20_000);
    const { outs } = await creating;
    assert.equal(outs.status, "partiallyFailed");
    assert.equal(outs.pendingCount, 0);
    assert.deepEqual(outs.failedUrls, [URLS[0]]);
    assert.deepEqual(storedResults(outs).map((r) => r.status), ["failed", "succeeded", "succeeded"]);
  });

  it("an update resuming a recorded task also waits for the last URL", async () => {
    const { clock, fake, provider } = setup("edgeone", FATES);
    const inputs = { zoneId: "zone-abc", urls: URLS, pollIntervalSeconds: 0.05 };
    const first = await provider.create({ ...inputs, wait: false });
    assert.equal(first.outs.status, "running");
    const resuming = provider.update(first.id, first.outs, inputs);
    await advanceUntilSeen(clock, fake, 2);
    assert.equal(await settled(resuming), false, "two of three URLs done: update must still wait");
    await advance(clock, 20_000);
    const { outs } = await resuming;
    assert.equal(outs.status, "succeeded");
    assert.equal(outs.succeededCount, 3);
    assert.equal(fake.submits, 1, "resuming never resubmits");
  });
});
