/**
 * The outputs a prefetch resource records in Pulumi state, and how they are rebuilt from inputs plus the task record.
 * Outputs never contain `undefined` (the host cannot encode it): absent values are `null`.
 *
 * The same outputs are returned on success and inside a partial failure: Pulumi's engine stores a partial failure's
 * properties as the resource's outputs (pkg/resource/deploy/step.go, CreateStep.Apply / UpdateStep.Apply use
 * `resp.Properties`), and refresh and destroy load the provider from them, so they always carry `__provider`.
 *
 * {@link buildOutputs} and {@link recordFromOutputs} are the only boundary between the internal {@link TaskRecord}
 * (every URL spelled out) and what is stored: the stored outputs name URLs by their position in the echoed `urls`
 * input and list per-URL results only where they say more than "succeeded" (state-layout.ts), so state grows with
 * failures, not with URLs. Outputs written by earlier versions (every URL spelled out) are read as well.
 */
import type { CloudKind } from "../model/cloud";
import type { SubmittedBatch, UncertainBatch, UrlResult } from "../model/task";
import type { PurgeMethod } from "../model/purge";
import { INPUT_KEYS } from "./inputs";
import { unpackOutputs } from "./packing";
import { decodePurge, encodePurge, type PurgeFacts, type PurgeOutput } from "./purge-state";
import { unwrapSecretValues } from "./secrets";
import { submittedForms } from "./spec";
import { decodeParts, encodeParts, type CompactParts, type LegacyParts, type RecordParts, type UrlTable } from "./state-layout";
import { listedFailures, summarize, type Summary } from "./summary";
import { storedUrls } from "./url-entries";

/** What the provider knows about the cloud side of a resource. */
export interface TaskRecord {
  batches: SubmittedBatch[];
  /** Submits whose outcome is unknown; reconciled with the cloud's task list before anything is submitted again. */
  uncertainBatches: UncertainBatch[];
  /** Declared URLs not accepted by the cloud yet (a submit failed mid-way); the next update submits them. */
  unsubmittedUrls: string[];
  results: UrlResult[];
  submittedAt: string | null;
  finishedAt: string | null;
  /** When the cloud last reported a change in these results. */
  verifiedAt: string | null;
  /** False once the cloud's query API can no longer see some of the tasks (older than its history window). */
  historyAvailable: boolean;
  /** True when the tasks were adopted through `existingTaskIds` rather than submitted by this resource. */
  adopted: boolean;
  /** EdgeOne `prefetchMediaSegments`: what the cloud reported for the segments under our jobs; null when none seen. */
  mediaSegments: MediaSegments | null;
  /**
   * The purge phase of the current run (`purgeFirst`): its own task record over the URLs it purges. The prefetch of a
   * URL in it is submitted only once its purge succeeded; a URL whose purge failed is not prefetched and fails with
   * the purge's reason. Null when the run purges nothing.
   */
  purge: PurgeRecord | null;
  /** What the last run set out to do; null in state written before versions existed. */
  lastRun: LastRun | null;
}

/** The purge phase: a task record of purge tasks (its own `purge` and `lastRun` are null) and the method used. */
export interface PurgeRecord extends TaskRecord {
  method: PurgeMethod;
}

/**
 * What the last run (create, `triggers` re-run, or a change of `urls`) set out to do: URLs submitted for prefetch,
 * URLs purged first, declared URLs skipped because they were unchanged (same URL, same version: their results are
 * kept), and URLs forgotten because they left the list.
 */
export interface LastRun {
  reason: "create" | "triggers" | "urls";
  at: string;
  submittedCount: number;
  purgedCount: number;
  skippedCount: number;
  forgottenCount: number;
}

/**
 * The media segments EdgeOne prefetches under a job when `PrefetchMediaSegments` is on (cloud-apis.md §A.4): counts,
 * and the failed ones (at most {@link MAX_SEGMENT_FAILURES}, so state grows with failures, never with segments).
 * Segments over the daily quota are dropped by EdgeOne without a trace, so they cannot be counted.
 */
export interface MediaSegments {
  count: number;
  succeeded: number;
  failed: number;
  pending: number;
  failures: { url: string; status: string; reason: string | null }[];
}

/** Most failed segments listed in the `mediaSegments` output. */
export const MAX_SEGMENT_FAILURES = 20;

/** The full output object (inputs echoed, plus these; the URL-carrying parts in one of the layouts of state-layout.ts). */
export type PrefetchOutputs = Record<string, unknown> & Summary & Omit<TaskRecord, keyof RecordParts | "purge"> & (CompactParts | LegacyParts) & {
  cloud: CloudKind;
  purge: PurgeOutput | null;
  taskIds: string[];
  failedUrls: string[];
};

/** Copies the declared inputs (only known keys, never `undefined`, never `__provider`). */
export function pickInputs(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) if (raw[key] !== undefined && key !== "__provider") out[key] = raw[key];
  return out;
}

