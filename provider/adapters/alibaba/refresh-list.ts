/**
 * The refresh family's reconciliation (refresh-api.ts): the prefetch tasks CDN `DescribeRefreshTasks` / DCDN
 * `DescribeDcdnRefreshTasks` list for some URLs since a time (cloud-apis.md §A.1, §A.2), and their URL refresh (purge)
 * tasks the same way (refresh-purge.ts). Both take `ObjectPath` (exact match), `ObjectType` (`preload` for prefetch
 * tasks, `file` for URL refreshes: cdn20180510 `DescribeRefreshTasksRequest.objectType`, seed 002; it is required with
 * `DomainName`, and it keeps the other kind out of the answer), `DomainName`, `StartTime`/`EndTime`
 * (`yyyy-MM-ddTHH:mm:ssZ` UTC, the last 3 days; the window ends at now, reconcile.ts) and `PageNumber`/`PageSize`;
 * they differ only in the page size and the array's wrapper, which the clients unwrap.
 * - at most {@link MAX_FILTERED_LOOKUPS} URLs in canonical form: one lookup per URL with `ObjectPath`;
 * - otherwise: one listing of the account's preload tasks in the window (narrowed with `DomainName` when the spec's
 *   domain covers every URL), matched to the URLs here.
 */
import type { CloudKind } from "../../model/cloud";
import type { FoundTask } from "../../model/task";
import { readAllPages, type ListPage } from "../paging";
import { filterValues, foundTasks, reconcileWindow, type TimeWindow } from "../reconcile";
import { urlKey } from "../url-match";
import type { RefreshTaskItem } from "./refresh-tasks";
import { alibabaUrlStatus } from "./status";
import { isoSeconds } from "./time";

/** The task kind a listing asks for: `preload` (prefetch) or `file` (URL refresh, the purge). */
export type RefreshObjectType = "preload" | "file";

/** One list call's parameters (SDK model field names, shared by both list request models). */
export interface RefreshListParams {
  objectType: RefreshObjectType;
  objectPath?: string;
  domainName?: string;
  startTime: string;
  endTime: string;
  pageNumber: number;
  pageSize: number;
}

/** One list call, unwrapped by the client (`Tasks.CDNTask[]` for CDN, `Tasks.Task[]` for DCDN). */
export type RefreshLister = (p: RefreshListParams) => Promise<ListPage<RefreshTaskItem>>;

/** The product's list call and its paging limits. */
export interface RefreshListApi {
  cloud: CloudKind;
  action: string;
  list: RefreshLister;
  pageSize: number;
  maxPages: number;
  /** The name of `maxPages` in the product's limits.ts, for the error when a listing hits it. */
  guard: string;
}

/**
 * The form the cloud keeps a submitted URL in: with its scheme, `http://` added when it had none. The query APIs echo
 * `ObjectPath` "with a scheme even though the submit did not need one" (§A.1), and the list API's exact-match filter
 * example is `http://example.com/1.txt` (SDK model DescribeRefreshTasksRequest.objectPath).
 */
export function storedObjectPath(url: string): string {
  const text = url.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
}

/** `DomainName` when the spec names the domain and every URL is on it (any other value could hide tasks). */
export function domainNameFor(domain: string | null, urls: readonly string[]): string | undefined {
  if (!domain) return undefined;
  const want = domain.trim().toLowerCase();
  const onDomain = (u: string) => {
    try {
      return new URL(storedObjectPath(u)).hostname.toLowerCase() === want;
    } catch {
      return false;
    }
  };
  return urls.every(onDomain) ? want : undefined;
}

async function listAll(api: RefreshListApi, w: TimeWindow, filter: Pick<RefreshListParams, "objectType" | "objectPath" | "domainName">): Promise<RefreshTaskItem[]> {
  return readAllPages((page) => api.list({
    ...filter, startTime: isoSeconds(w.startMs), endTime: isoSeconds(w.endMs), pageNumber: page + 1, pageSize: api.pageSize,
  }), { cloud: api.cloud, action: api.action, maxPages: api.maxPages, guard: api.guard });
}

/**
 * Found tasks for listed items. An item's `ObjectPath` is compared with the URLs normalized and without the scheme, as
 * the status queries compare them (refresh-tasks.ts): the cloud adds a scheme to what it echoes (§A.1), and which one
 * it adds is only shown for URLs submitted without one (`http://`). Erring this way adopts, at worst, a task of the
 * same host and path under the other scheme; erring the other way would submit a URL the cloud already has. Each item
 * is reported for every submitted URL with that key.
 */
export function foundRefreshTasks(items: readonly RefreshTaskItem[], urls: readonly string[]): FoundTask[] {
  const byKey = new Map<string, string[]>();
  for (const url of urls) byKey.set(urlKey(url, true), [...(byKey.get(urlKey(url, true)) ?? []), url]);
  const out: FoundTask[] = [];
  for (const item of items) {
    const taskId = item.taskId?.trim() ?? "";
    if (!item.objectPath || taskId === "") continue;
    const created = Date.parse(item.creationTime ?? "");
    for (const url of byKey.get(urlKey(item.objectPath, true)) ?? []) {
      out.push({ url, taskId, createdAtMs: Number.isFinite(created) ? created : null, status: alibabaUrlStatus(item.status) });
    }
  }
  return out;
}

/**
 * The tasks of `objectType` (prefetch by default; `file` for the URL refreshes a purge submits) the product lists for
 * `urls` created since `sinceMs` (less the margin), newest first.
 */
export async function findRefreshTasks(api: RefreshListApi, domain: string | null, urls: string[], sinceMs: number,
  nowMs: number, historyDays: number, objectType: RefreshObjectType = "preload"): Promise<FoundTask[]> {
  const window = reconcileWindow(sinceMs, nowMs, historyDays);
  if (window === null || urls.length === 0) return [];
  const domainName = domainNameFor(domain, urls);
  const paths = filterValues(urls, storedObjectPath);
  const items: RefreshTaskItem[] = [];
  if (paths) {
    for (const objectPath of new Set(paths)) items.push(...(await listAll(api, window, { objectType, objectPath, domainName })));
  } else {
    items.push(...(await listAll(api, window, { objectType, domainName })));
  }
  // The server filters by ObjectType; an item that names another kind is still never adopted.
  const ofKind = items.filter((i) => !i.objectType || i.objectType.toLowerCase() === objectType);
  return foundTasks(foundRefreshTasks(ofKind, urls), window.startMs);
}
