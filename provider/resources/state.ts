/**
 * The outputs a prefetch resource records in Pulumi state, and how they are rebuilt from inputs plus the task record.
 * Outputs never contain `undefined` (the host cannot encode it): absent values are `null`.
 *
 * The same outputs are returned on success and inside a partial failure: Pulumi's engine stores a partial failure's
 * properties as the resource's outputs (pkg/resource/deploy/step.go, CreateStep.Apply / UpdateStep.Apply use
 * `resp.Properties`), and refresh and destroy load the provider from them, so they always carry `__provider`.
 */
import type { CloudKind } from "../model/cloud";
import { isFailure } from "../model/status";
import type { SubmittedBatch, UncertainBatch, UrlResult } from "../model/task";
import { INPUT_KEYS } from "./inputs";
import { unwrapSecretValues } from "./secrets";
import { summarize, type Summary } from "./summary";

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

/** The full output object (inputs echoed, plus these). */
export type PrefetchOutputs = Record<string, unknown> & Summary & TaskRecord & {
  cloud: CloudKind;
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
  return rec.batches.length > 0 || rec.uncertainBatches.length > 0 || rec.adopted;
}

/**
 * Rebuilds the outputs from inputs and a task record. `raw` is what the host passed (inputs or stored outputs): its
 * `__provider` is carried over, so the outputs are complete even when they travel inside a partial failure.
 */
export function buildOutputs(cloud: CloudKind, raw: Record<string, unknown>, rec: TaskRecord): PrefetchOutputs {
  const summary = summarize(rec.results);
  const provider = typeof raw.__provider === "string" ? { __provider: raw.__provider } : {};
  return {
    ...pickInputs(raw),
    cloud,
    ...summary,
    taskIds: [...new Set(rec.batches.flatMap((b) => b.taskIds))],
    failedUrls: rec.results.filter((r) => isFailure(r.status)).map((r) => r.url),
    ...rec,
    ...provider,
  };
}

/** Reads the task record back from stored outputs (tolerant: outputs may come from older provider versions). */
export function recordFromOutputs(stored: Record<string, unknown>): TaskRecord {
  const outs = unwrapSecretValues(stored) as Record<string, unknown>;
  const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  return {
    batches: arr<SubmittedBatch>(outs.batches),
    uncertainBatches: arr<UncertainBatch>(outs.uncertainBatches),
    unsubmittedUrls: arr<string>(outs.unsubmittedUrls),
    results: arr<UrlResult>(outs.results),
    submittedAt: str(outs.submittedAt),
    finishedAt: str(outs.finishedAt),
    verifiedAt: str(outs.verifiedAt),
    historyAvailable: outs.historyAvailable !== false,
    adopted: outs.adopted === true,
    mediaSegments: outs.mediaSegments && typeof outs.mediaSegments === "object" ? (outs.mediaSegments as MediaSegments) : null,
  };
}

/** A fresh record for declared URLs, all pending. */
export function emptyRecord(urls: readonly string[]): TaskRecord {
  return {
    batches: [], uncertainBatches: [], unsubmittedUrls: [...urls], submittedAt: null, finishedAt: null, verifiedAt: null,
    historyAvailable: true, adopted: false, mediaSegments: null,
    results: urls.map((url) => ({ url, status: "pending", progress: 0, reason: null, taskId: null })),
  };
}
