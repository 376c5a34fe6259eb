/**
 * `npm run emulator` as users start it (scripts/emulator.js, first stdout line = address and credentials), called by
 * the OFFICIAL SDKs of all four products: submit + query round trips under both Alibaba signature algorithms, and
 * refusals with a wrong secret.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";

/* eslint-disable @typescript-eslint/no-var-requires */
const { teo } = require("tencentcloud-sdk-nodejs-teo");
const Cdn = require("@alicloud/cdn20180510");
const Dcdn = require("@alicloud/dcdn20180115");
const Esa = require("@alicloud/esa20240910");
const { $OpenApiUtil } = require("@alicloud/openapi-core");
const OpenApiClient = require("@alicloud/openapi-client");

interface Hello { url: string; credentials: { tencent: { secretId: string; secretKey: string }; alibaba: { accessKeyId: string; accessKeySecret: string } } }

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (e) { return (e as { code: string }).code; }
  assert.fail("expected a refusal");
}

describe("npm run emulator, called by the official SDKs", function () {
  this.timeout(60_000);
  let child: ChildProcess;
  let hello: Hello;
  let endpoint: string;
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emulator-ca-")), "emulator.pem");

  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    const script = path.resolve(__dirname, "..", "..", "scripts", "emulator.js");
    child = spawn(process.execPath, [script, "--port", "0", "--ca-file", caFile], { stdio: ["ignore", "pipe", "inherit"] });
    hello = JSON.parse(await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once("line", resolve)));
    endpoint = new URL(hello.url).host;
  });
  after(async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
  });

  it("--ca-file writes the certificate the same port serves HTTPS with (for NODE_EXTRA_CA_CERTS)", async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      https.get(`https://${endpoint}/_emulator/state`, { ca: fs.readFileSync(caFile) }, (res) => (res.resume(), resolve(res.statusCode))).on("error", reject);
    });
    assert.equal(status, 200);
  });

  const alibaba = (Config: any, v2: boolean, secret = hello.credentials.alibaba.accessKeySecret) => new Config({
    accessKeyId: hello.credentials.alibaba.accessKeyId, accessKeySecret: secret, endpoint, protocol: "http",
    readTimeout: 10_000, connectTimeout: 10_000, ...(v2 ? { signatureAlgorithm: "v2" } : {}),
  });

  it("EdgeOne: CreatePrefetchTask + DescribePrefetchTasks; wrong secret refused", async () => {
    const mk = (secretKey: string) => new teo.v20220901.Client({ credential: { secretId: hello.credentials.tencent.secretId, secretKey }, region: "",
      profile: { httpProfile: { endpoint, protocol: "http://" } } });
    const c = mk(hello.credentials.tencent.secretKey);
    const { JobId } = await c.CreatePrefetchTask({ ZoneId: "zone-cli1", Targets: ["https://www.example.com/a.js"] });
    const r = await c.DescribePrefetchTasks({ ZoneId: "zone-cli1", Filters: [{ Name: "job-id", Values: [JobId] }] });
    assert.equal(r.Tasks[0].Target, "https://www.example.com/a.js");
    assert.equal(await codeOf(mk("wrong").DescribePrefetchTasks({ ZoneId: "zone-cli1", Filters: [{ Name: "job-id", Values: [JobId] }] })), "AuthFailure.SignatureFailure");
  });

  for (const v2 of [false, true]) {
    const alg = v2 ? "RPC V1 HMAC-SHA1" : "ACS3-HMAC-SHA256";

    it(`Alibaba CDN (${alg}): PushObjectCache + DescribeRefreshTaskById; wrong secret refused`, async () => {
      const c = new Cdn.default(alibaba($OpenApiUtil.Config, v2));
      // A domain per algorithm: the cloud merges same-domain submits of the same second under one id (§A.1).
      const host = v2 ? "v1.example.com" : "v3.example.com";
      const push = await c.pushObjectCache(new Cdn.PushObjectCacheRequest({ objectPath: `${host}/a.js\n${host}/(b)*.js`, area: "domestic" }));
      const r = await c.describeRefreshTaskById(new Cdn.DescribeRefreshTaskByIdRequest({ taskId: push.body.pushTaskId }));
      assert.deepEqual(r.body.tasks.map((t: { objectPath: string }) => t.objectPath).sort(), [`http://${host}/(b)*.js`, `http://${host}/a.js`]);
      const bad = new Cdn.default(alibaba($OpenApiUtil.Config, v2, "wrong"));
      assert.equal(await codeOf(bad.describeRefreshQuota(new Cdn.DescribeRefreshQuotaRequest({}))), "SignatureDoesNotMatch");
    });

    it(`Alibaba DCDN (${alg}): PreloadDcdnObjectCaches + DescribeDcdnRefreshTaskById; wrong secret refused`, async () => {
      const c = new Dcdn.default(alibaba(OpenApiClient.Config, v2));
      const host = v2 ? "v1.dcdn.example.com" : "v3.dcdn.example.com";
      const push = await c.preloadDcdnObjectCaches(new Dcdn.PreloadDcdnObjectCachesRequest({ objectPath: `${host}/a.js` }));
      const r = await c.describeDcdnRefreshTaskById(new Dcdn.DescribeDcdnRefreshTaskByIdRequest({ taskId: push.body.preloadTaskId }));
      assert.deepEqual(r.body.tasks.map((t: { objectPath: string }) => t.objectPath), [`http://${host}/a.js`]);
      const bad = new Dcdn.default(alibaba(OpenApiClient.Config, v2, "wrong"));
      assert.equal(await codeOf(bad.describeDcdnRefreshQuota(new Dcdn.DescribeDcdnRefreshQuotaRequest({}))), "SignatureDoesNotMatch");
    });

    it(`Alibaba ESA (${alg}): PreloadCaches + DescribePreloadTasks; wrong secret refused`, async () => {
      const c = new Esa.default(alibaba($OpenApiUtil.Config, v2));
      const url = `https://img.example.com/${v2 ? "v1" : "v3"}.png`;
      const sub = await c.preloadCaches(new Esa.PreloadCachesRequest({ siteId: 7001, content: [url] }));
      assert.ok(String(sub.body.taskId).length > 0);
      const now = Date.now();
      const r = await c.describePreloadTasks(new Esa.DescribePreloadTasksRequest({ siteId: 7001, content: url,
        startTime: new Date(now - 600_000).toISOString().replace(/\.\d{3}Z$/, "Z"), endTime: new Date(now + 600_000).toISOString().replace(/\.\d{3}Z$/, "Z") }));
      assert.equal(r.body.tasks[0].content, url);
      const bad = new Esa.default(alibaba($OpenApiUtil.Config, v2, "wrong"));
      assert.equal(await codeOf(bad.preloadCaches(new Esa.PreloadCachesRequest({ siteId: 7001, content: [url] }))), "SignatureDoesNotMatch");
    });
  }
});
