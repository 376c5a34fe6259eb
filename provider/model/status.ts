/**
 * The normalized status vocabulary shared by every cloud.
 *
 * Vendors speak different languages: Alibaba uses `Pending|Refreshing|Complete|Failed`, EdgeOne uses
 * `processing|success|failed|timeout|canceled|invalid`. Adapters translate into {@link UrlStatus}; everything above
 * the adapters (engine, resources, outputs) only sees these values.
 */

/** The state of one URL's prefetch. */
export type UrlStatus =
  /** Accepted but not visible in the query API yet, or queued (`Pending`). */
  | "pending"
  /** The cloud is fetching from origin (`Refreshing`, `processing`). */
  | "running"
  /** Warm: the cloud reports success (`Complete`, `success`). */
  | "succeeded"
  /** The cloud reports a failure (`Failed`, `failed`). */
  | "failed"
  /** The cloud gave up on time (EdgeOne `timeout`). */
  | "timeout"
  /** Canceled on the cloud side (EdgeOne `canceled`). Not a success: the edge is not warm. */
  | "canceled"
  /** The origin answered non-2xx (EdgeOne `invalid`). Not a success. */
  | "invalid"
  /** Refused at submit time (EdgeOne `FailedList`, Alibaba per-URL submit errors): never reached the edge. */
  | "rejected";

/** All URL statuses, for schemas and exhaustive tables. */
export const URL_STATUSES: readonly UrlStatus[] = [
  "pending", "running", "succeeded", "failed", "timeout", "canceled", "invalid", "rejected",
];

/** Statuses after which a URL will not change any more. */
export const TERMINAL_URL_STATUSES: ReadonlySet<UrlStatus> = new Set<UrlStatus>([
  "succeeded", "failed", "timeout", "canceled", "invalid", "rejected",
]);

/** True when the URL is done, successfully or not. */
export function isTerminal(status: UrlStatus): boolean {
  return TERMINAL_URL_STATUSES.has(status);
}

/** True when the URL ended without warming the edge. */
export function isFailure(status: UrlStatus): boolean {
  return isTerminal(status) && status !== "succeeded";
}

/** The status of a whole prefetch resource. */
export type TaskStatus =
  /** Some URLs are not terminal yet. */
  | "running"
  /** Every URL succeeded. */
  | "succeeded"
  /** Every URL is terminal, some succeeded and some failed. */
  | "partiallyFailed"
  /** Every URL is terminal and none succeeded. */
  | "failed";

/** All task statuses. */
export const TASK_STATUSES: readonly TaskStatus[] = ["running", "succeeded", "partiallyFailed", "failed"];
