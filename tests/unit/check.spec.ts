import assert from "node:assert/strict";
import { checkInputs, parseInputs } from "../../provider/resources/check";
import { INPUTS, inputNames, type InputName } from "../../provider/resources/inputs";
import { UNKNOWN } from "../../provider/resources/unknown";
import { CLOUD_KINDS, type CloudKind } from "../../provider/model/cloud";

const base = {
  edgeone: { zoneId: "zone-abc123" },
  "alibaba-cdn": {},
  "alibaba-dcdn": {},
  "alibaba-esa": { siteId: 123456 },
} as const;

const URL1 = "https://a.example.com/x";

function failures(cloud: CloudKind, extra: Record<string, unknown>) {
  return checkInputs(cloud, { ...base[cloud], ...extra }).failures;
}

function reasonFor(f: { property: string; reason: string }[], property: string): string {
  const hit = f.find((x) => x.property === property);
  assert.ok(hit, `expected a failure on ${property}, got ${JSON.stringify(f)}`);
  return hit.reason;
}

/** Text zod writes when no message was given: none of it may reach a user. */
const RAW_ZOD = /Invalid input|Too (small|big)|expected (string|number|boolean|array|record|object)|received|Invalid (string|option|element|key)|Unrecognized/i;

describe("check (validation at preview time)", () => {
  it("accepts valid inputs for every cloud", () => {
    for (const cloud of Object.keys(base) as CloudKind[]) {
      assert.deepEqual(failures(cloud, { urls: ["https://cdn.example.com/a.js", "https://cdn.example.com/b.css"] }), [], cloud);
    }
  });

  it("rejects an empty URL list", () => {
    assert.match(reasonFor(failures("edgeone", { urls: [] }), "urls"), /at least one URL/);
  });

  it("requires urls, and says so", () => {
    assert.equal(reasonFor(failures("alibaba-cdn", {}), "urls"), "is required and must be a list of URLs");
    assert.match(reasonFor(checkInputs("edgeone", { urls: [URL1] }).failures, "zoneId"), /^is required and must be an EdgeOne zone id/);
    assert.match(reasonFor(checkInputs("alibaba-esa", { urls: [URL1] }).failures, "siteId"), /^is required and must be a numeric ESA site id/);
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

  it("rejects duplicates, ignoring the scheme, the host's case, default ports and percent-escape case", () => {
    const f = failures("alibaba-cdn", { urls: ["https://a.example.com/x", "http://a.example.com:80/x", "a.example.com/x", "http://A.Example.com/x"] });
    assert.match(reasonFor(f, "urls[1]"), /duplicates urls\[0\]/);
    assert.match(reasonFor(f, "urls[2]"), /duplicates urls\[0\]/);
    assert.match(reasonFor(f, "urls[3]"), /duplicates urls\[0\]/);
    assert.match(reasonFor(failures("edgeone", { urls: ["https://a.example.com/x%2fy", "https://a.example.com/x%2Fy"] }), "urls[1]"), /duplicates urls\[0\]/);
  });

  it("rejects more URLs than one request carries when batching is off (model/limits.ts)", () => {
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://a.example.com/${i}`);
    assert.match(reasonFor(failures("alibaba-cdn", { urls: urls(101), batching: false }), "urls"), /exceed the 100 one request may carry/);
    assert.match(reasonFor(failures("alibaba-esa", { urls: urls(101), batching: false }), "urls"), /exceed the 100/);
    assert.deepEqual(failures("alibaba-cdn", { urls: urls(101) }), [], "batching (the default) splits them");
    assert.deepEqual(failures("edgeone", { urls: urls(1000), batching: false }), [], "EdgeOne: the zone's Batch is read at create");
    assert.match(reasonFor(failures("edgeone", { urls: urls(1001), batching: false }), "urls"), /exceed the 1000 one request may carry/);
  });

  it("rejects more URLs than one resource may declare", () => {
    const urls = Array.from({ length: 10_001 }, (_, i) => `https://a.example.com/${i}`);
    assert.match(reasonFor(failures("edgeone", { urls }), "urls"), /at most 10000 URLs/);
  });

  it("rejects bad enum values", () => {
    assert.equal(reasonFor(failures("edgeone", { urls: [URL1], mode: "turbo" }), "mode"), 'must be "default" or "edge"; got "turbo"');
    assert.equal(reasonFor(failures("alibaba-dcdn", { urls: [URL1], area: "mars" }), "area"), 'must be "domestic" or "overseas"; got "mars"');
  });

  it("rejects out-of-range timeouts and tolerances", () => {
    const f = failures("edgeone", { urls: [URL1], waitTimeoutSeconds: 999_999, pollIntervalSeconds: 0, allowedFailurePercent: 101, allowedFailures: -1 });
    assert.equal(reasonFor(f, "waitTimeoutSeconds"),
      "must be a number of seconds between 0 and 21600 (6 h; for longer waits, use wait: false and refresh later); got 999999");
    assert.equal(reasonFor(f, "pollIntervalSeconds"), "must be a number of seconds between 0.05 and 600; got 0");
    assert.equal(reasonFor(f, "allowedFailurePercent"), "must be a percentage between 0 and 100; got 101");
    assert.equal(reasonFor(f, "allowedFailures"), "must be a whole number of URLs, 0 or more; got -1");
  });

  it("rejects malformed ids and header names", () => {
    assert.match(reasonFor(failures("edgeone", { zoneId: "Zone 1", urls: [URL1] }), "zoneId"), /zone id/);
    assert.match(reasonFor(failures("alibaba-esa", { siteId: "abc", urls: [URL1] }), "siteId"), /numeric ESA site id/);
    assert.match(reasonFor(failures("edgeone", { urls: [URL1], headers: { "Bad Header": "v" } }), "headers.Bad Header"), /not a valid HTTP header name/);
  });

  it("rejects contradictory settings", () => {
    assert.match(reasonFor(failures("edgeone", { urls: [URL1], wait: false, waitTimeoutSeconds: 60 }), "waitTimeoutSeconds"), /no effect with wait: false/);
    assert.match(reasonFor(failures("edgeone", { urls: [URL1], existingTaskIds: ["t1"], batching: false }), "batching"), /no effect when adopting/);
  });

  it("returns every problem at once", () => {
    const f = failures("edgeone", { zoneId: "nope", urls: ["ftp://x.example.com/a", "https://a.example.com/b", "https://a.example.com/b"], mode: "x", waitTimeoutSecs: 5 });
    assert.deepEqual(f.map((x) => x.property).sort(), ["mode", "urls[0]", "urls[2]", "waitTimeoutSecs", "zoneId"]);
  });

  it("tolerates unknown values during preview", () => {
    assert.deepEqual(failures("edgeone", { zoneId: UNKNOWN, urls: UNKNOWN }), []);
    assert.deepEqual(failures("alibaba-cdn", { domain: UNKNOWN, urls: ["https://a.example.com/x", UNKNOWN] }), []);
    assert.deepEqual(failures("alibaba-cdn", { domain: UNKNOWN, urls: ["/a.png", "/b.png"] }), [], "relative to a domain not known yet");
    assert.deepEqual(failures("alibaba-esa", { siteId: UNKNOWN, urls: [UNKNOWN, UNKNOWN] }), []);
    assert.deepEqual(failures("edgeone", { urls: [URL1], zoneName: UNKNOWN, headers: UNKNOWN, waitTimeoutSeconds: UNKNOWN, batching: UNKNOWN }), []);
    assert.deepEqual(failures("edgeone", { urls: [URL1], headers: { A: UNKNOWN }, secretInputs: UNKNOWN }), []);
  });

  describe("keys", () => {
    it("accepts the engine's __provider and the SDK's secretInputs", () => {
      for (const cloud of CLOUD_KINDS) {
        assert.deepEqual(failures(cloud, { urls: [URL1], __provider: "exports.handler = x", secretInputs: ["urls", "headers"] }), [], cloud);
      }
      assert.equal(reasonFor(failures("edgeone", { urls: [URL1], secretInputs: ["zoneId"] }), "secretInputs[0]"), 'must be one of urls, headers; got "zoneId"');
    });

    it("refuses a misspelled input, naming the closest valid name", () => {
      for (const cloud of CLOUD_KINDS) {
        assert.equal(reasonFor(failures(cloud, { urls: [URL1], waitTimeoutSecs: 60 }), "waitTimeoutSecs"),
          "unknown input `waitTimeoutSecs`; did you mean `waitTimeoutSeconds`?", cloud);
      }
      assert.match(reasonFor(failures("edgeone", { urls: [URL1], url: [URL1] }), "url"), /did you mean `urls`\?/);
      assert.match(reasonFor(failures("edgeone", { urls: [URL1], ZoneName: "example.com" }), "ZoneName"), /did you mean `zoneName`\?/, "case-insensitive");
      assert.match(reasonFor(failures("alibaba-cdn", { urls: [URL1], timeout: 60 }), "timeout"), /did you mean `waitTimeoutSeconds`\?/);
      assert.match(reasonFor(failures("alibaba-cdn", { urls: [URL1], l2preload: true }), "l2preload"), /did you mean `l2Preload`\?/);
    });

    it("lists the valid names when nothing is close, and never suggests internal keys", () => {
      const reason = reasonFor(failures("alibaba-esa", { urls: [URL1], colour: "blue" }), "colour");
      assert.match(reason, /^unknown input `colour`; AlibabaEsaPrefetch takes `urls`, `headers`, /);
      assert.match(reason, /`siteId`, `siteName`, `instanceId`$/);
      assert.ok(!reason.includes("secretInputs") && !reason.includes("__provider"));
      assert.doesNotMatch(reasonFor(failures("edgeone", { urls: [URL1], secretInput: ["urls"] }), "secretInput"), /secretInputs/);
    });

    it("refuses another cloud's field, naming the field, its cloud and this cloud's equivalent", () => {
      const table: [CloudKind, string, unknown, string][] = [
        ["alibaba-cdn", "zoneId", "zone-abc", "`zoneId` is an EdgeOne input; AlibabaCdnPrefetch takes `domain` instead"],
        ["alibaba-dcdn", "zoneId", "zone-abc", "`zoneId` is an EdgeOne input; AlibabaDcdnPrefetch takes `domain` instead"],
        ["alibaba-esa", "zoneId", "zone-abc", "`zoneId` is an EdgeOne input; AlibabaEsaPrefetch takes `siteId` instead"],
        ["alibaba-cdn", "mode", "edge", "`mode` is an EdgeOne input; AlibabaCdnPrefetch does not take it"],
        ["alibaba-esa", "prefetchMediaSegments", true, "`prefetchMediaSegments` is an EdgeOne input; AlibabaEsaPrefetch does not take it"],
        ["alibaba-cdn", "zoneName", "example.com", "`zoneName` is an EdgeOne input; AlibabaCdnPrefetch takes `domain` instead"],
        ["edgeone", "domain", "example.com", "`domain` is an Alibaba CDN/DCDN input; EdgeOnePrefetch takes `zoneId` and `zoneName` instead"],
        ["alibaba-esa", "domain", "example.com", "`domain` is an Alibaba CDN/DCDN input; AlibabaEsaPrefetch takes `siteId` and `siteName` instead"],
        ["edgeone", "area", "overseas", "`area` is an Alibaba CDN/DCDN input; EdgeOnePrefetch does not take it"],
        ["alibaba-esa", "l2Preload", true, "`l2Preload` is an Alibaba CDN/DCDN input; AlibabaEsaPrefetch does not take it"],
        ["edgeone", "queryHashkey", true, "`queryHashkey` is an Alibaba CDN/DCDN input; EdgeOnePrefetch does not take it"],
        ["alibaba-cdn", "siteId", 1, "`siteId` is an Alibaba ESA input; AlibabaCdnPrefetch takes `domain` instead"],
        ["edgeone", "siteId", 1, "`siteId` is an Alibaba ESA input; EdgeOnePrefetch takes `zoneId` instead"],
        ["edgeone", "siteName", "example.com", "`siteName` is an Alibaba ESA input; EdgeOnePrefetch takes `zoneName` instead"],
        ["alibaba-dcdn", "instanceId", "sp-1", "`instanceId` is an Alibaba ESA input; AlibabaDcdnPrefetch does not take it"],
      ];
      for (const [cloud, key, value, reason] of table) {
        assert.equal(reasonFor(failures(cloud, { urls: [URL1], [key]: value }), key), reason, `${key} on ${cloud}`);
      }
    });

    it("points a near miss of another cloud's field at the field and its cloud", () => {
      assert.equal(reasonFor(failures("alibaba-cdn", { urls: [URL1], zoneID: "zone-abc" }), "zoneID"),
        "unknown input `zoneID`; did you mean `zoneId`? `zoneId` is an EdgeOne input; AlibabaCdnPrefetch takes `domain` instead");
    });

    it("a stray `domain` on EdgeOne is blamed on `domain`, not on the URLs (the scope is zoneName only)", () => {
      const f = failures("edgeone", { urls: ["https://www.example.com/a"], domain: "other.org" });
      assert.deepEqual(f.map((x) => x.property), ["domain"]);
      const scoped = failures("edgeone", { urls: ["https://www.example.com/a"], domain: "www.example.com", zoneName: "other.org" });
      assert.deepEqual(scoped.map((x) => x.property).sort(), ["domain", "urls[0]"]);
      assert.match(reasonFor(scoped, "urls[0]"), /outside zoneName other.org/);
      const esa = failures("alibaba-esa", { urls: ["https://www.example.com/a"], zoneName: "other.org", domain: "other.org" });
      assert.deepEqual(esa.map((x) => x.property).sort(), ["domain", "zoneName"]);
    });

    it("refuses names of Object.prototype like any other unknown key", () => {
      const f = failures("edgeone", { urls: [URL1], constructor: 1, toString: "x" });
      assert.deepEqual(f.map((x) => x.property).sort(), ["constructor", "toString"]);
      for (const x of f) assert.match(x.reason, /^unknown input/);
    });

    it("judges keys even when their value is unknown, and ignores keys set to undefined", () => {
      assert.match(reasonFor(failures("alibaba-cdn", { urls: [URL1], zoneId: UNKNOWN }), "zoneId"), /is an EdgeOne input/);
      assert.deepEqual(failures("alibaba-cdn", { urls: [URL1], zoneId: undefined, status: undefined }), []);
    });
  });

  describe("messages written for people", () => {
    /** A value each input refuses (a wrong type or out of range), and the sentence expected. */
    const bad: Record<Exclude<InputName, "triggers">, [unknown, string | RegExp]> = {
      urls: ["https://a.example.com/x", "must be a list of URLs; got text"],
      headers: ["Accept: */*", "must be a map of HTTP header names to text values; got text"],
      wait: ["yes", 'must be true or false; got "yes"'],
      waitTimeoutSeconds: [-1, "must be a number of seconds between 0 and 21600 (6 h; for longer waits, use wait: false and refresh later); got -1"],
      pollIntervalSeconds: ["5", 'must be a number of seconds between 0.05 and 600; got "5"'],
      allowedFailures: [1.5, "must be a whole number of URLs, 0 or more; got 1.5"],
      allowedFailurePercent: [-3, "must be a percentage between 0 and 100; got -3"],
      batching: [0, "must be true or false; got 0"],
      purgeFirst: ["yes", 'must be true or false; got "yes"'],
      purgeMethod: ["purge", 'must be "invalidate" or "delete"; got "purge"'],
      existingTaskIds: ["t-1", 'must be a list of task ids; got "t-1"'],
      submittedAfter: ["yesterday", 'must be an ISO-8601 time with a zone, such as 2026-11-23T08:00:00Z; got "yesterday"'],
      endpoint: ["", 'must be an API endpoint such as https://cdn.aliyuncs.com or http://127.0.0.1:8080; got ""'],
      region: [7, "must be a region id such as ap-guangzhou or cn-hangzhou; got 7"],
      progressLabel: [false, "must be text; got false"],
      secretInputs: ["urls", /^is set by the SDK: the names of the inputs that are secret \(urls, headers\); got "urls"$/],
      zoneId: ["Zone 1", 'must be an EdgeOne zone id such as zone-2noz78a8ev6k, or * for every zone of the account; got "Zone 1"'],
      zoneName: ["not a host", 'must be the zone\'s domain, such as example.com; got "not a host"'],
      mode: ["turbo", 'must be "default" or "edge"; got "turbo"'],
      prefetchMediaSegments: ["true", 'must be true or false; got "true"'],
      domain: ["-bad-", 'must be the accelerated domain, such as cdn.example.com; got "-bad-"'],
      area: ["mars", 'must be "domestic" or "overseas"; got "mars"'],
      l2Preload: [1, "must be true or false; got 1"],
      queryHashkey: ["no", 'must be true or false; got "no"'],
      siteId: [-5, "must be a numeric ESA site id such as 123456789; got -5"],
      siteName: [42, "must be the site's domain, such as example.com; got 42"],
      instanceId: ["", 'must be the site\'s plan instance id, such as sp-xcdn-96wblslz; got ""'],
    };

    it("has a bad value for every input of the table (a new input needs its message tested)", () => {
      assert.deepEqual(Object.keys(bad).sort(), Object.keys(INPUTS).filter((k) => k !== "triggers").sort());
    });

    for (const cloud of CLOUD_KINDS) {
      it(`gives every ${cloud} input its own sentence, never the validation library's text`, () => {
        for (const name of inputNames(cloud)) {
          if (name === "triggers") continue;
          const [value, expected] = bad[name];
          const reason = reasonFor(failures(cloud, { urls: [URL1], [name]: value }), name);
          if (typeof expected === "string") assert.equal(reason, expected, name);
          else assert.match(reason, expected, name);
          assert.doesNotMatch(reason, RAW_ZOD, name);
        }
      });
    }

    it("accepts zoneId * (every zone of the account) and submittedAfter only with existingTaskIds", () => {
      assert.deepEqual(failures("edgeone", { urls: [URL1], zoneId: "*", wait: false }), []);
      assert.match(reasonFor(failures("edgeone", { urls: [URL1], zoneId: "*" }), "zoneId"), /set wait: false, or use the zone's own id/);
      assert.equal(reasonFor(failures("edgeone", { urls: [URL1], zoneId: "zone-a1", submittedAfter: "2026-11-23T08:00:00Z" }), "submittedAfter"),
        "only applies to adopted tasks; set existingTaskIds or remove it");
      assert.deepEqual(failures("alibaba-esa", { urls: [URL1], siteId: 7, existingTaskIds: ["1"], submittedAfter: "2026-11-23T08:00:00+08:00" }), []);
    });

    it("names what one element of a list or map must be", () => {
      const f = failures("edgeone", { urls: [URL1, 5], headers: { A: 1 }, existingTaskIds: [""], secretInputs: ["zoneId"] });
      assert.equal(reasonFor(f, "urls[1]"), "must be a URL such as https://cdn.example.com/app.js, or { url, version } with text for both; got 5");
      assert.equal(reasonFor(f, "headers.A"), "must be a text value; got 1");
      assert.equal(reasonFor(f, "existingTaskIds[0]"), 'must be a task id (non-empty text); got ""');
      assert.equal(reasonFor(f, "secretInputs[0]"), 'must be one of urls, headers; got "zoneId"');
      for (const x of f) assert.doesNotMatch(x.reason, RAW_ZOD, x.property);
    });

    it("says what was given: values as they are, long text cut, never the text of urls or headers (they may be secrets)", () => {
      const long = `Not A Host ${"a".repeat(100)}`;
      const f = failures("edgeone", { zoneName: long, urls: "https://secret.example.com/token=abc", headers: "X-Token: abc" });
      assert.equal(reasonFor(f, "zoneName").split("; got ")[1], JSON.stringify(`${long.slice(0, 59)}…`));
      assert.match(reasonFor(f, "urls"), /; got text$/);
      assert.match(reasonFor(f, "headers"), /; got text$/);
      for (const x of f) assert.doesNotMatch(x.reason, /secret\.example|abc/, x.property);
      assert.match(reasonFor(failures("edgeone", { urls: [] }), "urls"), /^must list at least one URL; got an empty list$/);
      assert.match(reasonFor(failures("edgeone", { urls: [URL1], headers: ["a"] }), "headers"), /; got a list of 1$/);
      assert.match(reasonFor(failures("edgeone", { urls: [URL1], wait: { on: true } }), "wait"), /; got an object$/);
    });

    it("create, update and refresh refuse unchecked inputs with the same sentences, each with its property", () => {
      assert.throws(() => parseInputs("edgeone", { zoneId: "zone-a1", urls: [URL1], allowedFailures: -1, mode: "turbo", __provider: "x" }), (e: Error) => {
        assert.equal(e.message, 'the resource\'s inputs are not valid:\n  allowedFailures must be a whole number of URLs, 0 or more; got -1\n  mode must be "default" or "edge"; got "turbo"');
        assert.doesNotMatch(e.message, RAW_ZOD);
        return true;
      });
      assert.equal(parseInputs("alibaba-esa", { siteId: 7, urls: [URL1], zoneId: "zone-a1" }).urls[0], URL1);
    });

    it("accepts any value for triggers", () => {
      for (const value of [1, "v1", { a: [1, null] }, [true]]) assert.deepEqual(failures("edgeone", { urls: [URL1], triggers: value }), []);
    });
  });
});
