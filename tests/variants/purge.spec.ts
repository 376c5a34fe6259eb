/**
 * The purge side of every adapter (issue 11, `PurgeAdapter`) under every emulator variant: wherever a vendor behaviour
 * is undocumented the emulator offers each plausible behaviour (emulator/core/variants.ts, emulator/FIDELITY.md), and
 * this suite asks the emulator for them — it never hand-picks — and runs one purge scenario per product and variant
 * value, through the official SDKs with the emulator's virtual clock:
 * a release (v1 cached, v2 at the origin) is purged with `delete`; the purge spends the remembered purge quota; its
 * tasks are found by reconciliation (`findTasks`, a lookup and a listing) once the cloud shows them, never before the
 * submit less the margin; they are read back by id to terminal, never done early; and a prefetch after the purge
 * serves v2 on the edge; a request of the adapter's declared purge size is accepted whole or refused whole as a batch
 * limit. Where a variant makes the scope unreachable (the zone or site on the other endpoint), the
 * purge must be refused, classified, with nothing accepted. The lifecycle scenarios under the same variants are in
 * variants.spec.ts. `VARIANTS_FILTER=purge.` narrows the run as there.
 */
import assert from "node:assert/strict";
import { defaultModules, variantSettings, type RunningEmulator, type VariantDef } from "../../emulator";
import type { Product } from "../../emulator/core/types";
import { RECONCILE_MARGIN_MS } from "../../provider/adapters/reconcile";
import { createAdapter } from "../../provider/adapters/registry";
import type { Connection, PrefetchAdapter } from "../../provider/adapters/types";
import type { Clock } from "../../provider/engine/clock";
import type { CloudKind } from "../../provider/model/cloud";
import { isCloudError } from "../../provider/model/errors";
import { isTerminal } from "../../provider/model/status";
import type { PrefetchSpec } from "../../provider/model/spec";
import type { SubmittedBatch } from "../../provider/model/task";
import { testConnection } from "../adapters/support/connection";
import { resetManual, startLocalEmulator } from "../helpers/local-emulator";
import { freshProcessMemory } from "../helpers/process-memory";

interface Case {
  cloud: CloudKind;
  product: Product;
  spec: PrefetchSpec;
  host: string;
  connection: (emu: RunningEmulator) => Connection;
}

const alibaba = (emu: RunningEmulator) => testConnection(emu.url, {
  credentials: { accessKeyId: emu.credentials.alibaba.accessKeyId, accessKeySecret: emu.credentials.alibaba.accessKeySecret, securityToken: null },
});

const CASES: Case[] = [
  {
    cloud: "edgeone", product: "teo", spec: { cloud: "edgeone", zoneId: "zone-pvar1", mode: null, headers: {}, prefetchMediaSegments: null },
    host: "www.example.com",
    connection: (emu) => testConnection(emu.url, {
      region: "", credentials: { accessKeyId: emu.credentials.tencent.secretId, accessKeySecret: emu.credentials.tencent.secretKey, securityToken: null },
    }),
  },
  { cloud: "alibaba-cdn", product: "cdn", spec: { cloud: "alibaba-cdn", domain: null, area: null, l2Preload: null, headers: {}, queryHashkey: null }, host: "cdn.example.com", connection: alibaba },
  { cloud: "alibaba-dcdn", product: "dcdn", spec: { cloud: "alibaba-dcdn", domain: "dcdn.example.com", area: null, l2Preload: null, headers: {}, queryHashkey: null }, host: "dcdn.example.com", connection: alibaba },
  { cloud: "alibaba-esa", product: "esa", spec: { cloud: "alibaba-esa", siteId: "4242", hostnames: [], headers: {} }, host: "esa.example.com", connection: alibaba },
];

/** The variants the emulator's modules declare, de-duplicated by name (the control plane lists the same). */
function declaredVariants(): VariantDef[] {
  const byName = new Map<string, VariantDef>();
  for (const d of defaultModules().flatMap((m) => [...m.variants])) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()];
}

/** Every product's settings: the defaults, then each non-default value of each variant that changes it. */
const PLAN = CASES.flatMap((c) => [null, ...variantSettings(declaredVariants().filter((d) => d.products.includes(c.product)))]
  .map((setting) => ({ c, setting })))
  .filter((p) => !process.env.VARIANTS_FILTER || (p.setting !== null && `${p.setting.name}=${p.setting.value}`.includes(process.env.VARIANTS_FILTER)));

/** True when the setting puts the zone or site on the other endpoint: every call naming it is refused. */
const scopeElsewhere = (s: { name: string; value: string } | null) => s !== null && /Endpoint$/.test(s.name) && s.value === "other";
/** True when every task reports a status the adapters do not know (never done). */
const unknownStatuses = (s: { name: string; value: string } | null) => s !== null && s.name === "tasks.unknownStatus" && s.value !== "none";

