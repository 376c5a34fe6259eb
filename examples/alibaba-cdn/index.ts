// Alibaba Cloud CDN: declare the accelerated domain with @pulumi/alicloud and warm its hot objects once it exists;
// the prefetch reads the domain from the domain resource's output. Set `cdn-prefetch-alibaba-cdn:createDomain false`
// to prefetch on an existing domain (e.g. against the emulator).
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { AlibabaCdnPrefetch } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
const name = config.get("domainName") ?? "dl.example.com";
const domain: pulumi.Input<string> = config.getBoolean("createDomain") === false ? name
  : new alicloud.cdn.DomainNew("downloads", {
    domainName: name,
    cdnType: "download",
    scope: "domestic",
    sources: [{ type: "domain", content: config.get("origin") ?? "origin.example.com", port: 443, priority: 20, weight: 10 }],
  }).domainName;

const warm = new AlibabaCdnPrefetch("downloads", {
  domain,
  urls: ["/installer.exe", "/installer.dmg", "/checksums.txt"],
  area: "domestic",
  l2Preload: config.getBoolean("l2Preload") ?? false,
  triggers: { release: config.get("release") ?? "1" },
  waitTimeoutSeconds: 1800,
});

export const prefetchDomain = warm.domain;
export const status = warm.status;
export const progress = warm.progress;
export const taskIds = warm.taskIds;
export const failedUrls = warm.failedUrls;
