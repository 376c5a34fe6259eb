/**
 * One shape for the Alibaba adapters (issue 8, part 4): each product folder holds the template files and nothing else,
 * CDN and DCDN stay thin over the shared refresh family (provider/adapters/alibaba/), every SDK call goes through the
 * one call wrapper (alibaba/call.ts), and no adapter keeps state of its own: what is remembered between calls lives in
 * provider/adapters/memory.ts.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ADAPTERS = path.resolve(__dirname, "..", "..", "provider", "adapters");
const TEMPLATE = ["adapter.ts", "client.ts", "find.ts", "limits.ts", "purge.ts", "query.ts", "quota.ts", "rates.ts", "status.ts", "submit.ts"];
/** Files a product folder holds besides the template, with the reason. */
const EXTRA: Record<string, string[]> = {
  // The ESA API host choice and the "site lives on the other endpoint" hint (issue 8, endpoints for international accounts);
  // the purge listing shared by the purge status query and its reconciliation (issue 11: ESA lists purges apart).
  "alibaba-esa": ["endpoint.ts", "purge-list.ts"],
};
const PRODUCTS = ["alibaba-cdn", "alibaba-dcdn", "alibaba-esa"];

const source = (...parts: string[]) => fs.readFileSync(path.join(ADAPTERS, ...parts), "utf8");
const tsFiles = (dir: string) => fs.readdirSync(path.join(ADAPTERS, dir)).filter((f) => f.endsWith(".ts")).sort();

describe("adapters: one template for the Alibaba adapters", () => {
  for (const product of PRODUCTS) {
    it(`${product} holds exactly the template files`, () => {
      assert.deepEqual(tsFiles(product), [...TEMPLATE, ...(EXTRA[product] ?? [])].sort());
    });
  }

  it("classifies SDK errors in one call wrapper only", () => {
    const users = ["alibaba", ...PRODUCTS].flatMap((dir) => tsFiles(dir).map((f) => `${dir}/${f}`))
      .filter((f) => /classifyAlibabaError\(/.test(source(f)) && f !== "alibaba/errors.ts");
    assert.deepEqual(users, ["alibaba/call.ts"]);
    for (const product of PRODUCTS) assert.match(source(product, "client.ts"), /alibabaCall\(/, `${product}/client.ts uses alibabaCall`);
  });

  it("keeps no module-level mutable state in the Alibaba adapters (memory.ts is the one place)", () => {
    const offenders = ["alibaba", ...PRODUCTS].flatMap((dir) => tsFiles(dir).flatMap((f) =>
      source(dir, f).split("\n").filter((l) => /^(let |var |(export )?const \w+ = new (Map|Set|WeakMap)\b)/.test(l)).map((l) => `${dir}/${f}: ${l}`)));
    assert.deepEqual(offenders, []);
  });

  it("CDN and DCDN share the refresh family: their submit, find and quota are one-liners over it", () => {
    for (const product of ["alibaba-cdn", "alibaba-dcdn"]) {
      assert.match(source(product, "submit.ts"), /return submitRefresh\(api, spec, urls\);/);
      assert.match(source(product, "find.ts"), /return findRefreshTasks\(api\.list, /);
      assert.match(source(product, "quota.ts"), /return readRefreshQuota\(api, spec\.l2Preload, how\);/);
    }
    assert.match(source("alibaba-dcdn", "query.ts"), /return queryRefreshById\(api, batches\);/);
    assert.match(source("alibaba-cdn", "query.ts"), /queryRefreshRound\(api, /);
  });

  it("CDN and DCDN purge through the refresh family's purge (alibaba/refresh-purge.ts)", () => {
    for (const product of ["alibaba-cdn", "alibaba-dcdn"]) {
      const purge = source(product, "purge.ts");
      assert.match(purge, /return refreshPurgeAdapter\(api, \{ check, urlsPerRequest: \w+_PURGE_URLS_PER_REQUEST, historyDays: \w+_LIMITS\.historyDays, clock \}\);/, `${product}/purge.ts`);
    }
  });
});
