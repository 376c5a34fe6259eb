/**
 * The lifecycle contract (provider/resources/contract.ts) on the scripted fake cloud with an injected clock:
 * never lose, never twice, never done early, complete partial state, retry classes, messages.
 */
import assert from "node:assert/strict";
import { PrefetchProvider } from "../../provider/resources/provider";
import { diffInputs } from "../../provider/resources/diff";
import { cloudError, FakeCloud, instantClock } from "../helpers/fake-cloud";
import { CloudError } from "../../provider/model/errors";
import { storedRecord } from "../helpers/stored-record";

const ENV = { TENCENTCLOUD_SECRET_ID: "AKIDtest", TENCENTCLOUD_SECRET_KEY: "secret-key-value" };
const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://www.example.com/a${i}.js`);
const PROVIDER_TEXT = "exports.handler = () => ({})";

function setup(cloud = new FakeCloud({ pollsToFinish: 2 })) {
  const clock = instantClock();
  const lines: string[] = [];
  const provider = new PrefetchProvider("edgeone", { clock, env: ENV, log: (l) => lines.push(l), createAdapter: (_c, _conn, clk) => cloud.adapter(clk) });
  return { cloud, clock, lines, provider };
}

type Partial = Error & { id?: string; properties?: Record<string, unknown>; reasons?: string[] };
async function rejection(p: Promise<unknown>): Promise<Partial> {
  try { await p; } catch (e) { return e as Partial; }
  assert.fail("expected a rejection");
}

const detailed = (kind: CloudError["kind"], code: string, detail: CloudError["detail"], action = "CreatePrefetchTask") =>
  cloudError(kind, code, action).withDetail(detail);

describe("contract: never lose", () => {
  it("a query refused for permission after an accepted submit returns the id and complete outputs (with __provider)", async () => {
    const { cloud, provider } = setup();
    cloud.queryErrors.push(detailed("auth", "UnauthorizedOperation.NoPermission", "noPermission", "DescribePrefetchTasks"));
    const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(2), __provider: PROVIDER_TEXT }));
    assert.equal(e.id, "edgeone:zone-abc:task-1");
    assert.deepEqual(e.properties?.taskIds, ["task-1"]);
    assert.equal(e.properties?.__provider, PROVIDER_TEXT, "refresh and destroy load the provider from these outputs");
    assert.match(e.message, /edgeone: DescribePrefetchTasks failed with UnauthorizedOperation\.NoPermission.*not allowed to call DescribePrefetchTasks/s);
    assert.match(e.message, /Recorded in the stack: tasks task-1/);
  });

  it("an unknown query error code ends the wait but keeps the task; the next update resumes without resubmitting", async () => {
    const { cloud, provider } = setup();
    cloud.queryErrors.push(cloudError("unknown", "FailedOperation.Weird", "DescribePrefetchTasks"));
    const inputs = { zoneId: "zone-abc", urls: urls(2), __provider: PROVIDER_TEXT };
    const e = await rejection(provider.create(inputs));
    assert.equal(e.properties?.status, "running");
    assert.equal(diffInputs(e.properties!, inputs).changes, true, "unfinished work asks for an update");
    const { outs } = await provider.update(e.id!, e.properties!, inputs);
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(cloud.acceptedUrls(), urls(2));
  });

  it("transient query errors beyond the retries do not end the wait", async () => {
    const { cloud, provider } = setup();
    for (let i = 0; i < 7; i++) cloud.queryErrors.push(cloudError("transient", "InternalError", "DescribePrefetchTasks"));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(1) });
    assert.equal(outs.status, "succeeded");
  });

  it("a programmer error thrown after the submit still records the task", async () => {
    const cloud = new FakeCloud({ pollsToFinish: 2 });
    const clock = instantClock();
    const provider = new PrefetchProvider("edgeone", {
      clock, env: ENV, log: () => undefined,
      createAdapter: (_c, _conn, clk) => ({ ...cloud.adapter(clk), query: async () => { throw new TypeError("boom"); } }),
    });
    const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(1), __provider: PROVIDER_TEXT }));
    assert.equal(e.id, "edgeone:zone-abc:task-1");
    assert.match(e.message, /boom/);
    assert.equal(e.properties?.__provider, PROVIDER_TEXT);
  });

  it("a failing update keeps the existing id and records the new outputs", async () => {
    const { cloud, provider } = setup();
    const inputs = { zoneId: "zone-abc", urls: urls(1), triggers: 1 };
    const { id, outs } = await provider.create(inputs);
    cloud.queryErrors.push(cloudError("auth", "AuthFailure.SecretIdNotFound", "DescribePrefetchTasks"));
    const e = await rejection(provider.update(id, outs, { ...inputs, triggers: 2 }));
    assert.equal(e.id, id);
    assert.deepEqual(e.properties?.taskIds, ["task-2"], "the re-run's task is recorded");
  });
});

