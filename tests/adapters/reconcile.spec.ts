/**
 * Reconciliation building blocks (window, lookups vs listing, answer shape) and the exact list requests each adapter's
 * `findTasks` sends through its SDK, against a scripted server.
 */
import assert from "node:assert/strict";
import { createAdapter } from "../../provider/adapters/registry";
import { filterValues, foundTasks, MAX_FILTERED_LOOKUPS, RECONCILE_MARGIN_MS, reconcileWindow, splitWindow } from "../../provider/adapters/reconcile";
import { domainNameFor, storedObjectPath } from "../../provider/adapters/alibaba/refresh-list";
import { domainFilters, teoTime } from "../../provider/adapters/edgeone/find";
import type { CloudKind } from "../../provider/model/cloud";
import type { FoundTask } from "../../provider/model/task";
import { FixtureServer, tencent } from "./support/fixture-server";
import { manualClock, testConnection } from "./support/connection";

const NOW = Date.parse("2026-11-23T00:00:00Z");
const SINCE = Date.parse("2026-11-22T23:00:00Z");
const DAY = 86_400_000;

describe("adapters: reconciliation building blocks", () => {
  it("widens the window by the margin, rounds inwards to whole seconds and clamps it to the retention", () => {
    assert.equal(RECONCILE_MARGIN_MS, 120_000);
    assert.deepEqual(reconcileWindow(SINCE, NOW, 3), { startMs: SINCE - 120_000, endMs: NOW });
    assert.deepEqual(reconcileWindow(SINCE + 1, NOW + 999, 3), { startMs: SINCE - 119_000, endMs: NOW });
    assert.deepEqual(reconcileWindow(NOW - 10 * DAY, NOW, 3), { startMs: NOW - 3 * DAY + 120_000, endMs: NOW });
    assert.equal(reconcileWindow(NOW + 10 * 60_000, NOW, 3), null, "a future sinceMs has nothing to find");
  });

  it("splits a window into consecutive ranges no longer than the vendor allows, newest first", () => {
    const w = { startMs: NOW - 10 * DAY, endMs: NOW };
    const parts = splitWindow(w, 7 * DAY);
    assert.deepEqual(parts, [{ startMs: NOW - 7 * DAY, endMs: NOW }, { startMs: NOW - 10 * DAY, endMs: NOW - 7 * DAY - 1000 }]);
    assert.deepEqual(splitWindow({ startMs: NOW - 60_000, endMs: NOW }, 7 * DAY), [{ startMs: NOW - 60_000, endMs: NOW }]);
  });

  it("looks URLs up one by one only when they are few and already canonical", () => {
    assert.deepEqual(filterValues(["https://a.com/x", "http://a.com/y?z=1"], (u) => u), ["https://a.com/x", "http://a.com/y?z=1"]);
    assert.equal(filterValues(Array.from({ length: MAX_FILTERED_LOOKUPS + 1 }, (_, i) => `https://a.com/${i}`), (u) => u), null);
    for (const odd of ["https://a.com/a b", "https://A.com/x", "https://a.com", "https://a.com/%2f", "https://a.com/ü"]) {
      assert.equal(filterValues([odd], (u) => u), null, odd);
    }
    assert.deepEqual(filterValues(["a.com/x"], storedObjectPath), ["http://a.com/x"]);
  });

  it("drops tasks before the window and duplicates, newest first, unknown times last", () => {
    const t = (taskId: string, createdAtMs: number | null): FoundTask => ({ url: "u", taskId, createdAtMs, status: "running" });
    assert.deepEqual(foundTasks([t("a", 1000), t("none", null), t("b", 3000), t("b", 3000), t("early", 999)], 1000).map((x) => x.taskId),
      ["b", "a", "none"]);
    assert.deepEqual(foundTasks([t("early", 999)], null).map((x) => x.taskId), ["early"], "null: the vendor's window is trusted");
  });

  it("builds the Alibaba filters: stored ObjectPath form and DomainName only when it covers every URL", () => {
    assert.equal(storedObjectPath("a.com/x"), "http://a.com/x");
    assert.equal(storedObjectPath("https://a.com/x"), "https://a.com/x");
    assert.equal(domainNameFor("A.com", ["a.com/x", "https://a.com/y"]), "a.com");
    assert.equal(domainNameFor("a.com", ["a.com/x", "b.a.com/y"]), undefined);
    assert.equal(domainNameFor(null, ["a.com/x"]), undefined);
  });

  it("builds the EdgeOne filters and times: domains in groups of 20, ISO 8601 with an offset", () => {
    const urls = Array.from({ length: 21 }, (_, i) => `https://h${i}.example.com/x`);
    assert.deepEqual(domainFilters(urls).map((f) => f[0].Values.length), [20, 1]);
    assert.deepEqual(domainFilters(["https://A.example.com/x", "http://a.example.com/y"]), [[{ Name: "domains", Values: ["a.example.com"] }]]);
    assert.equal(teoTime(Date.parse("2026-11-23T00:00:00.900Z")), "2026-11-23T00:00:00+00:00");
  });
});

