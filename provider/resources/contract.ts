/**
 * The lifecycle contract, enforced in one place.
 *
 * - **Never lose.** Every create/update runs inside {@link guarded}. The {@link Journal} holds the task record as it
 *   changes; a submit is entered as an *uncertain batch* before its request leaves the process. Whatever ends the run
 *   — success, failure policy, timeout, or any error thrown by any layer — once the journal holds cloud work the
 *   result reaches Pulumi with the resource id and complete outputs: as outputs, or as a partial failure
 *   (`ErrorResourceInitFailed`, which the engine stores as the resource's state).
 * - **Never twice.** A submit whose outcome is unknown stays an uncertain batch until the cloud's task list has been
 *   asked (`reconcile.ts`); only URLs the cloud provably does not have are submitted again.
 * - **Never done early.** A run returns success only when {@link unfinishedWork} finds nothing: every URL terminal,
 *   nothing unsubmitted or uncertain, the failure policy met. The same predicate makes `diff` ask for an update while
 *   work is unfinished, so a refresh (which clears the engine's init errors, pulumi/pulumi#17949) cannot hide it.
 */
import type { CloudKind } from "../model/cloud";
import { isCloudError } from "../model/errors";
import { describeFailure, partialFailure, type PartialFailure } from "./errors";
import { packForFailure } from "./packing";
import { buildOutputs, holdsCloudWork, type TaskRecord } from "./state";
import { summarize, violatesPolicy, type FailurePolicy } from "./summary";

/** The record of one run, updated at every step that changes what the cloud may hold. */
export class Journal {
  constructor(public record: TaskRecord) {}

  /** Replaces the record (every change goes through here, so the boundary always sees the latest). */
  set(record: TaskRecord): TaskRecord {
    this.record = record;
    return record;
  }
}

/** A run that ended without success; the boundary attaches the id and outputs. */
export class RunFailure extends Error {
  override readonly name = "RunFailure";
  constructor(message: string, readonly reasons: string[] = [message]) {
    super(message);
  }
}

/** What the boundary needs to turn any ending into something Pulumi records. */
export interface Boundary {
  cloud: CloudKind;
  /** The inputs as the host passed them (with `__provider`). */
  raw: Record<string, unknown>;
  journal: Journal;
  /** The resource id for the current record. */
  id: (rec: TaskRecord) => string;
  /** True for an update: the resource exists, so every ending is recorded. */
  exists: boolean;
  /** Final touch on outputs and messages (secret marking and redaction). */
  outputs: (outs: Record<string, unknown>) => Record<string, unknown>;
  redact: (text: string) => string;
  /** The provider's clock (for quota reset times in messages). */
  now: () => number;
  /** True when some input was a secret: packed outputs are then a secret as a whole (packing.ts). */
  secret: boolean;
}

/**
 * Runs `body`; converts any error into a partial failure carrying the id and complete outputs as soon as the journal
 * holds cloud work (or the resource already exists). Before that, the error is thrown as is (nothing to record), with
 * its message redacted.
 */
export async function guarded<T>(b: Boundary, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const rec = b.journal.record;
    const holds = holdsCloudWork(rec);
    const base = isCloudError(err) ? describeFailure(err, b.now()) : err.message;
    const message = b.redact(err instanceof RunFailure || !holds ? base : `${base}\n${resumeNote(rec)}`);
    const reasons = (err instanceof RunFailure ? err.reasons : [message]).map(b.redact);
    if (!b.exists && !holds) throw Object.assign(new Error(message), { name: err.name });
    const outs = packForFailure(b.outputs(buildOutputs(b.cloud, b.raw, rec)), b.secret);
    throw partialFailure(message, b.id(rec), outs, reasons) as PartialFailure;
  }
}

/** What is recorded and what the next `pulumi up` does with it. */
export function resumeNote(rec: TaskRecord): string {
  const ids = [...new Set(rec.batches.flatMap((x) => x.taskIds))];
  const tasks = ids.length > 0 ? `tasks ${ids.join(",")}` : "no confirmed task yet";
  const open = unfinishedWork(rec, { allowedFailures: null, allowedFailurePercent: null }, true);
  return `Recorded in the stack: ${tasks}${open ? `; ${open}` : ""}. Run \`pulumi up\` again to resume: nothing the cloud ` +
    "accepted is submitted again.";
}

/** Why the work of a record is not finished, or null when it is (every URL terminal and the policy met). */
export function unfinishedWork(rec: TaskRecord, policy: FailurePolicy, waiting: boolean): string | null {
  const purge = unfinishedPurge(rec);
  if (purge !== null) return purge;
  const s = summarize(rec.results);
  if (rec.uncertainBatches.length > 0) {
    const n = rec.uncertainBatches.reduce((a, u) => a + u.urls.length, 0);
    return `${n} URLs were sent but the cloud's answer never arrived; they are reconciled with the cloud's task list before anything is sent again`;
  }
  if (rec.unsubmittedUrls.length > 0) return `${rec.unsubmittedUrls.length} URLs are not submitted yet`;
  if (s.pendingCount > 0 && waiting) return `${s.pendingCount} of ${s.urlCount} URLs are still in progress`;
  if (s.pendingCount === 0 && violatesPolicy(s, policy)) return `${s.failedCount} of ${s.urlCount} URLs failed, more than the failure policy allows`;
  return null;
}

/** Why the purge phase of a record is not finished (its prefetch waits for it, `wait: false` or not), or null. */
function unfinishedPurge(rec: TaskRecord): string | null {
  const p = rec.purge;
  if (!p) return null;
  const sent = p.uncertainBatches.reduce((a, u) => a + u.urls.length, 0);
  if (sent > 0) return `${sent} URLs were sent for purging but the cloud's answer never arrived; they are reconciled with the cloud's purge task list before anything is purged again`;
  if (p.unsubmittedUrls.length > 0) return `${p.unsubmittedUrls.length} URLs are not purged yet (their prefetch follows the purge)`;
  const s = summarize(p.results);
  if (s.pendingCount > 0) return `the purge of ${s.pendingCount} of ${s.urlCount} URLs is still in progress (their prefetch follows it)`;
  return null;
}