describe("contract: never twice", () => {
  it("a submit accepted whose answer was lost is found in the task list and adopted in the same create", async () => {
    const { cloud, provider } = setup();
    cloud.dropAfterAccept.push(cloudError("transient", "ECONNRESET"));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(3) });
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(outs.taskIds, ["task-1"]);
    assert.deepEqual(cloud.acceptedUrls(), urls(3), "accepted once, never resubmitted");
    assert.equal(cloud.submits, 1);
  });

  it("a task that becomes visible only after a while is still found (the grace covers the lag)", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 2, listLagMs: 20_000 }));
    cloud.dropAfterAccept.push(cloudError("transient", "RequestTimeout"));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(2) });
    assert.equal(outs.status, "succeeded");
    assert.equal(cloud.submits, 1);
    assert.ok(cloud.log.filter((l) => l.startsWith("find")).length >= 2, "asked again until it showed up");
  });

  it("a submit that never reached processing is resubmitted only after the grace, once", async () => {
    const { cloud, provider, clock } = setup();
    const start = clock.now();
    cloud.submitErrors.push(cloudError("transient", "ECONNRESET"));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(2) });
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(cloud.acceptedUrls(), urls(2));
    assert.ok(clock.now() - start >= 60_000, "waited out the visibility grace before resubmitting");
  });

  it("when the task list cannot be read, the uncertain batch is recorded and nothing is resubmitted", async () => {
    const { cloud, provider } = setup();
    cloud.submitErrors.push(cloudError("transient", "InternalError"));
    cloud.findErrors.push(detailed("auth", "UnauthorizedOperation.NoPermission", "noPermission", "DescribePrefetchTasks"));
    const inputs = { zoneId: "zone-abc", urls: urls(2), __provider: PROVIDER_TEXT };
    const e = await rejection(provider.create(inputs));
    assert.equal(e.id, "edgeone:zone-abc:unconfirmed");
    const uncertain = e.properties?.uncertainBatches as { urlIndexes: string; error: string }[];
    assert.equal(uncertain.length, 1);
    assert.equal(uncertain[0].urlIndexes, "0-1");
    assert.deepEqual(storedRecord(e.properties).uncertainBatches.map((u) => u.urls), [urls(2)]);
    assert.match(uncertain[0].error, /InternalError/);
    assert.equal(cloud.submits, 1);
    assert.equal(diffInputs(e.properties!, inputs).changes, true);
    const { outs } = await provider.update(e.id!, e.properties!, inputs);
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(cloud.acceptedUrls(), urls(2), "submitted again only after the cloud proved it had nothing");
  });

  it("a refresh reconciles an uncertain batch: found tasks are adopted", async () => {
    const { cloud, provider } = setup();
    cloud.dropAfterAccept.push(cloudError("transient", "ECONNRESET"));
    cloud.findErrors.push(cloudError("auth", "AuthFailure", "DescribePrefetchTasks"));
    const inputs = { zoneId: "zone-abc", urls: urls(1) };
    const e = await rejection(provider.create(inputs));
    const r = await provider.read(e.id!, e.properties!);
    assert.deepEqual(r.props.uncertainBatches, []);
    assert.deepEqual(r.props.taskIds, ["task-1"]);
    assert.equal(cloud.submits, 1);
  });

  it("a re-run never adopts the previous run's task for the same URL", async () => {
    const { cloud, provider } = setup();
    const inputs = { zoneId: "zone-abc", urls: urls(1), triggers: 1 };
    const { id, outs } = await provider.create(inputs);
    cloud.submitErrors.push(cloudError("transient", "ECONNRESET"));
    const r = await provider.update(id, outs, { ...inputs, triggers: 2 });
    assert.deepEqual(r.outs.taskIds, ["task-2"], "task-1 belongs to the previous run");
  });

  it("busy and unreached submits are retried (they prove nothing was accepted); refusals are not", async () => {
    const a = setup();
    a.cloud.submitErrors.push(cloudError("busy", "ServiceBusy"), cloudError("unreached", "ECONNREFUSED"));
    const { outs } = await a.provider.create({ zoneId: "zone-abc", urls: urls(1) });
    assert.equal(outs.status, "succeeded");
    assert.equal(a.cloud.log.filter((l) => l === "submit 1").length, 1);
    const b = setup();
    b.cloud.submitErrors.push(detailed("invalid", "InvalidParameter.Target", null));
    const e = await rejection(b.provider.create({ zoneId: "zone-abc", urls: urls(1) }));
    assert.equal(e.id, undefined, "nothing was accepted: a plain failure");
    assert.equal(b.cloud.submits, 1);
  });
});

