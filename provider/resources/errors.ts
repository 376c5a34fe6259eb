/**
 * User-facing messages. Each names the cloud, the action that failed, the task ids when there are any, and what to
 * do next. Errors raised once the cloud may hold work carry `id`, `properties` and `reasons`: Pulumi's dynamic-provider
 * host turns them into a partial failure (`ErrorResourceInitFailed`), so the resource and its task ids are recorded
 * in state and the next `pulumi up` runs an update that resumes (shared reference pulumi-dynamic-providers.md §1.4).
 */
import type { CloudKind } from "../model/cloud";
import type { CloudError } from "../model/errors";
import type { UrlResult } from "../model/task";
import { isFailure } from "../model/status";

/** An error Pulumi records as a partial failure of a resource that exists in the cloud. */
export interface PartialFailure extends Error {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

/** Builds a partial-failure error carrying the resource id and the outputs so far. */
export function partialFailure(message: string, id: string, properties: Record<string, unknown>, reasons: string[]): PartialFailure {
  const e = new Error(message) as PartialFailure;
  e.name = "PrefetchIncompleteError";
  e.id = id;
  e.properties = properties;
  e.reasons = reasons;
  return e;
}

/** Most URLs listed in one message; the rest are counted. */
const MAX_LISTED = 20;

/** "url: reason" lines for failed URLs, capped. */
export function failedLines(results: readonly UrlResult[]): string[] {
  const failed = results.filter((r) => isFailure(r.status));
  const lines = failed.slice(0, MAX_LISTED).map((r) => `  ${r.url}: ${r.status}${r.reason ? ` (${r.reason})` : ""}`);
  if (failed.length > MAX_LISTED) lines.push(`  … and ${failed.length - MAX_LISTED} more (see the resource's results output)`);
  return lines;
}

/**
 * The next reset of a daily quota, ISO-8601: midnight China Standard Time (UTC+8). Observed for Alibaba CDN by a
 * public runbook (cloud-apis.md §D.3), undocumented for EdgeOne and ESA (ledger EO-6, ESA-7): messages say "expected".
 */
export function nextQuotaReset(nowMs: number): string {
  const shift = 8 * 3600_000;
  const local = new Date(nowMs + shift);
  const nextMidnightLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  return new Date(nextMidnightLocal - shift).toISOString().replace(".000Z", "Z");
}

/** The message for today's quota being too small (before or during submit). */
export function quotaMessage(cloud: CloudKind, detail: string, nowMs: number, what: "prefetch" | "purge" = "prefetch"): string {
  return `${cloud}: daily ${what} quota exhausted: ${detail}. The daily quota is expected to reset at ${nextQuotaReset(nowMs)} ` +
    `(midnight UTC+8). ${what === "purge" ? "Purge" : "Prefetch"} fewer URLs, split them over days, or ask the vendor for a higher quota.`;
}

/** A readable one-line rendering of a classified cloud error (no secrets: codes, messages and request ids only). */
export function describeCloudError(e: CloudError): string {
  const rid = e.requestId ? ` (request id ${e.requestId})` : "";
  const tries = e.attempts && e.attempts > 1 ? ` after ${e.attempts} attempts` : "";
  return `${e.action ?? "call"} failed with ${e.code}: ${e.message}${rid}${tries}`;
}

/** Names the product a cloud kind stands for, as its console does. */
const PRODUCT: Record<CloudKind, string> = {
  edgeone: "Tencent Cloud EdgeOne", "alibaba-cdn": "Alibaba Cloud CDN", "alibaba-dcdn": "Alibaba Cloud DCDN", "alibaba-esa": "Alibaba Cloud ESA",
};

/** What to do next, from what the error proves. */
export function nextStep(e: CloudError, nowMs: number): string {
  switch (e.detail) {
    case "dailyQuota": return `today's prefetch quota is used up; it is expected to reset at ${nextQuotaReset(nowMs)} (midnight UTC+8): run \`pulumi up\` again then, prefetch fewer URLs, or ask the vendor for a higher quota`;
    case "queueFull": return "the cloud's prefetch queue is full (not your daily quota); it usually drains within minutes: run `pulumi up` again shortly";
    case "batchLimit": return "the request carried more URLs than the cloud allows per request, even after halving it down to one URL: leave `batching` on, or ask the vendor";
    case "planLimit": return "the plan or account does not allow this request (e.g. `mode: \"edge\"` or `prefetchMediaSegments` need the vendor's allow-list): remove that input or ask the vendor to enable it";
    case "serviceNotOpened": return `${PRODUCT[e.cloud]} is not activated (or is suspended) for this account: activate it in the console, then run \`pulumi up\` again`;
    case "noPermission": return `the credentials are valid but not allowed to call ${e.action ?? "this action"}: grant it in the account's access policy (README, Permissions)`;
    case "credentials": return "check the credentials (key id, secret, security token) and the machine's clock";
    case "scopeNotFound": return "the zone, site or domain is not in this account (or has no domain yet): check `zoneId` / `siteId` / `domain` and the credentials' account";
    default: break;
  }
  switch (e.kind) {
    case "auth": return "check the credentials and the account's access policy";
    case "quota": return "a quota or plan limit refused the request; see the vendor's message";
    case "throttled": return "still throttled after retries: run `pulumi up` again later, or lower the number of concurrent prefetches";
    case "busy": return "the domain or site is still being configured: run `pulumi up` again in a few minutes";
    case "unreached": return "the endpoint could not be reached: check the network, the endpoint and the region";
    case "transient": return "the cloud had trouble answering: run `pulumi up` again";
    case "invalid": return "the request was refused as invalid: check the inputs named in the vendor's message";
    case "notFound": return "the cloud no longer has this data";
    default: return "see the vendor's message";
  }
}

/** The full message for a cloud error that ended a run: cloud, action, code, vendor message and the next step. */
export function describeFailure(e: CloudError, nowMs = Date.now()): string {
  return `${e.cloud}: ${describeCloudError(e)}. Next: ${nextStep(e, nowMs)}.`;
}
