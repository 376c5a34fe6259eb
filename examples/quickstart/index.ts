// Quick start: warm a few URLs on Tencent Cloud EdgeOne and Alibaba Cloud CDN, wait until every URL is done, and
// export status, progress and failures as stack outputs. Point it at the emulator with `npm run demo`, or at the
// clouds with real credentials (see README.md).
import * as pulumi from "@pulumi/pulumi";
import { AlibabaCdnPrefetch, EdgeOnePrefetch } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
const release = config.get("release") ?? "2026.11.23";

const edge = new EdgeOnePrefetch("site-assets", {
  zoneId: config.get("zoneId") ?? "zone-quickstart1",
  zoneName: "example.com",
  urls: ["https://www.example.com/", "https://www.example.com/app.js", "https://www.example.com/app.css"],
  triggers: { release },
  waitTimeoutSeconds: 600,
});

const cdn = new AlibabaCdnPrefetch("downloads", {
  domain: config.get("cdnDomain") ?? "dl.example.com",
  urls: ["/installer.exe", "/installer.dmg", "/checksums.txt"],
  area: "domestic",
  triggers: { release },
  waitTimeoutSeconds: 600,
});

export const edgeoneStatus = edge.status;
export const edgeoneProgress = edge.progress;
export const edgeoneTaskIds = edge.taskIds;
export const edgeoneFailedUrls = edge.failedUrls;
export const cdnStatus = cdn.status;
export const cdnProgress = cdn.progress;
export const cdnTaskIds = cdn.taskIds;
export const cdnFailedUrls = cdn.failedUrls;
