/**
 * The untouched-job probe of an EdgeOne status round (issue 9: a 10,000-URL wait re-read 1,000-task pages every second
 * for the ~20 s before any URL finished; each page is ~300 KB of JSON the host parses, and that steady garbage kept the
 * host's heap from ever shrinking, host memory).
 *
 * Before reading a large job alone, a round asks `DescribePrefetchTasks` with the `job-id` and `statuses: processing`
 * filters and `Limit: 1` (seed 003: both filters, `TotalCount` is the "total number of items in the query condition").
 * When the answer proves that every URL of the job is still processing — `TotalCount` equals the job's submitted URL
 * count and the one task listed is the job's and `processing` — there is nothing new to observe: the round reports no
 * task for the job, its URLs keep their recorded state, and the answer cost one task instead of a page. Any other
 * answer (fewer processing: some finished; more: media segments; no count; a refusal such as an unknown job id, EO-21)
 * and the job is read in full as before, in the same round. The probe never observes a URL and can only delay an
 * observation, never end a wait: NEVER DONE EARLY stays with the full reads.
 *
 * Once a full read has seen a URL of the job terminal the job is past its start, probes would cost a call each round
 * for nothing, and it is read in full from then on (remembered per batch object, so it lasts one wait). Probed only:
 * jobs of at least {@link PROBE_MIN_URLS} URLs, young enough for the range-less `job-id` query (EO-14), without media
 * segments (their tasks make the count ambiguous).
 */
import { isCloudError, type ErrorKind } from "../../model/errors";
import { isTerminal } from "../../model/status";
import type { SubmittedBatch } from "../../model/task";
import type { TeoApi, TeoTask } from "./client";
import { edgeOneUrlStatus } from "./status";

/**
 * Smallest job probed: below it a full read answers under ~30 KB (about 300 B of JSON per task, seed 003's example),
 * and the probe's extra call when the job starts finishing would cost more than it saves.
 */
export const PROBE_MIN_URLS = 100;

/** The `statuses` value of a running task (seed 003: "processing: processing"). */
const PROCESSING = "processing";

/** Batches whose job a full read has seen partly finished. */
const touched = new WeakSet<SubmittedBatch>();

/** The kinds a query round is retried on (engine/retry.ts): the probe rethrows them, as a read would. */
const RETRIED_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(["throttled", "busy", "unreached", "transient"]);

/** True when the job carried by `own` (`urls` URLs in all) may be probed in this round. */
export function probeable(own: readonly SubmittedBatch[], urls: number, young: boolean, mediaSegments: boolean): boolean {
  return young && !mediaSegments && urls >= PROBE_MIN_URLS && own.length > 0 && !own.some((b) => touched.has(b));
}

/** True when the cloud's answer proves every one of the job's `urls` URLs is still processing (file comment). */
export async function untouched(api: TeoApi, zoneId: string, jobId: string, urls: number): Promise<boolean> {
  let res: Awaited<ReturnType<TeoApi["DescribePrefetchTasks"]>>;
  try {
    res = await api.DescribePrefetchTasks({
      ZoneId: zoneId, Offset: 0, Limit: 1,
      Filters: [{ Name: "job-id", Values: [jobId] }, { Name: "statuses", Values: [PROCESSING] }],
    });
  } catch (e) {
    if (isCloudError(e) && RETRIED_KINDS.has(e.kind)) throw e;
    return false;
  }
  const first = res.Tasks?.[0];
  return res.TotalCount === urls && first !== undefined && first.JobId === jobId && first.Status === PROCESSING;
}

/** Takes in a full read of the job carried by `own`: once a URL of it is terminal, it is not probed again. */
export function noteRead(own: readonly SubmittedBatch[], tasks: readonly TeoTask[]): void {
  if (tasks.some((t) => isTerminal(edgeOneUrlStatus(t.Status)))) for (const b of own) touched.add(b);
}
