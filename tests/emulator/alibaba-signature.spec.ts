/**
 * The two Alibaba signature verifiers against the reference test vectors (cloud-apis.md §C.2, §C.3) and the requests
 * the official SDKs really sent, plus the gateway checks (time stamp, key, nonce, body hash) on replayed requests.
 */
import assert from "node:assert/strict";
import { alibabaModule } from "../../emulator/alibaba";
import { canonicalParams, parseUrlEncoded, percentEncode } from "../../emulator/alibaba/encode";
import { acs3Signature, parseAcs3Authorization, sha256Hex } from "../../emulator/alibaba/signature-v3";
import { rpcSignature } from "../../emulator/alibaba/signature-v1";
import type { EmulatorContext, EmulatorRequest } from "../../emulator/core/types";
import { createKeyRing } from "../../emulator/sts/keyring";
import { CAPTURED, CAPTURE_SECRET, CAPTURE_TIME } from "./alibaba-wire";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

function toRequest(name: string): EmulatorRequest {
  const c = CAPTURED[name];
  const [path, rawQuery = ""] = c.url.split(/\?(.*)/s);
  return { method: c.method, path, rawQuery, headers: { ...c.headers }, body: Buffer.alloc(0) };
}

function replayContext(realNow: number) {
  const nonces = new Set<string>();
  const ctx: EmulatorContext = {
    now: () => realNow, realNow: () => realNow,
    plan: () => ({ outcome: "success", durationMs: 1000, failType: null, message: null }),
    takeFault: () => null, record: () => undefined,
    secretFor: (v, id) => (v === "alibaba" && id === "AKID" ? CAPTURE_SECRET : null),
    useNonce: (n) => !nonces.has(n) && !!nonces.add(n),
    keys: createKeyRing(),
    config: {
      restrict: null, visibilityLagMs: 0, defaultDurationMs: 1000, historyMs: { teo: 1, alibaba: 3 * 86_400_000 },
      quotas: { teo: { batch: 1, daily: 1 }, cdn: { daily: 1000 }, dcdn: { daily: 1000 }, esa: { daily: 1000 } },
    },
    requestId: () => "r-1",
  };
  return ctx;
}

async function codeOf(req: EmulatorRequest, ctx: EmulatorContext): Promise<string> {
  const res = await alibabaModule().handle(req, ctx);
  return res.status === 200 ? "OK" : (res.body as { Code: string }).Code;
}

describe("alibaba signatures: encoding", () => {
  it("re-encodes the characters Node's querystring leaves bare", () => {
    assert.equal(percentEncode("(x)*!'~ a/b"), "%28x%29%2A%21%27~%20a%2Fb");
    const decoded = parseUrlEncoded("ObjectPath=example.com%2F(x)*!%27.js&A=1+2");
    assert.equal(decoded.get("ObjectPath"), "example.com/(x)*!'.js");
    assert.equal(decoded.get("A"), "1 2");
    assert.equal(canonicalParams(decoded), "A=1%202&ObjectPath=example.com%2F%28x%29%2A%21%27.js");
  });
});

describe("alibaba signatures: ACS3-HMAC-SHA256 (V3)", () => {
  it("matches the reference test vector", () => {
    const signature = acs3Signature("testsecret", {
      method: "POST", path: "/",
      query: new Map([["ObjectPath", "example.com/a.png\nexample.com/b c.png"], ["Area", "domestic"]]),
      headers: {
        host: "cdn.aliyuncs.com", "x-acs-version": "2018-05-10", "x-acs-action": "PushObjectCache",
        "x-acs-date": "2025-01-01T00:00:00Z", "x-acs-signature-nonce": "nonce-0001", "x-acs-content-sha256": EMPTY_SHA256,
      },
      signedHeaders: ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"],
      payloadHash: sha256Hex(""),
    });
    assert.equal(signature, "951ce3251237e72e77c52271274809de8fcae5390bb8d113b1798318182db67d");
  });

  for (const name of Object.keys(CAPTURED).filter((n) => CAPTURED[n].headers.authorization)) {
    it(`verifies the SDK's own request: ${name}`, () => {
      const c = CAPTURED[name];
      const auth = parseAcs3Authorization(c.headers.authorization);
      assert.ok(auth);
      assert.equal(auth.accessKeyId, "AKID");
      const [path, rawQuery = ""] = c.url.split(/\?(.*)/s);
      const input = { method: c.method, path, query: parseUrlEncoded(rawQuery), headers: c.headers, signedHeaders: auth.signedHeaders, payloadHash: EMPTY_SHA256 };
      assert.equal(acs3Signature(CAPTURE_SECRET, input), auth.signature);
      assert.notEqual(acs3Signature("SECRET2", input), auth.signature);
    });
  }

  it("signs the host with its port", () => {
    const c = CAPTURED.cdn_push_v3;
    const auth = parseAcs3Authorization(c.headers.authorization);
    assert.ok(auth);
    const [path, rawQuery] = c.url.split(/\?(.*)/s);
    const base = { method: "POST", path, query: parseUrlEncoded(rawQuery), signedHeaders: auth.signedHeaders, payloadHash: EMPTY_SHA256 };
    assert.notEqual(acs3Signature(CAPTURE_SECRET, { ...base, headers: { ...c.headers, host: "127.0.0.1" } }), auth.signature);
  });
});

