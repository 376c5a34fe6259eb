/**
 * DCDN status: `DescribeDcdnRefreshTaskById`, ten ids per call, the refresh family's by-id query
 * (alibaba/refresh-tasks.ts; seed 002). An `InvalidTime` refusal (ids older than the 3-day window) makes
 * `historyUnavailable` true; an answer without a task is never read as "gone".
 */
import type { QueryResult, SubmittedBatch } from "../../model/task";
import { queryRefreshById } from "../alibaba/refresh-tasks";
import type { DcdnApi } from "./client";

/** Reads the state of the batches' URLs. */
export function queryDcdn(api: DcdnApi, batches: readonly SubmittedBatch[]): Promise<QueryResult> {
  return queryRefreshById(api, batches);
}
