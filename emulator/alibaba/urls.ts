/**
 * URL parsing for submits. CDN/DCDN `ObjectPath`: `\n` or `\r\n`-separated entries, `domain/path` with an optional
 * scheme, at most 1,024 characters each and 100 per request (cloud-apis.md §A.1, §D.4,
 * https://alibabacloud.com/help/en/cdn/api-pushobjectcache). ESA `Content`: full URLs (§A.3).
 */
import type { EmulatorConfig } from "../core/types";
import { variantValue } from "../core/variants";
import { AlibabaError } from "./errors";
import { urlEcho } from "./variants";

/** Most URLs in one CDN/DCDN submit (https://alibabacloud.com/help/en/cdn/api-pushobjectcache); ESA: variant `esa.urlsPerRequest`. */
export const MAX_URLS_PER_REQUEST = 100;
/** Longest `ObjectPath` entry (cloud-apis.md §A.1). */
export const MAX_URL_CHARS = 1024;

/** One submitted URL: as queries echo it, and its host. */
export interface SubmittedUrl {
  url: string;
  domain: string;
}

/** Splits a URL (with or without scheme) into a lower-case host; null when the host is not a host name. */
export function hostOf(url: string): string | null {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const authority = rest.split(/[/?#]/, 1)[0];
  const host = authority.replace(/:\d*$/, "").toLowerCase();
  return /^[a-z0-9_*](?:[a-z0-9_*-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/.test(host) ? host : null;
}

function parseEntry(entry: string): SubmittedUrl {
  if (entry.length > MAX_URL_CHARS) {
    throw new AlibabaError("InvalidObjectPath.Malformed", `The specified ObjectPath is invalid: longer than ${MAX_URL_CHARS} characters.`);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(entry);
  if (scheme && !/^https?$/i.test(scheme[1])) throw new AlibabaError("InvalidObjectPath.Malformed", `The specified ObjectPath is invalid: ${entry}`);
  const url = scheme ? entry : `http://${entry}`;
  const domain = hostOf(url);
  if (!domain) throw new AlibabaError("InvalidObjectPath.Malformed", `The specified ObjectPath is invalid: ${entry}`);
  if (domain.includes("*")) throw new AlibabaError("InvalidExtensiveDomain.ValueNotSupported");
  return { url, domain };
}

/** Parses a CDN/DCDN `ObjectPath` value; blank lines are ignored; at most `max` entries (default: a prefetch's 100). */
export function parseObjectPath(raw: string, max = MAX_URLS_PER_REQUEST): SubmittedUrl[] {
  const entries = raw.split(/\r?\n/).map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length > max) throw new AlibabaError("InvalidObjectPath.ExceedsMaximum");
  return entries.map(parseEntry);
}

/** Parses one ESA `Content` URL, which must carry an http(s) scheme. */
export function parseFullUrl(url: string): SubmittedUrl {
  const domain = /^https?:\/\//i.test(url) ? hostOf(url) : null;
  if (!domain || domain.includes("*")) throw new AlibabaError("InvalidParameters.InvalidUrls", `The specified urls are invalid: ${url}`);
  return { url, domain };
}

function encodeNonAscii(text: string): string {
  return text.replace(/[^\x00-\x7f]+/gu, (run) => {
    try {
      return encodeURIComponent(run);
    } catch {
      return run; // a lone surrogate cannot be encoded; keep it as sent
    }
  });
}

/**
 * The normalised form of a URL (`alibaba.urlEcho` = `normalized`): scheme and host lower-cased, percent-escapes
 * upper-cased, non-ASCII characters percent-encoded as UTF-8 (RFC 3986 §6.2.2); everything else as sent.
 */
export function normalizeUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  const [prefix, rest] = m ? [m[1].toLowerCase() + encodeNonAscii(m[2].toLowerCase()), m[3]] : ["", url];
  return prefix + encodeNonAscii(rest.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase()));
}

/** A stored URL as the query APIs echo it (and as their exact-match filters compare it) under `alibaba.urlEcho`. */
export function echoUrl(url: string, config: EmulatorConfig): string {
  return variantValue(config, urlEcho) === "normalized" ? normalizeUrl(url) : url;
}
