/**
 * User-facing errors. Each message names the cloud, the task ids and what to do next. Errors raised after the cloud
 * accepted a task carry `id`, `properties` and `reasons`: Pulumi's dynamic-provider host turns them into a partial
 * failure (`ErrorResourceInitFailed`), so the resource and its task ids are recorded in state and the next
 * `pulumi up` runs an update that resumes (shared reference pulumi-dynamic-providers.md §1.4).
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
 * The next reset of a daily quota, ISO-8601. Alibaba's and Tencent's daily prefetch quotas roll over at midnight
 * China Standard Time (UTC+8) (cloud-apis.md §D.3: observed by a public runbook, not documented).
 */
export function nextQuotaReset(nowMs: number): string {
  const shift = 8 * 3600_000;
  const local = new Date(nowMs + shift);
  const nextMidnightLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  return new Date(nextMidnightLocal - shift).toISOString().replace(".000Z", "Z");
}

/** The message for a quota refusal (before or during submit). */
export function quotaMessage(cloud: CloudKind, detail: string, nowMs: number): string {
  return `${cloud}: prefetch quota exhausted: ${detail}. The daily quota resets at ${nextQuotaReset(nowMs)} ` +
    "(midnight UTC+8). Prefetch fewer URLs, split them over days, or ask the vendor for a higher quota.";
}

/** A readable one-line rendering of a classified cloud error (no secrets: codes, messages and request ids only). */
export function describeCloudError(e: CloudError): string {
  const rid = e.requestId ? ` (request id ${e.requestId})` : "";
  return `${e.action ?? "call"} failed with ${e.code}: ${e.message}${rid}`;
}
