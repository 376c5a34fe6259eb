/**
 * Maps the URL a query API echoes back to the URL that was submitted. Vendors rewrite what they echo: Alibaba CDN/DCDN
 * add a scheme to `ObjectPath` (cloud-apis.md §A.1), CDN's detail API gives `Domain` + a path with a trailing line
 * break (seed 000), EdgeOne may percent-encode (§D.4). Adapters must report observations under the submitted form.
 */

/**
 * A comparison key for a URL: WHATWG-normalized (lower-case host, default port dropped, non-ASCII percent-encoded,
 * percent-escapes upper-cased), without the scheme when `ignoreScheme`. A URL without a scheme is read as `http://`.
 * Falls back to the trimmed text when the URL cannot be parsed.
 */
export function urlKey(raw: string, ignoreScheme: boolean): string {
  const text = raw.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let href: string;
  try {
    href = new URL(hasScheme ? text : `http://${text}`).href;
  } catch {
    return text;
  }
  href = href.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
  return ignoreScheme ? href.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "") : href;
}

/** Finds the submitted URL an echoed URL stands for: exact match first, then key-equal; null when none. */
export type UrlMatcher = (echoed: string) => string | null;

/** Builds a {@link UrlMatcher} over the submitted URLs (the first of several key-equal URLs wins). */
export function createUrlMatcher(submitted: readonly string[], ignoreScheme: boolean): UrlMatcher {
  const exact = new Set(submitted);
  const byKey = new Map<string, string>();
  for (const url of submitted) {
    const key = urlKey(url, ignoreScheme);
    if (!byKey.has(key)) byKey.set(key, url);
  }
  return (echoed) => {
    if (exact.has(echoed)) return echoed;
    return byKey.get(urlKey(echoed, ignoreScheme)) ?? null;
  };
}
