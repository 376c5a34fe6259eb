/**
 * How the URL-carrying parts of a task record (batches, uncertain batches, unsubmitted URLs, per-URL results) are laid
 * out in the stored outputs, so that state grows with failures, not with URLs:
 * - **compact** (written by this version): every URL is named by its position in the echoed `urls` input —
 *   `batches[].urlIndexes`, `uncertainBatches[].urlIndexes`, `unsubmittedIndexes` are index lists
 *   (`"0-99,150-199"`, index-ranges.ts); the submitted forms are derived again from the declared URLs. `results` lists
 *   only the URLs whose result is not implied, with their `index`: a URL left out `succeeded` with progress 100, no
 *   reason, and its batch's task id (the batch's only id, or the id at its position when the batch has one per URL).
 * - **legacy** (written by earlier versions): every list spelled out — `batches[].urls`, `uncertainBatches[].urls`,
 *   `unsubmittedUrls`, and `results` for every URL.
 * Reading accepts both. Writing uses the compact layout whenever it reads back exactly the record it was made from
 * (checked on every write), else the legacy one: e.g. a record read from an earlier version's state that holds a URL
 * in a submitted form this version would not produce. Nothing is ever stored lossily.
 */
import type { UrlStatus } from "../model/status";
import type { SubmittedBatch, UncertainBatch, UrlResult } from "../model/task";
import { formatIndexes, parseIndexes } from "./index-ranges";

/** The parts of a task record that name URLs. */
export interface RecordParts {
  batches: SubmittedBatch[];
  uncertainBatches: UncertainBatch[];
  unsubmittedUrls: string[];
  results: UrlResult[];
}

/** The URLs indexes point into: the declared URLs and, at the same positions, the forms they are submitted in. */
export interface UrlTable {
  declared: readonly string[];
  forms: readonly string[];
}

/** A result that is not implied, in the compact layout. */
export interface CompactResult extends UrlResult {
  /** Position of the URL in `urls`. */
  index: number;
}

/** An accepted submit in the compact layout. */
export interface CompactBatch {
  taskIds: string[];
  urlIndexes: string;
  submittedAt: string;
  windowStart?: string;
}

/** A submit of unknown outcome in the compact layout. */
export interface CompactUncertainBatch {
  urlIndexes: string;
  attemptedAt: string;
  requestId: string | null;
  error: string;
}

/**
 * URLs sharing one result (status, progress, reason) whose task id is implied: a group instead of a result each. The
 * usual shapes of an unfinished run — 10,000 URLs pending, or 1,000 failed with the origin's one error — are then a
 * few lines of outputs. That matters beyond size on disk: a run that ends unfinished reaches Pulumi as a partial
 * failure whose outputs travel in a gRPC trailer (`grpc-status-details-bin`, @pulumi/pulumi
 * cmd/dynamic-provider/index.js `grpcResponseFromError`), and Node's HTTP/2 refuses to send a header block over
 * `maxSendHeaderBlockLength` (64 KiB by default, https://nodejs.org/api/http2.html#http2connectauthority-options-listener):
 * outputs over it never reach the engine (tests/host/partial-failure-size.spec.ts).
 */
export interface CompactGroup {
  status: UrlStatus;
  progress: number;
  reason: string | null;
  /** Positions in `urls`, as ranges. */
  urlIndexes: string;
}

/** The compact layout's outputs. */
export interface CompactParts {
  batches: CompactBatch[];
  uncertainBatches: CompactUncertainBatch[];
  unsubmittedIndexes: string;
  /** Results shared by several URLs (see {@link CompactGroup}); absent in state written before groups existed. */
  resultGroups: CompactGroup[];
  results: CompactResult[];
}

/** The legacy layout's outputs (the record's parts as they are). */
export type LegacyParts = RecordParts;

/** True when stored outputs use the compact layout (only it has `unsubmittedIndexes`). */
export function isCompact(outs: Record<string, unknown>): boolean {
  return typeof outs.unsubmittedIndexes === "string";
}

/** The outputs for a record's parts: compact when that reads back exactly (and `table` is known), else legacy. */
export function encodeParts(table: UrlTable | null, parts: RecordParts): CompactParts | LegacyParts {
  const compact = table ? encodeCompact(table, parts) : null;
  if (compact && sameParts(decodeCompact(table!, compact as unknown as Record<string, unknown>), decodeLegacy(parts as unknown as Record<string, unknown>))) {
    return compact;
  }
  return { batches: parts.batches, uncertainBatches: parts.uncertainBatches, unsubmittedUrls: parts.unsubmittedUrls, results: parts.results };
}

/** Reads a record's parts from stored outputs of either layout (`table` is needed for the compact one). */
export function decodeParts(table: UrlTable | null, outs: Record<string, unknown>): RecordParts {
  if (!isCompact(outs)) return decodeLegacy(outs);
  if (!table) throw new Error("the stored outputs name URLs by index but hold no `urls` list");
  return decodeCompact(table, outs);
}

