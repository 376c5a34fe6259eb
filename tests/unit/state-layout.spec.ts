/**
 * The stored outputs' layout (provider/resources/state.ts, state-layout.ts, index-ranges.ts): URLs named by their
 * position in `urls`, per-URL results only where they say more than "succeeded", every record read back exactly
 * (repeated URLs, submitted forms that differ from the declared ones, both layouts), and the byte budget of issue 9:
 * the outputs of a 10,000-URL all-succeeded resource take at most 64 KB beyond the echoed inputs.
 */
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import type { CloudKind } from "../../provider/model/cloud";
import { URL_STATUSES, type UrlStatus } from "../../provider/model/status";
import type { UrlResult } from "../../provider/model/task";
import { formatIndexes, parseIndexes } from "../../provider/resources/index-ranges";
import { isSecretValue, markSecretOutputs, secretValue } from "../../provider/resources/secrets";
import { submittedForms } from "../../provider/resources/spec";
import { sameParts, type RecordParts } from "../../provider/resources/state-layout";
import { buildOutputs, emptyRecord, pickInputs, recordFromOutputs, type TaskRecord } from "../../provider/resources/state";
import { urlsAt } from "../../sdk/url-indexes";

/** A deterministic pseudo-random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AT = "2026-01-01T00:00:00.000Z";
const edgeUrls = (n: number) => Array.from({ length: n }, (_, i) => `https://cdn.example.com/assets/v2/file-${String(i).padStart(5, "0")}.js`);

/**
 * A record the way the lifecycle builds it: `urls` submitted in chunks of `perRequest` (submitted forms), one task id
 * per chunk, every URL terminal with `status(i)`.
 */
function submitted(cloud: CloudKind, inputs: { urls: string[]; domain?: string }, perRequest: number,
  status: (i: number) => UrlStatus = () => "succeeded"): TaskRecord {
  const forms = submittedForms(cloud, inputs.urls, inputs.domain ?? null);
  const rec = emptyRecord(inputs.urls);
  for (let from = 0, k = 1; from < inputs.urls.length; from += perRequest, k++) {
    rec.batches.push({ taskIds: [`task-${String(k).padStart(10, "0")}`], urls: forms.slice(from, from + perRequest), submittedAt: AT });
  }
  rec.unsubmittedUrls = [];
  rec.submittedAt = AT;
  rec.finishedAt = AT;
  rec.verifiedAt = AT;
  rec.results = inputs.urls.map((url, i): UrlResult => {
    const s = status(i);
    const failed = s !== "succeeded";
    return { url, status: s, progress: 100, reason: failed ? "origin returned 404" : null, taskId: `task-${String(Math.floor(i / perRequest) + 1).padStart(10, "0")}` };
  });
  return rec;
}

/** Outputs built and read back: the record must come back exactly. */
function roundTrip(cloud: CloudKind, inputs: Record<string, unknown>, rec: TaskRecord): Record<string, unknown> {
  const outs = buildOutputs(cloud, inputs, rec);
  assert.deepEqual(recordFromOutputs(JSON.parse(JSON.stringify(outs))), rec);
  return outs;
}

/** JSON bytes of the outputs beyond the echoed inputs. */
function bytesBeyondInputs(outs: Record<string, unknown>): number {
  const echoed = pickInputs(outs);
  const rest = Object.fromEntries(Object.entries(outs).filter(([k]) => !(k in echoed)));
  return Buffer.byteLength(JSON.stringify(rest));
}

describe("state layout: index lists", () => {
  it("writes ascending runs as ranges, keeps the order, and reads back exactly", () => {
    assert.equal(formatIndexes([0, 1, 2, 3, 7, 9, 10]), "0-3,7,9-10");
    assert.equal(formatIndexes([5, 6, 0, 1]), "5-6,0-1");
    assert.equal(formatIndexes([]), "");
    const next = random(1);
    for (let n = 0; n < 200; n++) {
      const list = Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 30));
      assert.deepEqual(parseIndexes(formatIndexes(list)), list);
      const urls = Array.from({ length: 30 }, (_, i) => `u${i}`);
      assert.deepEqual(urlsAt(urls, formatIndexes(list)), list.map((i) => urls[i]), "the SDK reader agrees with the provider");
    }
  });

  it("refuses what it did not write: malformed items, descending ranges, positions outside the list", () => {
    for (const bad of ["a", "1-", "-1", "3-1", "1,,2", " 1", "1.5"]) assert.throws(() => parseIndexes(bad, 10), /not an index range/, bad);
    assert.throws(() => parseIndexes("0-10", 10), /below 10/);
    assert.throws(() => urlsAt(["a"], "1"), /not a range of positions in a list of 1 URLs/);
  });
});

