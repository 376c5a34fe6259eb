/**
 * The shared base class: a `pulumi.dynamic.Resource` with the normalized outputs every cloud exposes.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CloudKind } from "../provider/model/cloud";
import type { SECRET_INPUT_NAMES } from "../provider/resources/inputs";
import type { TaskStatus, UrlStatus } from "../provider/model/status";
import { shimFor } from "./shim";

/**
 * One URL's result, as exposed in the `results` output. `results` lists only what is not implied: every URL that has
 * not succeeded (pending, running or failed), and a succeeded URL only when it has more to say (a reason from the
 * cloud, or a task id other than its batch's). A URL not listed succeeded (progress 100, no reason).
 */
export interface UrlResultOutput {
  /** The URL's position in `urls`. */
  index: number;
  /** The URL as declared (`urls[index]`). */
  url: string;
  status: UrlStatus;
  /** 0–100; 100 for every finished URL. */
  progress: number;
  /** The vendor's failure type and message, or null. */
  reason: string | null;
  /** The vendor task (job) id the URL belongs to, when known. */
  taskId: string | null;
}

/**
 * One accepted submit call, as exposed in the `batches` output. Its URLs are named by their positions in `urls`
 * (`urlsAt` reads them); the cloud received them percent-encoded where they hold non-ASCII characters, and with the
 * `domain` in front for Alibaba CDN/DCDN `/path` URLs.
 */
export interface BatchOutput {
  /** Task (job) ids the cloud returned for this submit. */
  taskIds: string[];
  /** Positions in `urls` of the URLs submitted, in order: ranges such as `"0-99,150-199"`. */
  urlIndexes: string;
  /** ISO time of the submit. */
  submittedAt: string;
  /** Adopted tasks only: the earliest time the cloud may have created them (where their search starts). */
  windowStart?: string;
}

/** The `mediaSegments` output. */
export interface MediaSegmentsOutput {
  count: number;
  succeeded: number;
  failed: number;
  pending: number;
  failures: { url: string; status: UrlStatus; reason: string | null }[];
}

/**
 * Several URLs with the same result, as exposed in the `resultGroups` output: instead of one `results` entry each,
 * e.g. 2,000 URLs still pending, or 1,000 failed with the origin's one error. Read the URLs with `urlsAt`.
 */
export interface ResultGroupOutput {
  status: UrlStatus;
  progress: number;
  reason: string | null;
  /** Positions in `urls`, as ranges such as `"0-999"`. */
  urlIndexes: string;
}

/** A submit whose outcome is unknown, as exposed in the `uncertainBatches` output. */
export interface UncertainBatchOutput {
  /** Positions in `urls` of the URLs sent, in order: ranges such as `"0-99"` (`urlsAt` reads them). */
  urlIndexes: string;
  /** ISO time the request was sent. */
  attemptedAt: string;
  /** The vendor request id, when the failed answer carried one. */
  requestId: string | null;
  /** `code: message` of the error that left the outcome unknown. */
  error: string;
}

/**
 * The purge phase of the last run (`purgeFirst`), as exposed in the `purge` output. Indexes are positions in `urls`
 * (`urlsAt` reads them); `results` lists only URLs whose purge did not succeed.
 */
export interface PurgeOutput {
  /** `invalidate` or `delete`. */
  method: "invalidate" | "delete";
  /** `running`, `succeeded`, `partiallyFailed` or `failed` — of the purge alone. */
  status: TaskStatus;
  progress: number;
  /** Positions in `urls` of the URLs this run purged (ranges such as `"3,17,999"`). */
  urlIndexes: string;
  urlCount: number;
  succeededCount: number;
  failedCount: number;
  pendingCount: number;
  /** Purge task (job) ids. */
  taskIds: string[];
  /** URLs whose purge failed (they were not prefetched; `results` of the resource says so too). */
  failedUrls: string[];
  submittedAt: string | null;
  finishedAt: string | null;
  verifiedAt: string | null;
  historyAvailable: boolean;
  batches: BatchOutput[];
  uncertainBatches: UncertainBatchOutput[];
  unsubmittedIndexes: string;
  resultGroups: ResultGroupOutput[];
  results: UrlResultOutput[];
}

/** What the last run set out to do, as exposed in the `lastRun` output. */
export interface LastRunOutput {
  /** `create`, `triggers` (everything re-run) or `urls` (only new and changed URLs run). */
  reason: "create" | "triggers" | "urls";
  /** ISO time the run started. */
  at: string;
  /** URLs submitted for prefetch by the run. */
  submittedCount: number;
  /** URLs purged first (`purgeFirst`). */
  purgedCount: number;
  /** Declared URLs left alone because they and their version were unchanged (their results are kept). */
  skippedCount: number;
  /** URLs no longer declared, forgotten by the run. */
  forgottenCount: number;
}

/** Output names, seeded as `undefined` so Pulumi surfaces them (pulumi-dynamic-providers.md §2.9). */
const OUTPUT_NAMES = [
  "cloud", "status", "progress", "taskIds", "batches", "results", "resultGroups", "failedUrls", "urlCount", "succeededCount",
  "failedCount", "pendingCount", "unsubmittedIndexes", "submittedAt", "finishedAt", "verifiedAt", "historyAvailable", "adopted",
  "uncertainBatches", "mediaSegments", "purge", "lastRun",
] as const;

/**
 * Base of every prefetch resource. When `urls` (or `headers`) is a secret in the program, every output that carries
 * a URL (`urls`, `results`, `failedUrls`, `uncertainBatches`, …) or a header value is a secret too, and
 * error messages name URLs by their index (`urls[3]`) instead of spelling them out.
 */
