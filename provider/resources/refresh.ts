/**
 * `read` (pulumi refresh): reconciles uncertain submits and re-queries the live batches once. Batches older than the
 * cloud's history window are not queried: their last known results are kept and `historyAvailable` turns false; the
 * resource is never dropped from state. A query that fails for a reason that proves nothing (throttling, a transient
 * error, an unreachable endpoint) keeps the last known state and says so; credential and permission errors fail the
 * refresh, with a message that says what to do.
 */
import { isRetryableKind } from "../engine/retry";
import { isCloudError } from "../model/errors";
import { Journal } from "./contract";
import { describeCloudError, describeFailure } from "./errors";
import { runContext, type Lifecycle } from "./lifecycle";
import { mergeObservations, pollOnce } from "./poll";
import { reconcileOnce } from "./reconcile";
import { createRedactor, markSecretOutputs } from "./secrets";
import { purgeOpen } from "./changes";
import { purgeContext, purgeJournal } from "./purge-phase";
import type { RunContext } from "./run-context";
import { buildOutputs, holdsCloudWork, recordFromOutputs } from "./state";

/** True for errors after which the last known state is kept: the ones a query retries, which prove nothing. */
function keepsState(e: unknown): boolean {
  return isCloudError(e) && isRetryableKind(e.kind, "query");
}

/** Reconciles the unfinished purge phase once and re-reads its live purge tasks. */
async function refreshPurge(ctx: RunContext, journal: Journal): Promise<void> {
  const pj = purgeJournal(journal);
  const pctx = purgeContext(ctx, journal.record.purge!, null);
  if (pj.record.uncertainBatches.length > 0) await reconcileOnce(pctx, pj);
  if (pj.record.batches.length > 0) await pollOnce(pctx, pj);
}

/** Returns refreshed outputs for stored outputs `props`. */
export async function refreshRecord(lc: Lifecycle, props: Record<string, unknown>): Promise<Record<string, unknown>> {
  const secrets = ((lc.inputs as { secretInputs?: string[] }).secretInputs ?? []).filter((x) => typeof x === "string");
  const journal = new Journal(recordFromOutputs(props));
  const done = () => markSecretOutputs(buildOutputs(lc.cloud, props, journal.record), secrets);
  if (!holdsCloudWork(journal.record)) return done();
  if (props.zoneId === "*") {
    lc.log(`prefetch ${lc.inputs.progressLabel || lc.cloud}: refresh kept the last known state: zoneId * has no documented status query`);
    return done();
  }
  const ctx = { ...runContext(lc), label: lc.inputs.progressLabel || lc.cloud };
  const redact = createRedactor(secrets, lc.urls, lc.urls.map((u) => ctx.forms.get(u) ?? u), Object.values(lc.inputs.headers ?? {}));
  try {
    if (purgeOpen(journal.record.purge)) await refreshPurge(ctx, journal);
    if (journal.record.uncertainBatches.length > 0) await reconcileOnce(ctx, journal);
    if (journal.record.batches.length > 0) await pollOnce(ctx, journal);
    else journal.set(mergeObservations(ctx, journal.record, [], false));
  } catch (e) {
    if (!keepsState(e)) {
      const ids = [...new Set(journal.record.batches.flatMap((b) => b.taskIds))].join(",") || "none confirmed";
      const why = isCloudError(e) ? describeFailure(e, lc.clock.now()) : (e as Error).message;
      throw new Error(redact(`${why} The refresh changed nothing in the stack (tasks ${ids}).`));
    }
    ctx.log(redact(`prefetch ${ctx.label}: warning: refresh kept the last known state: ${describeCloudError(e as never)}`));
  }
  return done();
}
