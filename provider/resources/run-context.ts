/**
 * What one create/update/read needs to talk to the cloud: the adapter, the spec, the URL forms, the clock and the
 * progress channel.
 */
import type { PrefetchAdapter } from "../adapters/types";
import type { Clock } from "../engine/clock";
import type { CloudKind } from "../model/cloud";
import type { PrefetchSpec } from "../model/spec";
import type { SubmittedBatch } from "../model/task";
import { urlKey } from "../model/url";

/** The per-run working set. */
export interface RunContext {
  cloud: CloudKind;
  /** Which side of the run this context drives: the prefetch, or the purge before it (`purgeFirst`, purge-phase.ts). */
  phase: "prefetch" | "purge";
  adapter: PrefetchAdapter;
  spec: PrefetchSpec;
  clock: Clock;
  /** Progress and warning lines (the host's stdout: they become `pulumi up` info lines). */
  log: (line: string) => void;
  /** Names the resource in progress lines. */
  label: string;
  /** Declared URL → the form the API receives, for URLs sent otherwise than declared only (spec.ts `submitForms`). */
  forms: Map<string, string>;
  /** Submitted form → declared URL, for those same URLs ({@link declaredUrl} falls back to the form itself). */
  declaredOf: Map<string, string>;
  /** How long after a submit "not listed by the cloud" still proves nothing, ms. */
  graceMs: number;
  /** Task ids of earlier runs of this resource (a `triggers` re-run): never adopted when reconciling. */
  previousTaskIds: ReadonlySet<string>;
  /**
   * When earlier runs created tasks, per URL (by the URL key, model/url.ts; submit times in ms): when a cloud lists
   * tasks under ids of their own (ESA per-URL ids), a listing with no more tasks for a URL than earlier runs made
   * within its window holds none of ours.
   */
  previousTasksPerUrl: ReadonlyMap<string, readonly number[]>;
}

/** The declared URL for a submitted form (identity when unknown). */
export function declaredUrl(ctx: RunContext, submitted: string): string {
  return ctx.declaredOf.get(submitted) ?? submitted;
}

/** Task ids and per-URL task counts of earlier runs' batches (see {@link RunContext.previousTaskIds}). */
export function previousOf(batches: readonly SubmittedBatch[]): Pick<RunContext, "previousTaskIds" | "previousTasksPerUrl"> {
  const perUrl = new Map<string, number[]>();
  for (const b of batches) {
    const at = Date.parse(b.submittedAt);
    for (const u of b.urls) perUrl.set(urlKey(u, true), [...(perUrl.get(urlKey(u, true)) ?? []), Number.isFinite(at) ? at : 0]);
  }
  return { previousTaskIds: new Set(batches.flatMap((b) => b.taskIds)), previousTasksPerUrl: perUrl };
}
