/**
 * The shared base class: a `pulumi.dynamic.Resource` with the normalized outputs every cloud exposes.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CloudKind } from "../provider/model/cloud";
import type { SECRET_INPUT_NAMES } from "../provider/resources/inputs";
import type { TaskStatus, UrlStatus } from "../provider/model/status";
import { shimFor } from "./shim";

/** One URL's result, as exposed in the `results` output. */
export interface UrlResultOutput {
  url: string;
  status: UrlStatus;
  progress: number;
  reason: string | null;
  taskId: string | null;
}

/** One accepted submit call, as exposed in the `batches` output. */
export interface BatchOutput {
  taskIds: string[];
  urls: string[];
  submittedAt: string;
}

/** The `mediaSegments` output. */
export interface MediaSegmentsOutput {
  count: number;
  succeeded: number;
  failed: number;
  pending: number;
  failures: { url: string; status: UrlStatus; reason: string | null }[];
}

/** A submit whose outcome is unknown, as exposed in the `uncertainBatches` output. */
export interface UncertainBatchOutput {
  urls: string[];
  attemptedAt: string;
  requestId: string | null;
  error: string;
}

/** Output names, seeded as `undefined` so Pulumi surfaces them (pulumi-dynamic-providers.md §2.9). */
const OUTPUT_NAMES = [
  "cloud", "status", "progress", "taskIds", "batches", "results", "failedUrls", "urlCount", "succeededCount",
  "failedCount", "pendingCount", "unsubmittedUrls", "submittedAt", "finishedAt", "verifiedAt", "historyAvailable", "adopted",
  "uncertainBatches", "mediaSegments",
] as const;

/**
 * Base of every prefetch resource. When `urls` (or `headers`) is a secret in the program, every output that carries
 * a URL (`urls`, `results`, `batches`, `failedUrls`, `unsubmittedUrls`, …) or a header value is a secret too, and
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
  /** Each accepted submit: its task ids, URLs and time. */
  declare readonly batches: pulumi.Output<BatchOutput[]>;
  /** Per-URL status, progress and failure reason. */
  declare readonly results: pulumi.Output<UrlResultOutput[]>;
  /** URLs that ended without warming the edge (failed, timeout, canceled, invalid or rejected). */
  declare readonly failedUrls: pulumi.Output<string[]>;
  declare readonly urlCount: pulumi.Output<number>;
  declare readonly succeededCount: pulumi.Output<number>;
  declare readonly failedCount: pulumi.Output<number>;
  /** URLs not done yet. */
  declare readonly pendingCount: pulumi.Output<number>;
  /** URLs not accepted by the cloud yet (a submit was refused mid-way); the next `up` submits them. */
  declare readonly unsubmittedUrls: pulumi.Output<string[]>;
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
   * Submits whose answer never arrived (a reset, a timeout, an unreadable reply): their URLs, time and error. The next
   * `pulumi up` (or refresh) asks the cloud's task list and adopts what it finds; only URLs the cloud provably does not
   * have are submitted again. Empty in the normal case.
   */
  declare readonly uncertainBatches: pulumi.Output<UncertainBatchOutput[]>;
  /**
   * EdgeOne with `prefetchMediaSegments: true`: the TS segments EdgeOne prefetched under the job (counts and up to 20
   * failures); null otherwise. They never decide the resource's status. Segments over the daily quota are dropped by
   * EdgeOne without a trace.
   */
  declare readonly mediaSegments: pulumi.Output<MediaSegmentsOutput | null>;

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
