/**
 * The host process's shared pollers (engine/poll-hub.ts): one {@link PollGroup} per clock and per round scope — the
 * cloud, the account (access key id and endpoint) and the query's scope (EdgeOne zone, ESA site; CDN/DCDN the
 * account), as the adapter names it (`PrefetchAdapter.rounds.scope`). Pulumi's dynamic-provider host serves every
 * resource of a stack from one process, concurrently (pulumi-dynamic-providers.md §2), and loads the provider by name
 * (`require("pulumi-cdn-prefetch/provider")`, sdk/shim.ts), so this module's registry is shared by all of them, as
 * provider/adapters/memory.ts is. Groups are keyed by the clock's identity too: tests run separate fake clocks side by
 * side, and a group sleeps on one clock. A group is forgotten when its last member leaves.
 *
 * An adapter without `rounds` (a test double) gets a group of its own per wait: it polls alone, one `query` a round.
 */
import type { PrefetchAdapter } from "../adapters/types";
import type { Clock } from "../engine/clock";
import { PollGroup, type RoundQuery } from "../engine/poll-hub";
import { isRetryableKind, withRetry } from "../engine/retry";
import { isCloudError } from "../model/errors";
import type { QueryResult, SubmittedBatch } from "../model/task";
import type { RunContext } from "./run-context";

/** The groups of the process, by clock, then by round key. */
const groups = new WeakMap<Clock, Map<string, PollGroup<SubmittedBatch[], QueryResult>>>();
/** Numbers the groups of adapters that cannot share rounds. */
const solo = { next: 0 };

/** True for an error that ends a wait (engine/retry.ts retries the others): a shared round failing so is asked again per member. */
export function endsWait(e: unknown): boolean {
  return !(isCloudError(e) && isRetryableKind(e.kind, "query"));
}

/** The round key of a run: its cloud and the adapter's scope, or a key of its own. */
function keyOf(ctx: RunContext): string {
  const rounds = ctx.adapter.rounds;
  return rounds ? JSON.stringify([ctx.cloud, rounds.scope(ctx.spec)]) : `solo:${++solo.next}`;
}

/** The shared poller a run's wait joins (created on first use). */
export function pollGroupFor(ctx: RunContext): PollGroup<SubmittedBatch[], QueryResult> {
  const key = keyOf(ctx);
  let byKey = groups.get(ctx.clock);
  if (!byKey) groups.set(ctx.clock, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;
  const table = byKey;
  const group: PollGroup<SubmittedBatch[], QueryResult> = new PollGroup({
    clock: ctx.clock, isolate: endsWait, onIdle: () => {
      if (table.get(key) === group) table.delete(key);
    },
  });
  table.set(key, group);
  return group;
}

/** Calls one round over some of this run's batches is expected to make (round-batches.ts); 1 for an adapter without rounds. */
export function batchCost(ctx: RunContext): (batches: SubmittedBatch[]) => number {
  const rounds = ctx.adapter.rounds;
  return rounds ? (batches) => rounds.cost(ctx.spec, [batches]) : () => 1;
}

/**
 * How rounds led by this run are made: the adapter's coalesced query (or its single query for a lone request), with the
 * query retry policy around the whole round.
 */
export function roundQuery(ctx: RunContext): RoundQuery<SubmittedBatch[], QueryResult> {
  const a: PrefetchAdapter = ctx.adapter;
  const once = async (requests: SubmittedBatch[][]): Promise<QueryResult[]> => {
    if (a.rounds) return a.rounds.query(ctx.spec, requests);
    const out: QueryResult[] = [];
    for (const batches of requests) out.push(await a.query(ctx.spec, batches));
    return out;
  };
  return {
    run: (requests) => withRetry(() => once(requests), { clock: ctx.clock, call: "query" }),
    cost: (requests) => (a.rounds ? a.rounds.cost(ctx.spec, requests) : requests.length),
  };
}
