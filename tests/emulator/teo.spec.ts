/**
 * The EdgeOne (TEO 2022-09-01) emulator, called with the OFFICIAL tencentcloud-sdk-nodejs-teo client.
 */
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator";
import { tc3Signature } from "../../emulator/teo/signature";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { teo } = require("tencentcloud-sdk-nodejs-teo");
type Emu = Awaited<ReturnType<typeof startEmulator>>;

function client(emu: Emu, secretKey = emu.credentials.tencent.secretKey, secretId = emu.credentials.tencent.secretId) {
  return new teo.v20220901.Client({ credential: { secretId, secretKey }, region: "", profile: { httpProfile: { endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" } } });
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try { await p; } catch (e) { return e as { code: string; message: string }; }
  assert.fail("expected an error");
}

describe("emulator: Tencent EdgeOne with the official SDK", () => {
  let emu: Emu;
  before(async () => {
    emu = await startLocalEmulator();
  });
  beforeEach(async () => {
    await resetManual(emu);
  });
  after(async () => emu.close());

  it("matches the TC3 test vector of cloud-apis.md §C.4", () => {
    const sig = tc3Signature({ method: "POST", path: "/", query: "", headers: { "content-type": "application/json", host: "teo.tencentcloudapi.com" },
      signedHeaders: ["content-type", "host"], body: '{"ZoneId":"zone-1","Targets":["http://www.example.com/a.txt"]}',
      timestamp: "1735689600", date: "2025-01-01", service: "teo", secretKey: "testsecret" });
    assert.equal(sig, "fc804eb3d4bac8aa5fc2bdd73ada6957dc5551cee876a70069672fdcea1ac6dd");
  });

  it("round-trips submit and query, with per-URL status moving processing → success/failed", async () => {
    await emu.control.setRules([{ match: "bad", outcome: "failed" }], 10_000);
    const c = client(emu);
    const sub = await c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: ["https://www.example.com/a.js", "https://www.example.com/bad.js"] });
    assert.match(sub.JobId, /^[0-9a-z]{12}$/);
    assert.deepEqual(sub.FailedList, []);
    const q = () => c.DescribePrefetchTasks({ ZoneId: "zone-abc1", Filters: [{ Name: "job-id", Values: [sub.JobId] }] });
    let r = await q();
    assert.equal(r.TotalCount, 2);
    assert.deepEqual(r.Tasks.map((t: { Status: string }) => t.Status), ["processing", "processing"]);
    await emu.control.advance(10_000);
    r = await q();
    const bad = r.Tasks.find((t: { Target: string }) => t.Target.endsWith("bad.js"));
    const good = r.Tasks.find((t: { Target: string }) => t.Target.endsWith("a.js"));
    assert.equal(good.Status, "success");
    assert.equal(bad.Status, "failed");
    assert.equal(bad.FailType, "originPullFailed");
    assert.match(bad.FailMessage, /Origin-pull failure/);
    assert.match(good.CreateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal((await emu.control.stats()).submits.teo, 1);
  });

  it("refuses a wrong key, an unknown SecretId and an expired timestamp", async () => {
    assert.equal((await errorOf(client(emu, "wrong").DescribeContentQuota({ ZoneId: "zone-abc1" }))).code, "AuthFailure.SignatureFailure");
    assert.equal((await errorOf(client(emu, "k", "AKIDnobody").DescribeContentQuota({ ZoneId: "zone-abc1" }))).code, "AuthFailure.SecretIdNotFound");
    const body = JSON.stringify({ ZoneId: "zone-abc1" });
    const ts = String(Math.floor(Date.now() / 1000) - 3600);
    const date = new Date(Number(ts) * 1000).toISOString().slice(0, 10);
    const headers = { "content-type": "application/json", host: `127.0.0.1:${emu.port}` };
    const sig = tc3Signature({ method: "POST", path: "/", query: "", headers, signedHeaders: ["content-type", "host"], body, timestamp: ts, date, service: "127", secretKey: emu.credentials.tencent.secretKey });
    const res = await fetch(`${emu.url}/`, { method: "POST", body, headers: { ...headers, "x-tc-action": "DescribeContentQuota", "x-tc-version": "2022-09-01", "x-tc-timestamp": ts,
      authorization: `TC3-HMAC-SHA256 Credential=${emu.credentials.tencent.secretId}/${date}/127/tc3_request, SignedHeaders=content-type;host, Signature=${sig}` } });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).Response.Error.Code, "AuthFailure.SignatureExpire");
  });

  it("lists refused targets in FailedList and refuses a request with none acceptable", async () => {
    await emu.control.setConfig({ restrict: { teoZones: [{ zoneId: "zone-abc1", domains: ["www.example.com"] }] } });
    const c = client(emu);
    const sub = await c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: ["https://www.example.com/a", "https://other.example.org/b", "ftp://www.example.com/c"] });
    assert.equal(sub.FailedList.length, 2);
    assert.deepEqual(sub.FailedList.flatMap((f: { Targets: string[] }) => f.Targets).sort(), ["ftp://www.example.com/c", "https://other.example.org/b"]);
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: ["https://nope.example.org/x"] }))).code, "InvalidParameter.Target");
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: "zone-zzz9", Targets: ["https://www.example.com/x"] }))).code, "ResourceNotFound");
  });

  it("enforces batch and daily quotas, reported by DescribeContentQuota", async () => {
    await emu.control.setConfig({ quotas: { teo: { batch: 2, daily: 3 } } });
    const c = client(emu);
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://www.example.com/${i}`);
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: urls(3) }))).code, "LimitExceeded.BatchQuota");
    await c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: urls(2) });
    const q = await c.DescribeContentQuota({ ZoneId: "zone-abc1" });
    assert.deepEqual(q.PrefetchQuota, [{ Type: "prefetch_url", Batch: 2, Daily: 3, DailyAvailable: 1 }]);
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: urls(2) }))).code, "LimitExceeded.DailyQuota");
    await emu.control.advance(86_400_000);
    await c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: urls(2) });
  });

  it("requires job-id or a time range of at most 7 days; filters and pages", async () => {
    const c = client(emu);
    const a = await c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: ["https://a.example.com/1", "https://a.example.com/2", "https://b.example.com/3"] });
    assert.equal((await errorOf(c.DescribePrefetchTasks({ ZoneId: "zone-abc1" }))).code, "InvalidParameter.ParameterError");
    const now = Date.now();
    const e = await errorOf(c.DescribePrefetchTasks({ ZoneId: "zone-abc1", StartTime: new Date(now - 8 * 86_400_000).toISOString(), EndTime: new Date(now).toISOString() }));
    assert.match(e.message, /cannot exceed 7 days/);
    const range = { StartTime: new Date((await emu.control.state()).now - 60_000).toISOString(), EndTime: new Date((await emu.control.state()).now + 60_000).toISOString() };
    const page = await c.DescribePrefetchTasks({ ZoneId: "zone-abc1", ...range, Limit: 2, Offset: 2 });
    assert.deepEqual([page.TotalCount, page.Tasks.length], [3, 1]);
    const dom = await c.DescribePrefetchTasks({ ZoneId: "zone-abc1", ...range, Filters: [{ Name: "domains", Values: ["b.example.com"] }] });
    assert.deepEqual(dom.Tasks.map((t: { Target: string }) => t.Target), ["https://b.example.com/3"]);
    const tgt = await c.DescribePrefetchTasks({ ZoneId: "zone-abc1", Filters: [{ Name: "job-id", Values: [a.JobId] }, { Name: "target", Values: ["https://a.example.com/2"] }] });
    assert.equal(tgt.TotalCount, 1);
    const st = await c.DescribePrefetchTasks({ ZoneId: "zone-abc1", ...range, Filters: [{ Name: "statuses", Values: ["success"] }] });
    assert.equal(st.TotalCount, 0);
  });

  it("hides tasks during the visibility lag and after the history window", async () => {
    await emu.control.setConfig({ visibilityLagMs: 5000 });
    const c = client(emu);
    const sub = await c.CreatePrefetchTask({ ZoneId: "zone-abc1", Targets: ["https://a.example.com/1"] });
    const q = () => c.DescribePrefetchTasks({ ZoneId: "zone-abc1", Filters: [{ Name: "job-id", Values: [sub.JobId] }] });
    assert.equal((await q()).TotalCount, 0);
    await emu.control.advance(5000);
    assert.equal((await q()).TotalCount, 1);
    await emu.control.advance(31 * 86_400_000);
    assert.equal((await q()).TotalCount, 0);
  });

  it("injects throttling and internal errors as the SDK surfaces them", async () => {
    await emu.control.addFaults([{ product: "teo", action: "DescribeContentQuota", kind: "throttle" }, { product: "teo", kind: "internal" }]);
    const c = client(emu);
    assert.equal((await errorOf(c.DescribeContentQuota({ ZoneId: "zone-abc1" }))).code, "RequestLimitExceeded");
    assert.equal((await errorOf(c.DescribeContentQuota({ ZoneId: "zone-abc1" }))).code, "InternalError");
    await c.DescribeContentQuota({ ZoneId: "zone-abc1" });
  });

  it("answers parameter errors with vendor codes", async () => {
    const c = client(emu);
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: "zone-abc1" }))).code, "MissingParameter");
    assert.equal((await errorOf(c.CreatePrefetchTask({ ZoneId: "Zone One", Targets: ["https://a.example.com/"] }))).code, "InvalidParameter.ParameterError");
    assert.equal((await errorOf(c.DescribePrefetchTasks({ ZoneId: "zone-abc1", Limit: 5000, Filters: [{ Name: "job-id", Values: ["x"] }] }))).code, "InvalidParameterValue");
  });
});
