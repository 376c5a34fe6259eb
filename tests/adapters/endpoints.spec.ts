/**
 * Endpoints for international accounts: the switch each vendor's own tools use (`tencentcloud:domain` for Tencent,
 * `alicloud:accountType` for Alibaba ESA) picks the API host, an endpoint override still wins, and a call to the wrong
 * site fails with an error that names the other host and the setting to change.
 */
import assert from "node:assert/strict";
import { esaDefaultEndpoint } from "../../provider/adapters/alibaba-esa/client";
import { esaEndpointFor, esaTarget, withEsaSiteHint } from "../../provider/adapters/alibaba-esa/endpoint";
import { teoClientConfig, teoTarget } from "../../provider/adapters/edgeone/client";
import { teoHost, teoSiteOfHost } from "../../provider/adapters/edgeone/limits";
import { CloudError, isCloudError } from "../../provider/model/errors";
import type { AlibabaEsaSpec } from "../../provider/model/spec";
import { startAlibabaEmulator, type AlibabaEmulator } from "./support/alibaba-emulator";
import { testConnection } from "./support/connection";

describe("adapters: endpoints for international accounts", () => {
  describe("EdgeOne: tencentcloud:domain", () => {
    it("calls teo.<domain>: the China site by default, the international site with intl.tencentcloudapi.com", () => {
      const host = (domain: string | null) => teoClientConfig(testConnection("", { endpoint: null, region: "", tencentDomain: domain })).profile?.httpProfile?.endpoint;
      assert.equal(host(null), "teo.tencentcloudapi.com");
      assert.equal(host("intl.tencentcloudapi.com"), "teo.intl.tencentcloudapi.com", "seed 003: Domain name for API request: teo.intl.tencentcloudapi.com");
      assert.equal(host("tencentcloudapi.com"), "teo.tencentcloudapi.com");
      assert.equal(teoClientConfig(testConnection("", { endpoint: null, tencentDomain: "intl.tencentcloudapi.com" })).profile?.httpProfile?.protocol, "https://");
    });

    it("the real SDK client targets that host and signs as service teo (the first label of the host)", () => {
      const sdk = require("tencentcloud-sdk-nodejs-teo") as typeof import("tencentcloud-sdk-nodejs-teo");
      const client = new sdk.teo.v20220901.Client(teoClientConfig(testConnection("", { endpoint: null, region: "", tencentDomain: "intl.tencentcloudapi.com" })));
      const endpoint = (client as unknown as { endpoint: string }).endpoint;
      assert.equal(endpoint, "teo.intl.tencentcloudapi.com");
      assert.equal(endpoint.split(".")[0], "teo", "common abstract_client.js: service = endpoint.split('.')[0]");
    });

    it("lets an endpoint override win over the domain, and knows which site each host is", () => {
      const c = testConnection("https://teo.tencentcloudapi.com", { region: "", tencentDomain: "intl.tencentcloudapi.com" });
      assert.equal(teoClientConfig(c).profile?.httpProfile?.endpoint, "teo.tencentcloudapi.com");
      assert.deepEqual(teoTarget(c), { host: "teo.tencentcloudapi.com", protocol: "https", site: "china", overridden: true });
      assert.deepEqual(teoTarget(testConnection("http://127.0.0.1:9", { tencentDomain: "intl.tencentcloudapi.com" })),
        { host: "127.0.0.1:9", protocol: "http", site: "intl", overridden: true }, "another host counts as the site the domain selects");
      assert.equal(teoHost(null), "teo.tencentcloudapi.com");
      assert.equal(teoSiteOfHost("teo.intl.tencentcloudapi.com"), "intl");
      assert.equal(teoSiteOfHost("teo.tencentcloudapi.com:443"), "china");
      assert.equal(teoSiteOfHost("127.0.0.1:8080"), null);
    });
  });

  describe("ESA: alicloud:accountType", () => {
    it("picks the host by account type whatever the region, and by region without one", () => {
      const table: [string, "Domestic" | "International" | null, string][] = [
        ["cn-hangzhou", null, "esa.cn-hangzhou.aliyuncs.com"],
        ["ap-southeast-1", null, "esa.ap-southeast-1.aliyuncs.com"],
        ["", null, "esa.cn-hangzhou.aliyuncs.com"],
        ["ap-southeast-1", "Domestic", "esa.cn-hangzhou.aliyuncs.com"],
        ["cn-shanghai", "International", "esa.ap-southeast-1.aliyuncs.com"],
        ["eu-central-1", "International", "esa.ap-southeast-1.aliyuncs.com"],
      ];
      for (const [region, type, host] of table) {
        assert.equal(esaDefaultEndpoint(region, type), host, `${region} ${type}`);
        assert.equal(esaEndpointFor(region, type), host);
      }
      assert.equal(esaDefaultEndpoint("cn-hangzhou"), "esa.cn-hangzhou.aliyuncs.com", "the one-argument form is unchanged");
    });

    it("knows the site of an override host; another host counts as the site the settings select", () => {
      assert.deepEqual(esaTarget(testConnection("https://esa.ap-southeast-1.aliyuncs.com", { alibabaAccountType: "Domestic" })),
        { host: "esa.ap-southeast-1.aliyuncs.com", site: "International", overridden: true });
      assert.deepEqual(esaTarget(testConnection("", { endpoint: null, region: "cn-hangzhou", alibabaAccountType: "International" })),
        { host: "esa.ap-southeast-1.aliyuncs.com", site: "International", overridden: false });
      assert.deepEqual(esaTarget(testConnection("http://127.0.0.1:9", { region: "cn-hangzhou" })),
        { host: "127.0.0.1:9", site: "Domestic", overridden: true });
    });

    it("an unknown-site error names the other ESA host and alicloud:accountType", () => {
      const unknown = () => new CloudError("alibaba-esa", "invalid", "SiteNotFound", "The specified site does not exist: 123.", "R-1", 404, null, "PreloadCaches")
        .withDetail("scopeNotFound");
      const china = withEsaSiteHint(unknown(), testConnection("", { endpoint: null, region: "cn-hangzhou" }), 123);
      assert.equal(china.message, "The specified site does not exist: 123. — site 123 is not known at esa.cn-hangzhou.aliyuncs.com; " +
        "this site may live on the international site: set alicloud:accountType=International (or ALIBABA_CLOUD_ACCOUNT_TYPE=International; " +
        "calls then go to esa.ap-southeast-1.aliyuncs.com)");
      assert.deepEqual([china.kind, china.code, china.detail, china.requestId, china.httpStatus, china.action],
        ["invalid", "SiteNotFound", "scopeNotFound", "R-1", 404, "PreloadCaches"]);
      const intl = withEsaSiteHint(unknown(), testConnection("", { endpoint: null, alibabaAccountType: "International" }), 123);
      assert.match(intl.message, /not known at esa\.ap-southeast-1\.aliyuncs\.com; this site may live on the China site: set alicloud:accountType=Domestic/);
      const overridden = withEsaSiteHint(unknown(), testConnection("http://127.0.0.1:9", { region: "cn-hangzhou" }), 123);
      assert.match(overridden.message, /endpoint override .* wins over it: point it at https:\/\/esa\.ap-southeast-1\.aliyuncs\.com instead$/);
      const other = new CloudError("alibaba-esa", "invalid", "InvalidParameter", "bad");
      assert.equal(withEsaSiteHint(other, testConnection("", { endpoint: null }), 1), other, "other errors pass through");
    });
  });

  describe("ESA through its SDK against the emulator, the site on the other endpoint (esa.siteEndpoint=other)", () => {
    let h: AlibabaEmulator;
    const spec: AlibabaEsaSpec = { cloud: "alibaba-esa", siteId: "4242", hostnames: [], headers: {} };
    before(async () => { h = await startAlibabaEmulator(); });
    after(async () => h.close());

    it("fails with scopeNotFound naming the other ESA host and alicloud:accountType, whichever way round", async () => {
      await h.reset({ "esa.siteEndpoint": "other" });
      const rejected = async (type: "Domestic" | "International" | null) => {
        try {
          await h.adapter("alibaba-esa", { alibabaAccountType: type, region: "cn-hangzhou" }).submit(spec, ["https://esa.example.com/a.js"]);
        } catch (e) {
          assert.ok(isCloudError(e), String(e));
          return e;
        }
        return assert.fail("expected a rejection");
      };
      const china = await rejected(null);
      assert.deepEqual([china.kind, china.detail], ["invalid", "scopeNotFound"]);
      assert.match(china.message, /site 4242 is not known at 127\.0\.0\.1:\d+; this site may live on the international site: set alicloud:accountType=International \(or ALIBABA_CLOUD_ACCOUNT_TYPE=International; calls then go to esa\.ap-southeast-1\.aliyuncs\.com\)/);
      const intl = await rejected("International");
      assert.match(intl.message, /this site may live on the China site: set alicloud:accountType=Domestic \(or ALIBABA_CLOUD_ACCOUNT_TYPE=Domestic; calls then go to esa\.cn-hangzhou\.aliyuncs\.com\)/);
    });
  });
});