describe("contract: never done early", () => {
  it("staggered completions: create returns only when the last URL is terminal", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: (u) => (u.endsWith("a2.js") ? 9 : 1) }));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(3) });
    assert.equal(outs.status, "succeeded");
    assert.equal(cloud.log.filter((l) => l.startsWith("query")).length, 9);
  });

  it("a status the adapter does not know fails after a few observations, naming it, and keeps the task", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1, unknownStatus: (u) => (u.endsWith("a1.js") ? "paused" : null) }));
    const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(2) }));
    assert.match(e.message, /status "paused" for https:\/\/www\.example\.com\/a1\.js 5 times/);
    assert.equal(e.id, "edgeone:zone-abc:task-1");
    assert.equal(cloud.log.filter((l) => l.startsWith("query")).length, 5);
  });

  it("a finished resource over its failure policy still asks for an update (a refresh cannot hide it)", () => {
    const outs = { zoneId: "zone-abc", urls: urls(1), results: [{ url: urls(1)[0], status: "failed", progress: 100, reason: "x", taskId: "t" }],
      batches: [{ taskIds: ["t"], urls: urls(1), submittedAt: "2026-11-23T00:00:00.000Z" }], unsubmittedUrls: [], uncertainBatches: [] };
    assert.equal(diffInputs(outs, { zoneId: "zone-abc", urls: urls(1) }).changes, true);
    assert.equal(diffInputs(outs, { zoneId: "zone-abc", urls: urls(1), allowedFailures: 1 }).changes, true, "policy changed: update anyway");
    const ok = { ...outs, results: [{ ...outs.results[0], status: "succeeded" }] };
    assert.equal(diffInputs(ok, { zoneId: "zone-abc", urls: urls(1) }).changes, false);
    // The same facts in the layout this version writes (URLs by index, only results that did not succeed).
    const compact = { zoneId: "zone-abc", urls: urls(1), cloud: "edgeone", results: [{ index: 0, ...outs.results[0] }],
      batches: [{ taskIds: ["t"], urlIndexes: "0", submittedAt: "2026-11-23T00:00:00.000Z" }], unsubmittedIndexes: "", uncertainBatches: [] };
    assert.equal(diffInputs(compact, { zoneId: "zone-abc", urls: urls(1) }).changes, true);
    assert.equal(diffInputs({ ...compact, results: [] }, { zoneId: "zone-abc", urls: urls(1) }).changes, false);
  });
});

