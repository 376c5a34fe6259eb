/**
 * What the four adapters' `findTasks` share: the reconciliation time window, the choice between filtered lookups and
 * one listing, and the shape of the answer (no task before the window, no duplicates, newest first).
 */
import type { FoundTask } from "../model/task";
import { urlKey } from "./url-match";

const DAY_MS = 86_400_000;

/**
 * Clock skew allowed between this machine and the cloud: the window starts this much before `sinceMs` (a task the
 * cloud stamped a little before our clock's submit time is still ours). Not documented by any vendor; Tencent refuses
 * signatures more than 5 minutes off (cloud-apis.md §D.2) and Alibaba 15 minutes (§D.1), so real skew is far below
 * either; 2 minutes covers ordinary NTP drift without reaching much further back than the uncertain submit. The window
 * ends at now, never later: whether a list API accepts an `EndTime` in the future is undocumented (variants
 * `alibaba.futureEndTime`, `teo.futureEndTime`); a task the cloud creates after the call is seen by the next one.
 */
export const RECONCILE_MARGIN_MS = 2 * 60_000;

/**
 * Most URLs looked up one by one with an exact filter (EdgeOne `target`, CDN/DCDN `ObjectPath`, ESA `Content`); more
 * URLs are found with one listing of the window instead. A lookup is one call per URL (20 calls/s for EdgeOne, 5–10/s
 * for the Alibaba list APIs, §D.3), a listing one call per page (1000 tasks for EdgeOne, 100/50/50 for CDN/DCDN/ESA):
 * for a window of minutes to hours a listing is a page or two, so beyond 10 URLs it is the cheaper of the two.
 */
export const MAX_FILTERED_LOOKUPS = 10;

/** A creation-time window, ms since the epoch (both ends inclusive, whole seconds). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/**
 * The window `findTasks` asks for: from `sinceMs - margin` (rounded up to the whole second, because request times
 * have seconds and a task created before `sinceMs - margin` must never be reported) to now (rounded down: never in
 * the future). The start is raised to `historyDays` before now, plus the margin, so that the vendor never refuses the
 * window (Alibaba `InvalidTime`) for a skewed clock: tasks older than the retention cannot be listed anyway. Null when
 * the window is empty.
 */
export function reconcileWindow(sinceMs: number, nowMs: number, historyDays: number): TimeWindow | null {
  const floor = nowMs - historyDays * DAY_MS + RECONCILE_MARGIN_MS;
  const startMs = Math.ceil(Math.max(sinceMs - RECONCILE_MARGIN_MS, floor) / 1000) * 1000;
  const endMs = wholeSecond(nowMs);
  return startMs <= endMs ? { startMs, endMs } : null;
}

/** `ms` rounded down to the whole second (request times carry whole seconds). */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Splits a window into consecutive windows of at most `maxSpanMs` (EdgeOne: 7 days per request), newest first. */
export function splitWindow(w: TimeWindow, maxSpanMs: number): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let end = w.endMs; end >= w.startMs; end -= maxSpanMs + 1000) {
    out.push({ startMs: Math.max(w.startMs, end - maxSpanMs), endMs: end });
  }
  return out;
}

/**
 * The exact filter value of every URL when the URLs should be looked up one by one, or null when one listing of the
 * window is the better way. Lookups are chosen only for at most {@link MAX_FILTERED_LOOKUPS} URLs whose filter value
 * is already in canonical form (WHATWG-normalized: lower-case host, path present, escapes upper-case, no raw spaces or
 * non-ASCII): an exact-match filter compares text, and a URL the cloud may store in another form (EdgeOne
 * percent-encodes, §D.4) would be missed; a listing is matched with the URL matcher, which normalizes both sides.
 */
export function filterValues(urls: readonly string[], toFilter: (url: string) => string): string[] | null {
  if (urls.length > MAX_FILTERED_LOOKUPS) return null;
  const values = urls.map(toFilter);
  return values.every((v) => urlKey(v, false) === v) ? values : null;
}

/**
 * The answer of `findTasks`: tasks created before `earliestMs` dropped (when both times are known; null: trust the
 * vendor's window), duplicates (same URL and task id, e.g. a page boundary that moved while paging) dropped, newest
 * first (unknown creation times last).
 */
export function foundTasks(tasks: readonly FoundTask[], earliestMs: number | null): FoundTask[] {
  const seen = new Map<string, FoundTask>();
  for (const t of tasks) {
    if (earliestMs !== null && t.createdAtMs !== null && t.createdAtMs < earliestMs) continue;
    const key = `${t.url}\u0000${t.taskId}`;
    if (!seen.has(key)) seen.set(key, t);
  }
  return [...seen.values()].sort((a, b) => (b.createdAtMs ?? -Infinity) - (a.createdAtMs ?? -Infinity));
}
