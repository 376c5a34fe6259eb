/**
 * ESA task status → the normalized model. `DescribePreloadTasks` items (seed 001) carry `Status`
 * (`Complete | Refreshing | Failed`), `Process` ("100%") and `Description` (the failure, e.g. "Internal Error"): the
 * refresh family's vocabulary (alibaba/status.ts), with `Content` for the URL.
 */
import type { UrlStatus } from "../../model/status";
import type { UrlObservation } from "../../model/task";
import { observeTask } from "../alibaba/refresh-tasks";
import { alibabaUrlStatus } from "../alibaba/status";
import type { EsaTask } from "./client";

/** The normalized status of an ESA `Status` (unknown or empty: `running`, alibaba/status.ts). */
export function esaUrlStatus(status: string | undefined | null): UrlStatus {
  return alibabaUrlStatus(status);
}

/** One URL's observation from the task found for it (`url` as submitted). */
export function esaObservation(url: string, task: EsaTask): UrlObservation {
  return observeTask(url, { taskId: task.taskId, objectPath: task.content, status: task.status, process: task.process, description: task.description });
}