/**
 * Each text's positions in `values`, ascending: the position itself for a text found once (the usual case: a 10,000-URL
 * table then holds no 10,000 one-element arrays), a list for a repeated one.
 */
function positions(values: readonly string[]): Map<string, number | number[]> {
  const out = new Map<string, number | number[]>();
  values.forEach((u, i) => {
    const at = out.get(u);
    if (at === undefined) out.set(u, i);
    else if (typeof at === "number") out.set(u, [at, i]);
    else at.push(i);
  });
  return out;
}

/** Hands out indexes of `table`, each once, by declared URL or by submitted form (repeated URLs get the next one). */
function indexTaker(table: UrlTable): (url: string, by: "declared" | "form") => number | null {
  const queues = { declared: positions(table.declared), form: positions(table.forms) };
  const used = new Uint8Array(table.declared.length);
  const take = (i: number | undefined) => {
    if (i === undefined || used[i]) return null;
    used[i] = 1;
    return i;
  };
  return (url, by) => {
    const queue = queues[by].get(url);
    if (typeof queue !== "object") return take(queue);
    while (queue.length > 0 && used[queue[0]]) queue.shift();
    return take(queue.shift());
  };
}

/** Two texts lists alike, element by element. */
function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Two lists alike by `same`, element by element. */
function sameEach<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

const sameBatch = (x: SubmittedBatch, y: SubmittedBatch): boolean =>
  sameTexts(x.taskIds, y.taskIds) && sameTexts(x.urls, y.urls) && x.submittedAt === y.submittedAt &&
  ("windowStart" in x) === ("windowStart" in y) && x.windowStart === y.windowStart;

const sameUncertain = (x: UncertainBatch, y: UncertainBatch): boolean =>
  sameTexts(x.urls, y.urls) && x.attemptedAt === y.attemptedAt && x.requestId === y.requestId && x.error === y.error;

const sameResult = (x: UrlResult, y: UrlResult): boolean =>
  x.url === y.url && x.status === y.status && Object.is(x.progress, y.progress) && x.reason === y.reason && x.taskId === y.taskId;

/**
 * Whether two records' parts, both as the decoders build them (fixed fields, normalized values), are the same: the
 * deep strict equality of those shapes, without the allocation of a generic deep comparison (it runs at every write
 * of a 10,000-URL record, and the host's peak memory is a target of issue 9).
 */
export function sameParts(a: RecordParts, b: RecordParts): boolean {
  return sameEach(a.batches, b.batches, sameBatch) && sameEach(a.uncertainBatches, b.uncertainBatches, sameUncertain) &&
    sameTexts(a.unsubmittedUrls, b.unsubmittedUrls) && sameEach(a.results, b.results, sameResult);
}

/** The compact layout, or null when some URL is not in the table or the results do not follow `urls`. */
function encodeCompact(table: UrlTable, parts: RecordParts): CompactParts | null {
  const aligned = parts.results.length === table.declared.length && parts.results.every((r, i) => r.url === table.declared[i]);
  if (!aligned) return null;
  const take = indexTaker(table);
  const all = (urls: readonly string[], by: "declared" | "form") => {
    const out = urls.map((u) => take(u, by));
    return out.every((i): i is number => i !== null) ? (out as number[]) : null;
  };
  const batchIndexes = parts.batches.map((b) => all(b.urls, "form"));
  const uncertainIndexes = parts.uncertainBatches.map((u) => all(u.urls, "form"));
  const unsubmitted = all(parts.unsubmittedUrls, "declared");
  if (unsubmitted === null || batchIndexes.includes(null) || uncertainIndexes.includes(null)) return null;
  const implied = impliedTaskIds(table.declared.length, parts.batches.map((b, k) => ({ taskIds: b.taskIds, indexes: batchIndexes[k]! })));
  return {
    batches: parts.batches.map((b, k) => ({
      taskIds: b.taskIds, urlIndexes: formatIndexes(batchIndexes[k]!), submittedAt: b.submittedAt,
      ...(b.windowStart !== undefined ? { windowStart: b.windowStart } : {}),
    })),
    uncertainBatches: parts.uncertainBatches.map((u, k) => ({
      urlIndexes: formatIndexes(uncertainIndexes[k]!), attemptedAt: u.attemptedAt, requestId: u.requestId, error: u.error,
    })),
    unsubmittedIndexes: formatIndexes(unsubmitted),
    ...groupResults(parts.results, implied),
  };
}

