/**
 * Error classification tables (Alibaba and Tencent codes → ErrorKind) and the conversion of SDK-shaped errors,
 * including the exact shapes captured from the real SDKs (shared reference sdk-wire-capture.json).
 */
import assert from "node:assert/strict";
import { alibabaErrorClass, alibabaErrorKind, classifyAlibabaError, PER_MINUTE_RETRY_MS } from "../../provider/adapters/alibaba/errors";
import { classifyTencentError, tencentErrorClass, tencentErrorKind, tencentHttpKind } from "../../provider/adapters/edgeone/errors";
import { transportErrorCode, transportErrorKind } from "../../provider/adapters/network";
import { CloudError, type ErrorDetail, type ErrorKind } from "../../provider/model/errors";

describe("adapters: error classification", () => {
  it("classifies Alibaba codes (kind and detail) whatever the status says", () => {
    const table: [string, number | null, ErrorKind, ErrorDetail | null][] = [
      ["Throttling.User", 400, "throttled", null], ["Throttling.Api", 400, "throttled", null], ["Throttling", 503, "throttled", null],
      ["TooManyRequests", 429, "throttled", null], ["FlowControlError", 400, "throttled", null],
      // refusals that prove nothing was accepted, while a domain or site is being set up
      ["ServiceBusy", 403, "busy", null], ["InvalidDomain.Offline", 404, "busy", null],
      ["InvalidDomain.Configure_failed", 500, "busy", null], ["Site.ServiceBusy", 400, "busy", null],
      ["ServiceUnavailable", 503, "transient", null], ["InternalError", 500, "transient", null],
      ["InvalidAccessKeyId.NotFound", 404, "auth", "credentials"], ["InvalidAccessKeyId.Inactive", 400, "auth", "credentials"],
      ["SignatureDoesNotMatch", 400, "auth", "credentials"], ["IncompleteSignature", 400, "auth", "credentials"],
      ["InvalidTimeStamp.Expired", 400, "auth", "credentials"], ["InvalidTimeStamp.Format", 400, "auth", "credentials"],
      ["SignatureNonceUsed", 400, "auth", "credentials"], ["InvalidSecurityToken.Expired", 400, "auth", "credentials"],
      ["InvalidSecurityToken.Malformed", 400, "auth", "credentials"],
      ["Forbidden.RAM", 403, "auth", "noPermission"], ["Forbidden", 403, "auth", "noPermission"],
      ["Forbidden.NotInWhiteList", 403, "auth", "noPermission"], ["NoPermission", 403, "auth", "noPermission"],
      ["OperationDenied", 403, "auth", "serviceNotOpened"], ["OperationDenied.Suspended", 403, "auth", "serviceNotOpened"],
      ["CdnServiceNotOpened", 403, "auth", "serviceNotOpened"], ["Dcdn.NotOpened", 400, "auth", "serviceNotOpened"],
      ["QuotaExceeded.Preload", 400, "quota", "dailyQuota"], ["QuotaExceeded", 400, "quota", null],
      ["QuotaExceeded.Something", 400, "quota", null], ["PreloadQueueFull", 400, "quota", "queueFull"],
      ["SingleRequest.OverLimit", 400, "quota", "batchLimit"], ["InvalidObjectPath.ExceedsMaximum", 400, "quota", "batchLimit"],
      // URL refreshes (purges, issue 11): daily quota, refresh queue, per-minute limit; ESA's code is a variant
      ["QuotaExceeded.Refresh", 400, "quota", "dailyQuota"], ["TooMany.Refresh", 400, "quota", "queueFull"],
      ["QuotaPerMinuteExceeded.Refresh", 400, "throttled", null], ["Purge.QuotaExceeded", 400, "quota", null],
      ["InvalidDomain.NotFound", 404, "invalid", "scopeNotFound"], ["InvalidSiteId.NotFound", 404, "invalid", "scopeNotFound"],
      ["InvalidObjectPath.Malformed", 400, "invalid", null], ["MissingParameter", 400, "invalid", null],
      ["InvalidTaskId.Malformed", 400, "invalid", null], ["InvalidParameter.RecordNotBelongToSite", 400, "invalid", null],
      ["MissingTimeParameter", 400, "invalid", null], ["IllegalOperation", 403, "invalid", null],
      ["InvalidTime", 400, "notFound", null],
      ["SomethingNew", 502, "transient", null], ["SomethingNew", 403, "auth", null], ["SomethingNew", 400, "invalid", null],
      ["SomethingNew", 429, "throttled", null], ["SomethingNew", null, "unknown", null],
    ];
    for (const [code, status, kind, detail] of table) {
      assert.deepEqual(alibabaErrorClass(code, status), { kind, detail }, `${code}/${status}`);
      assert.equal(alibabaErrorKind(code, status), kind, `${code}/${status}`);
    }
  });

  it("classifies Tencent codes (kind and detail) and non-200 replies", () => {
    const table: [string, ErrorKind, ErrorDetail | null][] = [
      ["RequestLimitExceeded", "throttled", null], ["RequestLimitExceeded.UinLimitExceeded", "throttled", null],
      ["InternalError", "transient", null], ["InternalError.BackendError", "transient", null], ["InternalError.QuotaSystem", "transient", null],
      ["AuthFailure.SignatureFailure", "auth", "credentials"], ["AuthFailure.SecretIdNotFound", "auth", "credentials"],
      ["AuthFailure.SignatureExpire", "auth", "credentials"], ["AuthFailure.InvalidSecretId", "auth", "credentials"],
      ["AuthFailure.TokenFailure", "auth", "credentials"], ["AuthFailure.UnauthorizedOperation", "auth", "noPermission"],
      ["UnauthorizedOperation", "auth", "noPermission"], ["UnauthorizedOperation.CamUnauthorized", "auth", "noPermission"],
      ["UnauthorizedOperation.NoPermission", "auth", "noPermission"], ["UnauthorizedOperation.Unknown", "auth", "noPermission"],
      ["UnauthorizedOperation.DomainEmpty", "invalid", "scopeNotFound"],
      ["OperationDenied", "auth", "serviceNotOpened"], ["OperationDenied.SomethingElse", "auth", null],
      ["LimitExceeded.DailyQuota", "quota", "dailyQuota"], ["LimitExceeded.BatchQuota", "quota", "batchLimit"],
      ["LimitExceeded.PackNotAllow", "quota", "planLimit"], ["LimitExceeded.SomethingNew", "quota", null], ["LimitExceeded", "quota", null],
      ["InvalidParameter.Target", "invalid", null], ["InvalidParameter.ParameterError", "invalid", null],
      ["InvalidParameterValue", "invalid", null], ["ResourceNotFound", "invalid", "scopeNotFound"], ["MissingParameter", "invalid", null],
      ["UnsupportedRegion", "invalid", null], ["ResourceUnavailable", "invalid", null], ["ResourceUnavailable.ZoneNotFound", "invalid", "scopeNotFound"],
      ["FailedOperation", "unknown", null],
    ];
    for (const [code, kind, detail] of table) {
      assert.deepEqual(tencentErrorClass(code), { kind, detail }, code);
      assert.equal(tencentErrorKind(code), kind, code);
    }
    assert.equal(tencentHttpKind(429), "throttled");
    assert.equal(tencentHttpKind(503), "transient");
    assert.equal(tencentHttpKind(400), "unknown");
  });

  it("carries the detail on the converted errors", () => {
    const ali = classifyAlibabaError("alibaba-cdn", "PushObjectCache", Object.assign(new Error("x"), { code: "QuotaExceeded.Preload", statusCode: 400 }));
    assert.deepEqual([ali.kind, ali.detail, ali.action], ["quota", "dailyQuota", "PushObjectCache"]);
    const busy = classifyAlibabaError("alibaba-esa", "PreloadCaches", Object.assign(new Error("x"), { code: "Site.ServiceBusy", statusCode: 400 }));
    assert.deepEqual([busy.kind, busy.detail], ["busy", null]);
    const teo = classifyTencentError("CreatePrefetchTask", Object.assign(new Error("plan"), { code: "LimitExceeded.PackNotAllow", requestId: "r" }));
    assert.deepEqual([teo.kind, teo.detail, teo.requestId], ["quota", "planLimit", "r"]);
    const scope = classifyTencentError("DescribePrefetchTasks", Object.assign(new Error("empty"), { code: "UnauthorizedOperation.DomainEmpty" }));
    assert.deepEqual([scope.kind, scope.detail], ["invalid", "scopeNotFound"]);
  });

  it("converts the captured openapi-core ThrottlingError, with x-acs-retry-after", () => {
    const e = Object.assign(new Error("Throttling.User: code: 400, Request was denied due to user flow control. request id: R1"), {
      name: "ThrottlingError", code: "Throttling.User", statusCode: 400, requestId: "R1", retryAfter: 1500,
      data: { RequestId: "R1", HostId: "cdn.aliyuncs.com", Code: "Throttling.User", Message: "Request was denied due to user flow control." },
    });
    const c = classifyAlibabaError("alibaba-cdn", "DescribeRefreshTaskById", e);
    assert.ok(c instanceof CloudError);
    assert.deepEqual([c.kind, c.code, c.requestId, c.httpStatus, c.retryAfterMs, c.action, c.message],
      ["throttled", "Throttling.User", "R1", 400, 1500, "DescribeRefreshTaskById", "Request was denied due to user flow control."]);
  });

  it("converts the captured openapi-client (DCDN) error: status and request id from data", () => {
    const e = Object.assign(new Error("Throttling.User: code: 400, Request was denied due to user flow control. request id: R1"), {
      code: "Throttling.User",
      data: { RequestId: "R1", Code: "Throttling.User", Message: "Request was denied due to user flow control.", statusCode: 400 },
    });
    const c = classifyAlibabaError("alibaba-dcdn", "DescribeDcdnRefreshTaskById", e);
    assert.deepEqual([c.kind, c.requestId, c.httpStatus, c.retryAfterMs], ["throttled", "R1", 400, null]);
  });

  it("keeps the signing string (with the AccessKeyId) out of auth messages", () => {
    const e = Object.assign(new Error("x"), { code: "SignatureDoesNotMatch", statusCode: 400, requestId: "undefined",
      data: { Code: "SignatureDoesNotMatch", Message: "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAIxxx" } });
    const c = classifyAlibabaError("alibaba-cdn", "PushObjectCache", e);
    assert.equal(c.kind, "auth");
    assert.equal(c.message, "Specified signature is not matched with our calculation.");
    assert.equal(c.requestId, null, "the SDK's literal 'undefined' request id is dropped");
  });

  it("gives a per-minute refresh refusal a one-minute retry hint unless the reply carries one", () => {
    const err = (headers?: Record<string, string>) => Object.assign(new Error("x"), { code: "QuotaPerMinuteExceeded.Refresh", statusCode: 400, ...(headers ? { headers } : {}) });
    const c = classifyAlibabaError("alibaba-cdn", "RefreshObjectCaches", err());
    assert.deepEqual([c.kind, c.retryAfterMs], ["throttled", PER_MINUTE_RETRY_MS]);
    assert.equal(classifyAlibabaError("alibaba-dcdn", "RefreshDcdnObjectCaches", err({ "x-acs-retry-after": "7000" })).retryAfterMs, 7000);
    assert.equal(classifyAlibabaError("alibaba-cdn", "PushObjectCache", Object.assign(new Error("x"), { code: "Throttling.User", statusCode: 400 })).retryAfterMs, null);
  });

  it("says 'retry later' for a full prefetch queue", () => {
    const c = classifyAlibabaError("alibaba-cdn", "PushObjectCache", Object.assign(new Error("x"), { code: "PreloadQueueFull", statusCode: 400 }));
    assert.equal(c.kind, "quota");
    assert.match(c.message, /queue is full; retry later/);
  });

  it("tells connections that never reached the server (unreached) from failures after bytes may have left (transient)", () => {
    const socket = (code: string, syscall: string, message: string) => Object.assign(new Error(message), { code, syscall });
    const unreached = [
      socket("ECONNREFUSED", "connect", "connect ECONNREFUSED 127.0.0.1:1POST http://127.0.0.1:1/ failed."),
      socket("ENOTFOUND", "getaddrinfo", "getaddrinfo ENOTFOUND nonexistent.invalidPOST http://nonexistent.invalid/ failed."),
      socket("EAI_AGAIN", "getaddrinfo", "getaddrinfo EAI_AGAIN cdn.aliyuncs.com"),
      socket("EHOSTUNREACH", "connect", "connect EHOSTUNREACH 10.0.0.1:443"),
      socket("ENETUNREACH", "connect", "connect ENETUNREACH 10.0.0.1:443"),
      socket("ETIMEDOUT", "connect", "connect ETIMEDOUT 10.0.0.1:443"),
    ];
    for (const e of unreached) {
      const c = classifyAlibabaError("alibaba-esa", "PreloadCaches", e);
      assert.deepEqual([c.kind, c.code], ["unreached", e.code], e.message);
    }
    const transient: [Error, string][] = [
      [socket("ECONNRESET", "read", "read ECONNRESET"), "ECONNRESET"],
      [socket("ETIMEDOUT", "read", "read ETIMEDOUT"), "ETIMEDOUT"],
      [new Error("socket hang up"), "ECONNRESET"],
      [Object.assign(new Error("ReadTimeout(500). POST http://127.0.0.1:9/ failed."), { name: "RequestTimeoutError" }), "RequestTimeout"],
      // httpx's "ConnectTimeout" is the socket idle timeout: it also fires after the request was sent
      [Object.assign(new Error("ConnectTimeout: Connect http://127.0.0.1:9/ failed."), { name: "RequestTimeoutError" }), "RequestTimeout"],
      [new SyntaxError("Unexpected token '<', \"<html>bad</html>\" is not valid JSON"), "InvalidResponse"],
    ];
    for (const [e, code] of transient) {
      const c = classifyAlibabaError("alibaba-cdn", "PushObjectCache", e);
      assert.deepEqual([c.kind, c.code], ["transient", code], e.message);
    }
    // Tencent (node-fetch) wraps the socket error into the message only
    const teo = (message: string) => classifyTencentError("CreatePrefetchTask", Object.assign(new Error(message), { requestId: "", traceId: "t" }));
    assert.deepEqual([teo("request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED 127.0.0.1:1").kind, transportErrorCode(new Error("reason: connect ECONNREFUSED"))],
      ["unreached", "ECONNREFUSED"]);
    assert.equal(teo("request to http://x.invalid/ failed, reason: getaddrinfo ENOTFOUND x.invalid").kind, "unreached");
    assert.equal(teo("request to https://teo.tencentcloudapi.com/ failed, reason: connect ETIMEDOUT 1.2.3.4:443").kind, "unreached");
    assert.deepEqual([teo("request to http://127.0.0.1:9/ failed, reason: socket hang up").kind, teo("request to http://127.0.0.1:9/ failed, reason: socket hang up").code], ["transient", "ECONNRESET"]);
    assert.deepEqual([teo("network timeout at: http://127.0.0.1:9/").kind, teo("network timeout at: http://127.0.0.1:9/").code], ["transient", "RequestTimeout"]);
    assert.equal(transportErrorKind("ETIMEDOUT", new Error("read ETIMEDOUT")), "transient");
  });

  it("converts Tencent SDK exceptions: business code (HTTP 200), bare HTTP status, unknown", () => {
    const business = Object.assign(new Error("too many"), { code: "RequestLimitExceeded", requestId: "rid-1", traceId: "t" });
    const c = classifyTencentError("CreatePrefetchTask", business);
    assert.deepEqual([c.kind, c.code, c.requestId, c.httpStatus, c.action, c.message], ["throttled", "RequestLimitExceeded", "rid-1", 200, "CreatePrefetchTask", "too many"]);
    const http429 = Object.assign(new Error("Too Many Requests"), { httpCode: 429, requestId: "" });
    assert.deepEqual([classifyTencentError("X", http429).kind, classifyTencentError("X", http429).code], ["throttled", "HTTP429"]);
    const http502 = Object.assign(new Error("Bad Gateway"), { httpCode: 502 });
    assert.equal(classifyTencentError("X", http502).kind, "transient");
    assert.equal(classifyTencentError("X", new TypeError("x is not a function")).kind, "unknown");
  });

  it("passes CloudErrors through untouched", () => {
    const original = new CloudError("edgeone", "quota", "LimitExceeded.DailyQuota", "m");
    assert.equal(classifyTencentError("X", original), original);
    assert.equal(classifyAlibabaError("alibaba-cdn", "X", original), original);
  });
});
