/**
 * Waits sharing one poller through the provider (provider/resources/poll.ts, pollers.ts): several resources created
 * concurrently on one manual clock, against this spec's own fake cloud whose adapter has `rounds` (like every cloud
 * adapter). Each task finishes at its own virtual time after its submit; the fake records every round's requests.
 */
import assert from "node:assert/strict";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import { CloudError } from "../../provider/model/errors";
import type { UrlStatus } from "../../provider/model/status";
import type { QueryResult, SubmittedBatch } from "../../provider/model/task";
import { PrefetchProvider } from "../../provider/resources/provider";
import { flushAsync, ManualClock } from "../helpers/manual-clock";
import { storedResults } from "../helpers/stored-record";

const ENV = { TENCENTCLOUD_SECRET_ID: "AKIDtest", TENCENTCLOUD_SECRET_KEY: "secret-key-value" };

/** A task's fate: when it finishes after its submit and how. */
interface Fate {
  afterMs: number;
  outcome: UrlStatus;
}

/** One round as the fake saw it: when, and each request's task ids. */
interface Round {
  at: number;
  requests: string[][];
}

class SharedCloud {
  readonly rounds: Round[] = [];
  readonly tasks = new Map<string, { urls: string[]; at: number; fate: Fate }>();
  /** Fates of the next submits, in order (default: done after 5 s). */
  readonly fates: Fate[] = [];
  /** Task ids whose presence in a round makes the round fail with a non-retryable error. */
  readonly poison = new Set<string>();
  /** Errors thrown by the next rounds. */
  readonly roundErrors: CloudError[] = [];
  private seq = 0;

  constructor(private readonly clock: ManualClock) {}

  adapter(): PrefetchAdapter {
    return {
      cloud: "edgeone",
      limits: { urlsPerRequest: 100, historyDays: 30, pollInitialMs: 1000, pollMaxMs: 30_000 },
      submit: async (_s, urls) => {
        const id = `task-${++this.seq}`;
        this.tasks.set(id, { urls, at: this.clock.now(), fate: this.fates.shift() ?? { afterMs: 5000, outcome: "succeeded" } });
        return { taskIds: [id], rejected: [] };
      },
      query: async (_s, batches) => (await this.round([batches]))[0],
      quota: async () => ({ daily: null, remaining: null, perRequest: 1 }),
      findTasks: async () => [],
      rounds: {
        scope: (spec) => (spec as { zoneId: string }).zoneId,
        cost: (_s, requests) => Math.ceil(new Set(requests.flat().flatMap((b) => b.taskIds)).size / 10),
        query: async (_s, requests) => this.round(requests),
      },
    };
  }

  private async round(requests: SubmittedBatch[][]): Promise<QueryResult[]> {
    this.rounds.push({ at: this.clock.elapsed(), requests: requests.map((r) => r.flatMap((b) => b.taskIds)) });
    const err = this.roundErrors.shift();
    if (err) throw err;
    const bad = requests.flat().flatMap((b) => b.taskIds).find((id) => this.poison.has(id));
    if (bad) throw new CloudError("edgeone", "invalid", "InvalidParameter.JobId", `unknown job ${bad}`, "req", 400, null, "DescribePrefetchTasks");
    return requests.map((batches) => ({
      historyUnavailable: false,
      observations: batches.flatMap((b) => b.taskIds.flatMap((id) => {
        const t = this.tasks.get(id)!;
        const done = this.clock.now() - t.at >= t.fate.afterMs;
        return t.urls.map((url) => ({ url, taskId: id, progress: null, status: done ? t.fate.outcome : "running" as UrlStatus,
          reason: done && t.fate.outcome !== "succeeded" ? "originPullFailed: 502" : null }));
      })),
    }));
  }
}

function setup() {
  const clock = new ManualClock({ auto: false });
  const cloud = new SharedCloud(clock);
  const lines: string[] = [];
  const provider = new PrefetchProvider("edgeone", { clock, env: ENV, log: (l) => lines.push(l), createAdapter: () => cloud.adapter() });
  return { clock, cloud, provider, lines };
}

/** Lets every create reach its wait (submits and quota reads are immediate in the fake). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await flushAsync();
}

/** Advances virtual time in 100 ms steps. */
async function advance(clock: ManualClock, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) await clock.advance(Math.min(100, ms - t));
}

const url = (n: number) => `https://www.example.com/r${n}.js`;

