import assert from "node:assert/strict";
import { checkInputs } from "../../provider/resources/check";
import { UNKNOWN } from "../../provider/resources/unknown";
import type { CloudKind } from "../../provider/model/cloud";

const base = {
  edgeone: { zoneId: "zone-abc123" },
  "alibaba-cdn": {},
  "alibaba-dcdn": {},
  "alibaba-esa": { siteId: 123456 },
} as const;

function failures(cloud: CloudKind, extra: Record<string, unknown>) {
  return checkInputs(cloud, { ...base[cloud], ...extra }).failures;
}

function reasonFor(f: { property: string; reason: string }[], property: string): string {
  const hit = f.find((x) => x.property === property);
  assert.ok(hit, `expected a failure on ${property}, got ${JSON.stringify(f)}`);
  return hit.reason;
}

describe("check (validation at preview time)", () => {
  it("accepts valid inputs for every cloud", () => {
    for (const cloud of Object.keys(base) as CloudKind[]) {
      assert.deepEqual(failures(cloud, { urls: ["https://cdn.example.com/a.js", "https://cdn.example.com/b.css"] }), [], cloud);
    }
  });

  it("rejects an empty URL list", () => {
    assert.match(reasonFor(failures("edgeone", { urls: [] }), "urls"), /at least one URL/);
  });

  it("requires urls", () => {
    assert.ok(failures("alibaba-cdn", {}).some((f) => f.property === "urls"));
  });

  it("rejects malformed URLs with the index of each", () => {
    const f = failures("edgeone", { urls: ["https://ok.example.com/a", "not a url", "https://", "cdn.example.com/x"] });
    assert.match(reasonFor(f, "urls[1]"), /whitespace|not a valid URL|full http/);
    assert.match(reasonFor(f, "urls[2]"), /not a valid URL|host/);
    assert.match(reasonFor(f, "urls[3]"), /full http:\/\/ or https:\/\/ URL/);
    assert.ok(!f.some((x) => x.property === "urls[0]"));
  });

  it("rejects non-http(s) schemes", () => {
    assert.match(reasonFor(failures("alibaba-esa", { urls: ["ftp://files.example.com/a"] }), "urls[0]"), /only http:\/\/ and https:\/\//);
  });

  it("accepts scheme-less and domain-relative URLs on Alibaba CDN/DCDN only", () => {
    assert.deepEqual(failures("alibaba-cdn", { domain: "cdn.example.com", urls: ["cdn.example.com/a.png", "/b.png"] }), []);
    assert.match(reasonFor(failures("alibaba-dcdn", { urls: ["/b.png"] }), "urls[0]"), /set `domain`/);
    assert.match(reasonFor(failures("alibaba-esa", { urls: ["cdn.example.com/a.png"] }), "urls[0]"), /full http/);
  });

  it("rejects URLs outside the declared domain, zone or site", () => {
    assert.match(reasonFor(failures("alibaba-cdn", { domain: "cdn.example.com", urls: ["https://other.example.com/a"] }), "urls[0]"), /outside domain cdn.example.com/);
    assert.match(reasonFor(failures("edgeone", { zoneName: "example.com", urls: ["https://www.example.org/a"] }), "urls[0]"), /outside zoneName example.com/);
    assert.match(reasonFor(failures("alibaba-esa", { siteName: "example.com", urls: ["https://evil.com/a"] }), "urls[0]"), /outside siteName/);
    assert.deepEqual(failures("alibaba-esa", { siteName: "example.com", urls: ["https://img.example.com/a"] }), []);
  });

  it("rejects duplicates, ignoring the scheme and default ports", () => {
    const f = failures("alibaba-cdn", { urls: ["https://a.example.com/x", "http://a.example.com:80/x", "a.example.com/x"] });
    assert.match(reasonFor(f, "urls[1]"), /duplicates urls\[0\]/);
    assert.match(reasonFor(f, "urls[2]"), /duplicates urls\[0\]/);
  });

  it("rejects more URLs than one request carries when batching is off", () => {
    const urls = Array.from({ length: 101 }, (_, i) => `https://a.example.com/${i}`);
    assert.match(reasonFor(failures("alibaba-cdn", { urls, batching: false }), "urls"), /exceed the 100 one request may carry/);
    assert.deepEqual(failures("alibaba-cdn", { urls }), [], "batching (the default) splits them");
  });

  it("rejects more URLs than one resource may declare", () => {
    const urls = Array.from({ length: 10_001 }, (_, i) => `https://a.example.com/${i}`);
    assert.match(reasonFor(failures("edgeone", { urls }), "urls"), /at most 10000 URLs/);
  });

  it("rejects bad enum values", () => {
    assert.ok(reasonFor(failures("edgeone", { urls: ["https://a.example.com/x"], mode: "turbo" }), "mode"));
    assert.ok(reasonFor(failures("alibaba-dcdn", { urls: ["https://a.example.com/x"], area: "mars" }), "area"));
  });

  it("rejects out-of-range timeouts and tolerances", () => {
    const f = failures("edgeone", { urls: ["https://a.example.com/x"], waitTimeoutSeconds: 999_999, pollIntervalSeconds: 0, allowedFailurePercent: 101, allowedFailures: -1 });
    assert.match(reasonFor(f, "waitTimeoutSeconds"), /at most 21600 seconds/);
    assert.ok(reasonFor(f, "pollIntervalSeconds"));
    assert.ok(reasonFor(f, "allowedFailurePercent"));
    assert.ok(reasonFor(f, "allowedFailures"));
  });

  it("rejects malformed ids and header names", () => {
    assert.match(reasonFor(failures("edgeone", { zoneId: "Zone 1", urls: ["https://a.example.com/x"] }), "zoneId"), /zone id/);
    assert.match(reasonFor(failures("alibaba-esa", { siteId: "abc", urls: ["https://a.example.com/x"] }), "siteId"), /numeric|Invalid/);
    assert.match(reasonFor(failures("edgeone", { urls: ["https://a.example.com/x"], headers: { "Bad Header": "v" } }), "headers.Bad Header"), /not a valid HTTP header name/);
  });

  it("rejects contradictory settings", () => {
    assert.match(reasonFor(failures("edgeone", { urls: ["https://a.example.com/x"], wait: false, waitTimeoutSeconds: 60 }), "waitTimeoutSeconds"), /no effect with wait: false/);
  });

  it("returns every problem at once", () => {
    const f = failures("edgeone", { zoneId: "nope", urls: ["ftp://x.example.com/a", "https://a.example.com/b", "https://a.example.com/b"], mode: "x" });
    assert.deepEqual(f.map((x) => x.property).sort(), ["mode", "urls[0]", "urls[2]", "zoneId"]);
  });

  it("tolerates unknown values during preview", () => {
    assert.deepEqual(failures("edgeone", { zoneId: UNKNOWN, urls: UNKNOWN }), []);
    assert.deepEqual(failures("alibaba-cdn", { domain: UNKNOWN, urls: ["https://a.example.com/x", UNKNOWN] }), []);
    assert.deepEqual(failures("alibaba-esa", { siteId: UNKNOWN, urls: [UNKNOWN, UNKNOWN] }), []);
  });
});
