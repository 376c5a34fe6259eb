/**
 * The purge phase of a run (`purgeFirst`, issue 11): the URLs a run warms are purged first, and their prefetch is
 * submitted only once the purge has finished — the vendors' order (Alibaba CDN "Purge and prefetch FAQ": purge, wait
 * for it to complete, then prefetch; ledger EDGE-1).
 *
 * The phase is driven by the same machinery as the prefetch, so the lifecycle contract holds for it word for word: the
 * purge side of the adapter is presented as a {@link PrefetchAdapter} ({@link purgeSide}), the phase's record lives
 * inside the run's record (`TaskRecord.purge`, written through {@link purgeJournal}), every purge request is journalled
 * as uncertain before it leaves the process, an uncertain purge is reconciled with the cloud's purge task list before
 * anything is purged again (`PurgeAdapter.findTasks`), and the wait resumes on the next `up` when the budget ends.
 */
import type { PrefetchAdapter } from "../adapters/types";
import { isFailure } from "../model/status";
import type { UrlResult } from "../model/task";
import { RunFailure, type Journal } from "./contract";
import { previousOf, type RunContext } from "./run-context";
import type { PurgeRecord, TaskRecord } from "./state";

/** The purge side of `a` with the prefetch adapter's shape (its submit purges with `method`). */
export function purgeSide(a: PrefetchAdapter, method: PurgeRecord["method"]): PrefetchAdapter {
  const p = a.purge;
  if (!p) throw new RunFailure(`${a.cloud}: this provider's adapter has no purge API, so purgeFirst cannot be used with it`);
  return {
    cloud: a.cloud,
    limits: { ...a.limits, urlsPerRequest: p.urlsPerRequest },
    submit: (spec, urls) => p.submit(spec, urls, method),
    query: (spec, batches) => p.query(spec, batches),
    quota: (spec, how) => p.quota(spec, how),
    findTasks: (spec, urls, sinceMs) => p.findTasks(spec, urls, sinceMs),
  };
}

/** The context of the purge phase: the purge side of the adapter, its own label and earlier runs' purge tasks. */
export function purgeContext(ctx: RunContext, purge: PurgeRecord, previousPurges: PurgeRecord | null): RunContext {
  return {
    ...ctx, phase: "purge", adapter: purgeSide(ctx.adapter, purge.method), label: `${ctx.label} (purge)`,
    ...previousOf(previousPurges?.batches ?? []),
  };
}

/** A journal of the purge record inside `parent`'s record: every change is a change of the run's record. */
export function purgeJournal(parent: Journal): Journal {
  const view = {
    get record(): TaskRecord {
      return parent.record.purge!;
    },
    set(record: TaskRecord): TaskRecord {
      const method = parent.record.purge!.method;
      parent.set({ ...parent.record, purge: { ...record, purge: null, lastRun: null, method } });
      return record;
    },
  };
  return view as Journal;
}

/**
 * Applies a finished purge to the run's record: a URL whose purge failed (or was refused) is not prefetched — it
 * leaves the unsubmitted list and fails with the purge's reason. URLs whose purge succeeded stay to be prefetched.
 */
export function afterPurge(rec: TaskRecord): TaskRecord {
  const failed = new Map((rec.purge?.results ?? []).filter((r) => isFailure(r.status)).map((r) => [r.url, r]));
  if (failed.size === 0) return rec;
  const held = new Set(rec.unsubmittedUrls.filter((u) => failed.has(u)));
  if (held.size === 0) return rec;
  const results = rec.results.map((r): UrlResult => {
    const p = failed.get(r.url);
    if (!p || !held.has(r.url)) return r;
    return { url: r.url, status: "failed", progress: 100, taskId: null, reason: `purge ${p.status}${p.reason ? `: ${p.reason}` : ""} (task ${p.taskId ?? "?"}); not prefetched` };
  });
  return { ...rec, results, unsubmittedUrls: rec.unsubmittedUrls.filter((u) => !held.has(u)) };
}
