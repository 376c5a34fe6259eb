/**
 * DCDN status: `DescribeDcdnRefreshTaskById`, ten ids per call, the refresh family's by-id query
 * (alibaba/refresh-tasks.ts; seed 002). An `InvalidTime` refusal (ids older than the 3-day window) makes
 * `historyUnavailable` true; an answer without a task is never read as "gone". A shared round fills every call with
 * ids of any resource in it and gives each its own ids' answers.
 */
import type { QueryResult, SubmittedBatch } from "../../model/task";
import { queryRefreshById, queryRefreshRound } from "../alibaba/refresh-tasks";
import type { DcdnApi } from "./client";

/** Reads the state of the batches' URLs. */
export function queryDcdn(api: DcdnApi, batches: readonly SubmittedBatch[]): Promise<QueryResult> {
  return queryRefreshById(api, batches);
}

/** Reads the state of several resources' batches in one round (result i for request i). */
export function queryDcdnRound(api: DcdnApi, requests: readonly (readonly SubmittedBatch[])[]): Promise<QueryResult[]> {
  return queryRefreshRound(api, requests);
}
