/**
 * Classified cloud errors. Adapters convert every SDK error into a {@link CloudError} at their edge, so the retry
 * policy and the resources only ever read `kind` (retry decisions) and `detail` (what to tell the user).
 */
import type { CloudKind } from "./cloud";

/**
 * What a failure proves, which decides retries:
 * - a submit is retried only when the error proves the cloud accepted nothing (`throttled`, `busy`, `unreached`);
 * - a submit that failed with `transient` may have been accepted: it becomes an *uncertain batch* that is reconciled
 *   with the cloud's task list before anything is submitted again;
 * - queries and quota reads are retried on `throttled`, `busy`, `unreached` and `transient`.
 */
export type ErrorKind =
  /** Rate limited (`Throttling.User`, `RequestLimitExceeded`): refused, nothing happened; retry after a delay. */
  | "throttled"
  /**
   * Refused because the target is not ready yet (`ServiceBusy` "the domain is being configured",
   * `InvalidDomain.Offline` right after the domain was created, ESA `Site.ServiceBusy`): nothing was accepted; retried
   * within a bounded window.
   */
  | "busy"
  /** The request provably never reached the server (connection refused, DNS failure): safe to resend. */
  | "unreached"
  /**
   * Server-side or network trouble after the request may have been processed (5xx, `InternalError`, reset, read
   * timeout, an unparsable reply): queries retry; a submit's outcome is unknown.
   */
  | "transient"
  /** Credentials wrong, expired or not allowed, or the service not opened: never retry. */
  | "auth"
  /** A quota or plan limit refused the request (see `detail`): never retry now. */
  | "quota"
  /** The request was invalid (bad parameter, unknown domain or zone): never retry. */
  | "invalid"
  /** The queried task or time range is not (or no longer) available (Alibaba/ESA `InvalidTime`). */
  | "notFound"
  /** A vendor error code we do not know: the cloud answered with an error, so nothing was accepted; not retried. */
  | "unknown";

/**
 * What exactly was refused, for the message (never for retry decisions):
 * - `dailyQuota`: today's URL quota is used up (resets at midnight UTC+8);
 * - `queueFull`: the cloud's prefetch queue is full (clears in minutes; Alibaba `PreloadQueueFull`);
 * - `batchLimit`: too many URLs in one request (`LimitExceeded.BatchQuota`);
 * - `planLimit`: the plan does not allow this (`LimitExceeded.PackNotAllow`, edge mode or media segments not enabled);
 * - `serviceNotOpened`: the product is not activated for the account (`OperationDenied`, Alibaba `*.NotOpened`);
 * - `noPermission`: credentials are valid but the policy does not allow this action;
 * - `credentials`: the key, secret, token or signature is wrong or expired;
 * - `scopeNotFound`: the zone, site or domain is not in this account (`UnauthorizedOperation.DomainEmpty`,
 *   `InvalidDomain.NotFound`).
 */
export type ErrorDetail =
  | "dailyQuota" | "queueFull" | "batchLimit" | "planLimit" | "serviceNotOpened" | "noPermission" | "credentials"
  | "scopeNotFound";

/** A classified error from a cloud API call. */
export class CloudError extends Error {
  override readonly name = "CloudError";
  /** Stamped by the retry policy on the error it finally throws: how many calls were made in total. */
  attempts?: number;
  /** Stamped by the retry policy on the error it finally throws: total ms slept between the calls. */
  totalRetryDelayMs?: number;
  /** What exactly was refused, when the adapter knows (messages only). */
  detail: ErrorDetail | null = null;
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

  /** Sets {@link detail} and returns this error (for one-line construction in classifiers). */
  withDetail(detail: ErrorDetail | null): this {
    this.detail = detail;
    return this;
  }
}

/** Type guard for {@link CloudError}. */
export function isCloudError(e: unknown): e is CloudError {
  return e instanceof Error && (e as CloudError).name === "CloudError" && typeof (e as CloudError).kind === "string";
}
