/**
 * The normalized purge model (issue 11, `purgeFirst`): how a cached copy is purged before a prefetch warms the new
 * version. A purge submit answers with the prefetch model's {@link SubmitResult}, its task states are read back as
 * {@link UrlObservation}s of {@link SubmittedBatch}es, and its quota is a {@link QuotaInfo}: only the method is new.
 */

/**
 * How a purge treats the cached copy:
 * - `invalidate`: the copy is marked expired; the next request (or prefetch) revalidates it with the origin. The
 *   vendors' default: EdgeOne `Method: invalidate` (teo_models.d.ts `CreatePurgeTaskRequest.Method`), Alibaba CDN/DCDN
 *   and ESA `Force: false` (cdn20180510/dcdn20180115 `RefreshObjectCachesRequest.force`, esa20240910
 *   `PurgeCachesRequest.force`).
 * - `delete`: the copy is removed; the next request goes to the origin. EdgeOne `Method: delete`, Alibaba `Force: true`.
 */
export type PurgeMethod = "invalidate" | "delete";

/** Every purge method, the vendors' default first. */
export const PURGE_METHODS: readonly PurgeMethod[] = ["invalidate", "delete"];

/** The method a purge uses when none is given: `invalidate`, every vendor's default (see {@link PurgeMethod}). */
export const DEFAULT_PURGE_METHOD: PurgeMethod = "invalidate";

/** True for a {@link PurgeMethod}. */
export function isPurgeMethod(value: unknown): value is PurgeMethod {
  return value === "invalidate" || value === "delete";
}
