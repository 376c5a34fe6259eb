/**
 * The shared poller: one per (cloud, account, scope) and clock in a host process (provider/resources/pollers.ts keeps
 * the registry). Pulumi runs every dynamic resource of a stack in one host process, concurrently
 * (pulumi-dynamic-providers.md §2); instead of a polling loop each, every waiting resource joins a {@link PollGroup}
 * as a member, and the group runs rounds:
 *
 * - a round starts when some member is due; it asks the cloud once for all due members, plus members not due yet when
 *   including them costs no extra call (`cost`, compared for the due members alone and with the next ones in due
 *   order), so a 10-id `DescribeRefreshTaskById` call or one zone listing serves as many resources as it can;
 * - each member receives exactly its own answer (`run` returns one result per request, in order) and tells the group
 *   when it wants the next one, or that it is done;
 * - an error of a round goes to every member of it; an error that ends waits (`isolate`) is first attributed by asking
 *   each member of a shared round alone, so one member's bad task id never ends the others' waits;
 * - one round at a time: members that fall due while a round is in flight join the next one, which starts as soon as
 *   it ends. Overlapping rounds would split the members into ever smaller rounds whenever calls are paced (the
 *   per-account token bucket, adapters/rate-gate.ts) or slow, each paying its own calls; a member is late by at most
 *   one round's duration instead;
 * - members come and go at any time: a member leaving (done, timeout, error) never disturbs the others.
 *
 * The group sleeps on the injected clock until the earliest due member; a joining member wakes it. Kept free of
 * module-level state (engine-serialize.spec.ts).
 */
import type { Clock } from "./clock";

/** One member's share of a round. */
export type RoundOutcome<Res> = { ok: true; value: Res } | { ok: false; error: unknown };

/** How a round is run: the leading member's adapter and scope. */
export interface RoundQuery<Req, Res> {
  /** One call sequence for all requests; result i answers request i. */
  run(requests: Req[]): Promise<Res[]>;
  /** API calls `run` is expected to make for these requests. */
  cost(requests: Req[]): number;
}

/** A waiting resource. */
export interface PollMember<Req, Res> {
  /** What it asks in a round (read when the round is formed). */
  request(): Req;
  /** How rounds it leads are run. */
  query: RoundQuery<Req, Res>;
  /**
   * Its outcome of a round at `nowMs`; returns when it wants the next poll (ms since the epoch), or null when its wait
   * is over. Throwing ends its wait with that error.
   */
  deliver(outcome: RoundOutcome<Res>, nowMs: number): number | null;
}

/** Options of {@link PollGroup}. */
export interface PollGroupOptions {
  clock: Clock;
  /** True for errors that end a member's wait: a shared round failing so is asked again member by member. */
  isolate: (error: unknown) => boolean;
  /** Called when the last member left and the group stopped (the registry forgets it). */
  onIdle?: () => void;
}

interface Entry<Req, Res> {
  member: PollMember<Req, Res>;
  dueAt: number;
  inFlight: boolean;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** The members of one shared poller and the loop that serves them. */
export class PollGroup<Req, Res> {
  private readonly entries = new Set<Entry<Req, Res>>();
  private running = false;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly o: PollGroupOptions) {}

  /** Members currently waiting. */
  get size(): number {
    return this.entries.size;
  }