describe("state layout: outputs name URLs once", () => {
  it("an all-succeeded resource stores no URL but the echoed `urls`: ranges per batch, no per-URL results", () => {
    const urls = edgeUrls(250);
    const outs = roundTrip("edgeone", { zoneId: "zone-1", urls }, submitted("edgeone", { urls }, 100));
    assert.deepEqual(outs.batches, [
      { taskIds: ["task-0000000001"], urlIndexes: "0-99", submittedAt: AT },
      { taskIds: ["task-0000000002"], urlIndexes: "100-199", submittedAt: AT },
      { taskIds: ["task-0000000003"], urlIndexes: "200-249", submittedAt: AT },
    ]);
    assert.deepEqual(outs.results, []);
    assert.equal(outs.unsubmittedIndexes, "");
    assert.deepEqual(outs.uncertainBatches, []);
    assert.deepEqual([outs.urlCount, outs.succeededCount, outs.failedCount, outs.pendingCount, outs.status], [250, 250, 0, 0, "succeeded"]);
    const text = JSON.stringify({ ...outs, urls: null });
    for (const u of urls) assert.ok(!text.includes(u), `${u} appears only in the echoed urls`);
  });

  it("lists only the URLs that did not succeed, with index, URL, status, progress, reason and task id", () => {
    const urls = edgeUrls(5);
    const outs = roundTrip("edgeone", { zoneId: "zone-1", urls }, submitted("edgeone", { urls }, 2, (i) => (i === 3 ? "failed" : "succeeded")));
    assert.deepEqual(outs.results, [{ index: 3, url: urls[3], status: "failed", progress: 100, reason: "origin returned 404", taskId: "task-0000000002" }]);
    assert.deepEqual(outs.failedUrls, [urls[3]]);
    assert.deepEqual([outs.succeededCount, outs.failedCount, outs.status], [4, 1, "partiallyFailed"]);
  });

  it("a fresh record: every URL pending and unsubmitted, as one range", () => {
    const urls = edgeUrls(3);
    const outs = roundTrip("edgeone", { zoneId: "zone-1", urls }, emptyRecord(urls));
    assert.equal(outs.unsubmittedIndexes, "0-2");
    assert.deepEqual(outs.results, [], "no URL spelled out");
    assert.deepEqual(outs.resultGroups, [{ status: "pending", progress: 0, reason: null, urlIndexes: "0-2" }], "one group for the shared result");
  });

  it("uncertain batches, unsubmitted URLs, adopted windows and a succeeded URL with a reason or another task id read back exactly", () => {
    const urls = edgeUrls(8);
    const rec = submitted("edgeone", { urls }, 3);
    rec.batches = [
      { taskIds: ["a"], urls: [urls[2], urls[0]], submittedAt: AT, windowStart: "2025-12-31T00:00:00.000Z" },
      { taskIds: ["b", "c"], urls: [urls[1], urls[3]], submittedAt: AT },
      { taskIds: ["d", "e", "f"], urls: [urls[4]], submittedAt: AT },
    ];
    rec.uncertainBatches = [{ urls: [urls[6], urls[5]], attemptedAt: AT, requestId: null, error: "ECONNRESET: socket hang up" }];
    rec.unsubmittedUrls = [urls[7]];
    rec.results = urls.map((url, i): UrlResult => ({ url, status: i >= 5 ? "pending" : "succeeded", progress: i >= 5 ? 0 : 100, reason: null, taskId: null }));
    rec.results[0] = { ...rec.results[0], taskId: "a" };
    rec.results[2] = { ...rec.results[2], taskId: "a", reason: "served from the middle tier" };
    rec.results[1] = { ...rec.results[1], taskId: "b" };
    rec.results[3] = { ...rec.results[3], taskId: "c" };
    rec.results[4] = { ...rec.results[4], taskId: "e" };
    const outs = roundTrip("edgeone", { zoneId: "zone-1", urls }, rec);
    assert.deepEqual((outs.batches as { urlIndexes: string }[]).map((b) => b.urlIndexes), ["2,0", "1,3", "4"]);
    assert.equal((outs.batches as { windowStart?: string }[])[0].windowStart, "2025-12-31T00:00:00.000Z");
    assert.deepEqual((outs.uncertainBatches as { urlIndexes: string }[])[0].urlIndexes, "6,5");
    assert.equal(outs.unsubmittedIndexes, "7");
    assert.deepEqual((outs.results as { index: number }[]).map((r) => r.index), [2, 4],
      "listed: a reason on success, a task id the batch does not imply");
    assert.deepEqual((outs.resultGroups as { urlIndexes: string; status: string }[]).map((g) => [g.status, g.urlIndexes]), [["pending", "5-7"]],
      "every other URL not succeeded, in a group of the same result");
  });

  it("submitted forms that differ from the declared URLs (non-ASCII, CDN /paths) are derived again, exactly", () => {
    const urls = ["/static/中文.js", "https://cdn.example.com/é.css", "/static/a.js", "http://cdn.example.com/%E4%B8%AD"];
    const inputs = { domain: "cdn.example.com", urls };
    const forms = submittedForms("alibaba-cdn", urls, "cdn.example.com");
    assert.notDeepEqual(forms, urls);
    const outs = roundTrip("alibaba-cdn", inputs, submitted("alibaba-cdn", inputs, 2, (i) => (i === 0 ? "failed" : "succeeded")));
    assert.deepEqual((outs.batches as { urlIndexes: string }[]).map((b) => b.urlIndexes), ["0-1", "2-3"]);
    assert.deepEqual(outs.failedUrls, ["/static/中文.js"]);
  });

  it("a URL declared twice keeps one position per occurrence", () => {
    const urls = ["https://a.example.com/x.js", "https://a.example.com/y.js", "https://a.example.com/x.js"];
    const rec = submitted("edgeone", { urls }, 1, (i) => (i === 2 ? "failed" : "succeeded"));
    const outs = roundTrip("edgeone", { zoneId: "z", urls }, rec);
    assert.deepEqual((outs.batches as { urlIndexes: string }[]).map((b) => b.urlIndexes), ["0", "1", "2"]);
    assert.deepEqual((outs.results as { index: number }[]).map((r) => r.index), [2]);
    const pending = { ...emptyRecord(urls), unsubmittedUrls: [urls[2], urls[0]] };
    assert.equal(roundTrip("edgeone", { zoneId: "z", urls }, pending).unsubmittedIndexes, "0,2");
  });

  it("random records of every shape read back exactly", () => {
    const next = random(9);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    for (let n = 0; n < 300; n++) {
      const cloud = pick<CloudKind>(["edgeone", "alibaba-cdn", "alibaba-dcdn", "alibaba-esa"]);
      const pool = ["https://cdn.example.com/a.js", "/b/é.png", "https://cdn.example.com/c d", "cdn.example.com/d.css", "https://cdn.example.com/中"];
      const urls = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(pool));
      const inputs = { domain: "cdn.example.com", urls };
      const forms = submittedForms(cloud, urls, "cdn.example.com");
      const rec = emptyRecord(urls);
      const order = urls.map((_, i) => i).sort(() => next() - 0.5);
      rec.unsubmittedUrls = [];
      for (let at = 0; at < order.length;) {
        const chunk = order.slice(at, at += 1 + Math.floor(next() * 4));
        const where = next();
        const ids = Array.from({ length: pick([0, 1, 1, 2, chunk.length]) }, (_, k) => `t${n}-${at}-${k}`);
        if (where < 0.6 && ids.length > 0) rec.batches.push({ taskIds: ids, urls: chunk.map((i) => forms[i]), submittedAt: AT });
        else if (where < 0.8) rec.uncertainBatches.push({ urls: chunk.map((i) => forms[i]), attemptedAt: AT, requestId: pick([null, "req-1"]), error: "reset" });
        else rec.unsubmittedUrls.push(...chunk.map((i) => urls[i]));
      }
      const taskIds = rec.batches.flatMap((b) => b.taskIds);
      rec.results = urls.map((url): UrlResult => ({
        url, status: pick(URL_STATUSES.concat(["succeeded", "succeeded"])), progress: pick([0, 37, 100]),
        reason: pick([null, null, "why"]), taskId: pick([null, ...taskIds]),
      }));
      assert.equal(typeof roundTrip(cloud, inputs, rec).unsubmittedIndexes, "string", "written in the compact layout");
    }
  });
});

