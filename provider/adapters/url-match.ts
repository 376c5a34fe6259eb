/**
 * Maps the URL a query API echoes back to the URL that was submitted. Vendors rewrite what they echo: Alibaba CDN/DCDN
 * add a scheme to `ObjectPath` (cloud-apis.md §A.1), CDN's detail API gives `Domain` + a path with a trailing line
 * break (seed 000), EdgeOne may percent-encode (§D.4). Adapters must report observations under the submitted form.
 * The comparison key is the provider's single one, `model/url.ts` (also used by `check` for duplicates).
 *
 * A status round matches every listed task of a batch against the batch's URLs, round after round, so the matcher is
 * built for what is common: an exact echo is a set lookup, the keys (a WHATWG parse per submitted URL) are computed
 * only when some echo is not exact, once, and an echo resolved once is remembered. {@link batchUrlMatcher} keeps one matcher per submitted list for the rounds of
 * a wait (a 10,000-URL wait otherwise parsed every URL again each round: issue 9, host memory).
 */
import { urlKey } from "../model/url";

export { urlKey };

/**
 * Finds the submitted URL an echoed URL stands for: exact match first, then key-equal; null when none. `exact` holds
 * the submitted URLs and `byKey` looks a key up: a caller trying several matchers ({@link matchAny}) tries them all
 * exactly, then computes the echo's key once for all of them.
 */
export interface UrlMatcher {
  (echoed: string): string | null;
  readonly exact: ReadonlySet<string>;
  readonly ignoreScheme: boolean;
  /** The first submitted URL whose key (`urlKey(url, ignoreScheme)`) is `key`, or null. */
  byKey(key: string): string | null;
}

/** Builds a {@link UrlMatcher} over the submitted URLs (the first of several key-equal URLs wins). */
export function createUrlMatcher(submitted: readonly string[], ignoreScheme: boolean): UrlMatcher {
  const exact = new Set(submitted);
  let keys: Map<string, string> | null = null;
  const byKey = (key: string): string | null => {
    if (!keys) {
      keys = new Map<string, string>();
      for (const url of submitted) {
        const k = urlKey(url, ignoreScheme);
        if (!keys.has(k)) keys.set(k, url);
      }
    }
    return keys.get(key) ?? null;
  };
  // Echoes already resolved (the same echo comes back every round), at most two per submitted URL.
  const echoes = new Map<string, string | null>();
  const match = (echoed: string): string | null => {
    if (exact.has(echoed)) return echoed;
    const known = echoes.get(echoed);
    if (known !== undefined) return known;
    const url = byKey(urlKey(echoed, ignoreScheme));
    if (echoes.size < 2 * exact.size) echoes.set(echoed, url);
    return url;
  };
  return Object.assign(match, { exact, ignoreScheme, byKey });
}

/**
 * The first of `matchers` to find `echoed`: every exact match is tried before any by key, and the echo's key is
 * computed once (an echo that belongs to none — another batch's URL listed under a shared task id — costs one key, not
 * one per matcher).
 */
export function matchAny(matchers: readonly UrlMatcher[], echoed: string): string | null {
  for (const m of matchers) if (m.exact.has(echoed)) return echoed;
  let withScheme: string | null = null;
  let withoutScheme: string | null = null;
  for (const m of matchers) {
    const key = m.ignoreScheme ? (withoutScheme ??= urlKey(echoed, true)) : (withScheme ??= urlKey(echoed, false));
    const url = m.byKey(key);
    if (url !== null) return url;
  }
  return null;
}

/** Matchers already built, by submitted list (one table per `ignoreScheme`). */
const built = [new WeakMap<readonly string[], UrlMatcher>(), new WeakMap<readonly string[], UrlMatcher>()];

/**
 * The matcher over a batch's submitted URLs, built once per list and reused while the list lives. The list must not
 * change afterwards: a batch's `urls` never does (a submit records a new batch; state decoding builds new lists).
 */
export function batchUrlMatcher(submitted: readonly string[], ignoreScheme: boolean): UrlMatcher {
  const table = built[ignoreScheme ? 1 : 0];
  let match = table.get(submitted);
  if (!match) table.set(submitted, (match = createUrlMatcher(submitted, ignoreScheme)));
  return match;
}
