/**
 * The normalized prefetch task model: what adapters return and what the resources record in Pulumi state.
 *
 * Everything here is plain JSON (no Dates, Maps or classes) because it travels through gRPC `Struct`s and is stored
 * in the stack's state.
 */
import { z } from "zod";
import { URL_STATUSES } from "./status";

/** One URL's observed state. */
export const UrlResultSchema = z.object({
  /** The URL exactly as the user declared it. */
  url: z.string(),
  status: z.enum(URL_STATUSES as unknown as [string, ...string[]]),
  /** 0..100; 100 for every terminal status. */
  progress: z.number().min(0).max(100),
  /** The vendor's failure type and message, or null. */
  reason: z.string().nullable(),
  /** The vendor task id (or job id) this URL belongs to, when known. */
  taskId: z.string().nullable(),
});
/** One URL's observed state. */
export type UrlResult = Omit<z.infer<typeof UrlResultSchema>, "status"> & { status: import("./status").UrlStatus };

/** One accepted submit call: the ids the cloud returned and the URLs it covered. */
export const SubmittedBatchSchema = z.object({
  taskIds: z.array(z.string()),
  urls: z.array(z.string()),
  /** ISO-8601 UTC time of the submit, from the provider's clock. */
  submittedAt: z.string(),
  /**
   * Adopted tasks only: the earliest time the cloud may have created them (`submittedAfter`, else the start of the
   * cloud's history window). Adapters that find tasks by time window (ESA) search from here; ages still follow
   * `submittedAt`.
   */
  windowStart: z.string().optional(),
});
/** One accepted submit call. */
export type SubmittedBatch = z.infer<typeof SubmittedBatchSchema>;

/** A URL the cloud refused at submit time. */
export interface RejectedUrl {
  url: string;
  reason: string;
}

/** What one submit call returned. */
export interface SubmitResult {
  /** Task ids (job ids) the cloud assigned; several when the vendor splits or merges (Alibaba comma lists). */
  taskIds: string[];
  /** URLs refused in an otherwise accepted request (EdgeOne `FailedList`). */
  rejected: RejectedUrl[];
}

/** One URL as seen by a query call. */
export interface UrlObservation {
  /** The URL as submitted (adapters map the vendor's echo back to the submitted form). */
  url: string;
  status: import("./status").UrlStatus;
  /** 0..100 when the vendor reports it, else null. */
  progress: number | null;
  reason: string | null;
  taskId: string | null;
  /**
   * The vendor's status text when the adapter did not recognise it (then `status` is `running`, so nothing is declared
   * done); the lifecycle fails after a few such observations, naming it. Absent or null for known statuses.
   */
  unknownStatus?: string | null;
}

/**
 * A submit whose outcome is unknown: the request left the process but no answer proved acceptance or refusal (reset,
 * read timeout, 5xx, unparsable reply). Before any of its URLs is submitted again the cloud's task list is asked.
 */
export const UncertainBatchSchema = z.object({
  /** The URLs as submitted. */
  urls: z.array(z.string()),
  /** ISO-8601 UTC time the request was sent, from the provider's clock. */
  attemptedAt: z.string(),
  /** The vendor request id, when the failed answer carried one. */
  requestId: z.string().nullable(),
  /** `code: message` of the error that left the outcome unknown. */
  error: z.string(),
});
/** A submit whose outcome is unknown. */
export type UncertainBatch = z.infer<typeof UncertainBatchSchema>;

/** A prefetch task the cloud lists for one URL (reconciliation of uncertain submits). */
export interface FoundTask {
  /** The URL as submitted (adapters map the vendor's echo back to the submitted form). */
  url: string;
  /** The task (job) id that carries this URL, as the by-id query APIs accept it. */
  taskId: string;
  /** When the cloud created it, ms since the epoch, or null when the cloud does not say. */
  createdAtMs: number | null;
  status: import("./status").UrlStatus;
}

/** What one query round returned. */
export interface QueryResult {
  /** URLs the cloud reported on; URLs missing here are not visible (yet, or any more). */
  observations: UrlObservation[];
  /**
   * True when the cloud can no longer answer for these tasks (outside its query window, e.g. Alibaba's 3 days):
   * the caller keeps its last known state instead of treating the URLs as lost.
   */
  historyUnavailable: boolean;
  /**
   * Targets the cloud lists under the batches' tasks that are none of the submitted URLs, each under the target as
   * the cloud lists it: EdgeOne's media segments (with `prefetchMediaSegments`, the TS segments of an M3U8 are
   * prefetched under the same job; segments over the daily quota are silently dropped, cloud-apis.md §A.4). Reported
   * for information only: they never decide whether the submitted URLs are done. Absent when there are none.
   */
  extra?: UrlObservation[];
}

/** The prefetch quota as the cloud reports it. */
export interface QuotaInfo {
  /** URLs allowed per day, or null when unknown. */
  daily: number | null;
  /** URLs left today, or null when unknown. */
  remaining: number | null;
  /** URLs allowed in one request (EdgeOne `Batch`), or null when fixed/unknown. */
  perRequest: number | null;
}