describe("state layout: the write check compares like a deep strict equality", () => {
  const base = (): RecordParts => ({
    batches: [{ taskIds: ["t1", "t2"], urls: ["a", "b"], submittedAt: AT }, { taskIds: ["t3"], urls: ["c"], submittedAt: AT, windowStart: AT }],
    uncertainBatches: [{ urls: ["d"], attemptedAt: AT, requestId: null, error: "reset" }],
    unsubmittedUrls: ["e"],
    results: ["a", "b", "c", "d", "e"].map((url, i): UrlResult => ({ url, status: "succeeded", progress: 100, reason: null, taskId: i < 3 ? `t${i + 1}` : null })),
  });
  /** One change each: every field of every part, a length, a key's presence, -0 against 0. */
  const changes: [string, (p: RecordParts) => void][] = [
    ["nothing", () => undefined],
    ["a batch task id", (p) => (p.batches[0].taskIds[1] = "tx")],
    ["a batch's task id count", (p) => p.batches[0].taskIds.pop()],
    ["a batch URL", (p) => (p.batches[1].urls[0] = "x")],
    ["a batch's submit time", (p) => (p.batches[0].submittedAt = "2027-01-01T00:00:00.000Z")],
    ["a window start's presence", (p) => delete p.batches[1].windowStart],
    ["a window start's value", (p) => (p.batches[1].windowStart = "2027-01-01T00:00:00.000Z")],
    ["a batch count", (p) => p.batches.pop()],
    ["an uncertain URL", (p) => (p.uncertainBatches[0].urls[0] = "x")],
    ["an uncertain request id", (p) => (p.uncertainBatches[0].requestId = "r")],
    ["an uncertain error", (p) => (p.uncertainBatches[0].error = "refused")],
    ["an uncertain attempt time", (p) => (p.uncertainBatches[0].attemptedAt = "x")],
    ["an unsubmitted URL", (p) => (p.unsubmittedUrls[0] = "x")],
    ["the unsubmitted count", (p) => p.unsubmittedUrls.push("f")],
    ["a result URL", (p) => (p.results[0].url = "x")],
    ["a result status", (p) => (p.results[1].status = "failed")],
    ["a result progress", (p) => (p.results[2].progress = 99)],
    ["a result progress of -0", (p) => (p.results[2].progress = -0)],
    ["a result reason", (p) => (p.results[3].reason = "why")],
    ["a result task id", (p) => (p.results[4].taskId = "t9")],
    ["the result count", (p) => p.results.pop()],
  ];
  for (const [what, change] of changes) {
    it(`${what}: ${what === "nothing" ? "same" : "differs"}, as isDeepStrictEqual says`, () => {
      const changed = base();
      change(changed);
      const expected = isDeepStrictEqual(base(), changed);
      assert.equal(expected, what === "nothing");
      assert.equal(sameParts(base(), changed), expected);
      assert.equal(sameParts(changed, base()), expected);
    });
  }
});

