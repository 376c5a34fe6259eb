/**
 * Resource arguments. Every cloud shares {@link PrefetchArgs}; switching clouds changes the class and the
 * cloud-specific inputs only.
 */
import type * as pulumi from "@pulumi/pulumi";

/**
 * A URL with a version: any text that changes when the content behind the URL changes (an object's etag, a content
 * hash, a release number). When `urls` changes, only URLs that are new or whose version changed are purged (with
 * `purgeFirst`) and prefetched again.
 */
export interface VersionedUrl {
  url: pulumi.Input<string>;
  version: pulumi.Input<string>;
}

/** Inputs every prefetch resource accepts. */
export interface PrefetchArgs {
  /**
   * URLs to warm: each a URL, or `{ url, version }`. Changing the list is an in-place update that submits only the
   * URLs that are new or whose `version` changed; unchanged URLs keep their results, removed ones are forgotten.
   */
  urls: pulumi.Input<pulumi.Input<string | VersionedUrl>[]>;
  /** Extra request headers for the origin fetch (e.g. `Accept-Encoding`). Changing them replaces. */
  headers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Block until every URL is done (default true). With false, `create` returns right after submit; refresh updates. */
  wait?: pulumi.Input<boolean>;
  /** Wait budget in seconds (default 1800, at most 21600). When it runs out the task is recorded and the next `up` resumes. */
  waitTimeoutSeconds?: pulumi.Input<number>;
  /**
   * Smallest delay between status polls, seconds (default 1). Polls are spaced by the time since the submit (5 % of
   * it) and, when the cloud reports progress, aimed at the predicted finish.
   */
  pollIntervalSeconds?: pulumi.Input<number>;
  /** Failed URLs tolerated before the deployment fails (default 0). */
  allowedFailures?: pulumi.Input<number>;
  /** Percentage of failed URLs tolerated before the deployment fails (default 0). */
  allowedFailurePercent?: pulumi.Input<number>;
  /** Split lists longer than one request allows into several submits (default true). */
  batching?: pulumi.Input<boolean>;
  /**
   * Purge the URLs a run warms first (default false): the provider submits the vendor's URL purge, waits until it has
   * finished, then submits the prefetch — the order the vendors prescribe when content changes under the same URL.
   * Without it, a prefetch of a URL the edge still caches may leave the old copy in place. The purge is awaited even
   * with `wait: false`; a URL whose purge fails is not prefetched and counts as failed. Uses the purge quota too.
   */
  purgeFirst?: pulumi.Input<boolean>;
  /** With `purgeFirst`: `invalidate` (mark the cached copy stale; the vendors' default) or `delete` (remove it). */
  purgeMethod?: pulumi.Input<"invalidate" | "delete">;
  /** Any values; a change re-runs every URL (purge and prefetch) in place, e.g. a release version. */
  triggers?: pulumi.Input<unknown>;
  /** Adopt tasks submitted elsewhere: `create` only waits for and reads them (no submit). */
  existingTaskIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * With `existingTaskIds`: the adopted tasks were submitted at or after this ISO-8601 time (e.g.
   * `2026-11-23T08:00:00Z`). ESA has no task-id filter and finds tasks by URL within a time window; without this the
   * whole 3-day history is searched. Other clouds use it for the task's age.
   */
  submittedAfter?: pulumi.Input<string>;
  /** API endpoint override, e.g. the emulator's `http://127.0.0.1:PORT`. Default: stack config / env / vendor endpoint. */
  endpoint?: pulumi.Input<string>;
  /** Vendor region override. Default: `tencentcloud:region` / `alicloud:region` config or environment. */
  region?: pulumi.Input<string>;
  /** Name used in progress lines (default: the resource name). */
  progressLabel?: pulumi.Input<string>;
}

/** Tencent Cloud EdgeOne. */
export interface EdgeOnePrefetchArgs extends PrefetchArgs {
  /** EdgeOne zone (site) id, e.g. `zone-2noz78a8ev6k`. */
  zoneId: pulumi.Input<string>;
  /** The zone's domain (e.g. `example.com`): when set, URLs outside it are refused at preview time. */
  zoneName?: pulumi.Input<string>;
  /** `default` (middle tier) or `edge` (edge and middle tier; allow-listed accounts). */
  mode?: pulumi.Input<"default" | "edge">;
  /** Prefetch M3U8 media segments too (allow-listed accounts). */
  prefetchMediaSegments?: pulumi.Input<boolean>;
}

/** Alibaba Cloud CDN and DCDN. */
export interface AlibabaCdnPrefetchArgs extends PrefetchArgs {
  /** The accelerated domain (e.g. from `alicloud.cdn.DomainNew.domainName`): URLs must belong to it; `/path` URLs are relative to it. */
  domain?: pulumi.Input<string>;
  /** `domestic` or `overseas`; default: the domain's coverage. */
  area?: pulumi.Input<"domestic" | "overseas">;
  /** Also prefetch to L2 POPs. */
  l2Preload?: pulumi.Input<boolean>;
  /** Use the domain's cache-key rules (rewrites, parameter filtering). */
  queryHashkey?: pulumi.Input<boolean>;
}

/** Alibaba Cloud ESA. */
export interface AlibabaEsaPrefetchArgs extends PrefetchArgs {
  /** ESA site id (e.g. from `alicloud.esa.Site.id`). */
  siteId: pulumi.Input<number | string>;
  /** The site's domain (e.g. `alicloud.esa.Site.siteName`): when set, URLs outside it are refused at preview time. */
  siteName?: pulumi.Input<string>;
  /** The site's plan instance id (`sp-xcdn-…`, e.g. `alicloud.esa.Site.instanceId`): lets the prefetch quota be checked before submitting. */
  instanceId?: pulumi.Input<string>;
}
