// Release a static site: upload its files to Alibaba Cloud OSS, then purge and warm the CDN in front of the bucket with
// exactly those files. Each URL carries its object's etag (the content MD5 OSS computes) as its `version`, and
// `purgeFirst` purges a URL before warming it: a release that changes 3 files purges and prefetches those 3 only (the
// other URLs keep their results and spend no quota), and the edge serves the new content, not the copy it cached from
// the last release. The prefetch waits for the uploads (`dependsOn`). The stack exports `status`, `failedUrls` and
// `taskIds` for programs that must wait for a warm cache (see ../downstream-gate), and `lastRun` (what the last run
// purged, submitted and skipped).
import * as fs from "node:fs";
import * as path from "node:path";
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { AlibabaCdnPrefetch } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
/** The accelerated domain whose origin is the bucket (set up once, e.g. with alicloud.cdn.DomainNew). */
const domain = config.get("cdnDomain") ?? "static.example.com";
/** The folder holding the built site (relative to this program, or absolute). */
const siteDir = path.resolve(__dirname, config.get("siteDir") ?? "site");

/** Content types of the files a static site usually has; anything else is uploaded as binary. */
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".woff2": "font/woff2",
};

/** Every file under `dir`, as object keys (paths relative to `dir`, `/`-separated), sorted. */
function keysUnder(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? keysUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const bucket = new alicloud.oss.Bucket("site", { bucket: config.get("bucketName") });

const keys = keysUnder(siteDir);
const objects = keys.map((key) => new alicloud.oss.BucketObject(`site-${key}`, {
  bucket: bucket.bucket,
  key,
  source: path.join(siteDir, key),
  contentType: CONTENT_TYPES[path.extname(key)] ?? "application/octet-stream",
}));

const warm = new AlibabaCdnPrefetch("site", {
  domain,
  // One version per URL, the object's etag: new content in a file changes its version, and the next `pulumi up`
  // purges and warms that URL only (an in-place update; unchanged URLs are not submitted again).
  urls: keys.map((key, i) => ({ url: `https://${domain}/${key}`, version: objects[i].etag })),
  // Purge each changed URL and wait for the purge to finish before warming it: a prefetch alone leaves the copy the
  // CDN cached from the previous release in place (Alibaba CDN "Purge and prefetch FAQ": purge first, then prefetch).
  purgeFirst: true,
  // Change `rerun` (any text) to purge and warm every file again, e.g. after fixing URLs that failed at the origin
  // (an unchanged URL keeps its result, failed or not, until its version or the triggers change).
  triggers: { rerun: config.get("rerun") ?? "" },
  waitTimeoutSeconds: 1800,
}, { dependsOn: objects });

export const bucketName = bucket.bucket;
export const release = config.get("release") ?? "2026.11.23";
export const status = warm.status;
export const progress = warm.progress;
export const failedUrls = warm.failedUrls;
export const taskIds = warm.taskIds;
export const lastRun = warm.lastRun;
