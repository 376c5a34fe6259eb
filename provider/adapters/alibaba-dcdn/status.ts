/**
 * DCDN task status → the normalized model: `DescribeDcdnRefreshTaskById` / `DescribeDcdnRefreshTasks` items carry
 * `Status` (`Complete | Pending | Refreshing | Failed`), `Process` ("100%", or "10" without the sign in one SDK example)
 * and `Description` (the failure) (seed 002, cloud-apis.md §A.2): the refresh family's vocabulary (alibaba/status.ts,
 * alibaba/refresh-tasks.ts `observeTask`), which this re-states for DCDN.
 */
import type { UrlStatus } from "../../model/status";
import { alibabaUrlStatus } from "../alibaba/status";

/** The normalized status of a DCDN task `Status` (unknown or empty: `running`, alibaba/status.ts). */
export function dcdnUrlStatus(status: string | undefined | null): UrlStatus {
  return alibabaUrlStatus(status);
}
