/**
 * Error classification tables (Alibaba and Tencent codes → ErrorKind) and the conversion of SDK-shaped errors,
 * including the exact shapes captured from the real SDKs (shared reference sdk-wire-capture.json).
 */
import assert from "node:assert/strict";
import { alibabaErrorKind, classifyAlibabaError } from "../../provider/adapters/alibaba/errors";
import { classifyTencentError, tencentErrorKind, tencentHttpKind } from "../../provider/adapters/edgeone/errors";
import { transportErrorCode } from "../../provider/adapters/network";
import { CloudError, type ErrorKind } from "../../provider/model/errors";

describe("adapters: error classification", () => {
  it("classifies Alibaba codes whatever the status says", () => {
    const table: [string, number | null, ErrorKind][] = [
      ["Throttling.User", 400, "throttled"], ["Throttling.Api", 400, "throttled"], ["Throttling", 503, "throttled"],
      ["TooManyRequests", 429, "throttled"],
      ["ServiceUnavailable", 503, "transient"], ["InternalError", 500, "transient"], ["ServiceBusy", 403, "transient"],
      ["InvalidDomain.Offline", 404, "transient"],
      ["InvalidAccessKeyId.NotFound", 404, "auth"], ["InvalidAccessKeyId.Inactive", 400, "auth"],
      ["SignatureDoesNotMatch", 400, "auth"], ["IncompleteSignature", 400, "auth"], ["InvalidTimeStamp.Expired", 400, "auth"],
      ["InvalidTimeStamp.Format", 400, "auth"], ["SignatureNonceUsed", 400, "auth"], ["Forbidden.RAM", 403, "auth"],
      ["Forbidden", 403, "auth"], ["OperationDenied", 403, "auth"],
      ["QuotaExceeded.Preload", 400, "quota"], ["PreloadQueueFull", 400, "quota"],
      ["InvalidDomain.NotFound", 404, "invalid"], ["InvalidObjectPath.Malformed", 400, "invalid"],
      ["InvalidObjectPath.ExceedsMaximum", 400, "invalid"], ["MissingParameter", 400, "invalid"],
      ["InvalidTaskId.Malformed", 400, "invalid"], ["SingleRequest.OverLimit", 400, "invalid"],
      ["InvalidParameter.RecordNotBelongToSite", 400, "invalid"], ["MissingTimeParameter", 400, "invalid"],
      ["InvalidTime", 400, "notFound"],
      ["SomethingNew", 502, "transient"], ["SomethingNew", 403, "auth"], ["SomethingNew", 400, "invalid"],
      ["SomethingNew", 429, "throttled"], ["SomethingNew", null, "unknown"],
    ];
    for (const [code, status, kind] of table) assert.equal(alibabaErrorKind(code, status), kind, `${code}/${status}`);
  });

  it("classifies Tencent codes and non-200 replies", () => {
    const table: [string, ErrorKind][] = [
      ["RequestLimitExceeded", "throttled"], ["RequestLimitExceeded.UinLimitExceeded", "throttled"],
      ["InternalError", "transient"], ["InternalError.BackendError", "transient"], ["InternalError.QuotaSystem", "transient"],
      ["AuthFailure.SignatureFailure", "auth"], ["AuthFailure.SecretIdNotFound", "auth"], ["AuthFailure.SignatureExpire", "auth"],
      ["UnauthorizedOperation.CamUnauthorized", "auth"], ["UnauthorizedOperation.DomainEmpty", "auth"], ["OperationDenied", "auth"],
      ["LimitExceeded.DailyQuota", "quota"], ["LimitExceeded.BatchQuota", "quota"],
      ["InvalidParameter.Target", "invalid"], ["InvalidParameter.ParameterError", "invalid"], ["InvalidParameterValue", "invalid"],
      ["ResourceNotFound", "invalid"], ["MissingParameter", "invalid"], ["UnsupportedRegion", "invalid"],
      ["FailedOperation", "unknown"],
    ];
    for (const [code, kind] of table) assert.equal(tencentErrorKind(code), kind, code);
    assert.equal(tencentHttpKind(429), "throttled");
    assert.equal(tencentHttpKind(503), "transient");
    assert.equal(tencentHttpKind(400), "unknown");
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

  it("says 'retry later' for a full prefetch queue", () => {
    const c = classifyAlibabaError("alibaba-cdn", "PushObjectCache", Object.assign(new Error("x"), { code: "PreloadQueueFull", statusCode: 400 }));
    assert.equal(c.kind, "quota");
    assert.match(c.message, /queue is full; retry later/);
  });

  it("treats socket errors, timeouts and unparsable replies as transient", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1POST http://127.0.0.1:1/ failed."), { code: "ECONNREFUSED", errno: -111 });
    const timeout = Object.assign(new Error("ReadTimeout(500). POST http://127.0.0.1:9/ failed."), { name: "RequestTimeoutError" });
    const html = new SyntaxError("Unexpected token '<', \"<html>bad</html>\" is not valid JSON");
    for (const [e, code] of [[refused, "ECONNREFUSED"], [timeout, "RequestTimeout"], [html, "InvalidResponse"]] as const) {
      const c = classifyAlibabaError("alibaba-esa", "PreloadCaches", e);
      assert.deepEqual([c.kind, c.code], ["transient", code]);
    }
    const teoRefused = Object.assign(new Error("request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED 127.0.0.1:1"), { requestId: "", traceId: "t" });
    assert.deepEqual([classifyTencentError("DescribePrefetchTasks", teoRefused).kind, transportErrorCode(teoRefused)], ["transient", "ECONNREFUSED"]);
    const teoTimeout = Object.assign(new Error("network timeout at: http://127.0.0.1:9/"), { requestId: "" });
    assert.equal(classifyTencentError("DescribePrefetchTasks", teoTimeout).code, "RequestTimeout");
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
