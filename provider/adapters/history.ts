/**
 * Deciding that a cloud can no longer see submitted batches. Clouds keep task history for a limited window (Alibaba:
 * 3 days, seed pages 000–002); a task missing from a query is only "gone" once its batch is older than that window,
 * otherwise it is merely not visible yet (the query APIs lag behind submits, cloud-apis.md §E).
 */
import type { SubmittedBatch } from "../model/task";

const DAY_MS = 86_400_000;

/** True when an ISO time lies more than `days` before `nowMs` (an unparsable time counts as recent). */
export function olderThanDays(iso: string, days: number, nowMs: number): boolean {
  const t = Date.parse(iso);
  return Number.isFinite(t) && nowMs - t > days * DAY_MS;
}

/**
 * True when at least one batch is older than `historyDays` and the query showed none of its URLs. Such URLs can never
 * be observed again, so waiting on them is pointless; the caller keeps their last known state.
 */
export function historyGone(batches: readonly SubmittedBatch[], observedUrls: ReadonlySet<string>,
  historyDays: number, nowMs: number): boolean {
  return batches.some((b) => olderThanDays(b.submittedAt, historyDays, nowMs) && !b.urls.some((u) => observedUrls.has(u)));
}
