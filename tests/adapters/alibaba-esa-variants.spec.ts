/**
 * The ESA adapter against the emulator under every ESA variant (emulator/esa/variants.ts, emulator/alibaba/variants.ts,
 * tasks.visibilityLag): submit, status until done and reconciliation are right whatever the undocumented behaviour.
 * Then the fixes of issue 8 one by one: `DescribePreloadTasks` has no task-id filter (seed 001), so a task is ours when
 * its URL matches and it was created at or after the batch's submit second (its `CreateTime` has no zone); a re-run is
 * never reported done from the previous run's task; adopted batches are searched from their `windowStart`; `EndTime`
 * is never in the future; few URLs are looked up with the exact `Content` filter, many with a listing that stops once
 * every URL is found; the quota's remainder comes from `ListInstanceQuotasWithUsage`.
 */
import assert from "node:assert/strict";
import { forgetAll } from "../../provider/adapters/memory";
import { isCloudError } from "../../provider/model/errors";
import type { AlibabaEsaSpec } from "../../provider/model/spec";
import type { SubmittedBatch } from "../../provider/model/task";
import { settingName, startAlibabaEmulator, submitWhenReady, variantSettings, type AlibabaEmulator } from "./support/alibaba-emulator";

const SPEC: AlibabaEsaSpec = { cloud: "alibaba-esa", siteId: "4242", hostnames: [], headers: {} };
/** Submit forms: plain, a host in mixed case, lower-case escapes (the cloud may echo them normalised: alibaba.urlEcho). */
const URLS = ["https://esa.example.com/a.js", "https://Esa.Example.com/b.css", "https://esa.example.com/dir/%e4%b8%ad.png?v=%2f"];

/**
 * Under `tasks.unknownStatus` (a status the adapters do not know, or a blank one) a finished URL must stay `running`,
 * naming the raw status, never succeed: returns true when the setting is such a value and that holds.
 */
function unknownStatusHeld(setting: Record<string, string>, observations: { status: string; unknownStatus?: string }[], count: number): boolean {
  const v = setting["tasks.unknownStatus"];
  if (v === undefined || v === "none") return false;
  assert.deepEqual(observations.map((o) => [o.status, o.unknownStatus]), Array(count).fill(["running", v === "blank" ? "(none)" : v]));
  return true;
}
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe("adapters: Alibaba ESA under every emulator variant", () => {
  let h: AlibabaEmulator;
  before(async () => { h = await startAlibabaEmulator(); });
  after(async () => h.close());
  beforeEach(() => forgetAll());

  for (const setting of variantSettings("esa")) {
    it(`${settingName(setting)}: submit, wait until done, reconcile`, async () => {
      await h.reset(setting);
      const a = h.adapter("alibaba-esa");
      if (setting["esa.siteEndpoint"] === "other") {
        await assert.rejects(a.submit(SPEC, URLS), (e: unknown) => isCloudError(e) && e.kind === "invalid" && e.detail === "scopeNotFound" &&
          /alicloud:accountType/.test(e.message), "refused before anything is accepted, naming the setting that selects the other endpoint");
        return;
      }
      const since = h.now();
      const { taskIds } = await submitWhenReady(h, a, SPEC, URLS);
      assert.equal(taskIds.length, 1);
      const batch: SubmittedBatch = { taskIds, urls: URLS, submittedAt: iso(h.now()) };
      await h.advance(1_000);
      const early = await a.query(SPEC, [batch]);
      assert.deepEqual(early.observations.filter((o) => o.status === "succeeded" || o.status === "failed"), [], "nothing is done yet");
      await h.advance(65_000);
      const done = await a.query(SPEC, [batch]);
      if (unknownStatusHeld(setting, done.observations, URLS.length)) return;
      assert.equal(done.historyUnavailable, false);
      assert.deepEqual(done.observations.map((o) => [o.url, o.status, o.taskId !== null]).sort(), URLS.map((u) => [u, "succeeded", true]).sort());
      const found = await a.findTasks(SPEC, URLS, since);
      assert.deepEqual(found.map((t) => [t.url, t.status]).sort(), URLS.map((u) => [u, "succeeded"]).sort());
      for (const t of found) {
        assert.ok(t.createdAtMs !== null && t.createdAtMs >= Math.floor(since / 1000) * 1000 && t.createdAtMs <= h.now(),
          `createdAtMs ${t.createdAtMs === null ? null : iso(t.createdAtMs)} is the submit time, whatever the zone of CreateTime`);
      }
      await h.emu.control.addFaults([{ product: "esa", action: "DescribePreloadTasks", kind: "throttle" }]);
      await assert.rejects(a.query(SPEC, [batch]), (e: unknown) => isCloudError(e) && e.kind === "throttled");
    });
  }
});

