/**
 * `check`: validates raw inputs at preview time and returns every problem at once as property-level failures, each
 * written for people. Nothing here talks to a cloud. Values that are unknown during preview are not judged; keys are
 * (a key is known even when its value is not).
 */
import type { CloudKind } from "../model/cloud";
import { EDGEONE_MAX_BATCH, URLS_PER_REQUEST } from "../model/limits";
import { INPUTS, issueReason, safeParseInputs, urlScopeKey, type AnyInputs } from "./inputs";
import { unknownKeyFailures } from "./key-check";
import { INPUTS_PACKED_LIMIT, packedSize } from "./packing";
import { containsUnknown, isUnknown, unknownOnPath } from "./unknown";
import { urlOf } from "./url-entries";
import { duplicateKey, hostWithin, resolveUrl } from "./urls";

/** One property-level problem (Pulumi `CheckFailure`). */
export interface Failure {
  property: string;
  reason: string;
}

/** Formats a zod path as a Pulumi property path: `urls[3]`, `headers.X-Foo`. */
export function propertyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/** Schema-level problems, skipping anything unknown during preview. */
function schemaFailures(cloud: CloudKind, news: Record<string, unknown>): Failure[] {
  const parsed = safeParseInputs(cloud, news);
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((issue) => !unknownOnPath(news, issue.path as PropertyKey[]))
    .map((issue) => ({ property: propertyPath(issue.path as PropertyKey[]) || "inputs", reason: issueReason(issue) }));
}

/**
 * The apex URLs must live under: the resource's own scope field only (EdgeOne `zoneName`, CDN/DCDN `domain`, ESA
 * `siteName`), when set, known and valid (an invalid one is reported on its own property).
 */
function declaredScope(cloud: CloudKind, news: Record<string, unknown>): { key: string; apex: string } | null {
  const key = urlScopeKey(cloud);
  if (!key) return null;
  const value = news[key];
  if (typeof value !== "string" || isUnknown(value) || !INPUTS[key].schema.safeParse(value).success) return null;
  return { key, apex: value };
}

/**
 * Most URLs one request may carry as far as `check` can tell: `URLS_PER_REQUEST`, except EdgeOne, whose per-zone
 * `Batch` is read at create time; the largest known value bounds it here (model/limits.ts).
 */
function staticRequestLimit(cloud: CloudKind): number {
  return cloud === "edgeone" ? EDGEONE_MAX_BATCH : URLS_PER_REQUEST[cloud];
}

/** URL-level problems: format, scheme, scope, duplicates, per-request size without batching. */
function urlFailures(cloud: CloudKind, news: Record<string, unknown>): Failure[] {
  const urls = news.urls;
  if (!Array.isArray(urls)) return [];
  const failures: Failure[] = [];
  const scope = declaredScope(cloud, news);
  const domain = typeof news.domain === "string" ? news.domain : null;
  const seen = new Map<string, number>();
  urls.forEach((entry, i) => {
    const raw = urlOf(entry);
    if (raw === null || isUnknown(raw)) return;
    if (raw.startsWith("/") && isUnknown(domain)) return;
    const property = typeof entry === "string" ? `urls[${i}]` : `urls[${i}].url`;
    const r = resolveUrl(cloud, raw, domain);
    if (!r.ok) return void failures.push({ property, reason: `"${raw}" ${r.reason}` });
    if (scope && !hostWithin(r.url.host, scope.apex)) {
      failures.push({ property, reason: `"${raw}" is outside ${scope.key} ${scope.apex}; the cloud would refuse it` });
    }
    const key = duplicateKey(r.url.submit);
    const first = seen.get(key);
    if (first !== undefined) {
      failures.push({ property, reason: `"${raw}" duplicates urls[${first}] (the same URL once the scheme, the host's case, a default port and percent-escapes are set aside); list it once` });
    } else seen.set(key, i);
  });
  if (!containsUnknown(urls) && !containsUnknown(news.headers)) {
    const size = packedSize({ urls, headers: news.headers ?? null });
    if (size > INPUTS_PACKED_LIMIT) {
      failures.push({ property: "urls", reason: `${urls.length} URLs are too many for one resource: compressed they take ${Math.ceil(size / 1000)} KB, and ` +
        `a run that ends unfinished must hand its whole state to Pulumi in one message of at most 64 KiB, so at most ${INPUTS_PACKED_LIMIT / 1000} KB ` +
        "compressed fits; split the list over several resources" });
    }
  }
  const limit = staticRequestLimit(cloud);
  if (news.batching === false && urls.length > limit) {
    failures.push({ property: "urls", reason: `${urls.length} URLs exceed the ${limit} one request may carry; remove \`batching: false\` to submit them in batches` });
  }
  return failures;
}

/** Cross-field rules. */
function ruleFailures(news: Record<string, unknown>): Failure[] {
  const failures: Failure[] = [];
  if (news.wait === false && typeof news.waitTimeoutSeconds === "number") {
    failures.push({ property: "waitTimeoutSeconds", reason: "has no effect with wait: false; remove one of them" });
  }
  if (news.zoneId === "*" && news.wait !== false) {
    failures.push({ property: "zoneId", reason: "* (every zone of the account) can submit, but DescribePrefetchTasks documents no * to read the status " +
      "with (teo_models.d.ts): set wait: false, or use the zone's own id so the provider can wait" });
  }
  if (news.submittedAfter !== undefined && news.existingTaskIds === undefined) {
    failures.push({ property: "submittedAfter", reason: "only applies to adopted tasks; set existingTaskIds or remove it" });
  }
  if (news.purgeMethod !== undefined && news.purgeFirst !== true && !isUnknown(news.purgeFirst)) {
    failures.push({ property: "purgeMethod", reason: "only applies with purgeFirst: true; set purgeFirst or remove it" });
  }
  if (news.existingTaskIds !== undefined && news.purgeFirst === true) {
    failures.push({ property: "purgeFirst", reason: "cannot apply to adopted tasks (existingTaskIds): they were submitted elsewhere, so nothing is purged first" });
  }
  if (news.existingTaskIds !== undefined && news.batching === false) {
    failures.push({ property: "batching", reason: "has no effect when adopting existingTaskIds" });
  }
  return failures;
}

/** Validates `news`; returns the inputs to record (as given) and every failure found. */
export function checkInputs(cloud: CloudKind, news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: Failure[] } {
  const failures = [
    ...unknownKeyFailures(cloud, news), ...schemaFailures(cloud, news), ...urlFailures(cloud, news), ...ruleFailures(news),
  ];
  return { inputs: news, failures };
}

/**
 * Parses inputs for create, update and read; keys the cloud does not take are dropped. Inputs normally passed `check`
 * first, but a program under `setMocks` or state written by another version may reach here unchecked: a refused value
 * throws the same sentences `check` gives, each with its property (`allowedFailures must be …; got -1`).
 */
export function parseInputs(cloud: CloudKind, raw: Record<string, unknown>): AnyInputs {
  const { __provider: _ignored, ...rest } = raw;
  const parsed = safeParseInputs(cloud, rest);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `\n  ${propertyPath(issue.path as PropertyKey[]) || "inputs"} ${issueReason(issue)}`);
  throw new Error(`the resource's inputs are not valid:${problems.join("")}`);
}
