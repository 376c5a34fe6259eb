/**
 * Turns validated resource inputs into the adapter-facing {@link PrefetchSpec} and the list of URLs to submit.
 */
import type { CloudKind } from "../model/cloud";
import type { PrefetchSpec } from "../model/spec";
import type { AlibabaCdnInputs, AlibabaEsaInputs, AnyInputs, EdgeOneInputs } from "./inputs";
import { resolveUrl } from "./urls";

/** Builds the cloud spec from inputs. */
export function specFromInputs(cloud: CloudKind, inputs: AnyInputs): PrefetchSpec {
  const headers = inputs.headers ?? {};
  switch (cloud) {
    case "edgeone": {
      const i = inputs as EdgeOneInputs;
      return { cloud, zoneId: i.zoneId, mode: i.mode ?? null, headers, prefetchMediaSegments: i.prefetchMediaSegments ?? null };
    }
    case "alibaba-cdn":
    case "alibaba-dcdn": {
      const i = inputs as AlibabaCdnInputs;
      return { cloud, domain: i.domain ?? null, area: i.area ?? null, l2Preload: i.l2Preload ?? null, headers, queryHashkey: i.queryHashkey ?? null };
    }
    case "alibaba-esa": {
      const i = inputs as AlibabaEsaInputs;
      return { cloud, siteId: String(i.siteId), hostnames: i.siteName ? [i.siteName] : [], headers, instanceId: i.instanceId ?? null };
    }
  }
}

/** The scope a resource id names: zone, site or domain. */
export function scopeOf(spec: PrefetchSpec): string {
  if (spec.cloud === "edgeone") return spec.zoneId;
  if (spec.cloud === "alibaba-esa") return spec.siteId;
  return spec.domain ?? "any";
}

/**
 * Declared URL (`urls`: the declared entries' URLs) → what the API receives (validated by check already), for the URLs
 * whose form differs from the declared text only: a URL absent from the map is sent as declared (readers use
 * `forms.get(url) ?? url`). Most URLs are sent as declared, and a 10,000-URL create then holds no 10,000-entry identity
 * map (nor its inverse, run-context.ts `declaredOf`).
 */
export function submitForms(cloud: CloudKind, inputs: AnyInputs, urls: readonly string[]): Map<string, string> {
  const domain = "domain" in inputs && inputs.domain ? inputs.domain : null;
  const forms = submittedForms(cloud, urls, domain);
  const out = new Map<string, string>();
  urls.forEach((url, i) => {
    if (forms[i] !== url) out.set(url, forms[i]);
  });
  return out;
}

/**
 * What the API receives for each declared URL, in order (`domain`: the CDN/DCDN domain `/path` URLs are relative to).
 * A URL that does not resolve is kept as declared (check refuses it before anything is sent).
 */
export function submittedForms(cloud: CloudKind, urls: readonly string[], domain: string | null): string[] {
  return urls.map((url) => {
    // An ASCII URL that is not a CDN/DCDN `/path` is sent as declared whether it resolves or not (resolveUrl changes
    // only non-ASCII characters and `/path`s): no parse needed, which keeps a 10,000-URL create from parsing every URL
    // once more than `check` did (issue 9, host memory).
    if (!url.startsWith("/") && !NON_ASCII.test(url)) return url;
    const r = resolveUrl(cloud, url, domain);
    return r.ok ? r.url.submit : url;
  });
}

/** Any character beyond ASCII (what `encodeNonAscii` percent-encodes). */
const NON_ASCII = /[^\x00-\x7f]/;
