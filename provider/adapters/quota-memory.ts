/**
 * Quota figures remembered per account and quota scope (an EdgeOne zone and mode, an ESA plan, the CDN or DCDN
 * account; the purge quotas under keys of their own, adapters/purge-quota.ts) for the host process, so that fifty
 * resources created in one `pulumi up` cost one quota read, not fifty (issue 9):
 * - concurrent readers share the one read in flight;
 * - an answer is reused for {@link QUOTA_TTL_MS};
 * - every submit accepted in this process takes its URLs off the remembered remainder, and a submit that failed (or
 *   whose spending cannot be counted) forgets it: a remembered figure never promises more than the cloud has left,
 *   except for what other tools of the account spend within the TTL (the cloud then refuses the submit whole:
 *   EO-5, CDN-3, ESA-8, and nothing is accepted);
 * - a failed read is not remembered: its waiters get the error, the next reader asks again (the lifecycle warns about
 *   a failure once, resources/lifecycle.ts `readQuota`).
 * A figure may under-promise (the quota was reset or raised since): the lifecycle refuses a run only on a fresh read
 * ({@link QuotaRead}.fresh, resources/lifecycle.ts `preflight`).
 *
 * Module state, safe for the reasons memory.ts gives; keyed by the clock like the rate limits (rate-gate.ts).
 */
import type { Clock } from "../engine/clock";
import type { QuotaInfo, SubmitResult } from "../model/task";
import { scopeKey, type AccountContext } from "./memory";

/** How a quota read may be answered. */
export interface QuotaRead {
  /** Answer only from what this process remembers (null when nothing is at hand): never calls the cloud. */
  rememberedOnly?: boolean;
  /** Ignore what is remembered and ask the cloud (a read already in flight is joined). */
  fresh?: boolean;
}

/**
 * How long a quota answer is reused: 60 s. Pulumi starts the resources of a step concurrently, so the creates of one
 * `pulumi up` that can run together arrive within seconds of each other and share one read; our own submits are
 * subtracted as they are accepted, so the only thing a remembered figure misses is what OTHER tools spend from the
 * same account meanwhile, and a minute bounds that. The daily quotas move by at most the URLs submitted, so a minute-old
 * remainder is as good as a new one for every decision the preflight makes; it is not a poll-rate figure.
 */
export const QUOTA_TTL_MS = 60_000;

interface Flight {
  promise: Promise<QuotaInfo | null>;
  /** URLs accepted while the read was in flight (its answer may not count them yet). */
  spent: number;
  /** A submit failed meanwhile: the answer is handed to its waiters but not remembered. */
  forgotten: boolean;
}

interface Slot {
  scope: string;
  /** The remembered answer (its value may be null: the cloud has no figure for this spec). */
  held: { value: QuotaInfo | null } | null;
  readAtMs: number;
  flight: Flight | null;
}

let slots = new WeakMap<Clock, Map<string, Slot>>();

function slotsOf(clock: Clock): Map<string, Slot> {
  let byKey = slots.get(clock);
  if (!byKey) slots.set(clock, (byKey = new Map()));
  return byKey;
}

const keyOf = (scope: string, quotaKey: string) => `${scope}|${quotaKey}`;

/** A figure less `spent` URLs (never below zero; an unknown remainder stays unknown). */
function lessSpent(value: QuotaInfo | null, spent: number): QuotaInfo | null {
  if (value === null) return null;
  if (spent === 0 || value.remaining === null) return { ...value };
  return { ...value, remaining: Math.max(0, value.remaining - spent) };
}

/** What is remembered and still young enough at `nowMs` (a clock that went back invalidates it). */
function young(slot: Slot | undefined, nowMs: number): Slot["held"] {
  if (!slot?.held) return null;
  return nowMs >= slot.readAtMs && nowMs < slot.readAtMs + QUOTA_TTL_MS ? slot.held : null;
}

