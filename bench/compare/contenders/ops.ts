/**
 * The two cloud operations every contender script is made of (submit, read the status of its own URLs), and how the
 * vendor errors they meet are told apart. Each cloud implements them with its official SDK (teo-ops.ts, cdn-ops.ts).
 */

/** A URL's state as a contender reads it. */
export type UrlState = "pending" | "succeeded" | "failed";

/** Submit and status calls of one cloud, for one site. */
export interface CloudOps {
  /** Most URLs one submit carries (EdgeOne: the zone's `Batch`, 1,000; Alibaba CDN: 100, cloud-apis.md §D.3). */
  readonly chunk: number;
  /** Most task ids one status call takes (EdgeOne `job-id` filter: 1; Alibaba `DescribeRefreshTaskById`: 10). */
  readonly idsPerQuery: number;
  /** Submits `urls` (full URLs) in one call; resolves with the task ids the cloud returned. */
  submit(urls: readonly string[]): Promise<string[]>;
  /** One status call for at most `idsPerQuery` ids: the state of each URL listed, by URL key (no scheme). */
  query(taskIds: readonly string[]): Promise<Map<string, UrlState>>;
}

/**
 * The state of every URL under `taskIds`, one status call per `idsPerQuery` ids in sequence, each call made through
 * `call` (a contender's retry rule). URLs the cloud does not list (yet) are absent.
 */
export async function statusOf(ops: CloudOps, taskIds: readonly string[], call: <T>(f: () => Promise<T>) => Promise<T> = (f) => f()): Promise<Map<string, UrlState>> {
  const states = new Map<string, UrlState>();
  for (let i = 0; i < taskIds.length; i += ops.idsPerQuery) {
    const part = await call(() => ops.query(taskIds.slice(i, i + ops.idsPerQuery)));
    for (const [k, v] of part) states.set(k, v);
  }
  return states;
}

/** `urls` in submit-sized chunks. */
export function chunks<T>(urls: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < urls.length; i += size) out.push(urls.slice(i, i + size));
  return out;
}

/** The vendor error code of an SDK error, if it carries one. */
export function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/**
 * True for a rate-limit refusal: Tencent `RequestLimitExceeded` and its sub-codes (cloud-apis.md §D.2), Alibaba codes
 * containing `Throttling` or `TooManyRequests` (§D.1; the SDK's own `ThrottlingError` test is "contains Throttling", §C.6).
 */
export function isThrottle(e: unknown): boolean {
  const code = codeOf(e);
  return code.startsWith("RequestLimitExceeded") || code.includes("Throttling") || code === "TooManyRequests";
}

/** A short text for a surfaced error. */
export function describe(e: unknown): string {
  const code = codeOf(e);
  const message = e instanceof Error ? e.message : String(e);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Resolves after `ms` of wall-clock time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** True when every URL of `keys` is listed and succeeded. */
export function allSucceeded(states: Map<string, UrlState>, keys: readonly string[]): boolean {
  return keys.every((k) => states.get(k) === "succeeded");
}

/** True when every URL of `keys` is listed and terminal. */
export function allTerminal(states: Map<string, UrlState>, keys: readonly string[]): boolean {
  return keys.every((k) => states.has(k) && states.get(k) !== "pending");
}