describe("shared waits: resources of one zone share the poller", () => {
  it("five resources waiting together: every round is one coalesced call carrying all of them, each gets its own state", async () => {
    const { clock, cloud, provider } = setup();
    const creates = [1, 2, 3, 4, 5].map((n) => provider.create({ zoneId: "zone-a", urls: [url(n)] }));
    await settle();
    await advance(clock, 6000);
    const outs = await Promise.all(creates);
    assert.deepEqual(outs.map((o) => o.outs.status), Array(5).fill("succeeded"));
    assert.ok(cloud.rounds.every((r) => r.requests.length === 5), `every round carries the five: ${JSON.stringify(cloud.rounds)}`);
    assert.deepEqual(cloud.rounds.map((r) => r.at), [1000, 2000, 3000, 4000, 5000], "one round per second, never one per resource");
    assert.deepEqual(outs.map((o) => storedResults(o.outs)[0].taskId), ["task-1", "task-2", "task-3", "task-4", "task-5"]);
  });

  it("the same URL in two resources' tasks: each resource reads its own task's state", async () => {
    const { clock, cloud, provider } = setup();
    cloud.fates.push({ afterMs: 2000, outcome: "failed" }, { afterMs: 2000, outcome: "succeeded" });
    const a = provider.create({ zoneId: "zone-a", urls: [url(1)] });
    const b = provider.create({ zoneId: "zone-a", urls: [url(1)] });
    a.catch(() => undefined);
    await settle();
    await advance(clock, 3000);
    await assert.rejects(a, /1 of 1 URLs were not prefetched/);
    assert.equal((await b).outs.status, "succeeded");
    assert.ok(cloud.rounds.some((r) => r.requests.length === 2), "they shared rounds");
  });

  it("a task whose URLs are all terminal is never queried again (one URL per submit: three tasks)", async () => {
    const { clock, cloud, provider } = setup();
    cloud.fates.push({ afterMs: 1000, outcome: "succeeded" }, { afterMs: 3000, outcome: "succeeded" }, { afterMs: 6000, outcome: "succeeded" });
    const creating = provider.create({ zoneId: "zone-a", urls: [url(1), url(2), url(3)] });
    await settle();
    await advance(clock, 10_000);
    assert.equal((await creating).outs.status, "succeeded");
    const asked = cloud.rounds.map((r) => `${r.at}:${r.requests[0].join(",")}`);
    assert.deepEqual(asked.slice(0, 2), ["1000:task-1,task-2,task-3", "2000:task-2,task-3"]);
    assert.ok(asked.slice(1).every((a) => !a.includes("task-1,")), asked.join(" "));
    assert.ok(asked.filter((a) => a.includes("task-2")).every((a) => Number(a.split(":")[0]) <= 3000), asked.join(" "));
    assert.match(asked[asked.length - 1], /:task-3$/);
  });

  it("resources of different zones, or on different clocks, never share a round", async () => {
    const { clock, cloud, provider } = setup();
    const other = setup();
    const creates = [provider.create({ zoneId: "zone-a", urls: [url(1)] }), provider.create({ zoneId: "zone-b", urls: [url(2)] }),
      other.provider.create({ zoneId: "zone-a", urls: [url(3)] })];
    await settle();
    await Promise.all([advance(clock, 6000), advance(other.clock, 6000)]);
    await Promise.all(creates);
    assert.ok([...cloud.rounds, ...other.cloud.rounds].every((r) => r.requests.length === 1));
  });

  it("a timeout returns exactly at its deadline and leaves the others waiting", async () => {
    const { clock, cloud, provider } = setup();
    cloud.fates.push({ afterMs: 3_600_000, outcome: "succeeded" }, { afterMs: 20_000, outcome: "succeeded" });
    const short = provider.create({ zoneId: "zone-a", urls: [url(1)], waitTimeoutSeconds: 10 });
    let endedAt = -1;
    short.catch(() => (endedAt = clock.elapsed()));
    const long = provider.create({ zoneId: "zone-a", urls: [url(2)] });
    await settle();
    await advance(clock, 25_000);
    await assert.rejects(short, /waited 10s/);
    assert.equal(endedAt, 10_000, "the timed-out wait returned at its deadline");
    assert.ok(cloud.rounds.some((r) => r.at === 10_000 && r.requests.some((q) => q.includes("task-1"))), "its last poll landed on the deadline");
    assert.equal((await long).outs.status, "succeeded");
    assert.ok(cloud.rounds.filter((r) => r.at > 10_000).every((r) => r.requests.length === 1 && r.requests[0][0] === "task-2"));
  });

  it("an error that ends one wait does not end the others: the shared round is asked again per resource", async () => {
    const { clock, cloud, provider } = setup();
    cloud.poison.add("task-1");
    const bad = provider.create({ zoneId: "zone-a", urls: [url(1)] });
    bad.catch(() => undefined);
    const good = provider.create({ zoneId: "zone-a", urls: [url(2)] });
    await settle();
    await advance(clock, 6000);
    await assert.rejects(bad, /InvalidParameter.JobId/);
    assert.equal((await good).outs.status, "succeeded");
    assert.deepEqual(cloud.rounds.slice(0, 3).map((r) => r.requests), [[["task-1"], ["task-2"]], [["task-1"]], [["task-2"]]]);
  });

  it("an error that proves nothing reaches every resource of the round; all keep waiting", async () => {
    const { clock, cloud, provider, lines } = setup();
    const throttled = () => new CloudError("edgeone", "throttled", "RequestLimitExceeded", "slow down", "req", 200, null, "DescribePrefetchTasks");
    for (let i = 0; i < 5; i++) cloud.roundErrors.push(throttled());
    const creates = [1, 2].map((n) => provider.create({ zoneId: "zone-a", urls: [url(n)], progressLabel: `r${n}` }));
    await settle();
    await advance(clock, 120_000);
    const outs = await Promise.all(creates);
    assert.deepEqual(outs.map((o) => o.outs.status), ["succeeded", "succeeded"]);
    assert.ok(cloud.rounds.slice(0, 5).every((r) => r.requests.length === 2), "the failed round was shared and retried as one");
    for (const label of ["r1", "r2"]) {
      const own = lines.filter((l) => l.startsWith(`prefetch ${label}:`));
      assert.equal(own.filter((l) => l.includes("1/1 URLs done")).length, 1, `the final line is printed once: ${own.join(" | ")}`);
    }
  });
});
