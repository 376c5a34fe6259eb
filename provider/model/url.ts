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
  const full = hasScheme(text) ? text : `http://${text}`;
  let href: string;
  const plain = plainUrl(full);
  if (plain) href = plainHref(plain);
  else {
    try {
      href = new URL(full).href;
    } catch {
      return text;
    }
  }
  if (href.includes("%")) href = href.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  return ignoreScheme ? href.replace(SCHEME, "") : href;
}

/** A URL that WHATWG parsing leaves as written, in parts (see {@link plainUrl}). */
export interface PlainUrl {
  scheme: "http" | "https";
  /** The host, already lower-case ASCII. */
  host: string;
  /** The path (`""` when none: WHATWG then gives `/`). */
  path: string;
  /** `?` and the query, or `""`. */
  query: string;
}

/**
 * `http`/`https` in lower case, `://`, a host of lower-case ASCII labels whose last one starts with a letter (so not
 * an IPv4 address) and none of which is punycode (`xn--`), no user info, port or fragment, then a path and a query of
 * characters WHATWG never percent-encodes there (the path and special-query percent-encode sets,
 * https://url.spec.whatwg.org/#percent-encoded-bytes).
 */
const PLAIN = /^(https?):\/\/((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?)(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)?(\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;

/** A dot segment (`.`, `..`, or `%2e` in any form), which WHATWG parsing resolves. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * The parts of a URL that WHATWG parsing (`new URL`) leaves exactly as written, or null for any other URL, which must
 * be parsed. Most declared URLs are such, and skipping the parse is what keeps `check` and the status rounds of a
 * 10,000-URL resource from allocating a URL object per URL (issue 9, host memory); tests/unit/urls.spec.ts holds the
 * two ways to the same answer on a corpus of edge cases.
 */
export function plainUrl(text: string): PlainUrl | null {
  const m = PLAIN.exec(text);
  if (!m || m[2].includes("xn--")) return null;
  const path = m[3] ?? "";
  if (DOT_SEGMENT.test(path) || /%2e/i.test(path)) return null;
  return { scheme: m[1] as PlainUrl["scheme"], host: m[2], path, query: m[4] ?? "" };
}

/** What `new URL(text).href` gives for a plain URL. */
export function plainHref(p: PlainUrl): string {
  return `${p.scheme}://${p.host}${p.path || "/"}${p.query}`;
}