  /** Adds a member whose first poll is due at `firstDueAtMs`; resolves when its wait is over. */
  join(member: PollMember<Req, Res>, firstDueAtMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.entries.add({ member, dueAt: firstDueAtMs, inFlight: false, resolve, reject });
      if (this.running) this.wake();
      else void this.loop();
    });
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  /** Starts a round whenever an idle member is due; sleeps until the earliest one otherwise. */
  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.entries.size > 0) {
        if ([...this.entries].some((e) => e.inFlight)) {
          await this.pause(null);
          continue;
        }
        const now = this.o.clock.now();
        const idle = [...this.entries].filter((e) => !e.inFlight);
        const due = idle.filter((e) => e.dueAt <= now);
        if (due.length > 0) {
          this.launch(due, idle.filter((e) => e.dueAt > now));
          continue;
        }
        const next = idle.length > 0 ? Math.min(...idle.map((e) => e.dueAt)) : null;
        await this.pause(next === null ? null : next - now);
      }
    } finally {
      this.running = false;
      this.o.onIdle?.();
    }
  }

  /** Sleeps `ms` on the clock (null: until woken); a wake-up ends it early and cancels the clock's timer. */
  private pause(ms: number | null): Promise<void> {
    return new Promise<void>((resolve) => {
      const abort = new AbortController();
      const done = () => {
        if (this.wakeUp === done) this.wakeUp = null;
        abort.abort();
        resolve();
      };
      this.wakeUp = done;
      if (ms !== null) this.o.clock.sleep(ms, abort.signal).then(done, done);
    });
  }

  /**
   * Forms a round: the due members, plus the longest run of the others, in due order, that costs no more calls than
   * the due members alone. A prefix, not one member at a time: a cost need not grow with the requests (ESA looks a few
   * URLs up one by one but lists the site for many; EdgeOne reads one job alone but lists the zone for several).
   */
  private launch(due: Entry<Req, Res>[], others: Entry<Req, Res>[]): void {
    const query = due[0].member.query;
    let chosen: { entry: Entry<Req, Res>; request: Req }[];
    try {
      chosen = due.map((entry) => ({ entry, request: entry.member.request() }));
      const extra = [...others].sort((a, b) => a.dueAt - b.dueAt).map((entry) => ({ entry, request: entry.member.request() }));
      const requests = chosen.map((c) => c.request);
      const base = query.cost(requests);
      let take = 0;
      for (let k = 1; k <= extra.length; k++) {
        requests.push(extra[k - 1].request);
        if (query.cost(requests) <= base) take = k;
      }
      chosen.push(...extra.slice(0, take));
    } catch (e) {
      for (const entry of due) this.leave(entry, e);
      return;
    }
    for (const c of chosen) c.entry.inFlight = true;
    void this.round(query, chosen);
  }

  /** Runs one round and hands each member its outcome. */
  private async round(query: RoundQuery<Req, Res>, chosen: { entry: Entry<Req, Res>; request: Req }[]): Promise<void> {
    const outcomes = await this.outcomes(query, chosen);
    const now = this.o.clock.now();
    chosen.forEach((c, i) => this.settle(c.entry, outcomes[i], now));
    this.wake();
  }

  /** One outcome per member: the shared answer, the shared error, or (for an isolated error) each member's own. */
  private async outcomes(query: RoundQuery<Req, Res>, chosen: { entry: Entry<Req, Res>; request: Req }[]): Promise<RoundOutcome<Res>[]> {
    try {
      return answered(await query.run(chosen.map((c) => c.request)), chosen.length);
    } catch (error) {
      if (chosen.length === 1 || !this.o.isolate(error)) return chosen.map(() => ({ ok: false, error }));
    }
    const alone: RoundOutcome<Res>[] = [];
    for (const c of chosen) {
      try {
        alone.push(answered(await c.entry.member.query.run([c.request]), 1)[0]);
      } catch (error) {
        alone.push({ ok: false, error });
      }
    }
    return alone;
  }

  private settle(entry: Entry<Req, Res>, outcome: RoundOutcome<Res>, now: number): void {
    entry.inFlight = false;
    let next: number | null;
    try {
      next = entry.member.deliver(outcome, now);
    } catch (e) {
      this.leave(entry, e);
      return;
    }
    if (next === null) this.leave(entry, undefined, true);
    else entry.dueAt = next;
  }

  private leave(entry: Entry<Req, Res>, error: unknown, ok = false): void {
    this.entries.delete(entry);
    if (ok) entry.resolve();
    else entry.reject(error);
    this.wake();
  }
}

/** The results of `run`, one per request (anything else is a programming error). */
function answered<Res>(values: Res[], count: number): RoundOutcome<Res>[] {
  if (!Array.isArray(values) || values.length !== count) {
    throw new TypeError(`a round of ${count} requests returned ${Array.isArray(values) ? values.length : typeof values} results`);
  }
  return values.map((value) => ({ ok: true, value }));
}
