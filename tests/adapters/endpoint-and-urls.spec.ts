/**
 * Pure tables: endpoint override parsing, loopback detection, URL matching, ESA default endpoint.
 */
import assert from "node:assert/strict";
import { isLoopbackHost, parseEndpoint } from "../../provider/adapters/endpoint";
import { createUrlMatcher, urlKey } from "../../provider/adapters/url-match";
import { esaDefaultEndpoint } from "../../provider/adapters/alibaba-esa/client";
import { alibabaConfigOptions } from "../../provider/adapters/alibaba/config";
import { teoClientConfig } from "../../provider/adapters/edgeone/client";
import { testConnection } from "./support/connection";

describe("adapters: endpoints and URL matching", () => {
  it("parses endpoint overrides into protocol and host[:port]", () => {
    const table: [string, { protocol: string; host: string }][] = [
      ["http://127.0.0.1:8080", { protocol: "http", host: "127.0.0.1:8080" }],
      ["https://teo.intl.tencentcloudapi.com", { protocol: "https", host: "teo.intl.tencentcloudapi.com" }],
      ["https://Host.Example.com/", { protocol: "https", host: "host.example.com" }],
      ["cdn.aliyuncs.com", { protocol: "https", host: "cdn.aliyuncs.com" }],
      ["localhost:9000", { protocol: "https", host: "localhost:9000" }],
      [" HTTP://127.0.0.1:1 ", { protocol: "http", host: "127.0.0.1:1" }],
      ["https://example.com:443", { protocol: "https", host: "example.com" }],
    ];
    for (const [raw, parsed] of table) assert.deepEqual(parseEndpoint(raw), parsed, raw);
  });

  it("refuses endpoints it cannot honour", () => {
    for (const raw of ["", "ftp://host", "http://host/path", "http://host?x=1", "http://user:pw@host", "http://"]) {
      assert.throws(() => parseEndpoint(raw), Error, raw);
    }
  });

  it("recognizes loopback hosts", () => {
    for (const h of ["127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]:80", "127.1.2.3"]) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ["teo.tencentcloudapi.com", "10.0.0.1:80", "127.example.com"]) assert.equal(isLoopbackHost(h), false, h);
  });

  it("matches echoed URLs exactly first, then normalized (host case, default port, percent-encoding)", () => {
    const m = createUrlMatcher(["http://Www.Example.com:80/a b.txt", "https://example.com/%e4%b8%ad.jpg", "http://x.com/q?a=1"], false);
    assert.equal(m("http://Www.Example.com:80/a b.txt"), "http://Www.Example.com:80/a b.txt");
    assert.equal(m("http://www.example.com/a%20b.txt"), "http://Www.Example.com:80/a b.txt");
    assert.equal(m("https://example.com/中.jpg"), "https://example.com/%e4%b8%ad.jpg");
    assert.equal(m("http://x.com/q?a=2"), null, "query strings are part of the cache key");
    assert.equal(m("https://x.com/q?a=1"), null, "the scheme counts unless ignored");
  });

  it("ignores the scheme for Alibaba CDN/DCDN echoes (ObjectPath gains one)", () => {
    const m = createUrlMatcher(["example.com/abc.jpg", "https://example.com/def.jpg"], true);
    assert.equal(m("http://example.com/abc.jpg"), "example.com/abc.jpg");
    assert.equal(m("http://example.com/def.jpg"), "https://example.com/def.jpg");
    assert.equal(urlKey("Example.com/abc.jpg\n", true), "example.com/abc.jpg");
  });

  it("chooses the ESA host explicitly (the SDK would use esa.aliyuncs.com)", () => {
    assert.equal(esaDefaultEndpoint("cn-hangzhou"), "esa.cn-hangzhou.aliyuncs.com");
    assert.equal(esaDefaultEndpoint("cn-shanghai"), "esa.cn-hangzhou.aliyuncs.com");
    assert.equal(esaDefaultEndpoint("ap-southeast-1"), "esa.ap-southeast-1.aliyuncs.com");
    assert.equal(esaDefaultEndpoint("eu-central-1"), "esa.ap-southeast-1.aliyuncs.com");
  });

  it("configures Alibaba clients: override host and scheme, both timeouts, v2 signature, STS token", () => {
    const c = testConnection("http://127.0.0.1:9", { requestTimeoutMs: 12_000, signatureAlgorithm: "v2",
      credentials: { accessKeyId: "id", accessKeySecret: "secret", securityToken: "sts" } });
    assert.deepEqual(alibabaConfigOptions(c, "dcdn.aliyuncs.com"), {
      accessKeyId: "id", accessKeySecret: "secret", securityToken: "sts", regionId: "cn-hangzhou", endpoint: "127.0.0.1:9",
      protocol: "http", readTimeout: 12_000, connectTimeout: 12_000, signatureAlgorithm: "v2",
    });
    const plain = alibabaConfigOptions(testConnection("", { endpoint: null, region: "ap-southeast-1" }), null);
    assert.equal(plain.endpoint, undefined, "no override: the SDK's endpoint map decides");
    assert.equal(plain.protocol, "https");
    assert.equal(plain.signatureAlgorithm, undefined, "v3 is the SDK default");
    assert.equal(plain.securityToken, undefined);
  });

  it("configures the Tencent client: protocol with ://, seconds, default host, direct agent for loopback", () => {
    const local = teoClientConfig(testConnection("http://127.0.0.1:9", { requestTimeoutMs: 1500, region: "" }));
    assert.equal(local.profile?.httpProfile?.protocol, "http://");
    assert.equal(local.profile?.httpProfile?.endpoint, "127.0.0.1:9");
    assert.equal(local.profile?.httpProfile?.reqTimeout, 1.5);
    assert.ok(local.profile?.httpProfile?.agent, "loopback bypasses http_proxy");
    const remote = teoClientConfig(testConnection("", { endpoint: null,
      credentials: { accessKeyId: "id", accessKeySecret: "key", securityToken: "tok" } }));
    assert.equal(remote.profile?.httpProfile?.endpoint, "teo.tencentcloudapi.com");
    assert.equal(remote.profile?.httpProfile?.protocol, "https://");
    assert.equal(remote.profile?.httpProfile?.agent, undefined);
    assert.deepEqual(remote.credential, { secretId: "id", secretKey: "key", token: "tok" });
  });
});
