/**
 * Quota figures remembered per account for the process (provider/adapters/quota-memory.ts), with a scripted read on a
 * manual clock: one read for concurrent readers, reuse for the TTL, our own submits taken off, forgotten when a submit
 * fails or cannot be counted, and never a figure higher than what the cloud said less what we spent.
 */
import assert from "node:assert/strict";
import type { AccountContext } from "../../provider/adapters/memory";
import { forgetQuota, QUOTA_TTL_MS, rememberedQuota, spendingQuota, spendQuota } from "../../provider/adapters/quota-memory";
import type { QuotaInfo, SubmitResult } from "../../provider/model/task";
import { flushAsync, ManualClock } from "../helpers/manual-clock";

/** A scripted quota API: each read answers `remaining` (as it is when the read lands) and counts itself. */
class ScriptedQuota {
  reads = 0;
  remaining = 1000;
  private gates: (() => void)[] = [];
  /** When true, reads wait for {@link land}. */
  held = false;

  read = async (): Promise<QuotaInfo | null> => {
    this.reads++;
    if (this.held) await new Promise<void>((resolve) => this.gates.push(resolve));
    return { daily: 1000, remaining: this.remaining, perRequest: 100 };
  };

  land(): void {
    for (const g of this.gates.splice(0)) g();
  }
}

const ok = (rejected = 0): SubmitResult => ({ taskIds: ["t"], rejected: Array.from({ length: rejected }, (_, i) => ({ url: `u${i}`, reason: "no" })) });