describe("contract: quota reads and messages", () => {
  it("a throttled quota read is retried and the zone's batch size is used", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1, quota: { daily: 10_000, remaining: 10_000, perRequest: 1000 } }));
    cloud.quotaErrors.push(cloudError("throttled", "RequestLimitExceeded", "DescribeContentQuota"));
    await provider.create({ zoneId: "zone-abc", urls: urls(250) });
    assert.deepEqual(cloud.log.filter((l) => l.startsWith("submit")), ["submit 250"]);
  });

  it("a quota read refused for permission warns and continues with the documented per-request limit", async () => {
    const { cloud, provider, lines } = setup(new FakeCloud({ pollsToFinish: 1 }));
    cloud.quotaErrors.push(detailed("auth", "UnauthorizedOperation.NoPermission", "noPermission", "DescribeContentQuota"));
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(150) });
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(cloud.log.filter((l) => l.startsWith("submit")), ["submit 100", "submit 50"]);
    assert.ok(lines.some((l) => /warning: could not read the prefetch quota .*at most 100 URLs/.test(l)), lines.join("\n"));
  });

  it("the same quota read failure is warned about once per process, not once per resource; each still falls back", async () => {
    const { cloud, provider, lines } = setup(new FakeCloud({ pollsToFinish: 1 }));
    const refused = () => detailed("auth", "UnauthorizedOperation.NoPermission", "noPermission", "DescribeContentQuota");
    cloud.quotaErrors.push(refused(), refused());
    await provider.create({ zoneId: "zone-abc", urls: urls(150) });
    await provider.create({ zoneId: "zone-def", urls: urls(150) });
    assert.deepEqual(cloud.log.filter((l) => l.startsWith("quota")), ["quota -> UnauthorizedOperation.NoPermission", "quota -> UnauthorizedOperation.NoPermission"]);
    assert.deepEqual(cloud.log.filter((l) => l.startsWith("submit")), ["submit 100", "submit 50", "submit 100", "submit 50"], "both fall back to 100 per request");
    assert.equal(lines.filter((l) => /warning: could not read the prefetch quota/.test(l)).length, 1);
  });

  const cases: [string, CloudError, RegExp][] = [
    ["queue full", detailed("quota", "PreloadQueueFull", "queueFull"), /prefetch queue is full \(not your daily quota\).*drains within minutes/],
    ["daily quota", detailed("quota", "LimitExceeded.DailyQuota", "dailyQuota"), /prefetch quota is used up; it is expected to reset at 2026-11-23T16:00:00Z/],
    ["plan limit", detailed("quota", "LimitExceeded.PackNotAllow", "planLimit"), /plan or account does not allow this request/],
    ["service not opened", detailed("auth", "OperationDenied", "serviceNotOpened"), /Tencent Cloud EdgeOne is not activated/],
    ["scope not found", detailed("invalid", "UnauthorizedOperation.DomainEmpty", "scopeNotFound"), /zone, site or domain is not in this account/],
  ];
  for (const [name, err, re] of cases) {
    it(`says what happened: ${name}`, async () => {
      const { cloud, provider } = setup();
      cloud.submitErrors.push(err);
      const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(1) }));
      assert.match(e.message, re);
      assert.match(e.message, /^edgeone: CreatePrefetchTask failed with /);
    });
  }
});

describe("contract: the visibility grace setting", () => {
  it("comes from cdnPrefetch:visibilityGraceSeconds, else CDN_PREFETCH_VISIBILITY_GRACE_SECONDS, else 60 s", async () => {
    const { visibilityGraceMs } = await import("../../provider/resources/connection");
    assert.equal(visibilityGraceMs({}, {}), 60_000);
    assert.equal(visibilityGraceMs({}, { CDN_PREFETCH_VISIBILITY_GRACE_SECONDS: "0.3" }), 300);
    assert.equal(visibilityGraceMs({ "cdnPrefetch:visibilityGraceSeconds": "5" }, { CDN_PREFETCH_VISIBILITY_GRACE_SECONDS: "0.3" }), 5000);
    assert.equal(visibilityGraceMs({ "cdnPrefetch:visibilityGraceSeconds": "soon" }, {}), 60_000, "a non-number falls back to the default");
  });

  it("is what the provider waits before resubmitting an unanswered submit the cloud does not list", async () => {
    const cloud = new FakeCloud({ pollsToFinish: 1 });
    const clock = instantClock();
    const provider = new PrefetchProvider("edgeone", { clock, env: { ...ENV, CDN_PREFETCH_VISIBILITY_GRACE_SECONDS: "7" }, log: () => undefined,
      createAdapter: (_c, _conn, clk) => cloud.adapter(clk) });
    cloud.submitErrors.push(cloudError("transient", "ECONNRESET"));
    const start = clock.now();
    await provider.create({ zoneId: "zone-abc", urls: urls(1) });
    const resubmitAt = clock.now() - start;
    assert.ok(resubmitAt >= 7000 && resubmitAt < 60_000, `resubmitted after ${resubmitAt} ms`);
  });
});

