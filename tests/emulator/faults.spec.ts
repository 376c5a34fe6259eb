/**
 * The emulator's transport and refusal faults (issue 7): `drop-after-accept`, `reset`, `down`, `empty`, `malformed`
 * and the refusal codes the provider must tell apart, driven with plain signed HTTP requests (TC3 for EdgeOne, RPC V1
 * for Alibaba, signed with the emulator's own signers) so that every socket error, status and byte is visible; one
 * check per vendor shows the official SDK rejects a malformed body.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import * as net from "node:net";
import { startEmulator, type Product } from "../../emulator";
import { percentEncode } from "../../emulator/alibaba/encode";
import { rpcSignature } from "../../emulator/alibaba/signature-v1";
import { tc3Signature } from "../../emulator/teo/signature";
import { cdnClient, models, type AliFixture } from "./alibaba-fixture";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { teo } = require("tencentcloud-sdk-nodejs-teo");

type Emu = Awaited<ReturnType<typeof startEmulator>>;
interface Reply { status: number; headers: http.IncomingHttpHeaders; text: string }

/** One request on a fresh connection; rejects with the socket error (its `code`) when there is no answer. */
function send(emu: Emu, o: { method: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: emu.port, method: o.method, path: o.path, headers: o.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(o.body);
  });
}

/** An EdgeOne call signed with TC3-HMAC-SHA256 as the official SDK signs it (service taken from the host, `127`). */
function teoCall(emu: Emu, action: string, payload: object): Promise<Reply> {
  const body = JSON.stringify(payload);
  const ts = String(Math.floor(Date.now() / 1000));
  const date = new Date(Number(ts) * 1000).toISOString().slice(0, 10);
  const headers = { "content-type": "application/json", host: `127.0.0.1:${emu.port}` };
  const { secretId, secretKey } = emu.credentials.tencent;
  const sig = tc3Signature({ method: "POST", path: "/", query: "", headers, signedHeaders: ["content-type", "host"], body, timestamp: ts, date, service: "127", secretKey });
  const auth = `TC3-HMAC-SHA256 Credential=${secretId}/${date}/127/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`;
  return send(emu, { method: "POST", path: "/", body, headers: { ...headers, "x-tc-action": action, "x-tc-version": "2022-09-01", "x-tc-timestamp": ts, authorization: auth } });
}

const VERSIONS: Record<Exclude<Product, "teo">, string> = { cdn: "2018-05-10", dcdn: "2018-01-15", esa: "2024-09-10" };

/** An Alibaba RPC call signed with V1 (HMAC-SHA1), every parameter in the query. */
function aliCall(emu: Emu, product: Exclude<Product, "teo">, action: string, params: Record<string, string>): Promise<Reply> {
  const { accessKeyId, accessKeySecret } = emu.credentials.alibaba;
  const all = new Map(Object.entries({
    Action: action, Version: VERSIONS[product], Format: "JSON", AccessKeyId: accessKeyId, SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0",
    SignatureNonce: randomUUID(), Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), ...params,
  }));
  all.set("Signature", rpcSignature(accessKeySecret, "GET", all));
  return send(emu, { method: "GET", path: `/?${[...all].map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&")}` });
}

const json = (r: Reply) => JSON.parse(r.text);

/** The socket error of a call that got no answer. */
async function socketError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
  assert.fail("expected the call to get no answer");
}

