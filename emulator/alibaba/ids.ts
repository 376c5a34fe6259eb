/**
 * Task id allocation. CDN and DCDN return a comma-separated id list and merge URL tasks of the same domain submitted
 * in the same second into one id, in batches of 500 (cloud-apis.md §A.1, SDK doc comment on
 * PushObjectCacheResponseBody); how many ids one request gets is the `alibaba.taskIdsPerSubmit` variant
 * (preload-submit.ts). ESA returns one id per request (§A.3).
 *
 * Every id handed out is remembered with its issue time, so the by-id queries can tell an id that was never issued
 * from one whose tasks aged out of the history (variants `alibaba.unknownTaskId`, `alibaba.expiredTaskIds`).
 */
import type { Product } from "../core/types";

/** Most URLs merged under one id (cloud-apis.md §A.1 "in batches of 500"). */
export const MERGE_BATCH = 500;
/** First id handed out: 11-digit numeric ids like the vendor examples (`14286878547`, seed 000). */
const FIRST_ID = 17_000_000_001;

interface MergeSlot {
  id: string;
  urls: number;
}

/** Hands out numeric task ids; never reuses one, even across resets. */
export class TaskIds {
  private next = FIRST_ID;
  private second = -1;
  private slots = new Map<string, MergeSlot>();
  /** Issue time (virtual ms) of every id handed out since the last reset. */
  private issued = new Map<string, number>();

  /** A fresh id, issued at virtual `now`. */
  fresh(now: number): string {
    const id = String(this.next++);
    this.issued.set(id, now);
    return id;
  }

  /** When `id` was issued (virtual ms), or undefined when this account was never given it (since the last reset). */
  issuedAt(id: string): number | undefined {
    return this.issued.get(id);
  }

  /** The id for `urls` URLs of `domain` submitted at virtual `now`, merged with same-second submits. */
  forDomain(product: Product, domain: string, urls: number, now: number): string {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.slots.clear();
    }
    const key = `${product} ${domain}`;
    const slot = this.slots.get(key);
    if (slot && slot.urls + urls <= MERGE_BATCH) {
      slot.urls += urls;
      return slot.id;
    }
    const fresh = { id: this.fresh(now), urls };
    this.slots.set(key, fresh);
    return fresh.id;
  }

  /** Forgets merge slots and issued ids (ids keep rising, so an old one is never handed out again). */
  clear(): void {
    this.slots.clear();
    this.issued.clear();
    this.second = -1;
  }
}
