/**
 * URL rules per cloud (cloud-apis.md §D.4): what a user may declare, what is sent to the API, and which host it
 * belongs to. Pure functions: used by `check` (validation) and by `create` (what to submit).
 */
import type { CloudKind } from "../model/cloud";
import { hasScheme, plainUrl, urlKey } from "../model/url";
import { MAX_URL_LENGTH } from "./limits";

/** A declared URL, resolved for submission. */
export interface ResolvedUrl {
  /** What the API receives. */
  submit: string;
  /** Lower-cased host the URL belongs to. */
  host: string;
}

/** Either a resolved URL or the reason it is invalid. */
export type UrlCheck = { ok: true; url: ResolvedUrl } | { ok: false; reason: string };

/**
 * Resolves one declared URL.
 * - EdgeOne `Targets` and ESA `Content` need full URLs with a scheme.
 * - Alibaba CDN/DCDN `ObjectPath` takes `domain/path` with an optional scheme; a path starting with `/` is taken
 *   relative to the resource's `domain`.
 */
export function resolveUrl(cloud: CloudKind, raw: string, domain: string | null): UrlCheck {
  if (/\s/.test(raw)) return { ok: false, reason: "must not contain whitespace or line breaks (percent-encode them, e.g. %20)" };
  const alibabaCdn = cloud === "alibaba-cdn" || cloud === "alibaba-dcdn";
  let candidate = raw;
  if (alibabaCdn && raw.startsWith("/")) {
    if (!domain) return { ok: false, reason: "is a path; set `domain` to use domain-relative paths, or give a full URL" };
    candidate = `${domain}${raw}`;
  }
  const schemed = hasScheme(candidate);
  if (!schemed && !alibabaCdn) return { ok: false, reason: "must be a full http:// or https:// URL" };
  // A URL that parsing would leave as written passes every check below as it is: no URL object needed (model/url.ts).
  const plain = plainUrl(schemed ? candidate : `http://${candidate}`);
  if (plain && plain.host.includes(".") && candidate.length <= MAX_URL_LENGTH) return { ok: true, url: { submit: candidate, host: plain.host } };
  let parsed: URL;
  try {
    parsed = new URL(schemed ? candidate : `http://${candidate}`);
  } catch {
    return { ok: false, reason: "is not a valid URL" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { ok: false, reason: `uses ${parsed.protocol.replace(":", "")}://; only http:// and https:// can be prefetched` };
  }
  if (!parsed.hostname || !parsed.hostname.includes(".")) return { ok: false, reason: "has no valid host name" };
  if (parsed.username || parsed.password) return { ok: false, reason: "must not contain credentials" };
  const submit = encodeNonAscii(candidate, parsed);
  if (submit.length > MAX_URL_LENGTH) {
    const as = submit === raw ? "" : ` as submitted (${submit === candidate ? "with the domain" : "percent-encoded"})`;
    return { ok: false, reason: `is ${submit.length} characters long${as}; the API accepts at most ${MAX_URL_LENGTH}` };
  }
  return { ok: true, url: { submit, host: parsed.hostname.toLowerCase() } };
}

/**
 * The form sent to the API: non-ASCII characters percent-encoded as UTF-8 (an internationalised host becomes its
 * punycode form), existing escapes and ASCII left exactly as written. The ESA guide says URLs with Chinese characters
 * must be encoded or the task is not recognised (the ESA purge-and-prefetch user guide, as quoted in issue 8; ledger row ESA-5 in
 * emulator/FIDELITY.md);
 * EdgeOne's deprecated `EncodeUrl` did the same server-side (cloud-apis.md §A.4). One form for every cloud, so results
 * always match what was sent; adapters also match the cloud's echo under the normalised key (model/url.ts).
 */
export function encodeNonAscii(candidate: string, parsed: URL): string {
  if (!/[^\x00-\x7f]/.test(candidate)) return candidate;
  const m = /^((?:[a-z][a-z0-9+.-]*:\/\/)?)([^/?#]*)(.*)$/is.exec(candidate)!;
  const host = /[^\x00-\x7f]/.test(m[2]) ? parsed.host : m[2];
  const rest = m[3].replace(/[^\x00-\x7f]+/g, (run) => encodeURIComponent(run));
  return `${m[1]}${host}${rest}`;
}

/** True when `host` is `apex` or one of its subdomains. */
export function hostWithin(host: string, apex: string): boolean {
  const a = apex.toLowerCase().replace(/\.$/, "");
  return host === a || host.endsWith(`.${a}`);
}

/**
 * The key `check` compares declared URLs by to find duplicates: the provider's single URL key (`model/url.ts`) with
 * the scheme ignored, so `http://A.com/x` and `https://a.com/x` are the same URL, as are `/x%2fy` and `/x%2Fy`.
 */
export function duplicateKey(submit: string): string {
  return urlKey(submit, true);
}