describe("state layout: outputs of earlier versions", () => {
  /** Outputs as the previous version stored them: every list spelled out. */
  function legacy(): Record<string, unknown> {
    return {
      urls: ["/p/中.js", "/p/b.css"], domain: "cdn.example.com", cloud: "alibaba-cdn", status: "running", progress: 50,
      taskIds: ["t1"], failedUrls: [], urlCount: 2, succeededCount: 1, failedCount: 0, pendingCount: 1,
      batches: [{ taskIds: ["t1"], urls: ["cdn.example.com/p/%E4%B8%AD.js", "cdn.example.com/p/b.css"], submittedAt: AT }],
      uncertainBatches: [], unsubmittedUrls: [],
      results: [
        { url: "/p/中.js", status: "succeeded", progress: 100, reason: null, taskId: "t1" },
        { url: "/p/b.css", status: "running", progress: 40, reason: null, taskId: "t1" },
      ],
      submittedAt: AT, finishedAt: null, verifiedAt: AT, historyAvailable: true, adopted: false, mediaSegments: null,
    };
  }

  it("reads them exactly and writes them back in the compact layout", () => {
    const old = legacy();
    const rec = recordFromOutputs(old);
    assert.deepEqual(rec.batches, old.batches);
    assert.deepEqual(rec.results, old.results);
    const outs = roundTrip("alibaba-cdn", old, rec);
    assert.deepEqual((outs.batches as { urlIndexes: string }[])[0].urlIndexes, "0-1");
    assert.deepEqual(outs.results, [{ index: 1, url: "/p/b.css", status: "running", progress: 40, reason: null, taskId: "t1" }]);
    assert.equal("unsubmittedUrls" in outs, false);
  });

  it("keeps their layout when a URL was submitted in a form this version would not produce (nothing is stored lossily)", () => {
    const old = legacy();
    (old.batches as { urls: string[] }[])[0].urls[0] = "cdn.example.com/p/中.js";
    const outs = roundTrip("alibaba-cdn", old, recordFromOutputs(old));
    assert.deepEqual(outs.batches, old.batches);
    assert.deepEqual(outs.results, old.results);
    assert.deepEqual(outs.unsubmittedUrls, []);
  });

  it("reads secret-wrapped values, and refuses indexes that do not fit the stored urls", () => {
    const urls = edgeUrls(3);
    const outs = buildOutputs("edgeone", { zoneId: "z", urls }, submitted("edgeone", { urls }, 2, () => "timeout"));
    const marked = markSecretOutputs(outs, ["urls"]);
    assert.ok(isSecretValue(marked.urls) && isSecretValue(marked.results));
    assert.deepEqual(recordFromOutputs({ ...marked, urls: secretValue(urls) }), recordFromOutputs(outs));
    assert.throws(() => recordFromOutputs({ ...outs, urls: urls.slice(0, 2) }), /cannot be read: .*not an index range below 2/);
  });
});

