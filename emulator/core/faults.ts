/**
 * The fault queue: the next matching calls are refused (throttling, internal errors, a given vendor error), delayed,
 * dropped, emptied, broken or take the server down (kinds: {@link FaultKind}). Faults are validated when queued, with
 * a RangeError naming the bad field.
 */
import type { CallKind, Fault, FaultKind, Product } from "./types";

/** Every fault kind the emulator knows. */
export const FAULT_KINDS: readonly FaultKind[] = ["throttle", "internal", "delay", "error", "drop-after-accept", "reset", "down", "empty", "malformed"];
const PRODUCTS: readonly Product[] = ["teo", "cdn", "dcdn", "esa"];

/** A queue of faults with remaining counts. */
export interface FaultQueue {
  add(faults: unknown): void;
  /** Takes one use of the first fault matching the call (an `empty` fault matches query calls only), or null. */
  take(product: Product, action: string, kind?: CallKind): Fault | null;
  pending(): (Fault & { remaining: number })[];
  clear(): void;
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const isMs = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** The first problem with a fault, or null. */
function problem(f: Fault): string | null {
  if (!f || typeof f !== "object") return " must be an object";
  if (!FAULT_KINDS.includes(f.kind)) return `.kind must be one of ${FAULT_KINDS.join(", ")}`;
  if (f.product !== undefined && !PRODUCTS.includes(f.product)) return `.product must be one of ${PRODUCTS.join(", ")}`;
  if (f.action !== undefined && (typeof f.action !== "string" || f.action === "")) return ".action must be a non-empty string";
  if (f.count !== undefined && !isCount(f.count)) return ".count must be a positive integer";
  if (f.kind === "error" && typeof f.code !== "string") return ".code is required for kind error";
  if (f.httpStatus !== undefined && !(Number.isInteger(f.httpStatus) && f.httpStatus >= 400 && f.httpStatus <= 599)) return ".httpStatus must be an integer from 400 to 599";
  if (f.delayMs !== undefined && !isMs(f.delayMs)) return ".delayMs must be a non-negative number";
  if (f.kind === "down" && !(isMs(f.durationMs) && (f.durationMs as number) > 0)) return ".durationMs (wall-clock ms > 0) is required for kind down";
  if (f.kind !== "down" && f.durationMs !== undefined) return ".durationMs applies to kind down only (use delayMs for delay)";
  if (f.begin !== undefined && (f.kind !== "down" || (f.begin !== "before" && f.begin !== "after"))) return '.begin applies to kind down only and must be "before" or "after"';
  return null;
}

/** Creates an empty fault queue. */
export function createFaultQueue(): FaultQueue {
  let queue: (Fault & { remaining: number })[] = [];
  return {
    add(faults) {
      if (!Array.isArray(faults)) throw new RangeError("faults must be an array");
      const checked = faults.map((f: Fault, i) => {
        const why = problem(f);
        if (why) throw new RangeError(`faults[${i}]${why}`);
        return { ...f, remaining: f.count ?? 1 };
      });
      queue.push(...checked);
    },
    take(product, action, kind = "other") {
      const f = queue.find((x) => (!x.product || x.product === product) && (!x.action || x.action === action) && (x.kind !== "empty" || kind === "query"));
      if (!f) return null;
      f.remaining -= 1;
      if (f.remaining <= 0) queue = queue.filter((x) => x !== f);
      const { remaining: _r, ...fault } = f;
      return fault;
    },
    pending: () => queue.map((f) => ({ ...f })),
    clear: () => void (queue = []),
  };
}