/** The quota figure of `quotaKey` in `account`: remembered, joined in flight, or read with `read()` and remembered. */
export async function rememberedQuota(account: AccountContext, quotaKey: string, how: QuotaRead | undefined,
  read: () => Promise<QuotaInfo | null>): Promise<QuotaInfo | null> {
  const byKey = slotsOf(account.clock);
  const scope = scopeKey(account.scope);
  const key = keyOf(scope, quotaKey);
  const slot = byKey.get(key) ?? { scope, held: null, readAtMs: 0, flight: null };
  byKey.set(key, slot);
  const held = how?.fresh ? null : young(slot, account.clock.now());
  if (held) return lessSpent(held.value, 0);
  if (how?.rememberedOnly) return null;
  if (!slot.flight) slot.flight = startRead(account.clock, slot, read);
  return lessSpent(await slot.flight.promise, 0);
}

/** Reads once for every waiter; remembers the answer, less what was spent while it was in flight. */
function startRead(clock: Clock, slot: Slot, read: () => Promise<QuotaInfo | null>): Flight {
  const startedAt = clock.now();
  const flight: Flight = { spent: 0, forgotten: false, promise: Promise.resolve(null) };
  flight.promise = (async () => {
    try {
      const value = lessSpent(await read(), flight.spent);
      if (!flight.forgotten) {
        slot.held = { value };
        slot.readAtMs = startedAt;
      }
      return value;
    } finally {
      slot.flight = null;
    }
  })();
  return flight;
}

/**
 * Which remembered quotas a submit spends from or a failure forgets: one key; every key of a family (`{ family }`: the
 * keys that start with it, e.g. every purge quota of the account when the submit's own is unknown, adapters/purge-quota.ts);
 * or null, every quota of the account.
 */
export type QuotaTarget = string | { family: string } | null;

/** The slots of `account` that `target` names. */
function matching(account: AccountContext, target: QuotaTarget): Slot[] {
  const scope = scopeKey(account.scope);
  const all = [...slotsOf(account.clock).entries()].filter(([, s]) => s.scope === scope);
  const wanted = (k: string) => target === null
    || (typeof target === "string" ? k === keyOf(scope, target) : k.startsWith(keyOf(scope, target.family)));
  return all.filter(([k]) => wanted(k)).map(([, s]) => s);
}

/** Takes `urls` off the remembered remainders `quotaKey` names ({@link QuotaTarget}; null: the submit's quota is unknown). */
export function spendQuota(account: AccountContext, quotaKey: QuotaTarget, urls: number): void {
  if (urls <= 0) return;
  for (const slot of matching(account, quotaKey)) {
    if (slot.held) slot.held = { value: lessSpent(slot.held.value, urls) };
    if (slot.flight) slot.flight.spent += urls;
  }
}

/** Forgets the remembered figures `quotaKey` names ({@link QuotaTarget}); a read in flight is not remembered. */
export function forgetQuota(account: AccountContext, quotaKey: QuotaTarget): void {
  for (const slot of matching(account, quotaKey)) {
    slot.held = null;
    if (slot.flight) slot.flight.forgotten = true;
  }
}

/**
 * Runs a submit and keeps the remembered quota honest: the URLs `accepted(result)` counts are spent; when that count
 * is unknown (null), or the submit failed in any way (refused, or an outcome unknown), the figure is forgotten.
 */
export async function spendingQuota(account: AccountContext, quotaKey: QuotaTarget, submit: () => Promise<SubmitResult>,
  accepted: (res: SubmitResult) => number | null): Promise<SubmitResult> {
  let res: SubmitResult;
  try {
    res = await submit();
  } catch (e) {
    forgetQuota(account, quotaKey);
    throw e;
  }
  const n = accepted(res);
  if (n === null) forgetQuota(account, quotaKey);
  else spendQuota(account, quotaKey, n);
  return res;
}

/** Forgets every remembered quota (tests: a fresh process). */
export function forgetAllQuotas(): void {
  slots = new WeakMap();
}
