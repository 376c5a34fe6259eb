/**
 * Alibaba emulator routing and request parsing: products by API version, unknown actions, form bodies, STS tokens
 * and queued faults, called through the official SDKs (and, for a form body, signed with the SDK's own helper).
 */
import assert from "node:assert/strict";
import * as http from "node:http";
import { randomBytes } from "node:crypto";
import { type AliFixture, cdnClient, dcdnClient, esaClient, expectAliError, models, rawCall, startAlibaba } from "./alibaba-fixture";

const OpenApiUtil = require("@alicloud/openapi-util").default;

/** POSTs an RPC V1 request with every parameter in a form body, signed by `@alicloud/openapi-util`. */
function postForm(fx: AliFixture, business: Record<string, string>, secret = fx.secret): Promise<{ status: number; body: any }> {
  const params: Record<string, string> = {
    Action: "PushObjectCache", Version: "2018-05-10", Format: "JSON", Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    SignatureNonce: randomBytes(16).toString("hex"), SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0", AccessKeyId: fx.keyId, ...business,
  };
  params.Signature = OpenApiUtil.getRPCSignature(params, "POST", secret);
  const form = new URLSearchParams(params).toString();
  const [hostname, port] = fx.host.split(":");
  return new Promise((ok, fail) => {
    const req = http.request({ hostname, port: Number(port), method: "POST", path: "/", headers: { "content-type": "application/x-www-form-urlencoded" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) }));
    });
    req.on("error", fail);
    req.end(form);
  });
}

describe("alibaba emulator: routing and parsing", () => {
  let fx: AliFixture;
  beforeEach(async () => {
    fx = await startAlibaba();
  });
  afterEach(() => fx.close());

  it("answers an unknown action with InvalidApi.NotFound (404) and an unknown version with InvalidVersion", async () => {
    const c = cdnClient(fx);
    const err = await expectAliError(rawCall(c, "DescribeUserDomains", "2018-05-10", {}), "InvalidApi.NotFound");
    assert.equal(err.statusCode, 404);
    assert.equal(err.data.HostId, "cdn.aliyuncs.com");
    assert.match(err.data.Recommend, /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=InvalidApi\.NotFound&product=Cdn/);
    assert.equal(err.data.RequestId, err.requestId);
    await expectAliError(rawCall(c, "PushObjectCache", "2014-11-11", { ObjectPath: "example.com/a" }), "InvalidVersion");
    await expectAliError(rawCall(c, "PreloadCaches", "2018-05-10", {}), "InvalidApi.NotFound");
  });

  it("routes the same action name by version: one emulator, three products", async () => {
    const cdn = (await cdnClient(fx).pushObjectCache(new models.Cdn.PushObjectCacheRequest({ objectPath: "example.com/a" }))).body.pushTaskId;
    const dcdn = (await dcdnClient(fx).preloadDcdnObjectCaches(new models.Dcdn.PreloadDcdnObjectCachesRequest({ objectPath: "example.com/a" }))).body.preloadTaskId;
    assert.notEqual(cdn, dcdn, "products keep separate tasks");
    const dq = await dcdnClient(fx).describeDcdnRefreshTaskById(new models.Dcdn.DescribeDcdnRefreshTaskByIdRequest({ taskId: cdn }));
    assert.equal(dq.body.totalCount, 0, "a CDN task is not a DCDN task");
    assert.deepEqual((await fx.stats()).calls, { "cdn:PushObjectCache": 1, "dcdn:PreloadDcdnObjectCaches": 1, "dcdn:DescribeDcdnRefreshTaskById": 1 });
  });

  it("reads parameters from a form body and checks its V1 signature", async () => {
    const ok = await postForm(fx, { ObjectPath: "example.com/(form)*!.png\nexample.com/b c.png", L2Preload: "false" });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const q = await cdnClient(fx).describeRefreshTaskById(new models.Cdn.DescribeRefreshTaskByIdRequest({ taskId: ok.body.PushTaskId }));
    assert.deepEqual(q.body.tasks.map((t: any) => t.objectPath), ["http://example.com/(form)*!.png", "http://example.com/b c.png"]);
    const bad = await postForm(fx, { ObjectPath: "example.com/a" }, "other-secret");
    assert.deepEqual([bad.status, bad.body.Code], [400, "SignatureDoesNotMatch"]);
    assert.match(bad.body.Message, /server string to sign is:POST&%2F&/);
  });

  it("accepts STS security tokens under V3 and V1", async () => {
    for (const v2 of [false, true]) {
      const c = esaClient(fx, { v2, securityToken: "CAIS-sts-token" });
      const r = await c.preloadCaches(new models.Esa.PreloadCachesRequest({ siteId: 1, content: ["http://a.example.com/1"] }));
      assert.match(r.body.taskId, /^\d+$/);
    }
  });

  it("serves custom error faults and delays", async () => {
    await fx.fault({ product: "dcdn", action: "PreloadDcdnObjectCaches", kind: "error", code: "ServiceBusy", httpStatus: 403, message: "The specified Domain is configuring, please retry later." });
    await fx.fault({ product: "dcdn", kind: "delay", delayMs: 20 });
    const c = dcdnClient(fx);
    const busy = await expectAliError(c.preloadDcdnObjectCaches(new models.Dcdn.PreloadDcdnObjectCachesRequest({ objectPath: "example.com/a" })), "ServiceBusy");
    assert.equal(busy.data.statusCode, 403);
    // The delay follows the (manual) virtual clock: the call is held until the clock has moved 20 ms on.
    const pending = c.preloadDcdnObjectCaches(new models.Dcdn.PreloadDcdnObjectCachesRequest({ objectPath: "example.com/a" }));
    while ((await fx.delayedCalls()) === 0) await new Promise((ok) => setTimeout(ok, 5));
    assert.equal((await fx.stats()).submittedUrls.dcdn, 0, "held, not served yet");
    await fx.advance(20);
    const r = await pending;
    assert.match(r.body.preloadTaskId, /^\d+$/);
    const stats = await fx.stats();
    assert.deepEqual([stats.calls, stats.submittedUrls.dcdn], [{ "dcdn:PreloadDcdnObjectCaches": 1 }, 1]);
  });
});
