/**
 * The one URL comparison key (provider/model/url.ts): what `check` calls a duplicate and what the adapters match an
 * echoed URL to must be the same decision.
 */
import assert from "node:assert/strict";
import { plainHref, plainUrl, urlKey } from "../../provider/model/url";
import { batchUrlMatcher, createUrlMatcher, matchAny, urlKey as adapterUrlKey } from "../../provider/adapters/url-match";
import { duplicateKey, resolveUrl } from "../../provider/resources/urls";
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

describe("URLs parsing would leave as written (model/url.ts plainUrl): no parse, the same answers", () => {
  const tricky = ["https://a.com", "https://a.com?x", "https://a.com/x?", "http://a.b.c/x/./y", "http://a.b/x/..", "http://a.b/%2e/x",
    "https://1.2.3.4/x", "https://1.2.3.a/x", "https://xn--abc.com/", "https://a.com./x", "https://a.com:443/x", "https://u@a.com/",
    "https://a.com/a'b?c'd", "https://a.com/x#f", "https://a.com/%zz", "https://a.com/a|b", "https://A.com/", "HTTPS://a.com/",
    "http://0x7f.a/", "http://a.123/", "https://a.com/.x", "https://a.com/x/..?y", "https://a.com//x", "https://localhost/x"];

  it("gives exactly what new URL(...).href gives, for edge cases and 20,000 generated URLs", () => {
    const alphabet = "abcxyzABZ0129-._~!$&'()*+,;=:@/%?#\\ \"<>`{}^|[]é";
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const labels = ["a", "ab", "a1", "1a", "x-y", "xn--p", "0x1", "12", "z"];
    const generated = Array.from({ length: 20_000 }, () => {
      const host = Array.from({ length: 1 + rnd(3) }, () => labels[rnd(labels.length)]).join(".");
      const tail = Array.from({ length: rnd(12) }, () => alphabet[rnd(alphabet.length)]).join("");
      return `${rnd(2) ? "https" : "http"}://${host}${/^[/?]/.test(tail) || tail === "" ? tail : `/${tail}`}`;
    });
    let plain = 0;
    for (const text of [...tricky, ...generated]) {
      const p = plainUrl(text);
      if (!p) continue;
      plain++;
      assert.equal(plainHref(p), new URL(text).href, text);
    }
    assert.ok(plain > 3_000, `most generated URLs with a safe alphabet are plain (${plain})`);
    assert.equal(plainUrl("https://cdn.example.com/b/x1/r0/d20000/u0.js")?.host, "cdn.example.com");
  });

  it("keys and resolves plain URLs as parsing does", () => {
    for (const u of ["https://cdn.example.com/a/b.js", "http://a.com", "a.com/x?q=1", "https://a.com/x%2fy"]) {
      const viaParse = new URL(/^https?:\/\//.test(u) ? u : `http://${u}`).href.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
      assert.equal(urlKey(u, false), viaParse, u);
    }
    assert.deepEqual(resolveUrl("edgeone", "https://cdn.example.com/a.js", null), { ok: true, url: { submit: "https://cdn.example.com/a.js", host: "cdn.example.com" } });
    assert.deepEqual(resolveUrl("alibaba-cdn", "/a.js", "cdn.example.com"), { ok: true, url: { submit: "cdn.example.com/a.js", host: "cdn.example.com" } });
    assert.equal(resolveUrl("edgeone", "https://localhost/a.js", null).ok, false, "a host without a dot is still refused");
    assert.equal(resolveUrl("edgeone", `https://a.com/${"x".repeat(1100)}`, null).ok, false, "the length limit still applies");
  });
});

describe("matching echoes against several batches (adapters/url-match.ts)", () => {
  it("tries every batch exactly before any by key, and keys an echo once", () => {
    const a = createUrlMatcher(["https://a.com/1", "https://a.com/2"], true);
    const b = createUrlMatcher(["https://A.com/X%2f"], true);
    assert.equal(matchAny([a, b], "https://a.com/2"), "https://a.com/2");
    assert.equal(matchAny([a, b], "http://a.com/X%2F"), "https://A.com/X%2f", "by key, scheme ignored");
    assert.equal(matchAny([a, b], "https://other.com/1"), null);
    assert.ok(a.exact.has("https://a.com/1"));
    assert.equal(a.byKey(urlKey("http://A.COM/1", true)), "https://a.com/1");
  });

  it("builds one matcher per submitted list and reuses it", () => {
    const list = ["https://a.com/1"];
    assert.equal(batchUrlMatcher(list, false), batchUrlMatcher(list, false));
    assert.notEqual(batchUrlMatcher(list, false), batchUrlMatcher(list, true));
    assert.notEqual(batchUrlMatcher(list, false), batchUrlMatcher([...list], false));
  });
});
