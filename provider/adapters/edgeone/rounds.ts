/**
 * EdgeOne status rounds shared by every waiting resource of one zone (the host's poller, engine/poll-hub.ts): instead
 * of one `job-id` query per job, one `DescribePrefetchTasks` listing of the zone over a time range that covers the
 * jobs (seed 003: a time range of at most 7 days, or a job id, is required; `Limit` up to 1,000; paged with `Offset`),
 * keeping only the tasks of our jobs, each filed under its `JobId` (seed 003's own example lists a day of a zone's tasks
 * by time range alone, each task carrying its `JobId`).
 *
 * The listing is used only when it is expected to be cheaper: its pages (the jobs' URLs, or the zone's task count the
 * last listing reported, whichever is larger) against one query per job (a page per 1,000 URLs). After its first page
 * the `TotalCount` is known; when the remaining pages would cost more than querying the jobs, the round reads the jobs
 * instead. Every job the listing cannot answer for is read alone with the single-resource query (query.ts `readJob`,
 * with its EO-14 and EO-21 handling): jobs whose window starts more than 7 days back, jobs the listing does not show
 * (not visible yet, or stamped by a vendor clock ahead of ours: the range ends at our now), and every job when the
 * zone is `*` (a zone-wide listing of `*` is undocumented) or when the zone refused the listing. A large job read alone
 * is first probed (probe.ts): while every URL of it is still processing, one task answers instead of a page.
 *
 * Media segments (`extra`) are the targets of a resource's own jobs that match none of its URLs, as in query.ts.
 */
import { isCloudError, type ErrorKind } from "../../model/errors";
import type { QueryResult, SubmittedBatch } from "../../model/task";
import { recall, remember, type AccountScope } from "../memory";
import type { TimeWindow } from "../reconcile";
import type { TeoApi, TeoTask } from "./client";
import { teoTime } from "./find";
import { ALL_ZONES, EDGEONE_MAX_PAGES, EDGEONE_MAX_RANGE_MS, EDGEONE_PAGE_LIMIT, EDGEONE_ZONE_LISTING_TTL_MS } from "./limits";
import { noteRead, probeable, untouched } from "./probe";
import { extraTargets, jobWindow, observeBatch, readJob, zoneAnswers } from "./query";

/** How a round reads the zone. */
export interface ZonePlan {
  /** The range listed, or null: no listing. */
  range: TimeWindow | null;
  /** Jobs the listing is expected to show. */
  listed: string[];
  /** Jobs read with their own `job-id` query. */
  alone: string[];
  /** Calls the plan is expected to make. */
  cost: number;
}

/** What the round remembers about the zone (provider/adapters/memory.ts) and when. */
export interface ZoneMemory {
  scope: AccountScope;
  nowMs: number;
  /** The leading resource prefetches media segments (their tasks share the job: no probe.ts probe). */
  mediaSegments?: boolean;
}

/** memory.ts facts: the zone's task count in the last listed range; a zone that refused the listing. */
const TOTAL_FACT = (zoneId: string) => `edgeone.zoneTasks:${zoneId}`;
const REFUSED_FACT = (zoneId: string) => `edgeone.zoneListingRefused:${zoneId}`;

/** The kinds a query is retried on (engine/retry.ts): they prove nothing about the listing itself. */
const RETRIED_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(["throttled", "busy", "unreached", "transient"]);

const pages = (n: number) => Math.max(1, Math.ceil(n / EDGEONE_PAGE_LIMIT));

/** Every distinct job id of the batches, in submit order. */
function jobsOf(batches: readonly SubmittedBatch[]): string[] {
  return [...new Set(batches.flatMap((b) => b.taskIds))];
}

/** URLs submitted under a job (its batches' URLs). */
function urlsOf(job: string, batches: readonly SubmittedBatch[]): number {
  return batches.filter((b) => b.taskIds.includes(job)).reduce((n, b) => n + b.urls.length, 0);
}

/** Pages of the jobs' own queries. */
function aloneCost(jobs: readonly string[], batches: readonly SubmittedBatch[]): number {
  return jobs.reduce((n, job) => n + pages(urlsOf(job, batches)), 0);
}

/** The plan for a round over `batches` (see the file comment); `knownTotal` is the zone's last reported task count. */
export function planZone(batches: readonly SubmittedBatch[], zoneId: string, nowMs: number, knownTotal: number | null, refused = false): ZonePlan {
  const jobs = jobsOf(batches);
  const all = (): ZonePlan => ({ range: null, listed: [], alone: jobs, cost: aloneCost(jobs, batches) });
  if (zoneId === ALL_ZONES || refused) return all();
  const windows = jobs.map((job) => ({ job, w: jobWindow(job, batches, nowMs) }));
  const inRange = windows.filter((x) => x.w !== null && x.w.startMs >= nowMs - EDGEONE_MAX_RANGE_MS);
  const listed = inRange.map((x) => x.job);
  const alone = jobs.filter((j) => !listed.includes(j));
  const listPages = pages(Math.max(listed.reduce((n, job) => n + urlsOf(job, batches), 0), knownTotal ?? 0));
  if (listed.length < 2 || listPages >= aloneCost(listed, batches)) return all();
  const range = { startMs: Math.min(...inRange.map((x) => x.w!.startMs)), endMs: nowMs };
  return { range, listed, alone, cost: listPages + aloneCost(alone, batches) };
}

