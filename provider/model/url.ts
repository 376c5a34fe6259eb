/**
 * The one URL comparison key of the provider. `check` uses it to find duplicate declared URLs and the adapters use it
 * to map the URL a query API echoes back (vendors add a scheme, lower-case the host or re-encode the path:
 * cloud-apis.md §A.1, §D.4) to the URL that was submitted. Both must agree, so both call this function.
 */

/** A scheme followed by `//`, as in `https://` (RFC 3986 §3.1). */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** True when `text` starts with a scheme and `//`. */
export function hasScheme(text: string): boolean {
  return SCHEME.test(text);
}

/**
 * A comparison key for a URL, WHATWG-normalised (https://url.spec.whatwg.org/#url-parsing): lower-case host, default
 * port dropped, non-ASCII characters percent-encoded, dot segments resolved; percent-escapes are upper-cased
 * (RFC 3986 §6.2.2.1: `%2f` and `%2F` are the same octet). With `ignoreScheme`, `http://a.com/x` and `https://a.com/x`
 * get the same key. A URL without a scheme is read as `http://`. Surrounding whitespace (CDN's detail API echoes a
 * trailing line break, seed 000) is ignored; text that cannot be parsed is its own key.
 */
export function urlKey(raw: string, ignoreScheme: boolean): string {
  const text = raw.trim();
  let href: string;
  try {
    href = new URL(hasScheme(text) ? text : `http://${text}`).href;
  } catch {
    return text;
  }
  href = href.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  return ignoreScheme ? href.replace(SCHEME, "") : href;
}
