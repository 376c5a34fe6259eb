/**
 * Progress lines for a blocking wait. Inside Pulumi's dynamic-provider host, stdout lines become `pulumi up` info
 * lines (shared reference pulumi-dynamic-providers.md §1.1 point 4): the only channel a blocking `create` has. So
 * the reporter prints one concise line, and only when it says something new, at most once per interval.
 */
import type { Clock } from "./clock";

/** One progress snapshot. */
export interface ProgressSnapshot {
  /** 0–100. */
  progress: number;
  /** URLs that reached a terminal status (succeeded or not). */
  done: number;
  total: number;
  /** URLs that ended without warming the edge. */
  failed: number;
  /** URLs the cloud is working on, when known. */
  running?: number;
}

/** Options of {@link createProgressReporter}. */
export interface ProgressReporterOptions {
  clock: Clock;
  /** Smallest gap between two printed lines, in ms (default {@link PROGRESS_DEFAULTS}.minIntervalMs). */
  minIntervalMs?: number;
  log: (line: string) => void;
  /** Names the wait in every line, e.g. the resource name. */
  label: string;
}

/** Prints progress lines without flooding. */
export interface ProgressReporter {
  /** Prints on the first call; later only if the line changed and `minIntervalMs` passed since the last print. */
  report(p: ProgressSnapshot): void;
  /**
   * Prints the outcome unless the last printed line already says exactly that (the final poll's report often does):
   * the outcome is always visible, never twice in a row.
   */
  final(p: ProgressSnapshot): void;
}

/** Defaults of {@link ProgressReporterOptions}. */
export const PROGRESS_DEFAULTS = {
  /**
   * terraform-provider-aws throttles its invalidation-wait progress to one message per 60 s
   * (https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/cloudfront/create_invalidation_action.go);
   * prefetches take minutes, not a quarter hour, so one line per 10 s.
   */
  minIntervalMs: 10_000,
};

/** `prefetch site-assets: 62% — 31/50 URLs done, 1 failed` (plus `, N running` when given). */
export function formatProgress(label: string, p: ProgressSnapshot): string {
  const pct = Number.isFinite(p.progress) ? Math.floor(Math.min(100, Math.max(0, p.progress))) : 0;
  const running = p.running !== undefined ? `, ${p.running} running` : "";
  return `prefetch ${label}: ${pct}% — ${p.done}/${p.total} URLs done, ${p.failed} failed${running}`;
}

/** Creates a {@link ProgressReporter}. */
export function createProgressReporter(opts: ProgressReporterOptions): ProgressReporter {
  const minIntervalMs = opts.minIntervalMs ?? PROGRESS_DEFAULTS.minIntervalMs;
  const state: { line: string | null; at: number } = { line: null, at: 0 };
  const print = (line: string) => {
    state.line = line;
    state.at = opts.clock.now();
    opts.log(line);
  };
  return {
    report(p) {
      const line = formatProgress(opts.label, p);
      if (state.line === null) return print(line);
      if (line !== state.line && opts.clock.now() - state.at >= minIntervalMs) print(line);
    },
    final(p) {
      const line = formatProgress(opts.label, p);
      if (line !== state.line) print(line);
    },
  };
}
