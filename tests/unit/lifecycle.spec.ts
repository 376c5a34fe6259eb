import assert from "node:assert/strict";
import * as os from "node:os";
import type { Connection } from "../../provider/adapters/types";
import { PrefetchProvider } from "../../provider/resources/provider";
import { cloudError, FakeCloud, instantClock } from "../helpers/fake-cloud";
import { storedRecord, storedResults } from "../helpers/stored-record";

const ENV = { TENCENTCLOUD_SECRET_ID: "AKIDtest", TENCENTCLOUD_SECRET_KEY: "secret-key-value" };
const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://www.example.com/a${i}.js`);

function setup(cloud = new FakeCloud(), env: NodeJS.ProcessEnv = ENV) {
  const clock = instantClock();
  const lines: string[] = [];
  const provider = new PrefetchProvider("edgeone", { clock, env, log: (l) => lines.push(l), createAdapter: (_c, _conn, clk) => cloud.adapter(clk) });
  return { cloud, clock, lines, provider };
}

async function rejection(p: Promise<unknown>): Promise<Error & { id?: string; properties?: Record<string, unknown>; reasons?: string[] }> {
  try { await p; } catch (e) { return e as Error; }
  assert.fail("expected a rejection");
}

function noUndefined(v: unknown, path = "outs"): void {
  assert.notEqual(v, undefined, `${path} is undefined`);
  if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) noUndefined(x, `${path}.${k}`);
}

