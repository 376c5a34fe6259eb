/**
 * `read` (pulumi refresh): re-queries the cloud. When the cloud can no longer see the task (aged out of its query
 * window, or gone), the last known results are kept and `historyAvailable` turns false: the resource is never
 * dropped from state.
 */
import { isCloudError } from "../model/errors";
import type { Lifecycle } from "./lifecycle";
import { pollOnce } from "./run";
import { specFromInputs, submitForms } from "./spec";
import { buildOutputs, recordFromOutputs } from "./state";

/** Returns refreshed outputs for stored outputs `props`. */
export async function refreshRecord(lc: Lifecycle, props: Record<string, unknown>): Promise<Record<string, unknown>> {
  let rec = recordFromOutputs(props);
  if (rec.batches.length === 0 || !rec.historyAvailable) return buildOutputs(lc.cloud, props, rec);
  const ctx = { adapter: lc.adapter(), clock: lc.clock, log: lc.log, label: lc.cloud };
  try {
    rec = await pollOnce(ctx, specFromInputs(lc.cloud, lc.inputs), rec, submitForms(lc.cloud, lc.inputs));
  } catch (e) {
    if (!(isCloudError(e) && e.kind === "notFound")) throw e;
    rec = { ...rec, historyAvailable: false };
  }
  return buildOutputs(lc.cloud, props, rec);
}