/** Resolves once a TCP connection to the emulator succeeds (the outage is over); gives up after 10 s. */
async function waitUntilUp(emu: Emu): Promise<void> {
  const limit = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(emu.port, "127.0.0.1", () => (s.destroy(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (up) return;
    if (Date.now() > limit) assert.fail("the emulator did not come back up");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Submit and find-by-URL for each product, as the adapters call them. */
const URL_OF: Record<Product, string> = {
  teo: "https://www.example.com/a.js", cdn: "http://cdn.example.com/a.js", dcdn: "http://dcdn.example.com/a.js", esa: "https://img.example.com/a.js",
};
const SUBMIT: Record<Product, { action: string; call: (emu: Emu) => Promise<Reply> }> = {
  teo: { action: "CreatePrefetchTask", call: (emu) => teoCall(emu, "CreatePrefetchTask", { ZoneId: "zone-abc1", Targets: [URL_OF.teo] }) },
  cdn: { action: "PushObjectCache", call: (emu) => aliCall(emu, "cdn", "PushObjectCache", { ObjectPath: URL_OF.cdn }) },
  dcdn: { action: "PreloadDcdnObjectCaches", call: (emu) => aliCall(emu, "dcdn", "PreloadDcdnObjectCaches", { ObjectPath: URL_OF.dcdn }) },
  esa: { action: "PreloadCaches", call: (emu) => aliCall(emu, "esa", "PreloadCaches", { SiteId: "7001", Content: JSON.stringify([URL_OF.esa]) }) },
};
/** How many tasks a by-URL listing finds. */
const FIND: Record<Product, { action: string; count: (emu: Emu) => Promise<number> }> = {
  teo: {
    action: "DescribePrefetchTasks",
    count: async (emu) => {
      const now = Date.now();
      const range = { StartTime: new Date(now - 3_600_000).toISOString(), EndTime: new Date(now + 3_600_000).toISOString() };
      return json(await teoCall(emu, "DescribePrefetchTasks", { ZoneId: "zone-abc1", ...range, Filters: [{ Name: "target", Values: [URL_OF.teo] }] })).Response.TotalCount;
    },
  },
  cdn: { action: "DescribeRefreshTasks", count: async (emu) => json(await aliCall(emu, "cdn", "DescribeRefreshTasks", { ObjectPath: URL_OF.cdn, ObjectType: "preload" })).TotalCount },
  dcdn: { action: "DescribeDcdnRefreshTasks", count: async (emu) => json(await aliCall(emu, "dcdn", "DescribeDcdnRefreshTasks", { ObjectPath: URL_OF.dcdn, ObjectType: "preload" })).TotalCount },
  esa: { action: "DescribePreloadTasks", count: async (emu) => json(await aliCall(emu, "esa", "DescribePreloadTasks", { SiteId: "7001", Content: URL_OF.esa })).TotalCount },
};
const PRODUCTS: Product[] = ["teo", "cdn", "dcdn", "esa"];

describe("emulator: transport and refusal faults", () => {
  let emu: Emu;
  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    // Real clock: the virtual time matches the request times the listings are filtered by; URLs stay running 60 s.
    emu = await startEmulator({ port: 0, config: { defaultDurationMs: 60_000 } });
  });
  beforeEach(async () => emu.control.reset());
  after(async () => emu.close());

  for (const product of PRODUCTS) {
    it(`drop-after-accept (${product}): the submit creates its task and is counted, then the socket closes unanswered`, async () => {
      await emu.control.addFaults([{ product, action: SUBMIT[product].action, kind: "drop-after-accept" }]);
      assert.match(await socketError(SUBMIT[product].call(emu)), /ECONNRESET|socket hang up/);
      const stats = await emu.control.stats();
      assert.deepEqual([stats.submits[product], stats.submittedUrls[product]], [1, 1]);
      assert.equal(await FIND[product].count(emu), 1);
    });

    it(`reset (${product}): the socket closes before anything is served; nothing is counted or created`, async () => {
      await emu.control.addFaults([{ product, action: SUBMIT[product].action, kind: "reset" }]);
      assert.match(await socketError(SUBMIT[product].call(emu)), /ECONNRESET|socket hang up/);
      const stats = await emu.control.stats();
      assert.deepEqual([stats.submits[product], stats.calls[`${product}:${SUBMIT[product].action}`]], [0, undefined]);
      assert.equal(await FIND[product].count(emu), 0);
    });

    it(`empty (${product}): the next N listings answer 200 without the task, then the task is back`, async () => {
      assert.equal((await SUBMIT[product].call(emu)).status, 200);
      await emu.control.addFaults([{ product, kind: "empty", count: 2 }]);
      assert.deepEqual([await FIND[product].count(emu), await FIND[product].count(emu), await FIND[product].count(emu)], [0, 0, 1]);
    });

    it(`malformed (${product}): HTTP 200 with an unparsable body, and the submit's task exists`, async () => {
      await emu.control.addFaults([{ product, action: SUBMIT[product].action, kind: "malformed" }]);
      const r = await SUBMIT[product].call(emu);
      assert.equal(r.status, 200);
      assert.ok(r.text.length > 0);
      assert.throws(() => JSON.parse(r.text), SyntaxError);
      assert.equal((await emu.control.stats()).submits[product], 1);
      assert.equal(await FIND[product].count(emu), 1);
    });
  }

  it("empty: every task query answers as if the task did not exist, with a RequestId", async () => {
    await emu.control.setConfig({ alibaba: { preloadDetailAllowed: true } });
    const teoJob = json(await SUBMIT.teo.call(emu)).Response.JobId;
    const cdnId = json(await SUBMIT.cdn.call(emu)).PushTaskId;
    const dcdnId = json(await SUBMIT.dcdn.call(emu)).PreloadTaskId;
    assert.equal((await SUBMIT.esa.call(emu)).status, 200);
    const queries: [Product, () => Promise<Reply>, (b: any) => unknown][] = [
      ["teo", () => teoCall(emu, "DescribePrefetchTasks", { ZoneId: "zone-abc1", Filters: [{ Name: "job-id", Values: [teoJob] }] }), (b) => [b.Response.TotalCount, b.Response.Tasks, typeof b.Response.RequestId]],
      ["cdn", () => aliCall(emu, "cdn", "DescribeRefreshTaskById", { TaskId: cdnId }), (b) => [b.TotalCount, b.Tasks, typeof b.RequestId]],
      ["cdn", () => aliCall(emu, "cdn", "DescribeRefreshTasks", { TaskId: cdnId }), (b) => [b.TotalCount, b.Tasks.CDNTask, typeof b.RequestId]],
      ["cdn", () => aliCall(emu, "cdn", "DescribePreloadDetailById", { TaskId: cdnId }), (b) => [b.TotalCount, b.UrlDetails, typeof b.RequestId]],
      ["dcdn", () => aliCall(emu, "dcdn", "DescribeDcdnRefreshTaskById", { TaskId: dcdnId }), (b) => [b.TotalCount, b.Tasks, typeof b.RequestId]],
      ["dcdn", () => aliCall(emu, "dcdn", "DescribeDcdnRefreshTasks", { TaskId: dcdnId }), (b) => [b.TotalCount, b.Tasks.Task, typeof b.RequestId]],
      ["esa", () => aliCall(emu, "esa", "DescribePreloadTasks", { SiteId: "7001" }), (b) => [b.TotalCount, b.Tasks, typeof b.RequestId]],
    ];
    await emu.control.addFaults([{ kind: "empty", count: queries.length }]);
    for (const [, call, view] of queries) {
      const r = await call();
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(view(json(r)), [0, [], "string"], r.text);
    }
    for (const [, call, view] of queries) assert.equal((view(json(await call())) as number[])[0], 1);
  });

  it("empty: submits and quota reads pass by; only query calls use it up", async () => {
    await emu.control.addFaults([{ product: "cdn", kind: "empty" }]);
    assert.equal((await aliCall(emu, "cdn", "DescribeRefreshQuota", {})).status, 200);
    assert.equal((await SUBMIT.cdn.call(emu)).status, 200);
    assert.equal((await emu.control.state()).faults.length, 1);
    assert.deepEqual([await FIND.cdn.count(emu), await FIND.cdn.count(emu)], [0, 1]);
  });

  it("down (begin before): the call is reset, new connections are refused, then served again with every task kept", async function () {
    this.timeout(20_000);
    assert.equal((await SUBMIT.teo.call(emu)).status, 200);
    await emu.control.addFaults([{ product: "teo", action: "DescribePrefetchTasks", kind: "down", durationMs: 1500 }]);
    assert.match(await socketError(FIND.teo.count(emu)), /ECONNRESET|socket hang up/);
    assert.equal(await socketError(SUBMIT.teo.call(emu)), "ECONNREFUSED");
    const during = await emu.control.state();
    assert.ok(during.downUntil !== null, "the in-process control keeps working and reports the outage");
    await waitUntilUp(emu);
    assert.equal(await FIND.teo.count(emu), 1);
    const stats = await emu.control.stats();
    assert.deepEqual([stats.submits.teo, stats.calls["teo:DescribePrefetchTasks"]], [1, 1]);
    assert.equal((await emu.control.state()).downUntil, null);
  });

  it("down (begin after): the call is answered with Connection: close, and the next connection is refused before sending", async function () {
    this.timeout(20_000);
    await emu.control.addFaults([{ product: "cdn", action: "DescribeRefreshQuota", kind: "down", begin: "after", durationMs: 1500 }]);
    const quota = await aliCall(emu, "cdn", "DescribeRefreshQuota", {});
    assert.deepEqual([quota.status, quota.headers.connection], [200, "close"]);
    assert.equal(await socketError(SUBMIT.cdn.call(emu)), "ECONNREFUSED");
    assert.equal((await emu.control.stats()).submits.cdn, 0);
    await waitUntilUp(emu);
    assert.equal((await SUBMIT.cdn.call(emu)).status, 200);
    assert.equal((await emu.control.stats()).submits.cdn, 1);
  });

  it("down: a control-plane reset ends the outage at once", async () => {
    await emu.control.addFaults([{ product: "esa", kind: "down", durationMs: 60_000 }]);
    await socketError(SUBMIT.esa.call(emu));
    await emu.control.reset();
    assert.equal((await emu.control.state()).downUntil, null);
    assert.equal((await SUBMIT.esa.call(emu)).status, 200);
  });

  describe("refusal codes", () => {
    const ALIBABA: [Exclude<Product, "teo">, string, number][] = [
      ["cdn", "ServiceBusy", 403], ["cdn", "InvalidDomain.Offline", 404], ["cdn", "OperationDenied", 403], ["cdn", "PreloadQueueFull", 400],
      ["dcdn", "ServiceBusy", 403], ["dcdn", "InvalidDomain.Offline", 404], ["esa", "Site.ServiceBusy", 400], ["cdn", "Throttling", 503],
    ];
    for (const [product, code, status] of ALIBABA) {
      it(`Alibaba ${product} ${code}: HTTP ${status} (the table's status when the fault names none) and the error envelope`, async () => {
        await emu.control.addFaults([{ product, action: SUBMIT[product].action, kind: "error", code }]);
        const r = await SUBMIT[product].call(emu);
        const b = json(r);
        assert.equal(r.status, status);
        assert.equal(b.Code, code);
        assert.ok(b.Message && b.Message !== code, "a documented message");
        assert.equal(r.headers["x-acs-request-id"], b.RequestId);
        assert.ok(b.HostId && b.Recommend);
        assert.equal((await emu.control.stats()).submits[product], 0);
      });
    }

    it("Alibaba: an explicit httpStatus wins over the table", async () => {
      await emu.control.addFaults([{ product: "cdn", kind: "error", code: "ServiceBusy", httpStatus: 503, message: "busy" }]);
      const r = await SUBMIT.cdn.call(emu);
      assert.deepEqual([r.status, json(r).Code, json(r).Message], [503, "ServiceBusy", "busy"]);
    });

    const TENCENT = ["OperationDenied", "UnauthorizedOperation.DomainEmpty", "LimitExceeded.PackNotAllow", "LimitExceeded.DailyQuota",
      "LimitExceeded.BatchQuota", "ResourceUnavailable", "FailedOperation"];
    for (const code of TENCENT) {
      it(`Tencent ${code}: HTTP 200 with the Response.Error envelope`, async () => {
        await emu.control.addFaults([{ product: "teo", kind: "error", code }]);
        const r = await SUBMIT.teo.call(emu);
        const b = json(r).Response;
        assert.equal(r.status, 200);
        assert.equal(b.Error.Code, code);
        assert.ok(b.Error.Message && !b.Error.Message.includes("Injected"), b.Error.Message);
        assert.equal(typeof b.RequestId, "string");
        assert.equal(b.JobId, undefined);
        assert.equal((await emu.control.stats()).submits.teo, 0);
      });
    }
  });

  describe("through the official SDKs", () => {
    it("EdgeOne: a malformed answer to CreatePrefetchTask is an error, and the task exists", async () => {
      const c = new teo.v20220901.Client({ credential: emu.credentials.tencent, region: "", profile: { httpProfile: { endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" } } });
      await emu.control.addFaults([{ product: "teo", kind: "malformed" }]);
      await assert.rejects(c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: [URL_OF.teo] }));
      assert.equal(await FIND.teo.count(emu), 1);
    });

    it("Alibaba CDN: a malformed answer to PushObjectCache is an error, and the task exists", async () => {
      const target = { host: `127.0.0.1:${emu.port}`, keyId: emu.credentials.alibaba.accessKeyId, secret: emu.credentials.alibaba.accessKeySecret };
      const c = cdnClient(target as AliFixture);
      await emu.control.addFaults([{ product: "cdn", kind: "malformed" }]);
      await assert.rejects(c.pushObjectCache(new models.Cdn.PushObjectCacheRequest({ objectPath: URL_OF.cdn })));
      assert.equal(await FIND.cdn.count(emu), 1);
    });
  });
});
