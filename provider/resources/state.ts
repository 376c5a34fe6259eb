/**
 * The outputs a prefetch resource records in Pulumi state, and how they are rebuilt from inputs plus the task record.
 * Outputs never contain `undefined` (the host cannot encode it): absent values are `null`.
 */
import type { CloudKind } from "../model/cloud";
import { isFailure } from "../model/status";
import type { SubmittedBatch, UrlResult } from "../model/task";
import { INPUT_KEYS } from "./inputs";
import { summarize, type Summary } from "./summary";

/** What the provider knows about the cloud side of a resource. */
export interface TaskRecord {
  batches: SubmittedBatch[];
  /** Declared URLs not accepted by the cloud yet (a submit failed mid-way); the next update submits them. */
  unsubmittedUrls: string[];
  results: UrlResult[];
  submittedAt: string | null;
  finishedAt: string | null;
  /** When the cloud last reported a change in these results. */
  verifiedAt: string | null;
  /** False once the cloud's query API can no longer see the tasks (aged out of its history window). */
  historyAvailable: boolean;
  /** True when the tasks were adopted through `existingTaskIds` rather than submitted by this resource. */
  adopted: boolean;
}

/** The full output object (inputs echoed, plus these). */
export type PrefetchOutputs = Record<string, unknown> & Summary & TaskRecord & {
  cloud: CloudKind;
  taskIds: string[];
  failedUrls: string[];
};

/** Copies the declared inputs (only known keys, never `undefined`). */
export function pickInputs(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) if (raw[key] !== undefined && key !== "__provider") out[key] = raw[key];
  return out;
}

/** Rebuilds the outputs from inputs and a task record. */
export function buildOutputs(cloud: CloudKind, inputs: Record<string, unknown>, rec: TaskRecord): PrefetchOutputs {
  const summary = summarize(rec.results);
  return {
    ...pickInputs(inputs),
    cloud,
    ...summary,
    taskIds: rec.batches.flatMap((b) => b.taskIds),
    failedUrls: rec.results.filter((r) => isFailure(r.status)).map((r) => r.url),
    ...rec,
  };
}

/** Reads the task record back from stored outputs (tolerant: outputs may come from older provider versions). */
export function recordFromOutputs(outs: Record<string, unknown>): TaskRecord {
  const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  return {
    batches: arr<SubmittedBatch>(outs.batches),
    unsubmittedUrls: arr<string>(outs.unsubmittedUrls),
    results: arr<UrlResult>(outs.results),
    submittedAt: str(outs.submittedAt),
    finishedAt: str(outs.finishedAt),
    verifiedAt: str(outs.verifiedAt),
    historyAvailable: outs.historyAvailable !== false,
    adopted: outs.adopted === true,
  };
}
