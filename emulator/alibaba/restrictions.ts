/**
 * Declared CDN/DCDN domains (`config.restrict`). When `restrict` is null, or the product's list is absent, every
 * well-formed domain is accepted (auto-provisioned). ESA sites are checked in esa/models.ts.
 *
 * Errors: `InvalidDomain.NotFound` 404, and `InvalidExtensiveDomain.ValueNotSupported` for a domain served only by a
 * declared wildcard domain (cloud-apis.md §A.1).
 */
import { AlibabaError } from "./errors";

/** Whether a `*.example.com` pattern covers a host (one or more labels in front of the suffix). */
export function wildcardCovers(pattern: string, host: string): boolean {
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
