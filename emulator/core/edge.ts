/**
 * The origin and the edge cache per URL, shared by the four products (no vendor counterpart: it lets tests and demos see
 * whether the edge serves the new release after a purge and a prefetch).
 *
 * - The control plane sets the origin's version of URLs (`setOrigin`); a URL never set is at {@link DEFAULT_VERSION}.
 * - A prefetch URL task that ends in success caches the origin's version current at its finish where the product's
 *   edge holds nothing (or only a stale copy); a copy already cached is left as it is. Alibaba CDN "Purge and prefetch
 *   FAQ" (https://www.alibabacloud.com/help/en/cdn/user-guide/refresh-and-warm-up-related-faq): "Purge first … Then
 *   prefetch: after the purge task is complete, prefetch the updated content"; that a prefetch does not replace a
 *   fresh cached copy is modelled (FIDELITY.md "Edge model").
 * - A purge URL task that ends in success removes the cached copy (`delete`: EdgeOne `Method: delete`, Alibaba
 *   `Force: true`) or marks it stale (`invalidate`: the next request revalidates; modelled as a stale copy that the
 *   next successful prefetch replaces with the origin's current version).
 * - Failed, timed-out, canceled and invalid tasks change nothing.
 *
 * Effects are applied lazily, in finish-time order (then submission order), whenever the model is read or the origin
 * changes, so "the origin's version at the finish" holds whatever the clock does between calls.
 */
import type { Outcome, Product } from "./types";

/** The version of a URL whose origin version was never set. */
export const DEFAULT_VERSION = "v0";

/** How a purge treats the cached copy. */
export type PurgeMethod = "delete" | "invalidate";

/** What one product's edge holds for a URL: the cached version (null: nothing cached) and whether it is stale. */
export interface EdgeEntry {
  version: string | null;
  stale: boolean;
}

/** Per product, per URL (in the form {@link edgeKey} gives), what the edge holds; URLs no task touched are absent. */
export type EdgeSnapshot = Record<Product, Record<string, EdgeEntry>>;

/** A task's effect, waiting for its finish. */
interface EdgeEvent {
  product: Product;
  key: string;
  at: number;
  seq: number;
  /** `refresh`: a prefetch that replaces a fresh copy too (variant `edge.prefetchOfCached`). */
  effect: "prefetch" | "refresh" | PurgeMethod;
}

/**
 * The key of a URL: scheme and host lower-cased, `http://` prepended when no scheme is given (as Alibaba CDN/DCDN
 * store an `ObjectPath` without one); path and query as sent.
 */
export function edgeKey(url: string): string {
  const full = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is.exec(full);
  return m ? m[1].toLowerCase() + m[2] : full;
}

const products = (): EdgeSnapshot => ({ teo: {}, cdn: {}, dcdn: {}, esa: {} });

/** The model; the emulator state owns one and a control-plane reset clears it. */
export class EdgeModel {
  private origin = new Map<string, string>();
  private cache = products();
  private pending: EdgeEvent[] = [];
  private seq = 0;

  /** Applies the effects finished by `now`, then sets origin versions (`{ url: version }`). */
  setOrigin(versions: Record<string, string>, now: number): void {
    for (const [url, v] of Object.entries(versions)) {
      if (typeof v !== "string" || v === "") throw new RangeError(`origin version of ${url} must be a non-empty string`);
    }
    this.settle(now);
    for (const [url, v] of Object.entries(versions)) this.origin.set(edgeKey(url), v);
  }

  /** The origin's current version of a URL. */
  originOf(url: string): string {
    return this.origin.get(edgeKey(url)) ?? DEFAULT_VERSION;
  }

  /**
   * A prefetch URL task of `product` finishing at `finishesAt` with `outcome` (only success has an effect);
   * `refreshCached` (variant `edge.prefetchOfCached` = `refresh`) makes it replace a fresh cached copy too.
   */
  prefetch(product: Product, url: string, finishesAt: number, outcome: Outcome, refreshCached = false): void {
    this.schedule(product, url, finishesAt, outcome, refreshCached ? "refresh" : "prefetch");
  }

  /** A purge URL task of `product` finishing at `finishesAt` with `outcome` (only success has an effect). */
  purge(product: Product, url: string, finishesAt: number, outcome: Outcome, method: PurgeMethod): void {
    this.schedule(product, url, finishesAt, outcome, method);
  }

  /** What each product's edge holds at `now`. */
  read(now: number): EdgeSnapshot {
    this.settle(now);
    return JSON.parse(JSON.stringify(this.cache)) as EdgeSnapshot;
  }

  /** Forgets origin versions, cached copies and pending effects. */
  reset(): void {
    this.origin.clear();
    this.cache = products();
    this.pending = [];
  }

  private schedule(product: Product, url: string, at: number, outcome: Outcome, effect: EdgeEvent["effect"]): void {
    const key = edgeKey(url);
    // A touched URL is listed (as not cached) from the submit on, so a read shows it before the task finishes.
    this.cache[product][key] ??= { version: null, stale: false };
    if (outcome === "success") this.pending.push({ product, key, at, seq: this.seq++, effect });
  }

  private settle(now: number): void {
    const due = this.pending.filter((e) => e.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
    if (due.length === 0) return;
    this.pending = this.pending.filter((e) => e.at > now);
    for (const e of due) this.apply(e);
  }

  private apply(e: EdgeEvent): void {
    const held = this.cache[e.product][e.key] ?? { version: null, stale: false };
    if (e.effect === "delete") this.cache[e.product][e.key] = { version: null, stale: false };
    else if (e.effect === "invalidate") this.cache[e.product][e.key] = { version: held.version, stale: held.version !== null };
    else if (e.effect === "refresh" || held.version === null || held.stale) {
      this.cache[e.product][e.key] = { version: this.origin.get(e.key) ?? DEFAULT_VERSION, stale: false };
    }
  }
}