/**
 * A provider over the fake cloud whose task listings carry ids of their own, not the submit's (ESA-style listings:
 * emulator variant esa.listTaskIds=perUrlId).
 */
function listingUnderOwnIds() {
  const cloud = new FakeCloud({ pollsToFinish: 1 });
  const clock = instantClock();
  const provider = new PrefetchProvider("edgeone", { clock, env: ENV, log: () => undefined, createAdapter: (_c, _conn, clk) => {
    const a = cloud.adapter(clk);
    return { ...a, findTasks: async (s, u, since) => (await a.findTasks(s, u, since)).map((t) => ({ ...t, taskId: `item-of-${t.taskId}` })) };
  } });
  return { cloud, clock, provider };
}

describe("contract: earlier runs' tasks listed under ids of their own", () => {
  it("a re-run whose submit never arrived is resubmitted, although the list shows the previous run's task under another id", async () => {
    const { cloud, clock, provider } = listingUnderOwnIds();
    const inputs = { zoneId: "zone-abc", urls: urls(1), triggers: 1 };
    const { id, outs } = await provider.create(inputs);
    cloud.submitErrors.push(cloudError("transient", "ECONNRESET"));
    const r = await provider.update(id, outs, { ...inputs, triggers: 2 });
    assert.equal(r.outs.status, "succeeded");
    assert.deepEqual(cloud.acceptedUrls(), [...urls(1), ...urls(1)], "the re-run's URL accepted once, the first run's once");
  });

  it("a re-run whose submit was accepted adopts the newer listed task, not the previous run's", async () => {
    const { cloud, clock, provider } = listingUnderOwnIds();
    const inputs = { zoneId: "zone-abc", urls: urls(1), triggers: 1 };
    const { id, outs } = await provider.create(inputs);
    clock.t += 5000;
    cloud.dropAfterAccept.push(cloudError("transient", "ECONNRESET"));
    // wait: false — the fake's by-id query knows only submit ids; this test is about which listed task is adopted.
    const r = await provider.update(id, outs, { ...inputs, triggers: 2, wait: false });
    assert.deepEqual(r.outs.taskIds, ["item-of-task-2"]);
    assert.equal(cloud.submits, 2);
  });
});

describe("contract: a per-request limit smaller than assumed", () => {
  it("a request refused as too large (nothing accepted) is resent in halves until the cloud takes it", async () => {
    const { cloud, provider, lines } = setup(new FakeCloud({ pollsToFinish: 1 }));
    const tooMany = () => detailed("quota", "InvalidParameter.TooManyUrls", "batchLimit");
    cloud.submitErrors.push(tooMany(), tooMany());
    const { outs } = await provider.create({ zoneId: "zone-abc", urls: urls(100) });
    assert.equal(outs.status, "succeeded");
    assert.deepEqual(cloud.log.filter((l) => l.startsWith("submit")), ["submit 100 -> InvalidParameter.TooManyUrls", "submit 50 -> InvalidParameter.TooManyUrls", "submit 25", "submit 25", "submit 25", "submit 25"]);
    assert.deepEqual(cloud.acceptedUrls().sort(), urls(100).sort());
    assert.ok(lines.some((l) => /refused 100 URLs in one request .*sending 50 per request/.test(l)));
  });

  it("with batching: false the refusal is the answer (one request was asked for)", async () => {
    const { cloud, provider } = setup(new FakeCloud({ pollsToFinish: 1 }));
    cloud.submitErrors.push(detailed("quota", "InvalidParameter.TooManyUrls", "batchLimit"));
    const e = await rejection(provider.create({ zoneId: "zone-abc", urls: urls(10), batching: false }));
    assert.match(e.message, /InvalidParameter\.TooManyUrls/);
    assert.equal(cloud.submits, 1);
  });
});