/**
 * Every task of the zone in the range, or null when the listing turns out dearer than `budget` more calls (the jobs'
 * own queries) or longer than the page guard. The zone's `TotalCount` is remembered for the next plan.
 */
export async function listZone(api: TeoApi, zoneId: string, range: TimeWindow, budget: number, memory: ZoneMemory): Promise<TeoTask[] | null> {
  const request = (offset: number) => api.DescribePrefetchTasks({
    ZoneId: zoneId, StartTime: teoTime(range.startMs), EndTime: teoTime(range.endMs), Offset: offset, Limit: EDGEONE_PAGE_LIMIT,
  });
  const first = await request(0);
  const total = typeof first.TotalCount === "number" ? first.TotalCount : null;
  if (total !== null) remember(memory.scope, TOTAL_FACT(zoneId), total, EDGEONE_ZONE_LISTING_TTL_MS, memory.nowMs);
  const tasks = [...(first.Tasks ?? [])];
  const limit = Math.min(budget, EDGEONE_MAX_PAGES - 1);
  if (total !== null && pages(total) - 1 > limit) return null;
  for (let read = 1, last = tasks.length; last > 0 && (total === null || tasks.length < total); read++) {
    if (read > limit) return null;
    const page = (await request(tasks.length)).Tasks ?? [];
    tasks.push(...page);
    last = page.length;
  }
  return tasks;
}

/** The listing of the plan, filed by our jobs; null when the zone refused it or it was dearer than the jobs' queries. */
async function listed(api: TeoApi, zoneId: string, plan: ZonePlan, batches: readonly SubmittedBatch[], memory: ZoneMemory): Promise<Map<string, TeoTask[]> | null> {
  let tasks: TeoTask[] | null;
  try {
    tasks = await listZone(api, zoneId, plan.range!, aloneCost(plan.listed, batches), memory);
  } catch (e) {
    if (!isCloudError(e) || RETRIED_KINDS.has(e.kind)) throw e;
    remember(memory.scope, REFUSED_FACT(zoneId), true, EDGEONE_ZONE_LISTING_TTL_MS, memory.nowMs);
    return null;
  }
  if (tasks === null) return null;
  const ours = new Set(plan.listed);
  const byJob = new Map<string, TeoTask[]>();
  for (const t of tasks) {
    if (!t.JobId || !ours.has(t.JobId)) continue;
    const filed = byJob.get(t.JobId);
    if (filed) filed.push(t);
    else byJob.set(t.JobId, [t]);
  }
  return byJob;
}

/**
 * One job the listing did not answer for: a probe first when it may prove the job untouched (probe.ts; no task is
 * reported then), else the job's own query (query.ts `readJob`).
 */
async function readAlone(api: TeoApi, zoneId: string, job: string, batches: readonly SubmittedBatch[], memory: ZoneMemory,
  probe: () => Promise<boolean>): Promise<TeoTask[]> {
  const own = batches.filter((b) => b.taskIds.includes(job));
  const window = jobWindow(job, batches, memory.nowMs);
  const young = zoneId !== ALL_ZONES && (window === null || memory.nowMs - window.startMs <= EDGEONE_MAX_RANGE_MS);
  const urls = urlsOf(job, batches);
  if (probeable(own, urls, young, memory.mediaSegments === true) && (await untouched(api, zoneId, job, urls))) return [];
  const tasks = await readJob(api, zoneId, job, window, memory.nowMs, probe);
  noteRead(own, tasks);
  return tasks;
}

/** Calls one round over these requests is expected to make. */
export function edgeOneRoundCost(zoneId: string, requests: readonly (readonly SubmittedBatch[])[], memory: ZoneMemory): number {
  const batches = requests.flat();
  if (batches.length === 0) return 0;
  return planZone(batches, zoneId, memory.nowMs, recall<number>(memory.scope, TOTAL_FACT(zoneId), memory.nowMs) ?? null,
    recall<boolean>(memory.scope, REFUSED_FACT(zoneId), memory.nowMs) === true).cost;
}

/**
 * One round for several resources of the zone (result i for request i): the zone listing when it is cheaper, each
 * remaining job alone; each request gets the tasks of its own jobs.
 */
export async function queryEdgeOneRound(api: TeoApi, zoneId: string, requests: readonly (readonly SubmittedBatch[])[],
  memory: ZoneMemory): Promise<QueryResult[]> {
  const batches = requests.flat();
  const nowMs = memory.nowMs;
  const plan = planZone(batches, zoneId, nowMs, recall<number>(memory.scope, TOTAL_FACT(zoneId), nowMs) ?? null,
    recall<boolean>(memory.scope, REFUSED_FACT(zoneId), nowMs) === true);
  const tasksByJob = plan.range === null ? new Map<string, TeoTask[]>() : (await listed(api, zoneId, plan, batches, memory)) ?? new Map<string, TeoTask[]>();
  let probed: Promise<boolean> | null = null;
  const probe = () => (probed ??= zoneAnswers(api, zoneId, nowMs));
  for (const job of jobsOf(batches)) {
    if (!tasksByJob.has(job)) tasksByJob.set(job, await readAlone(api, zoneId, job, batches, memory, probe));
  }
  return requests.map((own) => {
    const mine = new Map(jobsOf(own).map((job) => [job, tasksByJob.get(job) ?? []] as const));
    const result: QueryResult = { observations: own.flatMap((b) => observeBatch(b, mine)), historyUnavailable: false };
    const extra = extraTargets(own, mine);
    if (extra.length > 0) result.extra = extra;
    return result;
  });
}
