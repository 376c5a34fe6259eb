/**
 * CDN reconciliation: `DescribeRefreshTasks` (`ObjectPath`, `ObjectType=preload`, `DomainName`, time window;
 * cloud-apis.md §A.1), the refresh family's listing (alibaba/refresh-list.ts).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { FoundTask } from "../../model/task";
import { findRefreshTasks } from "../alibaba/refresh-list";
import type { CdnApi } from "./client";
import { CDN_LIMITS } from "./limits";

/** The tasks CDN lists for `urls` created since `sinceMs` (less the margin), newest first. */
export function findTasksCdn(api: CdnApi, spec: AlibabaCdnSpec, urls: string[], sinceMs: number, nowMs: number): Promise<FoundTask[]> {
  return findRefreshTasks(api.list, spec.domain, urls, sinceMs, nowMs, CDN_LIMITS.historyDays);
}
