// EdgeOne: warm a release's assets after deploy; block until every URL is done; export status, progress and any
// failed URLs for downstream stacks. Change `release` to prefetch again (a new task, same resource).
import * as pulumi from "@pulumi/pulumi";
import { EdgeOnePrefetch } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
const zoneId = config.get("zoneId") ?? "zone-example01";
const zoneName = config.get("zoneName") ?? "example.com";
const paths = config.getObject<string[]>("paths") ?? ["/", "/index.html", "/static/app.js", "/static/app.css"];

const warm = new EdgeOnePrefetch("site-assets", {
  zoneId,
  zoneName,
  urls: paths.map((p) => `https://www.${zoneName}${p}`),
  headers: { "Accept-Encoding": "gzip" },
  triggers: { release: config.get("release") ?? "1" },
  waitTimeoutSeconds: config.getNumber("waitTimeoutSeconds") ?? 900,
  allowedFailures: config.getNumber("allowedFailures") ?? 0,
});

export const status = warm.status;
export const progress = warm.progress;
export const taskIds = warm.taskIds;
export const failedUrls = warm.failedUrls;
export const results = warm.results;