describe("adapters: Alibaba ESA matching by URL and creation time", () => {
  let h: AlibabaEmulator;
  before(async () => { h = await startAlibabaEmulator(); });
  after(async () => h.close());
  beforeEach(() => forgetAll());

  for (const ids of ["submitId", "perUrlId"]) {
    for (const zone of ["utc8", "utc"]) {
      for (const [lag, order] of [["0", "newestFirst"], ["5000", "newestFirst"], ["0", "oldestFirst"], ["5000", "oldestFirst"]]) {
        const setting = { "esa.listTaskIds": ids, "esa.createTimeZone": zone, "tasks.visibilityLag": lag, "alibaba.listOrder": order };
        it(`${settingName(setting)}: a re-run minutes later is never reported done from the previous run's task`, async () => {
          await h.reset(setting);
          const a = h.adapter("alibaba-esa");
          await a.submit(SPEC, [URLS[0]]);
          await h.advance(65_000);
          await h.advance(3 * 60_000);
          const rerun: SubmittedBatch = { ...(await a.submit(SPEC, [URLS[0]])), urls: [URLS[0]], submittedAt: iso(h.now()) };
          const now = await a.query(SPEC, [rerun]);
          assert.deepEqual(now.observations.filter((o) => o.status === "succeeded"), [], "the previous run's Complete task is not ours");
          await h.advance(65_000);
          assert.deepEqual((await a.query(SPEC, [rerun])).observations.map((o) => o.status), ["succeeded"]);
        });
      }
    }
  }

  for (const zone of ["utc8", "utc"]) {
    it(`esa.createTimeZone=${zone}: adopted tasks are found from the batch's windowStart, also as it nears the 3-day edge`, async () => {
      await h.reset({ "esa.createTimeZone": zone, "esa.listTaskIds": "perUrlId" });
      const a = h.adapter("alibaba-esa");
      const t0 = h.now();
      const { taskIds } = await a.submit(SPEC, URLS);
      await h.advance(10 * 60_000);
      const adoptedAt = h.now();
      const given: SubmittedBatch = { taskIds, urls: URLS, submittedAt: iso(t0 - 60_000), windowStart: iso(t0 - 60_000) };
      const whole: SubmittedBatch = { taskIds, urls: URLS, submittedAt: iso(adoptedAt), windowStart: iso(adoptedAt - 3 * DAY + 60_000) };
      for (const batch of [given, whole]) {
        const res = await a.query(SPEC, [batch]);
        assert.equal(res.historyUnavailable, false);
        assert.deepEqual(res.observations.map((o) => [o.url, o.status]).sort(), URLS.map((u) => [u, "succeeded"]).sort());
      }
      await h.advance(30 * 60_000);
      const later = await a.query(SPEC, [whole]);
      assert.deepEqual([later.historyUnavailable, later.observations.length], [false, URLS.length], "the window is clamped inside the history");
    });
  }

  it("alibaba.futureEndTime=refuse: the query and list windows end now, so they are never refused", async () => {
    await h.reset({ "alibaba.futureEndTime": "refuse" });
    const a = h.adapter("alibaba-esa");
    const since = h.now();
    const { taskIds } = await a.submit(SPEC, URLS);
    await h.advance(65_000);
    const res = await a.query(SPEC, [{ taskIds, urls: URLS, submittedAt: iso(since) }]);
    assert.deepEqual([res.historyUnavailable, res.observations.length], [false, URLS.length]);
    assert.equal((await a.findTasks(SPEC, URLS, since)).length, URLS.length);
  });

  it("looks few URLs up with the Content filter, and stops paging a listing once every URL is found", async () => {
    await h.reset();
    const a = h.adapter("alibaba-esa");
    const filler = Array.from({ length: 100 }, (_, i) => `https://esa.example.com/filler/${i}.js`);
    await a.submit(SPEC, filler);
    await h.advance(30_000);
    const mine = Array.from({ length: 12 }, (_, i) => `https://esa.example.com/mine/${i}.js`);
    const at = iso(h.now());
    const { taskIds } = await a.submit(SPEC, mine);
    await h.advance(65_000);
    let before = await h.calls("esa:DescribePreloadTasks");
    const few = await a.query(SPEC, [{ taskIds, urls: mine.slice(0, 2), submittedAt: at }]);
    assert.deepEqual(few.observations.map((o) => o.status), ["succeeded", "succeeded"]);
    assert.equal(await h.calls("esa:DescribePreloadTasks") - before, 2, "one Content lookup per URL");
    before = await h.calls("esa:DescribePreloadTasks");
    const many = await a.query(SPEC, [{ taskIds, urls: mine, submittedAt: at }]);
    assert.equal(many.observations.length, mine.length);
    assert.equal(await h.calls("esa:DescribePreloadTasks") - before, 1, "the newest page holds every URL: no further page is read");
  });

  it("alibaba.listOrder=oldestFirst: a listing of many earlier tasks of the same URLs is read until our tasks, never stopped on an older one", async () => {
    await h.reset({ "alibaba.listOrder": "oldestFirst", "esa.listTaskIds": "perUrlId" });
    const a = h.adapter("alibaba-esa");
    const mine = Array.from({ length: 12 }, (_, i) => `https://esa.example.com/mine/${i}.js`);
    for (let run = 0; run < 5; run++) {
      await a.submit(SPEC, mine);
      await h.advance(65_000);
    }
    const at = iso(h.now());
    const { taskIds } = await a.submit(SPEC, mine);
    await h.advance(1_000);
    const res = await a.query(SPEC, [{ taskIds, urls: mine, submittedAt: at }]);
    assert.deepEqual(res.observations.filter((o) => o.status === "succeeded"), [], "the earlier runs' Complete tasks are not ours");
    await h.advance(65_000);
    const done = await a.query(SPEC, [{ taskIds, urls: mine, submittedAt: at }]);
    assert.deepEqual(done.observations.map((o) => o.status), mine.map(() => "succeeded"));
  });

  it("esa.urlsPerRequest=50: a request over the real limit is refused whole, reported as the per-request limit naming its size", async () => {
    await h.reset({ "esa.urlsPerRequest": "50" });
    const a = h.adapter("alibaba-esa");
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://esa.example.com/batch/${i}.js`);
    await assert.rejects(a.submit(SPEC, urls(51)), (e: unknown) => isCloudError(e) && e.kind === "quota" && e.detail === "batchLimit" &&
      /request of 51 URLs/.test(e.message) && /maximum of 50 URLs/.test(e.message) && /does not document/.test(e.message));
    assert.deepEqual(await h.emu.control.tasks(), [], "nothing accepted");
    assert.equal((await a.submit(SPEC, urls(50))).taskIds.length, 1);
    await assert.rejects(a.submit(SPEC, ["https://esa.example.com/ok.js", "https://bad host/x"]), (e: unknown) => isCloudError(e) && e.detail !== "batchLimit",
      "a refusal of one bad URL is not the per-request limit");
  });

  for (const code of ["QuotaExceeded.Preload", "Preload.QuotaExceeded"]) {
    it(`esa.quotaExceededCode=${code}: the quota refusal is a quota error (nothing accepted, not retried), never invalid or unknown`, async () => {
      await h.reset({ "esa.quotaExceededCode": code }, { quotas: { esa: { daily: 4 } } } as never);
      const a = h.adapter("alibaba-esa");
      await a.submit(SPEC, URLS);
      await assert.rejects(a.submit(SPEC, URLS), (e: unknown) => isCloudError(e) && e.kind === "quota" && e.code === code);
      assert.equal((await h.emu.control.tasks()).length, URLS.length);
    });
  }

  for (const period of ["dailyUtc8", "dailyUtc", "rolling30Days"]) {
    it(`esa.quotaPeriod=${period}: the remainder is the plan's allowance less the usage the cloud reports for its period`, async () => {
      await h.reset({ "esa.quotaPeriod": period }, { quotas: { esa: { daily: 10 } } } as never);
      const a = h.adapter("alibaba-esa");
      const spec = { ...SPEC, instanceId: "sp-xcdn-test" };
      await h.advance(DAY - ((h.now() - 12 * 3_600_000) % DAY + DAY) % DAY);
      await a.submit(spec, URLS);
      assert.deepEqual(await a.quota(spec), { daily: 10, remaining: 7, perRequest: null });
      await h.advance(13 * 3_600_000);
      const expected = period === "rolling30Days" ? 7 : 10;
      assert.deepEqual(await a.quota(spec), { daily: 10, remaining: expected, perRequest: null }, "after both midnights");
    });
  }

  it("reads the plan's prefetch quota with its usage (ListInstanceQuotasWithUsage), so the remainder is real", async () => {
    await h.reset();
    const a = h.adapter("alibaba-esa");
    const spec = { ...SPEC, instanceId: "sp-xcdn-test" };
    const before = await a.quota(spec);
    assert.ok(before !== null && before.daily !== null && before.remaining === before.daily, JSON.stringify(before));
    await a.submit(spec, URLS);
    assert.deepEqual(await a.quota(spec), { daily: before.daily, remaining: before.daily - URLS.length, perRequest: null });
  });
});
