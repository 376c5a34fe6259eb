/**
 * Call counters: every served call by `product:action`, plus submits and submitted URLs per product, and the calls the
 * rate limiter refused. Tests use them to prove that nothing was submitted twice and that delete/destroy make no cloud
 * call.
 */
import type { CallKind, Product } from "./types";

/** A snapshot of the counters. */
export interface EmulatorStats {
  /** Served calls by `product:Action`, e.g. `teo:DescribePrefetchTasks`. */
  calls: Record<string, number>;
  /** Submit calls per product. */
  submits: Record<Product, number>;
  /** URLs accepted by submits, per product. */
  submittedUrls: Record<Product, number>;
  /** Query calls per product. */
  queries: Record<Product, number>;
  /** Purge submit calls per product (EdgeOne CreatePurgeTask, CDN/DCDN refresh, ESA PurgeCaches); not in `submits`. */
  purges: Record<Product, number>;
  /** URLs accepted by purge submits, per product. */
  purgedUrls: Record<Product, number>;
  /** Calls refused by the rate limiter (core/rate-limit.ts), by `product:Action`; not counted in `calls`. */
  throttled: Record<string, number>;
}

const zero = (): Record<Product, number> => ({ teo: 0, cdn: 0, dcdn: 0, esa: 0 });

/** Mutable counters. */
export interface StatsRecorder {
  record(product: Product, action: string, kind: CallKind, urls?: number): void;
  /** Counts a call the rate limiter refused. */
  throttled(product: Product, action: string): void;
  snapshot(): EmulatorStats;
  reset(): void;
}

/** Creates zeroed counters. */
export function createStats(): StatsRecorder {
  const empty = (): EmulatorStats => ({ calls: {}, submits: zero(), submittedUrls: zero(), queries: zero(), throttled: {}, purges: zero(), purgedUrls: zero() });
  let s = empty();
  return {
    record(product, action, kind, urls = 0) {
      const key = `${product}:${action}`;
      s.calls[key] = (s.calls[key] ?? 0) + 1;
      if (kind === "submit") {
        s.submits[product] += 1;
        s.submittedUrls[product] += urls;
      }
      if (kind === "purge") {
        s.purges[product] += 1;
        s.purgedUrls[product] += urls;
      }
      if (kind === "query") s.queries[product] += 1;
    },
    throttled(product, action) {
      const key = `${product}:${action}`;
      s.throttled[key] = (s.throttled[key] ?? 0) + 1;
    },
    snapshot: () => JSON.parse(JSON.stringify(s)) as EmulatorStats,
    reset: () => void (s = empty()),
  };
}
