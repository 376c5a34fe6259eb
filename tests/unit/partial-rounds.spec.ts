/**
 * Partial rounds (provider/resources/round-batches.ts): a wait reads its open batches in submit order only as far as a
 * round costs no more than the first batch alone, asks again at once when they all finished, reads everything at the
 * deadline and while percentages are cheap to read whole; never done before every URL was seen terminal. Through the
 * provider, against this spec's own fake cloud whose round cost is one call per task id (as EdgeOne's `job-id` queries).
 */
import assert from "node:assert/strict";
import type { PrefetchAdapter } from "../../provider/adapters/types";
import type { UrlStatus } from "../../provider/model/status";
import type { QueryResult, SubmittedBatch } from "../../provider/model/task";
import { PrefetchProvider } from "../../provider/resources/provider";
import { batchesToAsk, followUpNow, readsWhole, ROUND_URLS, SpareCalls } from "../../provider/resources/round-batches";
import type { TaskRecord } from "../../provider/resources/state";
import { flushAsync, ManualClock } from "../helpers/manual-clock";
import { storedResults } from "../helpers/stored-record";

const ENV = { TENCENTCLOUD_SECRET_ID: "AKIDtest", TENCENTCLOUD_SECRET_KEY: "secret-key-value" };

/** A cloud whose tasks finish at fixed virtual times after their submit; each round is one call per task id. */
class JobCloud {
  readonly rounds: { at: number; ids: string[] }[] = [];
  readonly finishAfter: number[] = [];
  /** Reported percentage of running URLs (null: none, as EdgeOne). */
  progress: number | null = null;
  private readonly tasks = new Map<string, { urls: string[]; at: number; after: number }>();
  private seq = 0;

  constructor(private readonly clock: ManualClock) {}

  adapter(): PrefetchAdapter {
    return {
      cloud: "edgeone",
      limits: { urlsPerRequest: 100, historyDays: 30, pollInitialMs: 1000, pollMaxMs: 30_000 },
      submit: async (_s, urls) => {
        const id = `job-${++this.seq}`;
        this.tasks.set(id, { urls, at: this.clock.now(), after: this.finishAfter.shift() ?? 5000 });
        return { taskIds: [id], rejected: [] };
      },
      query: async (_s, batches) => (await this.round([batches]))[0],
      quota: async () => ({ daily: null, remaining: null, perRequest: 1 }),
      findTasks: async () => [],
      rounds: {
        scope: () => "zone-a",
        cost: (_s, requests) => new Set(requests.flat().flatMap((b) => b.taskIds)).size,
        query: async (_s, requests) => this.round(requests),
      },
    };
  }

  private async round(requests: SubmittedBatch[][]): Promise<QueryResult[]> {
    this.rounds.push({ at: this.clock.elapsed(), ids: requests.flat().flatMap((b) => b.taskIds) });
    return requests.map((batches) => ({
      historyUnavailable: false,
      observations: batches.flatMap((b) => b.taskIds.flatMap((id) => {
        const t = this.tasks.get(id)!;
        const done = this.clock.now() - t.at >= t.after;
        return t.urls.map((url) => ({ url, taskId: id, status: (done ? "succeeded" : "running") as UrlStatus, reason: null,
          progress: done ? 100 : this.progress }));
      })),
    }));
  }
}

function setup() {
  const clock = new ManualClock({ auto: false });
  const cloud = new JobCloud(clock);
  const provider = new PrefetchProvider("edgeone", { clock, env: ENV, log: () => undefined, createAdapter: () => cloud.adapter() });
  return { clock, cloud, provider };
}

async function advance(clock: ManualClock, ms: number): Promise<void> {
  for (let i = 0; i < 10; i++) await flushAsync();
  for (let t = 0; t < ms; t += 100) await clock.advance(Math.min(100, ms - t));
}

const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://www.example.com/u${i}.js`);
const asked = (cloud: JobCloud) => cloud.rounds.map((r) => `${r.at}:${r.ids.join(",")}`);

