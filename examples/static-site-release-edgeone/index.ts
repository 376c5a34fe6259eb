// Release a static site on Tencent Cloud EdgeOne: purge and warm exactly the files whose content changed. The built
// files are uploaded to the zone's origin (for example a COS bucket) by the deploy step that runs before `pulumi up`;
// this program reads the same build folder and gives each URL the SHA-256 of its file as its `version`. A release that
// changes 3 files purges and prefetches those 3 URLs only (the others keep their results and spend no quota), and
// `purgeFirst` purges each one (EdgeOne `CreatePurgeTask`, `purge_url`) and waits for the purge to finish before
// warming it, so the edge serves the new content, not the copy it cached from the last release.
//
// The versions are local content hashes because the upload is not declared here: this repository does not install
// @pulumi/tencentcloud. A program that uploads with its COS object resource can pass that object's etag as the version
// and the objects as `dependsOn`, as ../static-site-release does with Alibaba Cloud OSS.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { EdgeOnePrefetch } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
/** The EdgeOne zone (site) id. */
const zoneId = config.get("zoneId") ?? "zone-example01";
/** The zone's domain: URLs outside it are refused at preview time. */
const zoneName = config.get("zoneName") ?? "example.com";
/** The host name the site is served under (a domain of the zone). */
const host = config.get("host") ?? `www.${zoneName}`;
/** The folder holding the built site, as uploaded to the origin (relative to this program, or absolute). */
const siteDir = path.resolve(__dirname, config.get("siteDir") ?? "site");
/** `invalidate` (mark cached copies stale, EdgeOne's default) or `delete` (remove them). */
const purgeMethod = config.get<"invalidate" | "delete">("purgeMethod", { allowedValues: ["invalidate", "delete"] }) ?? "invalidate";

/** Every file under `dir`, as URL paths (relative to `dir`, `/`-separated), sorted. */
function pathsUnder(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? pathsUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** The SHA-256 of a file's content, hex: it changes exactly when the file does. */
function contentHash(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

const paths = pathsUnder(siteDir);

const warm = new EdgeOnePrefetch("site", {
  zoneId,
  zoneName,
  // One version per URL: new content in a file changes its version, and the next `pulumi up` purges and warms that
  // URL only (an in-place update; unchanged URLs are not submitted again, removed ones are forgotten).
  urls: paths.map((p) => ({ url: `https://${host}/${p}`, version: contentHash(path.join(siteDir, p)) })),
  // Purge each changed URL and wait for the purge to finish before warming it: a prefetch alone may leave the copy the
  // edge cached from the previous release in place.
  purgeFirst: true,
  purgeMethod,
  // Change `rerun` (any text) to purge and warm every file again, e.g. after fixing URLs that failed at the origin
  // (an unchanged URL keeps its result, failed or not, until its version or the triggers change).
  triggers: { rerun: config.get("rerun") ?? "" },
  waitTimeoutSeconds: 1800,
});

export const status = warm.status;
export const progress = warm.progress;
export const failedUrls = warm.failedUrls;
export const taskIds = warm.taskIds;
/** What the last run purged, submitted and skipped. */
export const lastRun = warm.lastRun;
/** The purge task ids of the last run (empty when it purged nothing). */
export const purgeTaskIds = warm.purge.apply((p) => p?.taskIds ?? []);
