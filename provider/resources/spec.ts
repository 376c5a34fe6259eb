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

/** Declared URL (`urls`: the declared entries' URLs) → what the API receives (validated by check already). */
export function submitForms(cloud: CloudKind, inputs: AnyInputs, urls: readonly string[]): Map<string, string> {
  const domain = "domain" in inputs && inputs.domain ? inputs.domain : null;
  const forms = submittedForms(cloud, urls, domain);
  return new Map(urls.map((url, i) => [url, forms[i]]));
}

/**
 * What the API receives for each declared URL, in order (`domain`: the CDN/DCDN domain `/path` URLs are relative to).
 * A URL that does not resolve is kept as declared (check refuses it before anything is sent).
 */
export function submittedForms(cloud: CloudKind, urls: readonly string[], domain: string | null): string[] {
  return urls.map((url) => {
    const r = resolveUrl(cloud, url, domain);
    return r.ok ? r.url.submit : url;
  });
}