describe(`the purge adapters under every emulator variant (${PLAN.length} product × variant settings)`, () => {
  let emu: RunningEmulator;
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const sync = async () => { now = (await emu.control.state()).now; };
  const advance = async (ms: number) => { await emu.control.advance(ms); await sync(); };

  before(async () => {
    emu = await startLocalEmulator();
  });
  after(async () => emu.close());

  /**
   * A prefetch through the adapter; a refusal the emulator makes while a new domain or site settles (busy, or EdgeOne's
   * `InternalError.DomainConfig` under `teo.newDomain`: refused, nothing accepted) is retried after the clock moved on.
   */
  async function prefetch(a: PrefetchAdapter, c: Case, urls: string[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await a.submit(c.spec, urls);
        return;
      } catch (e) {
        if (!(isCloudError(e) && (e.kind === "busy" || e.kind === "transient")) || attempt >= 5) throw e;
        await advance(2_500);
      }
    }
  }

  for (const { c, setting } of PLAN) {
    const label = setting ? `${setting.name}=${setting.value}` : "defaults";
    it(`${c.cloud} · ${label} · purge, reconcile, read back, then prefetch serves the new release`, async () => {
      freshProcessMemory();
      await resetManual(emu);
      await emu.control.setRules([], 60_000);
      if (setting) await emu.control.setConfig({ variants: { [setting.name]: setting.value } });
      await sync();
      const a = createAdapter(c.cloud, c.connection(emu), clock);
      const p = a.purge!;
      const simple = `https://${c.host}/rel/app.js`;
      const odd = `https://${c.host}/rel/Mixed Case.JS`;
      const urls = [simple, odd];

      if (scopeElsewhere(setting)) {
        const e = await p.submit(c.spec, urls, "delete").then(() => null, (x: unknown) => x);
        assert.ok(isCloudError(e) && e.kind === "invalid" && e.detail === "scopeNotFound", `a classified refusal, got ${String(e)}`);
        assert.equal((await emu.control.stats()).purgedUrls[c.product], 0, "nothing accepted");
        return;
      }

      await emu.control.setOrigin({ [simple]: "v1" });
      await prefetch(a, c, [simple]);
      await advance(61_000);
      await emu.control.setOrigin({ [simple]: "v2" });

      const quota = await p.quota(c.spec);
      const since = now;
      const res = await p.submit(c.spec, urls, "delete");
      assert.ok(res.taskIds.length >= 1, "task ids");
      assert.deepEqual(res.rejected, []);
      if (quota?.remaining != null) assert.equal((await p.quota(c.spec, { rememberedOnly: true }))?.remaining, quota.remaining - 2, "the remembered purge quota is spent");
      const batch: SubmittedBatch = { taskIds: res.taskIds, urls, submittedAt: new Date(since).toISOString() };

      await advance(1_000);
      const early = await p.query(c.spec, [batch]);
      assert.ok(early.observations.every((o) => o.status !== "succeeded"), "never done early");
      for (const t of await p.findTasks(c.spec, urls, since)) assert.ok(urls.includes(t.url), t.url);

      await advance(10_000);
      const listed = await p.findTasks(c.spec, urls, since);
      assert.deepEqual([...new Set(listed.map((t) => t.url))].sort(), [...urls].sort(), "a listing finds every URL of the purge");
      assert.ok(listed.every((t) => t.createdAtMs === null || t.createdAtMs >= since - RECONCILE_MARGIN_MS), "nothing before the window");
      assert.deepEqual((await p.findTasks(c.spec, [simple], since)).map((t) => t.url), [simple], "a lookup finds it");
      assert.deepEqual(await p.findTasks(c.spec, [simple], now + RECONCILE_MARGIN_MS + 5_000), [], "nothing before sinceMs less the margin");

      await advance(60_000);
      const done = await p.query(c.spec, [batch]);
      if (unknownStatuses(setting)) {
        assert.ok(done.observations.every((o) => !isTerminal(o.status) && o.unknownStatus !== undefined), JSON.stringify(done.observations));
      } else {
        assert.deepEqual(done.observations.map((o) => [o.url, o.status]).sort(), urls.map((u) => [u, "succeeded"]).sort());
      }

      await prefetch(a, c, [simple]);
      await advance(61_000);
      assert.deepEqual((await emu.control.edge())[c.product][simple], { version: "v2", stale: false }, "purge then prefetch serves the new release");

      // A full request of the adapter's declared size is accepted whole, or refused whole as a batch limit (the
      // lifecycle then halves it): never partly accepted.
      const full = Array.from({ length: p.urlsPerRequest }, (_, i) => `https://big.${c.host}/${i}.js`);
      const before = (await emu.control.stats()).purgedUrls[c.product];
      const big = await p.submit(c.spec, full, "invalidate").then((r) => r, (x: unknown) => x);
      const accepted = (await emu.control.stats()).purgedUrls[c.product] - before;
      if (isCloudError(big)) assert.deepEqual([big.kind, big.detail, accepted], ["quota", "batchLimit", 0], big.message);
      else assert.equal(accepted, full.length);
    });
  }
});