describe("provider lifecycle (fake cloud, injected clock)", () => {
  it("create submits once, blocks until every URL is done, and returns complete outputs", async () => {
    const { cloud, provider, clock } = setup(new FakeCloud({ pollsToFinish: 3 }));
    const { id, outs } = await provider.create({ zoneId: "zone-abc", urls: urls(2) });
    assert.equal(id, "edgeone:zone-abc:task-1");
    assert.deepEqual(cloud.log, ["submit 2", "query task-1", "query task-1", "query task-1"], "one request's worth reads no quota");
    assert.equal(outs.status, "succeeded");
    assert.equal(outs.progress, 100);
    assert.deepEqual(outs.taskIds, ["task-1"]);
    assert.equal(outs.succeededCount, 2);
    assert.equal(outs.finishedAt, new Date(clock.now()).toISOString());
    assert.deepEqual(outs.failedUrls, []);
    noUndefined(outs);
  });

  it("batches long lists by the adapter's per-request limit", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1, limits: { urlsPerRequest: 100 } }));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(250) });
    assert.deepEqual(cloud.log.filter((l) => l.startsWith("submit")), ["submit 100", "submit 100", "submit 50"]);
    assert.deepEqual(outs.taskIds, ["task-1", "task-2", "task-3"]);
  });

  it("uses the zone's batch quota when smaller, and refuses early when the daily quota cannot cover the URLs", async () => {
    const small = setup(new FakeCloud({ pollsToFinish: 1, quota: { daily: 1000, remaining: 1000, perRequest: 60 } }));
    await small.provider.create({ zoneId: "zone-abc", urls: urls(150) });
    assert.deepEqual(small.cloud.log.filter((l) => !l.startsWith("query")), ["quota", "submit 60", "submit 60", "submit 30"]);
    const empty = setup(new FakeCloud({ quota: { daily: 100, remaining: 3, perRequest: 200 } }));
    const e = await rejection(empty.provider.create({ zoneId: "zone-abc", urls: urls(150) }));
    assert.match(e.message, /daily prefetch quota exhausted: 150 URLs to submit but only 3 of 100 left in the current quota period.*expected to reset at 2026-11-23T16:00:00Z/s);
    assert.deepEqual(empty.cloud.log, ["quota", "quota (fresh)"], "refused on a fresh figure, nothing submitted");
  });

  it("reads no quota for one request's worth of URLs, but uses a figure the process remembers", async () => {
    const unread = setup(new FakeCloud({ pollsToFinish: 1, quota: { daily: 100, remaining: 3, perRequest: 20 } }));
    unread.cloud.submitErrors.push(cloudError("quota", "LimitExceeded.DailyQuota"));
    const e = await rejection(unread.provider.create({ zoneId: "zone-abc", urls: urls(5) }));
    assert.match(e.message, /LimitExceeded\.DailyQuota/);
    assert.deepEqual(unread.cloud.log, ["submit 5 -> LimitExceeded.DailyQuota"], "the cloud's refusal of the one request is the check");
    assert.equal(e.id, undefined, "nothing was accepted: no resource, nothing recorded");
    assert.equal(unread.cloud.acceptedUrls().length, 0);
    const remembered = { daily: 100, remaining: 100, perRequest: 20 };
    const batched = setup(new FakeCloud({ pollsToFinish: 1, quota: remembered, rememberedQuota: remembered }));
    await batched.provider.create({ zoneId: "zone-abc", urls: urls(50) });
    assert.deepEqual(batched.cloud.log.filter((l) => !l.startsWith("query")), ["submit 20", "submit 20", "submit 10"], "the remembered Batch, no call");
  });

  it("refuses on a remembered figure only once a fresh read confirms it", async () => {
    const stale = setup(new FakeCloud({ pollsToFinish: 1, quota: { daily: 100, remaining: 100, perRequest: 100 },
      rememberedQuota: { daily: 100, remaining: 3, perRequest: 100 } }));
    const { outs } = await stale.provider.create({ zoneId: "zone-abc", urls: urls(5) });
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(stale.cloud.log.filter((l) => !l.startsWith("query")), ["quota (fresh)", "submit 5"], "the quota was reset since: not refused");
    const spent = setup(new FakeCloud({ quota: { daily: 100, remaining: 3, perRequest: 100 }, rememberedQuota: { daily: 100, remaining: 3, perRequest: 100 } }));
    const e = await rejection(spent.provider.create({ zoneId: "zone-abc", urls: urls(5) }));
    assert.match(e.message, /5 URLs to submit but only 3 of 100 left/);
    assert.deepEqual(spent.cloud.log, ["quota (fresh)"]);
  });

  it("fails by default when a URL failed, listing URLs and reasons, as a partial failure that keeps the task", async () => {
    const { provider } = setup(new FakeCloud({ pollsToFinish: 1, outcome: (u) => (u.endsWith("a1.js") ? "failed" : "succeeded") }));
    const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(3) }));
    assert.match(e.message, /1 of 3 URLs were not prefetched/);
    assert.match(e.message, /a1\.js: failed \(originPullFailed: 502\)/);
    assert.match(e.message, /change `triggers`/);
    assert.equal(e.id, "edgeone:zone-abc:task-1");
    assert.equal(e.properties?.status, "partiallyFailed");
    assert.deepEqual(e.properties?.failedUrls, ["https://www.example.com/a1.js"]);
  });

  it("tolerates failures up to allowedFailures / allowedFailurePercent", async () => {
    const { provider } = setup(new FakeCloud({ pollsToFinish: 1, outcome: (u) => (u.endsWith("a1.js") ? "timeout" : "succeeded") }));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(4), allowedFailurePercent: 25 });
    assert.equal(outs.status, "partiallyFailed");
    assert.equal(outs.failedCount, 1);
  });

  it("counts submit-time rejections as failures", async () => {
    const { provider } = setup(new FakeCloud({ pollsToFinish: 1, reject: (u) => (u.endsWith("a0.js") ? "target not in zone" : null) }));
    const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(2) }));
    assert.match(e.message, /a0\.js: rejected \(target not in zone\)/);
    assert.equal(e.properties?.failedCount, 1);
  });

  it("on timeout fails partially with the id and outputs, and update resumes the same task without resubmitting", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 50 }));
    const inputs = { zoneId: "zone-abc", urls: urls(2), waitTimeoutSeconds: 5 };
    const e = await rejection(provider.create(inputs));
    assert.match(e.message, /still in progress.*run `pulumi up` again to resume/s);
    assert.equal(e.id, "edgeone:zone-abc:task-1");
    assert.equal(e.properties?.status, "running");
    assert.equal(cloud.submits, 1);
    const { outs } = await provider.update(e.id!, e.properties!, { ...inputs, waitTimeoutSeconds: 3600 });
    assert.equal(outs.status, "succeeded");
    assert.equal(cloud.submits, 1, "no duplicate submit");
  });

  it("wait: false returns right after submit; refresh then updates status", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1 }));
    const { id, outs } = await provider.create({ zoneId: "zone-abc", urls: urls(1), wait: false });
    assert.equal(outs.status, "running");
    assert.ok(!cloud.log.some((l) => l.startsWith("query")));
    const read = await provider.read(id, outs);
    assert.equal(read.props.status, "succeeded");
    assert.deepEqual(read.inputs, { zoneId: "zone-abc", urls: urls(1), wait: false });
  });

  it("retries throttled submits; a transient one is reconciled with the task list before it is sent again", async () => {
    const a = setup();
    a.cloud.submitErrors.push(cloudError("throttled", "RequestLimitExceeded"));
    await a.provider.create({ zoneId: "zone-abc", urls: urls(1) });
    assert.deepEqual(a.cloud.log.filter((l) => l.startsWith("submit")), ["submit 1 -> RequestLimitExceeded", "submit 1"]);
    const b = setup();
    b.cloud.submitErrors.push(cloudError("transient", "InternalError"));
    const { outs } = await b.provider.create({ zoneId: "zone-abc", urls: urls(1) });
    const firstResubmit = b.cloud.log.indexOf("submit 1");
    assert.ok(b.cloud.log.slice(0, firstResubmit).includes("find 1"), `asked the cloud before resubmitting: ${b.cloud.log.join(" | ")}`);
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(b.cloud.acceptedUrls(), urls(1), "accepted exactly once");
  });

  it("records accepted batches when a later batch is refused, and the next update submits the rest", async () => {
    const batch2 = { daily: null, remaining: null, perRequest: 2 };
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1, quota: batch2, rememberedQuota: batch2 }));
    cloud.submitErrors.push(null, cloudError("quota", "LimitExceeded.DailyQuota"));
    const inputs = { zoneId: "zone-abc", urls: urls(4) };
    const e = await rejection(provider.create(inputs));
    assert.match(e.message, /LimitExceeded\.DailyQuota.*tasks task-1; 2 URLs are not submitted yet/s);
    assert.equal(e.properties?.unsubmittedIndexes, "2-3");
    assert.deepEqual(storedRecord(e.properties).unsubmittedUrls, urls(4).slice(2));
    assert.deepEqual(e.properties?.taskIds, ["task-1"]);
    const { outs } = await provider.update(e.id!, e.properties!, inputs);
    assert.deepEqual(outs.taskIds, ["task-1", "task-2"]);
    assert.equal(outs.unsubmittedIndexes, "");
    assert.deepEqual(storedRecord(outs).unsubmittedUrls, []);
    assert.equal(outs.status, "succeeded");
  });

  it("adopts existing task ids without submitting", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1 }));
    await provider.create({ zoneId: "zone-abc", urls: urls(1), wait: false }); // task-1 exists in the fake cloud
    cloud.log.length = 0;
    const { id, outs } = await provider.create({ zoneId: "zone-abc", urls: urls(1), existingTaskIds: ["task-1"] });
    assert.equal(id, "edgeone:zone-abc:task-1");
    assert.equal(outs.adopted, true);
    assert.equal(outs.status, "succeeded");
    assert.equal(cloud.submits, 0);
  });

  it("update on a triggers change submits a new task; on a provider-code change it calls nothing", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1 }));
    const inputs = { zoneId: "zone-abc", urls: urls(1), triggers: { v: 1 }, __provider: "v1" };
    const { id, outs } = await provider.create(inputs);
    cloud.log.length = 0;
    const same = await provider.update(id, outs, { ...inputs, __provider: "v2" });
    assert.deepEqual(cloud.log, []);
    assert.deepEqual(same.outs.taskIds, ["task-1"]);
    const rerun = await provider.update(id, outs, { ...inputs, triggers: { v: 2 } });
    assert.deepEqual(rerun.outs.taskIds, ["task-2"]);
    assert.equal(cloud.submits, 1);
  });

  it("refresh keeps the last known state when the cloud's history no longer has the task", async () => {
    const { cloud, provider, clock } = setup(new FakeCloud({ pollsToFinish: 1 }));
    const { id, outs } = await provider.create({ zoneId: "zone-abc", urls: urls(2) });
    clock.t += 31 * 86_400_000; // EdgeOne's assumed retention is 30 days (provider/model/limits.ts)
    cloud.historyGone = true;
    cloud.log.length = 0;
    const r = await provider.read(id, outs);
    assert.deepEqual(cloud.log, [], "a batch older than the retention is not queried");
    assert.equal(r.id, id);
    assert.equal(r.props.historyAvailable, false);
    assert.equal(r.props.status, "succeeded");
    assert.equal(r.props.verifiedAt, outs.verifiedAt);
    assert.deepEqual(r.props.results, outs.results);
    assert.deepEqual(storedResults(r.props), storedResults(outs));
    cloud.log.length = 0;
    const again = await provider.read(id, r.props);
    assert.deepEqual(cloud.log, [], "no more queries once history is known to be gone");
    assert.deepEqual(again.props, r.props);
  });

  it("a refresh that finds the same results changes nothing", async () => {
    const { provider } = setup(new FakeCloud({ pollsToFinish: 1 }));
    const { id, outs } = await provider.create({ zoneId: "zone-abc", urls: urls(2) });
    const r = await provider.read(id, outs);
    assert.deepEqual(r.props, outs);
  });

  it("fails clearly on a credential setting it cannot use, and calls nothing", async () => {
    const { cloud, provider } = setup(new FakeCloud(), { HOME: os.tmpdir() });
    await provider.configure({ config: { get: (k: string) => ({ "tencentcloud:assumeRole": "{not json" } as Record<string, string>)[k] } });
    const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(1) }));
    assert.match(e.message, /tencentcloud:assumeRole must be an object.*not valid JSON/);
    assert.deepEqual(cloud.log, []);
  });

  it("without credentials in config or environment, hands the adapter the vendor's default chain (tests/adapters/credentials-chains.spec.ts: its failure lists every source)", async () => {
    const seen: Connection[] = [];
    const cloud = new FakeCloud({ pollsToFinish: 1 });
    const provider = new PrefetchProvider("edgeone", { clock: instantClock(), env: { HOME: os.tmpdir() }, log: () => undefined,
      createAdapter: (_c, conn, clk) => { seen.push(conn); return cloud.adapter(clk); } });
    await provider.create({ zoneId: "zone-abc", urls: urls(1) });
    assert.match(seen[0].credentialSource?.description ?? "", /Tencent Cloud default credential chain/);
    assert.deepEqual(seen[0].credentials, { accessKeyId: "default-chain", accessKeySecret: "", securityToken: null });
  });

  it("prefers stack config over the environment for credentials and endpoint", async () => {
    const seen: unknown[] = [];
    const cloud = new FakeCloud({ pollsToFinish: 1 });
    const provider = new PrefetchProvider("edgeone", {
      clock: instantClock(), env: ENV, log: () => undefined,
      createAdapter: (_c, conn) => { seen.push(conn); return cloud.adapter(); },
    });
    await provider.configure({ config: { get: (k: string) => ({ "tencentcloud:secretId": "cfg-id", "tencentcloud:secretKey": "cfg-key", "cdnPrefetch:endpoint": "http://127.0.0.1:9" } as Record<string, string>)[k] } });
    await provider.create({ zoneId: "zone-abc", urls: urls(1) });
    assert.deepEqual(seen[0], { credentials: { accessKeyId: "cfg-id", accessKeySecret: "cfg-key", securityToken: null }, region: "", endpoint: "http://127.0.0.1:9", requestTimeoutMs: 30000, signatureAlgorithm: "v3", tencentDomain: null, alibabaAccountType: null, alibabaPreloadDetail: false, apiRateShare: 0.5 });
  });

  it("prints concise progress lines, not a flood", async () => {
    const { provider, lines } = setup(new FakeCloud({ pollsToFinish: 40 }));
    await provider.create({ zoneId: "zone-abc", urls: urls(2), progressLabel: "site-assets", pollIntervalSeconds: 1 });
    assert.ok(lines.length >= 2 && lines.length < 20, `got ${lines.length} lines`);
    assert.match(lines[0], /^prefetch site-assets: \d+% — 0\/2 URLs done, 0 failed$/);
    assert.match(lines[lines.length - 1], /^prefetch site-assets: 100% — 2\/2 URLs done, 0 failed$/);
  });
});

