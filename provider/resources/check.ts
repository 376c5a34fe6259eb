/**
 * `check`: validates raw inputs at preview time and returns every problem at once as property-level failures.
 * Nothing here talks to a cloud. Values that are unknown during preview are not judged.
 */
import type { CloudKind } from "../model/cloud";
import { inputsSchema, type AnyInputs } from "./inputs";
import { URLS_PER_REQUEST } from "./limits";
import { unknownOnPath, isUnknown } from "./unknown";
import { hostWithin, resolveUrl, urlKey } from "./urls";

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
  const parsed = inputsSchema(cloud).safeParse(news);
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((issue) => !unknownOnPath(news, issue.path as PropertyKey[]))
    .map((issue) => ({ property: propertyPath(issue.path as PropertyKey[]) || "inputs", reason: issue.message }));
}

/** The apex the URLs must live under, when the user declared one. */
function declaredApex(news: Record<string, unknown>): { key: string; apex: string } | null {
  for (const key of ["domain", "zoneName", "siteName"]) {
    const v = news[key];
    if (typeof v === "string" && !isUnknown(v)) return { key, apex: v };
  }
  return null;
}

/** URL-level problems: format, scheme, scope, duplicates, per-request size without batching. */
function urlFailures(cloud: CloudKind, news: Record<string, unknown>): Failure[] {
  const urls = news.urls;
  if (!Array.isArray(urls)) return [];
  const failures: Failure[] = [];
  const domain = typeof news.domain === "string" && !isUnknown(news.domain) ? news.domain : null;
  const apex = declaredApex(news);
  const seen = new Map<string, number>();
  urls.forEach((raw, i) => {
    if (typeof raw !== "string" || isUnknown(raw)) return;
    const property = `urls[${i}]`;
    const r = resolveUrl(cloud, raw, domain);
    if (!r.ok) return void failures.push({ property, reason: `"${raw}" ${r.reason}` });
    if (apex && !hostWithin(r.url.host, apex.apex)) {
      failures.push({ property, reason: `"${raw}" is outside ${apex.key} ${apex.apex}; the cloud would refuse it` });
    }
    const key = urlKey(r.url.submit);
    const first = seen.get(key);
    if (first !== undefined) failures.push({ property, reason: `"${raw}" duplicates urls[${first}]` });
    else seen.set(key, i);
  });
  const limit = URLS_PER_REQUEST[cloud];
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
  if (news.existingTaskIds !== undefined && news.batching === false) {
    failures.push({ property: "batching", reason: "has no effect when adopting existingTaskIds" });
  }
  return failures;
}

/** Validates `news`; returns the inputs to record (as given) and every failure found. */
export function checkInputs(cloud: CloudKind, news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: Failure[] } {
  const failures = [...schemaFailures(cloud, news), ...urlFailures(cloud, news), ...ruleFailures(news)];
  return { inputs: news, failures };
}

/** Parses inputs that passed `check` (throws on programmer error only). */
export function parseInputs(cloud: CloudKind, raw: Record<string, unknown>): AnyInputs {
  const { __provider: _ignored, ...rest } = raw;
  return inputsSchema(cloud).parse(rest);
}
