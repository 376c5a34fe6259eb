/**
 * `npm run demo`, as a person reads it: the whole story runs against the emulator through Pulumi's provider host
 * (the built package in lib/, like the other host specs), and the printed story must say what happened in each
 * chapter, in plain words, in a readable length. The per-URL rendering is checked on both shapes of `results`
 * (every URL, or only the URLs that did not succeed).
 */
import assert from "node:assert/strict";
import { runDemo, type StoryFacts } from "../../harness/demo";
import { urlLines, urlOutcomes } from "../../harness/demo-story";

describe("npm run demo: the story", function () {
  this.timeout(60_000);
  let lines: string[] = [];
  let text = "";
  let facts: StoryFacts;

  before(async () => {
    lines = [];
    facts = await runDemo((line) => lines.push(line));
    text = lines.join("\n");
  });

  /** The lines of one chapter (from its heading to the next blank line). */
  const chapter = (n: number) => {
    const start = lines.findIndex((l) => l.startsWith(`${n}. `));
    assert.ok(start >= 0, `chapter ${n} is told`);
    const end = lines.indexOf("", start);
    return lines.slice(start, end < 0 ? undefined : end).join("\n");
  };

  it("1: a clean warm-up on EdgeOne and Alibaba Cloud CDN, every URL warm, with the time it took", () => {
    assert.deepEqual(facts.warmUp, { site: "succeeded", downloads: "succeeded" });
    const c = chapter(1);
    assert.match(c, /new EdgeOnePrefetch\("site", \{ zoneId: "zone-demo1", urls: \[3 URLs\] \}\)/);
    assert.match(c, /EdgeOne holds task \S+ with 3 URLs; "site" reports status succeeded/);
    assert.match(c, /Alibaba Cloud CDN holds task \S+ with 2 URLs; "downloads" reports status succeeded/);
    for (const u of ["https://www.example.com/app.js", "https://dl.example.com/setup.dmg"]) assert.match(c, new RegExp(`✓ ${u}\\s+warm`));
    assert.match(c, /│ prefetch downloads: 100% — 2\/2 URLs done, 0 failed/);
    assert.match(c, /pulumi up returned after [\d.]+ m?s here \(3 minutes of cloud time\)/);
  });

  it("2: the failed URL with the vendor's reason, and what the resource reports", () => {
    assert.deepEqual(facts.failure, { promo: "partiallyFailed" });
    const c = chapter(2);
    assert.match(c, /pulumi up fails after/);
    assert.match(c, /✗ https:\/\/www\.example\.com\/promo\/banner\.png\s+invalid\n\s+the cloud says: .*originPullFailed/);
    assert.match(c, /✓ https:\/\/www\.example\.com\/promo\/\s+warm/);
    assert.match(c, /status partiallyFailed, failedUrls \["https:\/\/www\.example\.com\/promo\/banner\.png"\]/);
  });

  it("3: the wait times out, the next up resumes it and the cloud's submit counter does not move", () => {
    const { submits, status } = facts.resumed;
    assert.equal(submits.afterTimeout - submits.before, 1);
    assert.equal(submits.afterResume, submits.afterTimeout, "nothing submitted by the second up");
    assert.equal(status, "succeeded");
    const c = chapter(3);
    assert.match(c, /pulumi up stops after .*\n(\s+│ .*\n)*\s+│ .*(resume|again)/, "Pulumi's error says the next run resumes");
    assert.match(c, /has counted 1 submit so far/);
    assert.match(c, /20 minutes later, the same program again/);
    assert.match(c, /Status succeeded after .*\n.*submits: still 1\. The wait was resumed; nothing was sent twice\./);
  });

  it("4: a refresh after the cloud forgot the task keeps the last known results, says so and asks nothing", () => {
    assert.deepEqual(facts.forgotten, { cloudTasks: 0, queries: 0, status: "succeeded", historyAvailable: false });
    const c = chapter(4);
    assert.match(c, /keeps task history for 3 days: it now lists 0 URLs for task/);
    assert.match(c, /keeps the last known results: status succeeded, 2\/2 URLs warm/);
    assert.match(c, /historyAvailable = false, and it sent 0 status queries/);
  });

  it("5: a second release purges and warms only the 3 changed files, skips 37 of 40, and the edge serves v2; without purgeFirst it keeps v1", () => {
    const changed = { "index.html": "v2", "assets/app.js": "v2", "assets/app.css": "v2" };
    assert.deepEqual(facts.release, {
      urlCount: 40,
      first: { purged: 40, warmed: 80 },
      second: { purged: 3, warmed: 3, skipped: 37, status: "succeeded", edge: changed },
      withoutPurge: { purged: 0, warmed: 3, edge: { "index.html": "v1", "assets/app.js": "v1", "assets/app.css": "v1" } },
    });
    const c = chapter(5);
    assert.match(c, /new AlibabaCdnPrefetch\("static", \{ domain: "static\.example\.com", urls: \[40 \{ url, version \}\], purgeFirst: true \}\)/);
    assert.match(c, /│ prefetch static \(purge\): 100% — 3\/3 URLs done, 0 failed\n\s+│ prefetch static: 92% — 37\/40 URLs done/,
      "the purge of the 3 changed files finishes before their prefetch starts");
    assert.match(c, /Only the changed files were purged and warmed: Alibaba Cloud CDN counted 3 URLs purged, then 3 warmed\./);
    assert.match(c, /37 of 40 URLs skipped: the release spent 3 of the 1,000 prefetch URLs Alibaba Cloud CDN allows a day, not 40\./);
    assert.match(c, /The edge now serves v2 of all 3 changed files; "static" reports status succeeded\./);
    assert.match(c, /It warmed its 3 changed files \(0 purged\), yet the edge still serves v1 of all 3: without purgeFirst, a prefetch leaves a cached copy as it is\./);
  });

  it("ends with the next steps for a real account, in a readable length, without internal jargon", () => {
    const tail = lines.slice(lines.findIndex((l) => l.startsWith("Next steps"))).join("\n");
    for (const key of ["tencentcloud:secretId", "--secret tencentcloud:secretKey", "alicloud:accessKey", "--secret alicloud:secretKey", "pulumi up"]) {
      assert.ok(tail.includes(key), `next steps mention ${key}`);
    }
    assert.match(lines[lines.length - 1], /^Demo finished in [\d.]+ m?s\.$/);
    assert.ok(lines.length >= 40 && lines.length <= 95, `${lines.length} lines`);
    assert.doesNotMatch(text, /harness|engine model|steps: \{|"create":|__provider|undefined|\[object Object\]/);
  });
});

describe("demo story: per-URL outcomes", () => {
  const urls = ["https://a.example.com/1", "https://a.example.com/2"];

  it("reads every URL's status when results list them all", () => {
    const out = { urls, results: [{ url: urls[0], status: "succeeded", reason: null }, { url: urls[1], status: "running", reason: null }] };
    assert.deepEqual(urlOutcomes(out).map((r) => r.status), ["succeeded", "running"]);
    assert.match(urlLines(out)[1], /… https:\/\/a\.example\.com\/2\s+still warming$/);
  });

  it("counts a URL missing from results as warm (results may list only the URLs that did not succeed)", () => {
    const out = { urls, results: [{ url: urls[1], status: "failed", reason: "origin 404" }] };
    assert.deepEqual(urlOutcomes(out).map((r) => r.status), ["succeeded", "failed"]);
    assert.deepEqual(urlLines(out).map((l) => l.trim()), [
      "✓ https://a.example.com/1  warm", "✗ https://a.example.com/2  failed", "the cloud says: origin 404",
    ]);
  });
});
