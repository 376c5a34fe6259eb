/**
 * The one URL comparison key (provider/model/url.ts): what `check` calls a duplicate and what the adapters match an
 * echoed URL to must be the same decision.
 */
import assert from "node:assert/strict";
import { urlKey } from "../../provider/model/url";
import { createUrlMatcher, urlKey as adapterUrlKey } from "../../provider/adapters/url-match";
import { duplicateKey } from "../../provider/resources/urls";
import { checkInputs } from "../../provider/resources/check";

describe("URL comparison key (one normaliser)", () => {
  it("is the same function for check and the adapters", () => {
    assert.equal(adapterUrlKey, urlKey);
    for (const raw of ["http://A.com/x", "a.com/x%2fy", "https://a.com:443/ü"]) assert.equal(duplicateKey(raw), urlKey(raw, true), raw);
  });

  it("lower-cases the host but keeps the path's case", () => {
    assert.equal(urlKey("https://CDN.Example.COM/Path/File.JS", false), "https://cdn.example.com/Path/File.JS");
  });

  it("drops the scheme's default port only", () => {
    assert.equal(urlKey("http://a.com:80/x", false), "http://a.com/x");
    assert.equal(urlKey("https://a.com:443/x", false), "https://a.com/x");
    assert.equal(urlKey("https://a.com:80/x", false), "https://a.com:80/x");
    assert.equal(urlKey("http://a.com:8080/x", true), "a.com:8080/x");
  });

  it("upper-cases percent-escapes and percent-encodes non-ASCII", () => {
    assert.equal(urlKey("https://a.com/x%2fy", false), "https://a.com/x%2Fy");
    assert.equal(urlKey("https://a.com/%e4%b8%ad.jpg", false), urlKey("https://a.com/中.jpg", false));
    assert.equal(urlKey("https://a.com/a b.txt", false), "https://a.com/a%20b.txt");
  });

  it("ignores the scheme only when asked", () => {
    assert.equal(urlKey("http://a.com/x", true), urlKey("https://a.com/x", true));
    assert.notEqual(urlKey("http://a.com/x", false), urlKey("https://a.com/x", false));
  });

  it("reads a URL without a scheme as http, ignoring surrounding whitespace", () => {
    assert.equal(urlKey("a.com/x", false), "http://a.com/x");
    assert.equal(urlKey("Example.com/abc.jpg\n", true), "example.com/abc.jpg");
  });

  it("keeps the query (part of the cache key) and falls back to the text when it cannot parse", () => {
    assert.notEqual(urlKey("https://a.com/q?a=1", true), urlKey("https://a.com/q?a=2", true));
    assert.equal(urlKey(" http://[bad/x ", false), "http://[bad/x");
  });

  it("matches echoed URLs to the submitted form with the same key", () => {
    const m = createUrlMatcher(["https://A.com/x%2fy", "b.com/z"], true);
    assert.equal(m("http://a.com/x%2Fy"), "https://A.com/x%2fy");
    assert.equal(m("https://b.com:443/z"), "b.com/z");
    assert.equal(m("https://c.com/z"), null);
  });
});

describe("duplicate URLs at check (scheme-ignoring key)", () => {
  const dupes = (urls: string[]) =>
    checkInputs("edgeone", { zoneId: "zone-a1", urls }).failures.filter((f) => /duplicates/.test(f.reason)).map((f) => f.property);
  const cdn = (urls: string[]) =>
    checkInputs("alibaba-cdn", { urls }).failures.filter((f) => /duplicates/.test(f.reason)).map((f) => f.property);

  it("calls http and https of the same URL duplicates, whatever the host's case", () => {
    assert.deepEqual(dupes(["http://A.com/x", "https://a.com/x"]), ["urls[1]"]);
  });

  it("calls %2f and %2F duplicates", () => {
    assert.deepEqual(dupes(["https://a.com/x%2fy", "https://a.com/x%2Fy"]), ["urls[1]"]);
  });

  it("calls a default port and a scheme-less Alibaba path duplicates", () => {
    assert.deepEqual(cdn(["https://a.com:443/x", "a.com/x", "http://a.com:80/x"]), ["urls[1]", "urls[2]"]);
  });

  it("keeps different paths, path case, queries and ports apart", () => {
    assert.deepEqual(dupes(["https://a.com/x", "https://a.com/X", "https://a.com/x?v=2", "https://a.com:8443/x"]), []);
  });

  it("names the first occurrence", () => {
    const f = checkInputs("edgeone", { zoneId: "zone-a1", urls: ["https://a.com/1", "https://a.com/2", "HTTP://A.COM/2"] }).failures;
    assert.match(f.find((x) => x.property === "urls[2]")?.reason ?? "", /duplicates urls\[1\]/);
  });
});

describe("URLs as submitted: non-ASCII percent-encoded, length checked on what is sent", () => {
  it("percent-encodes non-ASCII path and query characters and punycodes the host, leaving ASCII and escapes as written", () => {
    const { resolveUrl } = require("../../provider/resources/urls") as typeof import("../../provider/resources/urls");
    const a = resolveUrl("alibaba-esa", "https://img.example.com/图片/a.png?q=é&x=%2F", null);
    assert.ok(a.ok && a.url.submit === "https://img.example.com/%E5%9B%BE%E7%89%87/a.png?q=%C3%A9&x=%2F");
    const b = resolveUrl("alibaba-cdn", "/路径/a.js", "cdn.example.com");
    assert.ok(b.ok && b.url.submit === "cdn.example.com/%E8%B7%AF%E5%BE%84/a.js");
    const c = resolveUrl("edgeone", "https://例子.example.com/a.js", null);
    assert.ok(c.ok && c.url.submit === "https://xn--fsqu00a.example.com/a.js");
    const d = resolveUrl("edgeone", "https://www.example.com/plain.js", null);
    assert.ok(d.ok && d.url.submit === "https://www.example.com/plain.js");
  });

  it("checks the length limit after a /path is prefixed with the domain and after encoding", () => {
    const { resolveUrl } = require("../../provider/resources/urls") as typeof import("../../provider/resources/urls");
    const path = `/${"a".repeat(1015)}`;
    assert.equal(path.length, 1016);
    const r = resolveUrl("alibaba-cdn", path, "cdn.example.com");
    assert.ok(!r.ok && /1031 characters long as submitted \(with the domain\)/.test(r.reason));
    const e = resolveUrl("edgeone", `https://www.example.com/${"é".repeat(170)}`, null);
    assert.ok(!e.ok && /percent-encoded/.test(e.reason), "170 characters become 1,020 escapes");
  });
});