describe("partial rounds: a wait reads its first open batches, then the next at once", () => {
  it("reads only the first open job while it runs; when it finishes, the next ones follow without a poll interval", async () => {
    const { clock, cloud, provider } = setup();
    cloud.finishAfter.push(3000, 1000, 6000);
    const creating = provider.create({ zoneId: "zone-a", urls: urls(3) });
    await advance(clock, 12_000);
    const { outs } = await creating;
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(storedResults(outs).filter((r) => r.status !== "succeeded"), []);
    const log = asked(cloud);
    assert.deepEqual(log.slice(0, 5), ["1000:job-1", "2000:job-1", "3000:job-1", "3000:job-2", "3000:job-3"],
      `job 1 alone until it finished, then job 2 (already done) and job 3 in the same instant: ${log.join(" ")}`);
    assert.ok(log.slice(5).every((a) => a.endsWith(":job-3")), log.join(" "));
    assert.ok(cloud.rounds.every((r) => r.ids.length === 1), "one call a round, never three");
  });

  it("is never done before every URL was seen terminal: a job finished early but never read keeps the wait open", async () => {
    const { clock, cloud, provider } = setup();
    cloud.finishAfter.push(8000, 500, 500);
    let done = false;
    const creating = provider.create({ zoneId: "zone-a", urls: urls(3) }).then((r) => ((done = true), r));
    await advance(clock, 7000);
    assert.equal(done, false, "jobs 2 and 3 finished on the cloud but were not read: still waiting");
    await advance(clock, 5000);
    assert.equal((await creating).outs.status, "succeeded");
  });

  it("reads every open job at the deadline, so the record the run ends with is whole", async () => {
    const { clock, cloud, provider } = setup();
    cloud.finishAfter.push(3_600_000, 1000, 1000);
    const creating = provider.create({ zoneId: "zone-a", urls: urls(3), waitTimeoutSeconds: 10 });
    creating.catch(() => undefined);
    await advance(clock, 11_000);
    await assert.rejects(creating, /waited 10s/);
    const last = cloud.rounds[cloud.rounds.length - 1];
    assert.deepEqual(last, { at: 10_000, ids: ["job-1", "job-2", "job-3"] });
    assert.ok(cloud.rounds.slice(0, -1).every((r) => r.ids.length === 1));
  });

  it("reads percentages whole when that costs at most one call more, else one job a round", async () => {
    for (const [jobs, whole] of [[2, true], [3, false]] as const) {
      const { clock, cloud, provider } = setup();
      cloud.progress = 40;
      const creating = provider.create({ zoneId: "zone-a", urls: urls(jobs) });
      await advance(clock, 8000);
      await creating;
      assert.equal(cloud.rounds.slice(1, -1).some((r) => r.ids.length === jobs), whole, `${jobs} jobs: ${asked(cloud).join(" ")}`);
    }
  });
});

describe("partial rounds: the rules", () => {
  const batch = (id: string, n = 1): SubmittedBatch => ({ taskIds: [id], urls: urls(n).map((u) => `${u}?${id}`), submittedAt: "2026-01-01T00:00:00.000Z" });
  const perTenIds = (bs: SubmittedBatch[]) => Math.ceil(new Set(bs.flatMap((b) => b.taskIds)).size / 10);
  const perId = (bs: SubmittedBatch[]) => new Set(bs.flatMap((b) => b.taskIds)).size;

  it("asks the longest prefix costing what the first alone costs, within ROUND_URLS URLs", () => {
    const small = Array.from({ length: 25 }, (_, i) => batch(`t${i}`, 10));
    assert.equal(batchesToAsk(small, perTenIds, false).length, 10, "ten ids fill one by-id call");
    assert.equal(batchesToAsk(small, perId, false).length, 1, "one job-id query per job");
    const big = Array.from({ length: 25 }, (_, i) => batch(`t${i}`, 300));
    assert.equal(ROUND_URLS, 1000);
    assert.equal(batchesToAsk(big, perTenIds, false).length, 3, "900 URLs; a fourth batch would exceed 1,000");
    assert.equal(batchesToAsk([batch("huge", 1500), ...big], perTenIds, false).length, 1, "a first batch beyond the cap is asked alone");
    assert.equal(batchesToAsk(small, perId, true).length, 25, "whole");
  });

  it("asks again at once only when the batches it read all finished and others are open", () => {
    const [a, b, c] = [batch("a"), batch("b"), batch("c")];
    assert.equal(followUpNow([a], [a, b, c], [b, c]), true);
    assert.equal(followUpNow([a, b], [a, b, c], [b, c]), false, "b still open");
    assert.equal(followUpNow([a], [a, b], []), false, "nothing left");
    assert.equal(followUpNow([a, b, c], [a, b, c], [c]), false, "a whole read is followed by the schedule");
  });

  it("reads whole at the deadline, and for percentages only when it costs at most one call more", () => {
    const rec = (progress: number) => ({ results: [{ url: "u", status: "running", progress, taskId: null, reason: null }] }) as unknown as TaskRecord;
    const open = [batch("a"), batch("b"), batch("c")];
    assert.equal(readsWhole(rec(0), 5, 5, open, perId), true, "deadline");
    assert.equal(readsWhole(rec(0), 4, 5, open, perId), false, "no percentage");
    assert.equal(readsWhole(rec(30), 4, 5, open, perId), false, "3 calls instead of 1");
    assert.equal(readsWhole(rec(30), 4, 5, open.slice(0, 2), perId), true, "2 calls instead of 1");
    assert.equal(readsWhole(rec(30), 4, 5, open, perTenIds), true, "one by-id call either way");
  });

  it("spends on finish-line rounds only what partial reads saved", () => {
    const spare = new SpareCalls();
    assert.equal(spare.covers(1), false);
    spare.add(10, 1, false);
    assert.equal(spare.covers(1), true, "9 saved");
    for (let i = 0; i < 4; i++) spare.add(1, 1, true);
    assert.equal(spare.covers(5), true, "5 left");
    spare.add(1, 1, true);
    assert.equal(spare.covers(5), false, "4 left");
    assert.equal(spare.covers(0), false, "a free round needs no budget and is not a finish-line round");
  });
});
