/**
 * Percent-encoding and query parsing shared by the two Alibaba signature verifiers.
 *
 * Signatures are computed over RFC3986-encoded DECODED parameters, never over the raw wire string: Node's
 * `querystring` leaves `( ) * !` unescaped on the wire while the signature uses `%28 %29 %2A %21`
 * (cloud-apis.md, "Surprises" 3 and §B.2).
 */

/** RFC3986 encoding as the Alibaba signers use it: `encodeURIComponent` plus `! ' ( ) *` (cloud-apis.md §C.2). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Decodes one `application/x-www-form-urlencoded` component (`+` is a space); malformed escapes stay literal. */
export function decodeComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/%([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Parses a raw query string or form body into decoded key/value pairs; a repeated key keeps its last value. */
export function parseUrlEncoded(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    out.set(key, eq < 0 ? "" : decodeComponent(part.slice(eq + 1)));
  }
  return out;
}

/**
 * Canonical form of a parameter map: keys sorted by code unit, `enc(key)=enc(value)` joined by `&`
 * (cloud-apis.md §C.2 CanonicalQueryString and §C.3 Canonicalized).
 */
export function canonicalParams(params: Map<string, string>): string {
  return [...params.keys()]
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params.get(k) ?? "")}`)
    .join("&");
}