describe("provider lifecycle: an empty answer is not proof that a task is gone", () => {
  it("a refresh of a young task that the cloud stops reporting keeps the state and the history flag", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1 }));
    const { id, outs } = await provider.create({ zoneId: "zone-abc", urls: urls(1) });
    cloud.tasks.clear();
    const r = await provider.read(id, outs);
    assert.equal(r.props.historyAvailable, true);
    assert.equal(r.props.status, "succeeded");
    assert.deepEqual(r.props.results, outs.results);
    assert.deepEqual(storedResults(r.props), storedResults(outs));
  });

  it("empty answers in the middle of a wait do not end it: success only when every URL is terminal", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 2 }));
    cloud.emptyAnswers = 3;
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(2) });
    assert.equal(outs.status, "succeeded");
    assert.equal(outs.historyAvailable, true);
    assert.deepEqual(cloud.log.filter((l) => l.startsWith("query")).length, 5, "3 empty answers, then 2 polls until done");
  });
});

describe("provider lifecycle: adopted tasks' time", () => {
  it("counts from submittedAfter when given, else now; the search window starts at submittedAfter or the history window", async () => {
    const { provider, clock } = setup(new FakeCloud({ pollsToFinish: 1 }));
    await provider.create({ zoneId: "zone-abc", urls: urls(1), wait: false });
    const a = await provider.create({ zoneId: "zone-abc", urls: urls(1), existingTaskIds: ["task-1"], submittedAfter: "2026-11-22T20:00:00Z" });
    type B = { submittedAt: string; windowStart: string };
    assert.equal((a.outs.batches as B[])[0].submittedAt, "2026-11-22T20:00:00.000Z");
    assert.equal((a.outs.batches as B[])[0].windowStart, "2026-11-22T20:00:00.000Z");
    const b = await provider.create({ zoneId: "zone-abc", urls: urls(1), existingTaskIds: ["task-1"] });
    const batch = (b.outs.batches as B[])[0];
    assert.equal(Date.parse(batch.submittedAt), clock.now(), "its age counts from now: never judged gone early");
    assert.equal(clock.now() - Date.parse(batch.windowStart), 30 * 86_400_000 - 60_000, "searched from EdgeOne's assumed 30-day window, one minute inside");
  });
});
