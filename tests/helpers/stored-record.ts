/**
 * Reading stored outputs in tests the way the provider reads them (provider/resources/state.ts `recordFromOutputs`):
 * the outputs name URLs by position and list only the results that did not succeed, so facts about every URL are
 * asserted on the decoded record.
 */
import type { UrlResult } from "../../provider/model/task";
import { recordFromOutputs, type TaskRecord } from "../../provider/resources/state";

/** The task record stored outputs hold (every URL spelled out). */
export function storedRecord(outs: Record<string, unknown> | undefined): TaskRecord {
  return recordFromOutputs(outs ?? {});
}

/** Every URL's result, in declared order. */
export function storedResults(outs: Record<string, unknown> | undefined): UrlResult[] {
  return storedRecord(outs).results;
}