/** The results that are not implied, as groups (two or more URLs with the same result and implied task ids) and singles. */
function groupResults(results: readonly UrlResult[], implied: readonly (string | null)[]): Pick<CompactParts, "resultGroups" | "results"> {
  const groups = new Map<string, { r: UrlResult; indexes: number[] }>();
  const singles: CompactResult[] = [];
  results.forEach((r, index) => {
    if (isImplied(r, implied[index])) return;
    if (r.taskId !== implied[index]) return void singles.push({ index, url: r.url, status: r.status, progress: r.progress, reason: r.reason, taskId: r.taskId });
    const key = JSON.stringify([r.status, r.progress, r.reason]);
    const g = groups.get(key);
    if (g) g.indexes.push(index);
    else groups.set(key, { r, indexes: [index] });
  });
  const resultGroups: CompactGroup[] = [];
  for (const { r, indexes } of groups.values()) {
    if (indexes.length >= 2) resultGroups.push({ status: r.status, progress: r.progress, reason: r.reason, urlIndexes: formatIndexes(indexes) });
    else singles.push({ index: indexes[0], url: r.url, status: r.status, progress: r.progress, reason: r.reason, taskId: r.taskId });
  }
  return { resultGroups, results: singles.sort((a, b) => a.index - b.index) };
}

/**
 * The task id a URL's result is assumed to carry when `results` leaves it out: the id of the first batch holding the
 * URL when that batch has one id, or the id at the URL's position when it has one id per URL; else null.
 */
function impliedTaskIds(count: number, batches: { taskIds: string[]; indexes: number[] }[]): (string | null)[] {
  const out: (string | null)[] = new Array(count).fill(null);
  const seen = new Uint8Array(count);
  for (const b of batches) {
    b.indexes.forEach((i, position) => {
      if (seen[i]) return;
      seen[i] = 1;
      if (b.taskIds.length === 1) out[i] = b.taskIds[0];
      else if (b.taskIds.length === b.indexes.length) out[i] = b.taskIds[position];
    });
  }
  return out;
}

/** True when `results` may leave the result out: it says what a left-out URL is read back as. */
function isImplied(r: UrlResult, taskId: string | null): boolean {
  return r.status === "succeeded" && r.progress === 100 && r.reason === null && r.taskId === taskId;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const object = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string => (typeof v === "string" ? v : "");
const textOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);
const texts = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === "string");
const windowStartOf = (b: Record<string, unknown>) => (typeof b.windowStart === "string" ? { windowStart: b.windowStart } : {});

/** One result as stored (either layout), with the URL given. */
function resultOf(url: string, r: Record<string, unknown>): UrlResult {
  return {
    url, status: text(r.status) as UrlStatus, progress: typeof r.progress === "number" ? r.progress : 0,
    reason: textOrNull(r.reason), taskId: textOrNull(r.taskId),
  };
}

/** Reads the legacy layout (every list spelled out). */
function decodeLegacy(outs: Record<string, unknown>): RecordParts {
  return {
    batches: list(outs.batches).map(object).map((b) => ({
      taskIds: texts(b.taskIds), urls: texts(b.urls), submittedAt: text(b.submittedAt), ...windowStartOf(b),
    })),
    uncertainBatches: list(outs.uncertainBatches).map(object).map((u) => ({
      urls: texts(u.urls), attemptedAt: text(u.attemptedAt), requestId: textOrNull(u.requestId), error: text(u.error),
    })),
    unsubmittedUrls: texts(outs.unsubmittedUrls),
    results: list(outs.results).map(object).map((r) => resultOf(text(r.url), r)),
  };
}

/** Reads the compact layout against the URL table. */
function decodeCompact(table: UrlTable, outs: Record<string, unknown>): RecordParts {
  const n = table.declared.length;
  const indexes = (v: unknown) => parseIndexes(text(v), n);
  const stored = list(outs.batches).map(object);
  const batchIndexes = stored.map((b) => indexes(b.urlIndexes));
  const batches = stored.map((b, k) => ({
    taskIds: texts(b.taskIds), urls: batchIndexes[k].map((i) => table.forms[i]), submittedAt: text(b.submittedAt), ...windowStartOf(b),
  }));
  const implied = impliedTaskIds(n, batches.map((b, k) => ({ taskIds: b.taskIds, indexes: batchIndexes[k] })));
  const results: UrlResult[] = table.declared.map((url, i) => ({ url, status: "succeeded", progress: 100, reason: null, taskId: implied[i] }));
  for (const g of list(outs.resultGroups).map(object)) {
    for (const i of indexes(g.urlIndexes)) results[i] = resultOf(table.declared[i], { ...g, taskId: implied[i] });
  }
  for (const r of list(outs.results).map(object)) {
    const i = r.index;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= n) throw new Error(`a stored result names URL index ${String(i)}, not one of the ${n} URLs`);
    results[i] = resultOf(table.declared[i], r);
  }
  return {
    batches,
    uncertainBatches: list(outs.uncertainBatches).map(object).map((u) => ({
      urls: indexes(u.urlIndexes).map((i) => table.forms[i]), attemptedAt: text(u.attemptedAt), requestId: textOrNull(u.requestId),
      error: text(u.error),
    })),
    unsubmittedUrls: indexes(outs.unsubmittedIndexes).map((i) => table.declared[i]),
    results,
  };
}
