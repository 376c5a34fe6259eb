/**
 * The parts of the TEO 2022-09-01 request/response shapes the adapter uses (the SDK's `teo_models.d.ts` declares the
 * full ones; these are structurally compatible subsets). Sources: cloud-apis.md §A.4, seed 003.
 */

/** `CreatePrefetchTask` request. `Headers` are `{Name, Value}` pairs; `PrefetchMediaSegments` is "on" | "off". */
export interface CreatePrefetchTaskRequest {
  ZoneId: string;
  Targets?: string[];
  Mode?: string;
  Headers?: { Name: string; Value: string }[];
  PrefetchMediaSegments?: string;
}

/** `CreatePrefetchTask` response. `FailedList` items are `{Reason, Targets[]}` and the list may be null. */
export interface CreatePrefetchTaskResponse {
  JobId?: string;
  FailedList?: { Reason: string; Targets: string[] }[] | null;
  RequestId?: string;
}

/** `DescribePrefetchTasks` request: `job-id` filter or a time range (≤ 7 days) is required. */
export interface DescribePrefetchTasksRequest {
  ZoneId?: string;
  StartTime?: string;
  EndTime?: string;
  Offset?: number;
  Limit?: number;
  Filters?: { Name: string; Values: string[]; Fuzzy?: boolean }[];
}

/** One prefetch task (one URL). */
export interface TeoTask {
  JobId?: string;
  Target?: string;
  Type?: string;
  Status?: string;
  CreateTime?: string;
  UpdateTime?: string;
  FailType?: string;
  FailMessage?: string;
}

/** `DescribePrefetchTasks` response. */
export interface DescribePrefetchTasksResponse {
  TotalCount?: number;
  Tasks?: TeoTask[];
  RequestId?: string;
}

/** One content quota (`Type` `prefetch_url` for URL prefetch). */
export interface TeoQuota {
  Batch: number;
  Daily: number;
  DailyAvailable: number;
  Type: string;
}

/** `DescribeContentQuota` response (both lists may be null). */
export interface DescribeContentQuotaResponse {
  PurgeQuota?: TeoQuota[] | null;
  PrefetchQuota?: TeoQuota[] | null;
  RequestId?: string;
}
