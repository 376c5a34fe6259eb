/**
 * Input keys a resource does not accept. A misspelled input (`waitTimeoutSecs`) or another cloud's field (`zoneId` on
 * a CDN resource) would otherwise be dropped silently and its default applied, so `check` refuses it, naming the key
 * and what to write instead. The valid names come from the input table (`inputs.ts`).
 */
import type { CloudKind } from "../model/cloud";
import { cloudsAccepting, counterpartsOn, ENGINE_KEYS, INPUTS, inputNames, userInputNames } from "./inputs";

/** The SDK class of each cloud (`sdk/resources.ts`; tests/unit/inputs-table.spec.ts keeps them equal). */
export const RESOURCE_CLASS: Readonly<Record<CloudKind, string>> = {
  edgeone: "EdgeOnePrefetch",
  "alibaba-cdn": "AlibabaCdnPrefetch",
  "alibaba-dcdn": "AlibabaDcdnPrefetch",
  "alibaba-esa": "AlibabaEsaPrefetch",
};

/** How messages name the product family an input belongs to (CDN and DCDN share their inputs). */
const FAMILY: Readonly<Record<CloudKind, string>> = {
  edgeone: "EdgeOne",
  "alibaba-cdn": "Alibaba CDN/DCDN",
  "alibaba-dcdn": "Alibaba CDN/DCDN",
  "alibaba-esa": "Alibaba ESA",
};

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `key` (case-insensitive), or null when none is close: within 40% of the longer name's
 * length (at least 1 edit), or containing the key (`timeout` → `waitTimeoutSeconds`) when the key has 4+ letters.
 */
export function closestName(key: string, candidates: readonly string[]): string | null {
  const k = key.toLowerCase();
  let best: { name: string; score: number } | null = null;
  for (const name of candidates) {
    const n = name.toLowerCase();
    const distance = editDistance(k, n);
    const close = distance <= Math.max(1, Math.floor(Math.max(k.length, n.length) * 0.4)) || (k.length >= 4 && n.includes(k));
    if (close && (!best || distance < best.score)) best = { name, score: distance };
  }
  return best?.name ?? null;
}

/** Table names `cloud` does not accept: other clouds' fields. */
function otherCloudNames(cloud: CloudKind): string[] {
  const own = new Set<string>(inputNames(cloud));
  return Object.keys(INPUTS).filter((name) => !own.has(name));
}

/** "`zoneId` is an EdgeOne input; AlibabaCdnPrefetch takes `domain` instead". */
function otherCloudReason(cloud: CloudKind, field: string): string {
  const families = [...new Set((cloudsAccepting(field) ?? []).map((c) => FAMILY[c]))].join(" and ");
  const instead = counterpartsOn(cloud, field).map((name) => `\`${name}\``);
  const tail = instead.length ? `takes ${instead.join(" and ")} instead` : "does not take it";
  return `\`${field}\` is an ${families} input; ${RESOURCE_CLASS[cloud]} ${tail}`;
}

/** Why `key` is refused on `cloud`, or null when the cloud accepts it. */
export function unknownKeyReason(cloud: CloudKind, key: string): string | null {
  if (ENGINE_KEYS.includes(key) || (inputNames(cloud) as string[]).includes(key)) return null;
  const others = otherCloudNames(cloud);
  if (others.includes(key)) return otherCloudReason(cloud, key);
  const own = closestName(key, userInputNames(cloud));
  if (own) return `unknown input \`${key}\`; did you mean \`${own}\`?`;
  const other = closestName(key, others);
  if (other) return `unknown input \`${key}\`; did you mean \`${other}\`? ${otherCloudReason(cloud, other)}`;
  return `unknown input \`${key}\`; ${RESOURCE_CLASS[cloud]} takes ${userInputNames(cloud).map((n) => `\`${n}\``).join(", ")}`;
}

/** One failure per key of `news` the cloud does not accept (keys whose value is `undefined` were not set). */
export function unknownKeyFailures(cloud: CloudKind, news: Record<string, unknown>): { property: string; reason: string }[] {
  return Object.keys(news)
    .filter((key) => news[key] !== undefined)
    .flatMap((key) => {
      const reason = unknownKeyReason(cloud, key);
      return reason ? [{ property: key, reason }] : [];
    });
}