describe("state layout: the byte budget (issue 9)", () => {
  const BUDGET = 64 * 1024;
  /** EdgeOne's largest documented request size (provider/model/limits.ts EDGEONE_MAX_BATCH is 1,000; 100 is the fallback). */
  for (const perRequest of [100, 1000]) {
    it(`10,000 URLs all succeeded, ${perRequest} per request: at most 64 KB beyond the echoed inputs`, () => {
      const urls = edgeUrls(10_000);
      const outs = roundTrip("edgeone", { zoneId: "zone-2noz78a8ev6k", urls }, submitted("edgeone", { urls }, perRequest));
      const bytes = bytesBeyondInputs(outs);
      console.log(`      ${bytes} bytes beyond the echoed inputs: ${(bytes / 10_000).toFixed(2)} bytes/URL`);
      assert.ok(bytes <= BUDGET, `${bytes} bytes`);
    });
  }

  it("10,000 URLs with 100 failures: the budget plus what the failures themselves carry", () => {
    const urls = edgeUrls(10_000);
    const outs = roundTrip("edgeone", { zoneId: "zone-2noz78a8ev6k", urls }, submitted("edgeone", { urls }, 100, (i) => (i % 100 === 7 ? "failed" : "succeeded")));
    const bytes = bytesBeyondInputs(outs);
    const perFailure = Buffer.byteLength(JSON.stringify({ index: 7, url: urls[7], status: "failed", progress: 100, reason: "x", taskId: null, failedUrl: urls[7] })) + 4;
    console.log(`      ${bytes} bytes beyond the echoed inputs with 100 failures: ${(bytes / 10_000).toFixed(2)} bytes/URL`);
    const failed = recordFromOutputs(outs).results.filter((r) => r.status === "failed");
    assert.equal(failed.length, 100, "every failure reads back");
    assert.equal((outs.failedUrls as unknown[]).length, 100);
    assert.ok(bytes <= BUDGET + 100 * perFailure, `${bytes} bytes`);
  });
});