export abstract class PrefetchResource extends pulumi.dynamic.Resource {
  /** Which API family: `edgeone`, `alibaba-cdn`, `alibaba-dcdn` or `alibaba-esa`. */
  declare readonly cloud: pulumi.Output<CloudKind>;
  /** `running`, `succeeded`, `partiallyFailed` or `failed`. */
  declare readonly status: pulumi.Output<TaskStatus>;
  /** 0–100; 100 only when every URL is done. */
  declare readonly progress: pulumi.Output<number>;
  /** Vendor task (job) ids of the current prefetch. */
  declare readonly taskIds: pulumi.Output<string[]>;
  /** Each accepted submit: its task ids, the positions of its URLs in `urls`, and its time. */
  declare readonly batches: pulumi.Output<BatchOutput[]>;
  /**
   * Per-URL status, progress, failure reason and task id for URLs that have not succeeded and share their result with
   * no other URL (those are in `resultGroups`); a URL in neither succeeded. Counts are in `urlCount`,
   * `succeededCount`, `failedCount`.
   */
  declare readonly results: pulumi.Output<UrlResultOutput[]>;
  /**
   * URLs that share one result (status, progress, reason), as groups of positions in `urls`: what `results` would
   * repeat for each. A URL in neither `results` nor `resultGroups` succeeded.
   */
  declare readonly resultGroups: pulumi.Output<ResultGroupOutput[]>;
  /**
   * URLs that ended without warming the edge (failed, timeout, canceled, invalid or rejected): the first 100;
   * `failedCount` counts them all, and `results` / `resultGroups` hold every one.
   */
  declare readonly failedUrls: pulumi.Output<string[]>;
  /** How many URLs the resource declares. */
  declare readonly urlCount: pulumi.Output<number>;
  /** URLs the cloud reports warm. */
  declare readonly succeededCount: pulumi.Output<number>;
  /** URLs that ended without warming the edge (the length of `failedUrls`). */
  declare readonly failedCount: pulumi.Output<number>;
  /** URLs not done yet. */
  declare readonly pendingCount: pulumi.Output<number>;
  /**
   * Positions in `urls` of the URLs not accepted by the cloud yet (a submit was refused mid-way), as ranges such as
   * `"100-199"`; the next `up` submits them. Empty (`""`) in the normal case.
   */
  declare readonly unsubmittedIndexes: pulumi.Output<string>;
  /** ISO time of the first submit. */
  declare readonly submittedAt: pulumi.Output<string | null>;
  /** ISO time every URL was seen done, or null. */
  declare readonly finishedAt: pulumi.Output<string | null>;
  /** ISO time the cloud last reported a change in the results. */
  declare readonly verifiedAt: pulumi.Output<string | null>;
  /** False once the cloud's query API can no longer see the task; the outputs are then the last known state. */
  declare readonly historyAvailable: pulumi.Output<boolean>;
  /** True when the task was adopted through `existingTaskIds`. */
  declare readonly adopted: pulumi.Output<boolean>;
  /**
   * Submits whose answer never arrived (a reset, a timeout, an unreadable reply): their URLs' positions, time and
   * error. The next `pulumi up` (or refresh) asks the cloud's task list and adopts what it finds; only URLs the cloud
   * provably does not have are submitted again. Empty in the normal case.
   */
  declare readonly uncertainBatches: pulumi.Output<UncertainBatchOutput[]>;
  /**
   * EdgeOne with `prefetchMediaSegments: true`: the TS segments EdgeOne prefetched under the job (counts and up to 20
   * failures); null otherwise. They never decide the resource's status. Segments over the daily quota are dropped by
   * EdgeOne without a trace.
   */
  declare readonly mediaSegments: pulumi.Output<MediaSegmentsOutput | null>;

  /** The purge phase of the last run (`purgeFirst`): status, counts, task ids, failures; null when it purged nothing. */
  declare readonly purge: pulumi.Output<PurgeOutput | null>;
  /** What the last run submitted, purged, skipped (unchanged URLs) and forgot (removed URLs); null for adopted tasks. */
  declare readonly lastRun: pulumi.Output<LastRunOutput | null>;

  protected constructor(cloud: CloudKind, type: string, name: string, args: object, opts?: pulumi.CustomResourceOptions) {
    const seeds = Object.fromEntries(OUTPUT_NAMES.map((k) => [k, undefined]));
    const a = args as { progressLabel?: unknown };
    super(shimFor(cloud), name, {
      ...args, progressLabel: a.progressLabel ?? name, secretInputs: secretInputNames(args), ...seeds,
    }, opts, "cdn-prefetch", type);
  }
}

/** An input name the provider accepts in `secretInputs` (the check schema's list). */
type SecretInputName = (typeof SECRET_INPUT_NAMES)[number];

/** Inputs whose values must stay secret in outputs and messages; a `Record` so a name added to the schema is not missed. */
const SECRET_CANDIDATES = Object.keys({ urls: true, headers: true } satisfies Record<SecretInputName, true>) as SecretInputName[];

/**
 * The internal `secretInputs` input: the names of the inputs that are secrets in the program (as a whole or in any
 * element), or `undefined` (input omitted) when none is. The provider never sees secrets as such — the engine strips
 * them for a dynamic provider (acceptSecrets=false) and re-marks only same-named outputs — so this tells it which
 * other outputs and which messages carry secret values (pulumi-dynamic-providers.md §1.6, §2.2).
 */
export async function secretInputNames(args: object): Promise<string[] | undefined> {
  const a = args as Record<string, pulumi.Input<unknown> | undefined>;
  const flags = await Promise.all(SECRET_CANDIDATES.map((k) => (a[k] === undefined ? false : pulumi.isSecret(pulumi.output(a[k])))));
  const names = SECRET_CANDIDATES.filter((_, i) => flags[i]);
  return names.length > 0 ? names : undefined;
}
