/**
 * Connection settings read from stack config and the environment: the switches for the vendors' international sites
 * (named as the vendors' own providers name them) and the Alibaba per-URL detail opt-in.
 */
import assert from "node:assert/strict";
import type { Connection } from "../../provider/adapters/types";
import { CONFIG_KEYS, ConnectionSettingError, resolveConnection } from "../../provider/resources/connection";
import { PrefetchProvider } from "../../provider/resources/provider";
import { FakeCloud, instantClock } from "../helpers/fake-cloud";

const TENCENT_KEYS = { "tencentcloud:secretId": "id", "tencentcloud:secretKey": "key" };
const ALIBABA_KEYS = { "alicloud:accessKey": "id", "alicloud:secretKey": "secret" };

describe("connection settings", () => {
  it("lists the new keys for configure", () => {
    for (const key of ["tencentcloud:domain", "alicloud:accountType", "cdnPrefetch:alibabaPreloadDetail", "cdnPrefetch:apiRateShare"]) {
      assert.ok((CONFIG_KEYS as readonly string[]).includes(key), key);
    }
  });

  it("tencentcloud:domain / TENCENTCLOUD_DOMAIN select the root domain (config first), null when unset", () => {
    assert.equal(resolveConnection("edgeone", {}, TENCENT_KEYS, {}).tencentDomain, null);
    assert.equal(resolveConnection("edgeone", {}, TENCENT_KEYS, { TENCENTCLOUD_DOMAIN: "intl.tencentcloudapi.com" }).tencentDomain, "intl.tencentcloudapi.com");
    assert.equal(resolveConnection("edgeone", {}, { ...TENCENT_KEYS, "tencentcloud:domain": " Intl.TencentCloudAPI.com. " },
      { TENCENTCLOUD_DOMAIN: "tencentcloudapi.com" }).tencentDomain, "intl.tencentcloudapi.com");
  });

  it("refuses a domain that is not a root domain, naming the setting", () => {
    assert.throws(() => resolveConnection("edgeone", {}, { ...TENCENT_KEYS, "tencentcloud:domain": "https://intl.tencentcloudapi.com" }, {}),
      (e: Error) => e instanceof ConnectionSettingError && /tencentcloud:domain \(TENCENTCLOUD_DOMAIN\).*is not a domain name/.test(e.message));
    assert.throws(() => resolveConnection("edgeone", {}, TENCENT_KEYS, { TENCENTCLOUD_DOMAIN: "teo.intl.tencentcloudapi.com" }),
      (e: Error) => e instanceof ConnectionSettingError && /names a host, not the root domain.*"intl\.tencentcloudapi\.com"/.test(e.message));
  });

  it("alicloud:accountType / ALIBABA_CLOUD_ACCOUNT_TYPE: Domestic or International, case-insensitive, null when unset", () => {
    assert.equal(resolveConnection("alibaba-esa", {}, ALIBABA_KEYS, {}).alibabaAccountType, null);
    assert.equal(resolveConnection("alibaba-esa", {}, ALIBABA_KEYS, { ALIBABA_CLOUD_ACCOUNT_TYPE: "international" }).alibabaAccountType, "International");
    assert.equal(resolveConnection("alibaba-esa", {}, { ...ALIBABA_KEYS, "alicloud:accountType": "DOMESTIC" },
      { ALIBABA_CLOUD_ACCOUNT_TYPE: "International" }).alibabaAccountType, "Domestic");
    assert.throws(() => resolveConnection("alibaba-esa", {}, { ...ALIBABA_KEYS, "alicloud:accountType": "intl" }, {}),
      (e: Error) => e instanceof ConnectionSettingError && /alicloud:accountType \(ALIBABA_CLOUD_ACCOUNT_TYPE\) must be Domestic or International, got "intl"/.test(e.message));
  });

  it("each vendor reads only its own site setting", () => {
    const env = { TENCENTCLOUD_DOMAIN: "intl.tencentcloudapi.com", ALIBABA_CLOUD_ACCOUNT_TYPE: "bogus" };
    assert.equal(resolveConnection("edgeone", {}, TENCENT_KEYS, env).alibabaAccountType, null, "a bad Alibaba value does not stop EdgeOne");
    assert.equal(resolveConnection("alibaba-cdn", {}, ALIBABA_KEYS, { TENCENTCLOUD_DOMAIN: "x" }).tencentDomain, null);
  });

  it("cdnPrefetch:alibabaPreloadDetail / CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL: false by default, config first", () => {
    assert.equal(resolveConnection("alibaba-cdn", {}, ALIBABA_KEYS, {}).alibabaPreloadDetail, false);
    assert.equal(resolveConnection("alibaba-cdn", {}, ALIBABA_KEYS, { CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL: "true" }).alibabaPreloadDetail, true);
    assert.equal(resolveConnection("alibaba-cdn", {}, ALIBABA_KEYS, { CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL: "1" }).alibabaPreloadDetail, true);
    assert.equal(resolveConnection("alibaba-cdn", {}, { ...ALIBABA_KEYS, "cdnPrefetch:alibabaPreloadDetail": "false" },
      { CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL: "true" }).alibabaPreloadDetail, false);
    assert.throws(() => resolveConnection("alibaba-cdn", {}, { ...ALIBABA_KEYS, "cdnPrefetch:alibabaPreloadDetail": "maybe" }, {}),
      /cdnPrefetch:alibabaPreloadDetail must be true or false, got "maybe"/);
  });

  it("stack config delivered to configure reaches the adapter's connection", async () => {
    const seen: Connection[] = [];
    const cloud = new FakeCloud({ pollsToFinish: 1 });
    const provider = new PrefetchProvider("edgeone", {
      clock: instantClock(), env: {}, log: () => undefined,
      createAdapter: (_c, conn) => { seen.push(conn); return cloud.adapter(); },
    });
    const config: Record<string, string> = { ...TENCENT_KEYS, "tencentcloud:domain": "intl.tencentcloudapi.com" };
    await provider.configure({ config: { get: (k: string) => config[k] } });
    await provider.create({ zoneId: "zone-abc", urls: ["https://www.example.com/a.js"] });
    assert.equal(seen[0].tencentDomain, "intl.tencentcloudapi.com");
  });
});
