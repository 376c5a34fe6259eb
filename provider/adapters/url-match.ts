/**
 * Maps the URL a query API echoes back to the URL that was submitted. Vendors rewrite what they echo: Alibaba CDN/DCDN
 * add a scheme to `ObjectPath` (cloud-apis.md §A.1), CDN's detail API gives `Domain` + a path with a trailing line
 * break (seed 000), EdgeOne may percent-encode (§D.4). Adapters must report observations under the submitted form.
 * The comparison key is the provider's single one, `model/url.ts` (also used by `check` for duplicates).
 */
import { urlKey } from "../model/url";

export { urlKey };

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
