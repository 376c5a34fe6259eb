/**
 * `diff`: decides between no change, an in-place update and a replacement. Always returns `changes` explicitly (the
 * host maps an undefined `changes` to DIFF_UNKNOWN and the engine would then guess; pulumi-dynamic-providers.md §2.6).
 */
import { unfinishedWork } from "./contract";
import { REPLACE_KEYS, UPDATE_KEYS } from "./inputs";
import { recordFromOutputs } from "./state";
import { containsUnknown } from "./unknown";

/** The diff answer sent to the engine. */
export interface DiffAnswer {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** Order-sensitive structural equality for JSON values (object key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Input keys whose values differ (an unknown new value counts as a change). */
export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => containsUnknown(news[k]) || !sameValue(olds[k], news[k]));
}

/** A number input from new inputs, or null when absent or unknown during preview. */
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/**
 * True when the stored outputs say the work is not finished under the new inputs: URLs unsubmitted or uncertain,
 * still running while the resource waits, or more failures than the policy allows. Such a resource gets an update
 * (which resumes, reconciles or re-applies the policy) even when no input changed: the engine's init errors alone
 * cannot be relied on, a successful refresh clears them (pulumi/pulumi#17949).
 */
export function hasUnfinishedWork(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  if (!Array.isArray(olds.results)) return false;
  const policy = { allowedFailures: num(news.allowedFailures), allowedFailurePercent: num(news.allowedFailurePercent) };
  return unfinishedWork(recordFromOutputs(olds), policy, news.wait !== false) !== null;
}

/**
 * Compares stored outputs (which echo the inputs) with new inputs.
 * - Where and how it is prefetched (zone/site/domain, area, mode, headers, …) → replacement: a new task.
 * - `urls` → update that submits only the URLs that are new or whose version changed (changes.ts); for adopted tasks
 *   (`existingTaskIds`), which this resource never submits, a replacement.
 * - `triggers` → update that submits a new task; timeouts, failure tolerance, labels → update without a new task.
 * - `__provider` alone (new provider code) → update that never resubmits, so refresh and destroy run the new code.
 * - Unfinished work recorded in the outputs → update that resumes it.
 */
export function diffInputs(olds: Record<string, unknown>, news: Record<string, unknown>): DiffAnswer {
  const adopted = olds.existingTaskIds !== undefined || news.existingTaskIds !== undefined;
  const replaces = [...changedKeys(olds, news, REPLACE_KEYS), ...(adopted ? changedKeys(olds, news, ["urls"]) : [])];
  const updates = changedKeys(olds, news, UPDATE_KEYS);
  const resume = replaces.length === 0 && hasUnfinishedWork(olds, news);
  return { changes: replaces.length + updates.length > 0 || resume, replaces, deleteBeforeReplace: false };
}
