// Alibaba Cloud DCDN: declare the DCDN domain with @pulumi/alicloud and warm it. Set
// `cdn-prefetch-alibaba-dcdn:createDomain false` to prefetch on an existing domain (e.g. against the emulator).
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { AlibabaDcdnPrefetch } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
const name = config.get("domainName") ?? "api.example.com";
const domain: pulumi.Input<string> = config.getBoolean("createDomain") === false ? name
  : new alicloud.dcdn.Domain("api", {
    domainName: name,
    scope: "global",
    sources: [{ type: "domain", content: config.get("origin") ?? "origin.example.com", port: 443, priority: "20", weight: "10" }],
  }).domainName;

const warm = new AlibabaDcdnPrefetch("api-docs", {
  domain,
  urls: ["/docs/index.html", "/docs/search-index.json", "/openapi.json"],
  area: "overseas",
  triggers: { release: config.get("release") ?? "1" },
});

export const prefetchDomain = warm.domain;
export const status = warm.status;
export const progress = warm.progress;
export const taskIds = warm.taskIds;
export const failedUrls = warm.failedUrls;
