// Alibaba Cloud ESA: declare the site with @pulumi/alicloud and warm pages on it; the prefetch takes the site id
// and site name from the site resource. Set `cdn-prefetch-alibaba-esa:siteId <id>` to prefetch on an existing
// site instead (e.g. against the emulator).
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { AlibabaEsaPrefetch } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
const siteName = config.get("siteName") ?? "example.com";
const existing = config.get("siteId");
const site = existing ? undefined : new alicloud.esa.Site("site", {
  siteName,
  instanceId: config.require("instanceId"),
  accessType: "NS",
  coverage: "overseas",
});

const warm = new AlibabaEsaPrefetch("landing", {
  siteId: site ? site.id : existing!,
  siteName: site ? site.siteName : siteName,
  instanceId: site ? site.instanceId : config.get("instanceId"),
  urls: [`https://www.${siteName}/`, `https://www.${siteName}/pricing`, `https://img.${siteName}/hero.webp`],
  headers: { "Accept-Encoding": "br" },
  triggers: { release: config.get("release") ?? "1" },
});

export const prefetchSiteId = warm.siteId;
export const status = warm.status;
export const progress = warm.progress;
export const taskIds = warm.taskIds;
export const failedUrls = warm.failedUrls;
