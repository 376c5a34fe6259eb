/**
 * DCDN reconciliation: `DescribeDcdnRefreshTasks` (`ObjectPath`, `ObjectType=preload`, `DomainName`, time window;
 * cloud-apis.md §A.2), the refresh family's listing (alibaba/refresh-list.ts).
 */
import type { AlibabaCdnSpec } from "../../model/spec";
import type { FoundTask } from "../../model/task";
import { findRefreshTasks } from "../alibaba/refresh-list";
import type { DcdnApi } from "./client";
import { DCDN_LIMITS } from "./limits";

/** The tasks DCDN lists for `urls` created since `sinceMs` (less the margin), newest first. */
export function findTasksDcdn(api: DcdnApi, spec: AlibabaCdnSpec, urls: string[], sinceMs: number, nowMs: number): Promise<FoundTask[]> {
  return findRefreshTasks(api.list, spec.domain, urls, sinceMs, nowMs, DCDN_LIMITS.historyDays);
}
