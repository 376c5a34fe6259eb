/**
 * Classified cloud errors. Adapters convert every SDK error into a {@link CloudError} at their edge, so the retry
 * policy and the resources only ever read `kind`.
 */
import type { CloudKind } from "./cloud";

/** What kind of failure a cloud call hit; decides retry and user messaging. */
export type ErrorKind =
  /** Rate limited (`Throttling.User`, `RequestLimitExceeded`): retry after a delay. */
  | "throttled"
  /** Server-side or network trouble (5xx, `InternalError`, socket errors): retry. */
  | "transient"
  /** Credentials wrong, expired or not allowed: never retry. */
  | "auth"
  /** Daily or batch quota exhausted: never retry today. */
  | "quota"
  /** The request was invalid (bad parameter, unknown domain or zone): never retry. */
  | "invalid"
  /** The queried task or time range is not (or no longer) available. */
  | "notFound"
  /** Anything else: not retried. */
  | "unknown";

/** A classified error from a cloud API call. */
export class CloudError extends Error {
  override readonly name = "CloudError";
  /** Stamped by the retry policy on the error it finally throws: how many calls were made in total. */
  attempts?: number;
  /** Stamped by the retry policy on the error it finally throws: total ms slept between the calls. */
  totalRetryDelayMs?: number;
  constructor(
    readonly cloud: CloudKind,
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly httpStatus: number | null = null,
    /** Server hint (Alibaba `x-acs-retry-after`), in ms. */
    readonly retryAfterMs: number | null = null,
    /** The action that failed, e.g. `CreatePrefetchTask`. */
    readonly action: string | null = null,
  ) {
    super(message);
  }
}

/** Type guard for {@link CloudError}. */
export function isCloudError(e: unknown): e is CloudError {
  return e instanceof Error && (e as CloudError).name === "CloudError" && typeof (e as CloudError).kind === "string";
}