describe("quota memory: one read per account for the process", () => {
  let clock: ManualClock;
  let account: AccountContext;
  let cloud: ScriptedQuota;
  const read = (how?: Parameters<typeof rememberedQuota>[2], key = "zone-1|default") => rememberedQuota(account, key, how, cloud.read);

  beforeEach(() => {
    clock = new ManualClock({ auto: false });
    account = { scope: { cloud: "edgeone", accessKeyId: "AKID", endpoint: "http://127.0.0.1:1" }, clock };
    cloud = new ScriptedQuota();
  });

  it("50 concurrent readers share one read and all get the figure", async () => {
    cloud.held = true;
    const all = Promise.all(Array.from({ length: 50 }, () => read()));
    await flushAsync();
    cloud.land();
    const figures = await all;
    assert.equal(cloud.reads, 1);
    assert.ok(figures.every((f) => f?.remaining === 1000 && f.perRequest === 100));
    figures[0]!.remaining = 1;
    assert.equal((await read())?.remaining, 1000, "each reader gets its own copy");
  });

  it("reuses the answer for the TTL, then reads again; a clock that went back reads again", async () => {
    await read();
    clock.tick(QUOTA_TTL_MS - 1);
    await read();
    assert.equal(cloud.reads, 1);
    clock.tick(1);
    await read();
    assert.equal(cloud.reads, 2, "expired");
    clock.tick(-5_000);
    await read();
    assert.equal(cloud.reads, 3, "read before the clock's now: not trusted");
  });

  it("takes accepted URLs off the remembered remainder, and never below zero", async () => {
    await read();
    await spendingQuota(account, "zone-1|default", async () => ok(5), (res) => 30 - res.rejected.length);
    assert.equal((await read())?.remaining, 975, "25 accepted");
    spendQuota(account, "zone-1|default", 5000);
    assert.equal((await read())?.remaining, 0);
    assert.equal(cloud.reads, 1, "no call");
    spendQuota(account, "zone-2|default", 10);
    spendQuota(account, null, 0);
    assert.equal((await read(undefined, "zone-2|default"))?.remaining, 1000, "another zone's figure is its own");
  });

  it("counts what is spent while a read is in flight (its answer may predate the submit)", async () => {
    cloud.held = true;
    const first = read();
    await flushAsync();
    spendQuota(account, "zone-1|default", 40);
    cloud.land();
    assert.equal((await first)?.remaining, 960);
    assert.equal((await read())?.remaining, 960);
  });

  it("forgets the figure when a submit fails or its spending cannot be counted; a key of null means every quota of the account", async () => {
    await read();
    await assert.rejects(spendingQuota(account, "zone-1|default", async () => { throw new Error("reset"); }, () => 1), /reset/);
    await read();
    assert.equal(cloud.reads, 2, "a failed submit (refused, or an unknown outcome) leaves nothing remembered");
    await spendingQuota(account, "zone-1|default", async () => ok(), () => null);
    await read();
    assert.equal(cloud.reads, 3, "uncountable (media segments): forgotten");
    await read(undefined, "zone-2|default");
    spendQuota(account, null, 7);
    assert.deepEqual([(await read())?.remaining, (await read(undefined, "zone-2|default"))?.remaining], [993, 993],
      "a submit whose quota is unknown (zone *) lowers every figure of the account");
    forgetQuota(account, null);
    await read();
    assert.equal(cloud.reads, 5);
  });

  it("a family of keys (the purge quotas) is spent and forgotten on its own, apart from the prefetch figures", async () => {
    await Promise.all([read(), read(undefined, "purge:zone-1"), read(undefined, "purge:zone-2")]);
    spendQuota(account, { family: "purge:" }, 4);
    const figures = async () => [(await read())?.remaining, (await read(undefined, "purge:zone-1"))?.remaining, (await read(undefined, "purge:zone-2"))?.remaining];
    assert.deepEqual(await figures(), [1000, 996, 996], "every purge figure lowered, the prefetch one kept");
    spendQuota(account, "purge:zone-1", 6);
    assert.deepEqual(await figures(), [1000, 990, 996], "one key: that figure only");
    assert.equal(cloud.reads, 3, "no call");
    await assert.rejects(spendingQuota(account, { family: "purge:" }, async () => { throw new Error("refused"); }, () => 1), /refused/);
    assert.deepEqual(await figures(), [1000, 1000, 1000], "the purge figures are read again, the prefetch one is still remembered");
    assert.equal(cloud.reads, 5);
  });

  it("a read in flight when the figure is forgotten answers its waiters but is not remembered", async () => {
    cloud.held = true;
    const pending = read();
    await flushAsync();
    forgetQuota(account, "zone-1|default");
    cloud.land();
    assert.equal((await pending)?.remaining, 1000);
    cloud.held = false;
    await read();
    assert.equal(cloud.reads, 2);
  });

  it("rememberedOnly never calls; fresh always does (joining a read in flight); a failed read is not remembered", async () => {
    assert.equal(await read({ rememberedOnly: true }), null);
    assert.equal(cloud.reads, 0);
    await read();
    cloud.remaining = 10;
    assert.equal((await read({ rememberedOnly: true }))?.remaining, 1000);
    assert.equal((await read({ fresh: true }))?.remaining, 10);
    assert.equal((await read())?.remaining, 10, "the fresh answer is remembered");
    cloud.held = true;
    const a = read({ fresh: true });
    const b = read({ fresh: true });
    await flushAsync();
    cloud.land();
    await Promise.all([a, b]);
    assert.equal(cloud.reads, 3);
    const failing = () => Promise.reject(new Error("throttled"));
    clock.tick(QUOTA_TTL_MS);
    await assert.rejects(rememberedQuota(account, "zone-1|default", undefined, failing), /throttled/);
    assert.equal(await read({ rememberedOnly: true }), null, "a failed read renews nothing (and remembers no refusal)");
  });

  it("keeps accounts and clocks apart", async () => {
    await read();
    await rememberedQuota({ ...account, scope: { ...account.scope, accessKeyId: "AKID2" } }, "zone-1|default", undefined, cloud.read);
    await rememberedQuota({ ...account, clock: new ManualClock() }, "zone-1|default", undefined, cloud.read);
    assert.equal(cloud.reads, 3);
  });
});