describe("adapters: findTasks requests (scripted server)", () => {
  let server: FixtureServer;
  let endpoint: string;
  const clock = manualClock("2026-11-23T00:00:00Z");
  const adapter = (cloud: CloudKind) => createAdapter(cloud, testConnection(endpoint, cloud === "edgeone" ? { region: "" } : {}), clock);

  beforeEach(async () => {
    server = new FixtureServer();
    endpoint = await server.start();
  });
  afterEach(() => server.close());

  it("EdgeOne: a target lookup per URL over the window; the domains filter for many URLs", async () => {
    server.otherwise("DescribePrefetchTasks", tencent({ TotalCount: 2, Tasks: [
      { JobId: "j2", Target: "https://www.example.com/a.js", Status: "success", CreateTime: "2026-11-22T23:30:00Z" },
      { JobId: "j0", Target: "https://www.example.com/a.js", Status: "success", CreateTime: "2026-11-22T22:57:59Z" },
    ] }));
    const spec = { cloud: "edgeone" as const, zoneId: "zone-2noz78a8ev6k", mode: null, headers: {}, prefetchMediaSegments: null };
    const found = await adapter("edgeone").findTasks(spec, ["https://www.example.com/a.js"], SINCE);
    assert.deepEqual(found, [{ url: "https://www.example.com/a.js", taskId: "j2", createdAtMs: Date.parse("2026-11-22T23:30:00Z"), status: "succeeded" }],
      "a task the vendor lists before the window is dropped");
    assert.deepEqual(server.calls("DescribePrefetchTasks").map((c) => c.json), [{
      ZoneId: spec.zoneId, StartTime: "2026-11-22T22:58:00+00:00", EndTime: "2026-11-23T00:00:00+00:00", Offset: 0, Limit: 1000,
      Filters: [{ Name: "target", Values: ["https://www.example.com/a.js"] }],
    }]);
    const many = Array.from({ length: 11 }, (_, i) => `https://www.example.com/${i}.js`);
    await adapter("edgeone").findTasks(spec, many, SINCE);
    assert.deepEqual(server.calls("DescribePrefetchTasks")[1].json?.Filters, [{ Name: "domains", Values: ["www.example.com"] }]);
  });

  it("CDN: DescribeRefreshTasks with ObjectPath (scheme added), ObjectType=preload, DomainName, UTC window, pages of 100", async () => {
    server.otherwise("DescribeRefreshTasks", { body: { RequestId: "R", PageNumber: 1, PageSize: 100, TotalCount: 1, Tasks: { CDNTask: [
      { TaskId: "704225667", ObjectPath: "http://cdn.example.com/a.js", ObjectType: "preload", Status: "Refreshing", Process: "10%", CreationTime: "2026-11-22T23:00:01Z" },
    ] } } });
    const spec = { cloud: "alibaba-cdn" as const, domain: "cdn.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null };
    const found = await adapter("alibaba-cdn").findTasks(spec, ["cdn.example.com/a.js"], SINCE);
    assert.deepEqual(found, [{ url: "cdn.example.com/a.js", taskId: "704225667", createdAtMs: Date.parse("2026-11-22T23:00:01Z"), status: "running" }]);
    const [call] = server.calls("DescribeRefreshTasks");
    assert.deepEqual(call.query, {
      ObjectPath: "http://cdn.example.com/a.js", ObjectType: "preload", DomainName: "cdn.example.com",
      StartTime: "2026-11-22T22:58:00Z", EndTime: "2026-11-23T00:00:00Z", PageNumber: "1", PageSize: "100",
    });
  });

  it("DCDN: DescribeDcdnRefreshTasks, pages of 50, tasks under Tasks.Task; a listing without DomainName when it would not cover every URL", async () => {
    server.otherwise("DescribeDcdnRefreshTasks", { body: { RequestId: "R", TotalCount: 1, Tasks: { Task: [
      { TaskId: "95248880", ObjectPath: "https://d.example.com/5.js", ObjectType: "preload", Status: "Complete", Process: "100%", CreationTime: "2026-11-22T23:10:00Z" },
    ] } } });
    const spec = { cloud: "alibaba-dcdn" as const, domain: "d.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null };
    const urls = [...Array.from({ length: 11 }, (_, i) => `https://d.example.com/${i}.js`), "https://other.example.com/x.js"];
    const found = await adapter("alibaba-dcdn").findTasks(spec, urls, SINCE);
    assert.deepEqual(found.map((t) => [t.url, t.taskId, t.status]), [["https://d.example.com/5.js", "95248880", "succeeded"]]);
    assert.deepEqual(server.calls("DescribeDcdnRefreshTasks").map((c) => c.query), [{
      ObjectType: "preload", StartTime: "2026-11-22T22:58:00Z", EndTime: "2026-11-23T00:00:00Z", PageNumber: "1", PageSize: "50",
    }]);
  });

  it("ESA: DescribePreloadTasks (GET) with Content per URL over the UTC window; CreateTime reported, the window trusted", async () => {
    server.otherwise("DescribePreloadTasks", { body: { RequestId: "R", TotalCount: 1, Tasks: [
      { TaskId: "1597854579687428", Content: "https://e.example.com/a.js", Status: "Complete", Process: "100%", CreateTime: "2026-11-23 07:00:00" },
    ] } });
    const spec = { cloud: "alibaba-esa" as const, siteId: "123456789", hostnames: [], headers: {} };
    const found = await adapter("alibaba-esa").findTasks(spec, ["https://e.example.com/a.js"], SINCE);
    assert.deepEqual(found, [{ url: "https://e.example.com/a.js", taskId: "1597854579687428", createdAtMs: Date.parse("2026-11-22T23:00:00Z"), status: "succeeded" }]);
    assert.deepEqual(server.calls("DescribePreloadTasks").map((c) => [c.method, c.query]), [["GET", {
      SiteId: "123456789", Content: "https://e.example.com/a.js", StartTime: "2026-11-22T22:58:00Z", EndTime: "2026-11-23T00:00:00Z",
      PageNumber: "1", PageSize: "50",
    }]]);
  });

  it("never cuts a reconciliation listing short: the page guard fails the call (transient)", async () => {
    server.otherwise("DescribePreloadTasks", { body: { RequestId: "R", TotalCount: 1_000_000, Tasks: [
      { TaskId: "1", Content: "https://e.example.com/a.js", Status: "Complete", CreateTime: "2026-11-23 07:00:00" },
    ] } });
    const spec = { cloud: "alibaba-esa" as const, siteId: "123456789", hostnames: [], headers: {} };
    await assert.rejects(adapter("alibaba-esa").findTasks(spec, ["https://e.example.com/a.js"], SINCE),
      (e: Error & { kind?: string; code?: string }) => e.kind === "transient" && e.code === "TooManyPages");
  });
});
