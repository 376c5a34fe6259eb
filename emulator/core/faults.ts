/**
 * The fault queue: the next matching calls fail (throttling, internal errors, a given vendor error) or are delayed.
 */
import type { Fault, Product } from "./types";

const KINDS: readonly Fault["kind"][] = ["throttle", "internal", "delay", "error"];

/** A queue of faults with remaining counts. */
export interface FaultQueue {
  add(faults: unknown): void;
  take(product: Product, action: string): Fault | null;
  pending(): (Fault & { remaining: number })[];
  clear(): void;
}

/** Creates an empty fault queue. */
export function createFaultQueue(): FaultQueue {
  let queue: (Fault & { remaining: number })[] = [];
  return {
    add(faults) {
      if (!Array.isArray(faults)) throw new RangeError("faults must be an array");
      faults.forEach((f: Fault, i) => {
        if (!f || !KINDS.includes(f.kind)) throw new RangeError(`faults[${i}].kind must be one of ${KINDS.join(", ")}`);
        if (f.kind === "error" && typeof f.code !== "string") throw new RangeError(`faults[${i}].code is required for kind error`);
        queue.push({ ...f, remaining: f.count ?? 1 });
      });
    },
    take(product, action) {
      const f = queue.find((x) => (!x.product || x.product === product) && (!x.action || x.action === action));
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
