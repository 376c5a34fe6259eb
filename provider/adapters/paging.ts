/**
 * Reading every page of a vendor list API, with a guard against answers that never end. A listing is never cut short
 * silently: a partial list could hide a task (reconciliation would then resubmit it) or a URL's state. It stops early
 * only when the caller says the pages read hold everything it needs (`enough`, e.g. every wanted URL was found);
 * reaching the guard first is an error naming the guard.
 */
import type { CloudKind } from "../model/cloud";
import { CloudError } from "../model/errors";

/** One page as the caller's list call returned it. */
export interface ListPage<T> {
  items: T[];
  /** The vendor's `TotalCount`, or null when absent. */
  total: number | null;
}

/** How to page one listing. */
export interface PagingOptions<T> {
  cloud: CloudKind;
  /** The vendor action, for the error. */
  action: string;
  /** Most pages read before giving up: a guard against a `TotalCount` that never stops growing. */
  maxPages: number;
  /** The guard's name in the adapter's limits.ts (e.g. `ESA_MAX_PAGES`), for the error. */
  guard?: string;
  /**
   * Optional early stop: checked after every page; once the pages read so far hold everything the caller needs, the
   * rest of the listing is not read (e.g. every wanted URL was found).
   */
  enough?: (items: readonly T[]) => boolean;
}

/**
 * Reads pages until the vendor's `TotalCount` is reached, a page comes back empty, or `enough` (if given) is satisfied.
 * `fetch(pageIndex, read)` gets the 0-based page index and the number of items read so far (for `Offset`-style APIs).
 * Throws a `transient` CloudError `TooManyPages` naming the action and the guard when `maxPages` pages did not finish
 * the listing: it is never used incomplete.
 */
export async function readAllPages<T>(fetch: (pageIndex: number, read: number) => Promise<ListPage<T>>,
  o: PagingOptions<T>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; page < o.maxPages; page++) {
    const got = await fetch(page, items.length);
    items.push(...got.items);
    if (got.items.length === 0 || items.length >= (got.total ?? 0)) return items;
    if (o.enough?.(items)) return items;
  }
  const guard = o.guard ? ` (page guard ${o.guard})` : "";
  throw new CloudError(o.cloud, "transient", "TooManyPages",
    `${o.action} returned more than ${o.maxPages} pages (${items.length} items)${guard} and the listing was stopped rather than ` +
    "used incomplete; retry later, or submit fewer URLs per resource", null, null, null, o.action);
}