/** True when the cloud may hold work of this record: something was accepted, adopted, or may have been. */
export function holdsCloudWork(rec: TaskRecord): boolean {
  const purge = rec.purge !== null && (rec.purge.batches.length > 0 || rec.purge.uncertainBatches.length > 0);
  return purge || rec.batches.length > 0 || rec.uncertainBatches.length > 0 || rec.adopted;
}

/**
 * The URL table of stored outputs or inputs: the declared `urls` and the forms they are submitted in (derived as the
 * lifecycle derives them, spec.ts). Null without a list of strings.
 */
function urlTable(cloud: CloudKind, values: Record<string, unknown>): UrlTable | null {
  const urls = storedUrls(unwrapSecretValues(values.urls));
  if (!urls) return null;
  const domain = unwrapSecretValues(values.domain);
  return { declared: urls, forms: submittedForms(cloud, urls, typeof domain === "string" && domain ? domain : null) };
}

/**
 * Rebuilds the outputs from inputs and a task record. `raw` is what the host passed (inputs or stored outputs): its
 * `__provider` is carried over, so the outputs are complete even when they travel inside a partial failure. The
 * record's URLs are stored as positions in the echoed `urls` (state-layout.ts).
 */
export function buildOutputs(cloud: CloudKind, raw: Record<string, unknown>, rec: TaskRecord): PrefetchOutputs {
  const summary = summarize(rec.results);
  const provider = typeof raw.__provider === "string" ? { __provider: raw.__provider } : {};
  const inputs = pickInputs(raw);
  const { batches, uncertainBatches, unsubmittedUrls, results, purge, lastRun, ...rest } = rec;
  const table = urlTable(cloud, inputs);
  return {
    ...inputs,
    cloud,
    ...summary,
    taskIds: [...new Set(batches.flatMap((b) => b.taskIds))],
    failedUrls: listedFailures(results),
    ...rest,
    ...encodeParts(table, { batches, uncertainBatches, unsubmittedUrls, results }),
    purge: purge ? encodePurge(table, purgeFacts(purge), purge) : null,
    lastRun,
    ...provider,
  };
}

/**
 * Reads the task record back from stored outputs, of this version or an earlier one (tolerant: a missing field gets
 * its neutral value). Throws when the outputs name URLs by index but the indexes do not fit the stored `urls`.
 */
export function recordFromOutputs(stored: Record<string, unknown>): TaskRecord {
  const outs = unwrapSecretValues(unpackOutputs(stored)) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  const cloud = outs.cloud as CloudKind;
  let parts: RecordParts;
  try {
    parts = decodeParts(urlTable(cloud, outs), outs);
  } catch (e) {
    throw new Error(`the stored outputs of this ${String(cloud)} prefetch cannot be read: ${(e as Error).message}. ` +
      "They were not written by this provider; replace the resource (`pulumi up --replace`) to prefetch again.");
  }
  return {
    ...parts,
    purge: readPurge(cloud, outs),
    lastRun: outs.lastRun && typeof outs.lastRun === "object" ? (outs.lastRun as LastRun) : null,
    submittedAt: str(outs.submittedAt),
    finishedAt: str(outs.finishedAt),
    verifiedAt: str(outs.verifiedAt),
    historyAvailable: outs.historyAvailable !== false,
    adopted: outs.adopted === true,
    mediaSegments: outs.mediaSegments && typeof outs.mediaSegments === "object" ? (outs.mediaSegments as MediaSegments) : null,
  };
}

/** The facts of a purge record that do not name URLs. */
function purgeFacts(p: PurgeRecord): PurgeFacts {
  return { method: p.method, submittedAt: p.submittedAt, finishedAt: p.finishedAt, verifiedAt: p.verifiedAt, historyAvailable: p.historyAvailable };
}

/** The purge record of stored outputs, or null when they hold none. */
function readPurge(cloud: CloudKind, outs: Record<string, unknown>): PurgeRecord | null {
  if (!outs.purge || typeof outs.purge !== "object") return null;
  const { facts, parts } = decodePurge(urlTable(cloud, outs), outs.purge as Record<string, unknown>);
  return { ...emptyRecord([]), ...facts, ...parts };
}

/** A fresh purge record for declared URLs, all pending, none submitted. */
export function emptyPurge(urls: readonly string[], method: PurgeMethod): PurgeRecord {
  return { ...emptyRecord(urls), method };
}

/** A fresh record for declared URLs, all pending. */
export function emptyRecord(urls: readonly string[]): TaskRecord {
  return {
    batches: [], uncertainBatches: [], unsubmittedUrls: [...urls], submittedAt: null, finishedAt: null, verifiedAt: null,
    historyAvailable: true, adopted: false, mediaSegments: null, purge: null, lastRun: null,
    results: urls.map((url) => ({ url, status: "pending", progress: 0, reason: null, taskId: null })),
  };
}
