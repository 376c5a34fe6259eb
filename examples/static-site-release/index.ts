// Release a static site: upload its files to Alibaba Cloud OSS, then warm the CDN in front of the bucket with exactly
// those files. The prefetch waits for the uploads (`dependsOn`) and runs again whenever a file's content changes: the
// objects' etags (their content MD5) are its `triggers`. The stack exports `status`, `failedUrls` and `taskIds` for
// programs that must wait for a warm cache (see ../downstream-gate).
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
  urls: keys.map((key) => `https://${domain}/${key}`),
  // One etag per object: new content in any file changes the triggers, and the prefetch runs again in place.
  triggers: Object.fromEntries(keys.map((key, i) => [key, objects[i].etag])),
  waitTimeoutSeconds: 1800,
}, { dependsOn: objects });

export const bucketName = bucket.bucket;
export const release = config.get("release") ?? "2026.11.23";
export const status = warm.status;
export const progress = warm.progress;
export const failedUrls = warm.failedUrls;
export const taskIds = warm.taskIds;
