/**
 * Declared domains and sites (`config.restrict`). When `restrict` is null, or the product's list is absent, every
 * well-formed domain or site is accepted (auto-provisioned).
 *
 * Errors: CDN/DCDN `InvalidDomain.NotFound` 404 and `InvalidExtensiveDomain.ValueNotSupported` for a domain served
 * only by a declared wildcard domain (cloud-apis.md §A.1). ESA: `InvalidSiteId.NotFound` 404 for an undeclared site
 * (the emulator's choice: the ESA pages found do not name the code; it follows the `Invalid{Param}.NotFound`
 * convention of §D.1) and `InvalidParameter.RecordNotBelongToSite` when a URL host is not one of the site's declared
 * hostnames (§A.3).
 */
import type { EmulatorConfig } from "../core/types";
import { AlibabaError } from "./errors";

function wildcardCovers(pattern: string, host: string): boolean {
  return pattern.startsWith("*.") && host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
}

/** Checks a CDN/DCDN domain against a declared list. */
export function checkDomain(declared: string[] | undefined, domain: string): void {
  if (!declared) return;
  const list = declared.map((d) => d.toLowerCase());
  if (list.includes(domain)) return;
  if (list.some((d) => wildcardCovers(d, domain))) throw new AlibabaError("InvalidExtensiveDomain.ValueNotSupported");
  throw new AlibabaError("InvalidDomain.NotFound", `The domain provided does not belong to you: ${domain}.`);
}

/** The declared hostnames of an ESA site (empty: any), or throws when the site is not declared. */
export function esaSiteHosts(config: EmulatorConfig, siteId: string): string[] {
  const sites = config.restrict?.esaSites;
  if (!sites) return [];
  const site = sites.find((s) => String(s.siteId) === siteId);
  if (!site) throw new AlibabaError("InvalidSiteId.NotFound", `The specified site does not exist: ${siteId}.`);
  return site.hostnames.map((h) => h.toLowerCase());
}

/** Checks that a URL host is a declared (proxied) record of its ESA site; any host when none are declared. */
export function checkEsaRecord(hostnames: string[], host: string): void {
  if (hostnames.length === 0 || hostnames.includes(host) || hostnames.some((h) => wildcardCovers(h, host))) return;
  throw new AlibabaError("InvalidParameter.RecordNotBelongToSite", `The record ${host} does not belong to the site.`);
}
