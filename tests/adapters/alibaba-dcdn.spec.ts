/**
 * Alibaba DCDN adapter through the real `@alicloud/dcdn20180115` SDK (openapi-client core) against a scripted server
 * serving recorded bodies: submit (PreloadTaskId, tolerated PushTaskId), task id chunking, quota, errors.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { isCloudError } from "../../provider/model/errors";
import type { AlibabaCdnSpec } from "../../provider/model/spec";
import { alibabaError, FixtureServer, fixture } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";
import type { Connection } from "../../provider/adapters/types";
import { dcdnUrlStatus } from "../../provider/adapters/alibaba-dcdn/status";
import { cdnUrlStatus } from "../../provider/adapters/alibaba-cdn/status";
import { esaUrlStatus } from "../../provider/adapters/alibaba-esa/status";

const spec: AlibabaCdnSpec = { cloud: "alibaba-dcdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null };

describe("adapters: Alibaba DCDN through the dcdn20180115 SDK (recorded bodies)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");
  const adapter = (o: Partial<Connection> = {}) => createAdapter("alibaba-dcdn", testConnection(endpoint, o), clock);

  beforeEach(async () => {
    server = new FixtureServer();
    endpoint = await server.start();
  });
  afterEach(() => server.close());

  it("submits PreloadDcdnObjectCaches exactly as the generated method would", async () => {
    server.queue("PreloadDcdnObjectCaches", { body: fixture("alibaba-dcdn/preload-dcdn-object-caches.json") });
    const full: AlibabaCdnSpec = { ...spec, area: "overseas", l2Preload: false, queryHashkey: false, headers: { "X-Warm": "1" } };
    assert.deepEqual(await adapter().submit(full, ["example.com/a.png", "example.com/b.png"]), { taskIds: ["95248880"], rejected: [] });
    const [call] = server.calls("PreloadDcdnObjectCaches");
    assert.equal(call.method, "POST");
    assert.equal(call.headers["x-acs-version"], "2018-01-15");
    assert.deepEqual(call.query, { ObjectPath: "example.com/a.png\nexample.com/b.png", Area: "overseas", L2Preload: "false",
      QueryHashkey: "false", WithHeader: '{"X-Warm":["1"]}' });
    assert.match(String(call.headers.authorization), /^ACS3-HMAC-SHA256 /);
  });

  it("tolerates a PushTaskId comma list (a documented copy-paste of the CDN reply) and the v2 signature", async () => {
    server.queue("PreloadDcdnObjectCaches", { body: fixture("alibaba-dcdn/preload-push-task-id.json") });
    assert.deepEqual(await adapter({ signatureAlgorithm: "v2" }).submit(spec, ["example.com/a.png"]),
      { taskIds: ["95248880", "95248881"], rejected: [] });
    assert.equal(server.calls("PreloadDcdnObjectCaches")[0].query.SignatureMethod, "HMAC-SHA1");
  });

  it("queries 25 task ids in chunks of at most 10 and maps ObjectPath (with scheme) back", async () => {
    server.otherwise("DescribeDcdnRefreshTaskById", (r) => ({ body: { RequestId: "R", TotalCount: 1, Tasks: r.query.TaskId.split(",").map((id) => ({
      TaskId: id, ObjectPath: `http://example.com/${id}.png`, ObjectType: "preload", Status: id === "t3" ? "Failed" : "Refreshing",
      Process: id === "t3" ? "0%" : "10", CreationTime: "2026-11-22T23:00:00Z", Description: id === "t3" ? "Origin Timeout" : "" })) } }));
    const ids = Array.from({ length: 25 }, (_, i) => `t${i}`);
    const batches = ids.map((id) => ({ taskIds: [id], urls: [`example.com/${id}.png`], submittedAt: "2026-11-22T23:00:00Z" }));
    const res = await adapter().query(spec, batches);
    assert.deepEqual(server.calls("DescribeDcdnRefreshTaskById").map((c) => c.query.TaskId.split(",").length), [10, 10, 5]);
    assert.equal(res.observations.length, 25);
    assert.deepEqual(res.observations[3], { url: "example.com/t3.png", status: "failed", progress: 100, reason: "Origin Timeout", taskId: "t3" });
    assert.deepEqual(res.observations[4], { url: "example.com/t4.png", status: "running", progress: 10, reason: null, taskId: "t4" });
  });

  it("maps the recorded DescribeDcdnRefreshTaskById example", async () => {
    server.queue("DescribeDcdnRefreshTaskById", { body: fixture("alibaba-dcdn/describe-dcdn-refresh-task-by-id.json") });
    const res = await adapter().query(spec, [{ taskIds: ["113681**"], urls: ["example.com/image_01.png"], submittedAt: "2026-11-22T00:00:00Z" }]);
    assert.deepEqual(res.observations, [{ url: "example.com/image_01.png", status: "succeeded", progress: 100, reason: null, taskId: "113681**" }]);
  });

  it("reads PreloadQuota/PreloadRemain and classifies the openapi-client error shape", async () => {
    server.queue("DescribeDcdnRefreshQuota", { body: fixture("alibaba-dcdn/describe-dcdn-refresh-quota.json") },
      alibabaError(400, "Throttling.User", "Request was denied due to user flow control.", { "x-acs-retry-after": "900" }),
      alibabaError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."));
    assert.deepEqual(await adapter().quota(spec), { daily: 1000, remaining: 973, perRequest: null });
    const kinds = [];
    for (let i = 0; i < 2; i++) {
      try {
        await adapter().quota(spec, { fresh: true });
        assert.fail("expected a rejection");
      } catch (e) {
        assert.ok(isCloudError(e));
        kinds.push([e.kind, e.httpStatus, e.requestId]);
      }
    }
    assert.deepEqual(kinds, [["throttled", 400, "R-fixture"], ["auth", 404, "R-fixture"]]);
  });

  it("reports an InvalidTime refusal of the window as historyUnavailable", async () => {
    server.otherwise("DescribeDcdnRefreshTaskById", alibabaError(400, "InvalidTime"));
    const old = { taskIds: ["1"], urls: ["example.com/a"], submittedAt: "2026-11-18T00:00:00Z" };
    assert.deepEqual(await adapter().query(spec, [old]), { observations: [], historyUnavailable: true });
  });

  it("maps each product's documented statuses the refresh family's way (status.ts of each adapter)", () => {
    const table: [string | undefined, string][] = [["Pending", "pending"], ["Refreshing", "running"], ["Complete", "succeeded"],
      ["Failed", "failed"], ["complete", "succeeded"], ["Queued", "running"], [undefined, "running"]];
    for (const [raw, want] of table) {
      for (const map of [dcdnUrlStatus, cdnUrlStatus, esaUrlStatus]) assert.equal(map(raw), want, `${map.name}(${raw})`);
    }
  });
});
