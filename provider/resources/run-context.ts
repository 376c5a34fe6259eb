/**
 * What one create/update/read needs to talk to the cloud: the adapter, the spec, the URL forms, the clock and the
 * progress channel.
 */
import type { PrefetchAdapter } from "../adapters/types";
import type { Clock } from "../engine/clock";
import type { CloudKind } from "../model/cloud";
import type { PrefetchSpec } from "../model/spec";

/** The per-run working set. */
export interface RunContext {
  cloud: CloudKind;
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
   * How many tasks earlier runs created per URL (by the URL key, model/url.ts): when a cloud lists tasks under ids of
   * their own (ESA per-URL ids), a listing with no more tasks for a URL than earlier runs made holds none of ours.
   */
  previousTasksPerUrl: ReadonlyMap<string, number>;
}

/** The declared URL for a submitted form (identity when unknown). */
export function declaredUrl(ctx: RunContext, submitted: string): string {
  return ctx.declaredOf.get(submitted) ?? submitted;
}
