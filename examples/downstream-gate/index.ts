// A second program that waits for a warm cache: it reads a prefetch stack's `status`, `failedUrls` and `taskIds`
// through a StackReference and publishes the release pointer (`current-release.json`, which the site's pages read to
// switch to the new version) only when every URL of the release is warm. Otherwise `pulumi up` (and `pulumi preview`)
// stops with a message saying what to do, before anything is changed; with `requireWarm: false` it publishes nothing
// and exports `ready: false` instead.
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import type { TaskStatus } from "pulumi-cdn-prefetch";

const config = new pulumi.Config();
/** The prefetch stack, `<organization>/<project>/<stack>`, e.g. `acme/cdn-prefetch-static-site-release/prod`. */
const prefetchStack = config.require("prefetchStack");
/** `false`: when the cache is not warm, export `ready: false` and publish nothing instead of failing. */
const requireWarm = config.getBoolean("requireWarm") ?? true;

/** A stack output's value, secret or not, and whether it was a secret (secret URLs are counted, never printed). */
async function read<T>(ref: pulumi.StackReference, name: string): Promise<{ value: T | undefined; secret: boolean }> {
  const details = await ref.getOutputDetails(name);
  if (details.secretValue !== undefined) return { value: details.secretValue as T, secret: true };
  return { value: details.value as T | undefined, secret: false };
}

/** What to do before the release can proceed, per prefetch status. */
const TODO: Record<Exclude<TaskStatus, "succeeded"> | "missing", string> = {
  running: "Run `pulumi up` on that stack: it resumes the wait without submitting again.",
  partiallyFailed: "Fix those URLs at the origin, then change the prefetch's `triggers` (or the files) and run `pulumi up` there.",
  failed: "Fix those URLs at the origin, then change the prefetch's `triggers` (or the files) and run `pulumi up` there.",
  missing: "Deploy that stack first: it exports no prefetch status.",
};

/** Why the release must wait, and what to do about it. */
function notWarm(status: keyof typeof TODO, failed: { value: string[] | undefined; secret: boolean }): string {
  const urls = failed.value ?? [];
  const which = urls.length === 0 ? "" : failed.secret ? ` (${urls.length} URLs not warm)` : ` (not warm: ${urls.join(", ")})`;
  return `Stack ${prefetchStack} reports prefetch status "${status}"${which}. ${TODO[status] ?? "Check that stack's outputs."}`;
}

export = async () => {
  const upstream = new pulumi.StackReference(prefetchStack);
  const status = (await read<TaskStatus>(upstream, "status")).value ?? "missing";
  const taskIds = (await read<string[]>(upstream, "taskIds")).value ?? [];
  if (status !== "succeeded") {
    const why = notWarm(status, await read<string[]>(upstream, "failedUrls"));
    if (requireWarm) throw new pulumi.RunError(`${why} The release is not published until every URL is warm.`);
    pulumi.log.warn(`${why} Nothing is published (requireWarm is false).`);
    return { ready: false, status, taskIds };
  }
  const pointer = new alicloud.oss.BucketObject("current-release", {
    bucket: upstream.requireOutput("bucketName").apply((v) => String(v)),
    key: "current-release.json",
    content: pulumi.jsonStringify({ release: upstream.requireOutput("release"), prefetchTaskIds: taskIds }),
    contentType: "application/json",
    cacheControl: "no-cache",
  });
  return { ready: true, status, taskIds, published: pointer.key };
};