describe("alibaba signatures: RPC V1 (HMAC-SHA1)", () => {
  it("matches the reference test vector", () => {
    const params = new Map(Object.entries({
      Action: "PushObjectCache", Format: "json", Version: "2018-05-10", Timestamp: "2025-01-01T00:00:00Z",
      SignatureNonce: "nonce-0001", ObjectPath: "example.com/a.png", SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0", AccessKeyId: "testid",
    }));
    assert.equal(rpcSignature("testsecret", "POST", params), "kMZBfariUePM1a+USOBukNErJY4=");
  });

  for (const name of ["cdn_push_v2", "dcdn_preload_v2"]) {
    it(`verifies the SDK's own request: ${name}`, () => {
      const params = parseUrlEncoded(CAPTURED[name].url.split("?")[1]);
      assert.equal(rpcSignature(CAPTURE_SECRET, "POST", params), params.get("Signature"));
      assert.notEqual(rpcSignature(CAPTURE_SECRET, "GET", params), params.get("Signature"));
    });
  }
});

describe("alibaba signatures: gateway checks on replayed SDK requests", () => {
  it("accepts a V3 and a V1 request once, then refuses the replayed nonce", async () => {
    for (const name of ["cdn_push_v3", "cdn_push_v2", "cdn_err_v3", "esa_preload_v3"]) {
      const ctx = replayContext(CAPTURE_TIME);
      assert.equal(await codeOf(toRequest(name), ctx), "OK", name);
      assert.equal(await codeOf(toRequest(name), ctx), "SignatureNonceUsed", name);
    }
  });

  it("refuses a time stamp more than 15 minutes off the wall clock, not before", async () => {
    for (const name of ["cdn_push_v3", "cdn_push_v2"]) {
      assert.equal(await codeOf(toRequest(name), replayContext(CAPTURE_TIME + 16 * 60_000)), "InvalidTimeStamp.Expired");
      assert.equal(await codeOf(toRequest(name), replayContext(CAPTURE_TIME - 16 * 60_000)), "InvalidTimeStamp.Expired");
      assert.equal(await codeOf(toRequest(name), replayContext(CAPTURE_TIME + 14 * 60_000)), "OK");
    }
  });

  it("refuses a malformed time stamp", async () => {
    const v3 = toRequest("cdn_push_v3");
    v3.headers["x-acs-date"] = "2026-11-23 00:18:26";
    assert.equal(await codeOf(v3, replayContext(CAPTURE_TIME)), "InvalidTimeStamp.Format");
    const v1 = toRequest("cdn_push_v2");
    v1.rawQuery = v1.rawQuery.replace("Timestamp=2026-11-23T00%3A18%3A26Z", "Timestamp=yesterday");
    assert.equal(await codeOf(v1, replayContext(CAPTURE_TIME)), "InvalidTimeStamp.Format");
  });

  it("refuses an unknown AccessKey id", async () => {
    const ctx = { ...replayContext(CAPTURE_TIME), secretFor: () => null };
    assert.equal(await codeOf(toRequest("dcdn_preload_v3"), ctx), "InvalidAccessKeyId.NotFound");
    assert.equal(await codeOf(toRequest("dcdn_preload_v2"), ctx), "InvalidAccessKeyId.NotFound");
  });

  it("refuses tampered parameters, headers and bodies", async () => {
    const query = toRequest("cdn_push_v3");
    query.rawQuery = query.rawQuery.replace("Area=domestic", "Area=overseas");
    const action = toRequest("cdn_push_v3");
    action.headers["x-acs-action"] = "DescribeRefreshQuota";
    const body = toRequest("cdn_push_v3");
    body.body = Buffer.from("ObjectPath=evil.com/x");
    body.headers["content-type"] = "application/x-www-form-urlencoded";
    const v1 = toRequest("cdn_push_v2");
    v1.rawQuery = v1.rawQuery.replace("Area=domestic", "Area=overseas");
    for (const req of [query, action, body, v1]) assert.equal(await codeOf(req, replayContext(CAPTURE_TIME)), "SignatureDoesNotMatch");
  });

  it("answers a request without any signature with IncompleteSignature", async () => {
    const req = toRequest("cdn_push_v3");
    delete req.headers.authorization;
    assert.equal(await codeOf(req, replayContext(CAPTURE_TIME)), "IncompleteSignature");
  });
});
