/**
 * How the purge phase of a run (`purgeFirst`, issue 11) is stored in the outputs: the `purge` output. The phase is a
 * task record of its own (state.ts {@link PurgeRecord}) over the URLs the run purges, a subset of `urls`. It is stored
 * in the layout of state-layout.ts with every index naming a position in the resource's `urls` (as the prefetch side's
 * indexes do): `urlIndexes` says which URLs the phase covers, `batches[].urlIndexes`, `uncertainBatches[].urlIndexes`,
 * `unsubmittedIndexes` and `results[].index` point into `urls` too, and `results` lists only URLs whose purge did not
 * succeed. Counts, status and failed URLs are summarized for people; a record that cannot be laid out so (it names a URL
 * `urls` does not hold) is stored spelled out, never lossily.
 */
import { isDeepStrictEqual } from "node:util";
import type { PurgeMethod } from "../model/purge";
import { formatIndexes, parseIndexes } from "./index-ranges";
import { decodeParts, encodeParts, isCompact, type CompactParts, type LegacyParts, type RecordParts, type UrlTable } from "./state-layout";
import { listedFailures, summarize, type Summary } from "./summary";

/** The parts of a purge record that do not name URLs. */
export interface PurgeFacts {
  method: PurgeMethod;
  submittedAt: string | null;
  finishedAt: string | null;
  verifiedAt: string | null;
  historyAvailable: boolean;
}

/** The `purge` output. */
export type PurgeOutput = PurgeFacts & Summary & (CompactParts | LegacyParts) & {
  /** Positions in `urls` of the URLs the phase purges, or null when they are spelled out (`results` lists them all). */
  urlIndexes: string | null;
  taskIds: string[];
  failedUrls: string[];
};

/** The sub-table of `table` at `at` (declared URLs and forms at those positions). */
function subTable(table: UrlTable, at: readonly number[]): UrlTable {
  return { declared: at.map((i) => table.declared[i]), forms: at.map((i) => table.forms[i]) };
}

/** Rewrites an index list of the sub-table into positions of the full table. */
function widen(text: string, at: readonly number[]): string {
  return formatIndexes(parseIndexes(text, at.length).map((i) => at[i]));
}

/** Rewrites an index list of the full table into positions of the sub-table (`at` lists the sub-table's positions). */
function narrow(text: string, at: readonly number[]): string {
  const back = new Map(at.map((full, sub) => [full, sub]));
  return formatIndexes(parseIndexes(text).map((i) => {
    const sub = back.get(i);
    if (sub === undefined) throw new Error(`the purge names URL index ${i}, outside its urlIndexes`);
    return sub;
  }));
}

/** Positions in `table` of the purge's declared URLs (each taken once), or null when one is missing. */
function positionsOf(table: UrlTable, urls: readonly string[]): number[] | null {
  const free = new Map<string, number[]>();
  table.declared.forEach((u, i) => free.set(u, [...(free.get(u) ?? []), i]));
  const out: number[] = [];
  for (const u of urls) {
    const i = free.get(u)?.shift();
    if (i === undefined) return null;
    out.push(i);
  }
  return out;
}

/** The compact parts with sub-table indexes rewritten into positions of `urls`. */
function widenParts(c: CompactParts, at: readonly number[]): CompactParts {
  return {
    batches: c.batches.map((b) => ({ ...b, urlIndexes: widen(b.urlIndexes, at) })),
    uncertainBatches: c.uncertainBatches.map((u) => ({ ...u, urlIndexes: widen(u.urlIndexes, at) })),
    unsubmittedIndexes: widen(c.unsubmittedIndexes, at),
    resultGroups: c.resultGroups.map((g) => ({ ...g, urlIndexes: widen(g.urlIndexes, at) })),
    results: c.results.map((r) => ({ ...r, index: at[r.index] })),
  };
}

/** The `purge` output for a purge record (`table`: the resource's URL table, null when unknown). */
export function encodePurge(table: UrlTable | null, facts: PurgeFacts, parts: RecordParts): PurgeOutput {
  const head = {
    ...facts, ...summarize(parts.results),
    taskIds: [...new Set(parts.batches.flatMap((b) => b.taskIds))],
    failedUrls: listedFailures(parts.results),
  };
  const at = table ? positionsOf(table, parts.results.map((r) => r.url)) : null;
  const laid = at ? encodeParts(subTable(table!, at), parts) : null;
  if (at && laid && isCompact(laid as unknown as Record<string, unknown>)) {
    const out = { ...head, urlIndexes: formatIndexes(at), ...widenParts(laid as CompactParts, at) };
    if (isDeepStrictEqual(decodePurge(table, out as unknown as Record<string, unknown>).parts, decodeParts(null, parts as unknown as Record<string, unknown>))) return out;
  }
  return { ...head, urlIndexes: null, batches: parts.batches, uncertainBatches: parts.uncertainBatches, unsubmittedUrls: parts.unsubmittedUrls, results: parts.results };
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => typeof x === "object" && x !== null) : []);

/** Reads a stored `purge` output back (either layout). Throws when its indexes do not fit `urls`. */
export function decodePurge(table: UrlTable | null, stored: Record<string, unknown>): { facts: PurgeFacts; parts: RecordParts } {
  const facts: PurgeFacts = {
    method: stored.method === "delete" ? "delete" : "invalidate",
    submittedAt: text(stored.submittedAt), finishedAt: text(stored.finishedAt), verifiedAt: text(stored.verifiedAt),
    historyAvailable: stored.historyAvailable !== false,
  };
  const indexes = text(stored.urlIndexes);
  if (indexes === null || !isCompact(stored)) return { facts, parts: decodeParts(null, stored) };
  if (!table) throw new Error("the stored purge names URLs by index but the outputs hold no `urls` list");
  const at = parseIndexes(indexes, table.declared.length);
  const local = {
    batches: list(stored.batches).map((b) => ({ ...b, urlIndexes: narrow(text(b.urlIndexes) ?? "", at) })),
    uncertainBatches: list(stored.uncertainBatches).map((u) => ({ ...u, urlIndexes: narrow(text(u.urlIndexes) ?? "", at) })),
    unsubmittedIndexes: narrow(text(stored.unsubmittedIndexes) ?? "", at),
    resultGroups: list(stored.resultGroups).map((g) => ({ ...g, urlIndexes: narrow(text(g.urlIndexes) ?? "", at) })),
    results: list(stored.results).map((r) => ({ ...r, index: typeof r.index === "number" ? at.indexOf(r.index) : -1 })),
  };
  return { facts, parts: decodeParts(subTable(table, at), local) };
}
