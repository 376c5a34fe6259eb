/**
 * What the comparison needs to know about each cloud: the emulator product, the site every tool prefetches on (one
 * zone or domain per run, as one stack or one CI pipeline would have), and this provider's resource type and inputs.
 */
import type { CompareCloud } from "./types";

/** One compared cloud. */
export interface CloudSetup {
  cloud: CompareCloud;
  /** Emulator product (stats keys are `<product>:<Action>`). */
  product: "teo" | "cdn";
  /** Printed name. */
  label: string;
  /** The host every URL is on. */
  host: string;
  /** `dynamic.Resource` type name of this provider's resource (the URN's type). */
  usType: string;
  /** This provider's inputs besides `urls`. */
  usInputs: Record<string, unknown>;
  /** EdgeOne zone the contenders submit to (CDN needs none). */
  zoneId: string | null;
}

/** The compared clouds. */
export const CLOUDS: Readonly<Record<CompareCloud, CloudSetup>> = {
  edgeone: {
    cloud: "edgeone", product: "teo", label: "Tencent EdgeOne", host: "www.example.com",
    usType: "EdgeOnePrefetch", usInputs: { zoneId: "zone-bench01" }, zoneId: "zone-bench01",
  },
  "alibaba-cdn": {
    cloud: "alibaba-cdn", product: "cdn", label: "Alibaba Cloud CDN", host: "cdn.example.com",
    usType: "AlibabaCdnPrefetch", usInputs: { domain: "cdn.example.com" }, zoneId: null,
  },
};

/** A scenario path as the full URL every tool submits on `cloud`. */
export function fullUrl(cloud: CompareCloud, path: string): string {
  return `https://${CLOUDS[cloud].host}${path}`;
}

/** The form URLs are compared in: the clouds echo a URL with a scheme of their choosing (cloud-apis.md §A.1, §D.4). */
export function urlKey(u: string): string {
  return u.replace(/^[a-z]+:\/\//i, "");
}

/** Parses `--clouds a,b` (default: both). */
export function parseClouds(arg: string | undefined): CompareCloud[] {
  if (!arg) return ["edgeone", "alibaba-cdn"];
  const wanted = arg.split(",").map((s) => s.trim()).filter(Boolean);
  for (const c of wanted) if (!(c in CLOUDS)) throw new Error(`--clouds: unknown cloud ${JSON.stringify(c)} (known: ${Object.keys(CLOUDS).join(", ")})`);
  return wanted as CompareCloud[];
}
