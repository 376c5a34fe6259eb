/**
 * `urls` entries (issue 11): a URL, or `{ url, version }`. The version is any text the user derives from the content
 * (an object's etag, a content hash, a release number); a change of it is what makes an in-place update purge (with
 * `purgeFirst`) and prefetch that URL again while unchanged URLs keep their results (changes.ts).
 */

/** One declared entry with a version. */
export interface VersionedUrl {
  url: string;
  version: string;
}

/** One declared entry. */
export type UrlEntry = string | VersionedUrl;

/** True for a `{ url, version }` entry (tolerant: used on stored outputs too). */
export function isVersioned(entry: unknown): entry is VersionedUrl {
  return typeof entry === "object" && entry !== null && typeof (entry as VersionedUrl).url === "string";
}

/** The URL of an entry (the text itself for a string; `url` for an object; else null). */
export function urlOf(entry: unknown): string | null {
  if (typeof entry === "string") return entry;
  return isVersioned(entry) ? entry.url : null;
}

/** The version of an entry, or null for a plain URL (no version: only a `triggers` change runs it again). */
export function versionOf(entry: unknown): string | null {
  return isVersioned(entry) && typeof entry.version === "string" ? entry.version : null;
}

/** The URLs of declared entries, in order. */
export function entryUrls(entries: readonly UrlEntry[]): string[] {
  return entries.map((e) => (typeof e === "string" ? e : e.url));
}

/**
 * The URLs of stored or raw `urls` (strings or entries), or null when the value is not such a list (an element of
 * another shape, or a value unknown during preview).
 */
export function storedUrls(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const out = value.map(urlOf);
  return out.every((u): u is string => u !== null) ? out : null;
}

/** URL → version (null without one) of raw or stored `urls`; entries that are not URLs are skipped. */
export function versionsByUrl(value: unknown): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const e of Array.isArray(value) ? value : []) {
    const url = urlOf(e);
    if (url !== null) out.set(url, versionOf(e));
  }
  return out;
}
