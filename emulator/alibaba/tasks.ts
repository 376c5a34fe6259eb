/**
 * The shared task store of the three Alibaba products: one record per submitted URL, visible to queries after the
 * visibility lag (`config.visibilityLagMs` or the `tasks.visibilityLag` variant, core/common-variants.ts) and gone
 * after `config.historyMs.alibaba` (3 days, cloud-apis.md §A.1 "Data covers the last 3 days").
 */
import { visibilityLagMs } from "../core/common-variants";
import type { PurgeMethod } from "../core/edge";
import type { EmulatorConfig, PlannedOutcome } from "../core/types";
import { progressAt, type ProcessCurve, type UrlProgress } from "./progress";
import { processCurve } from "./variants";
import { variantValue } from "../core/variants";
import type { AlibabaProduct } from "./types";

/** One submitted URL. */
export interface UrlTask {
  product: AlibabaProduct;
  taskId: string;
  /** The URL as submitted, with `http://` prepended for CDN/DCDN when no scheme was sent (queries echo it, urls.ts). */
  url: string;
  /** Lower-case host name. */
  domain: string;
  /** ESA site id; null for CDN/DCDN. */
  siteId: string | null;
  /** Virtual ms of the submit. */
  createdAt: number;
  plan: PlannedOutcome;
  /** Submission order, to keep listings stable among tasks of the same instant (unique, never reused). */
  seq: number;
  /** `refresh`: a purge URL task (CDN RefreshObjectCaches, DCDN RefreshDcdnObjectCaches, ESA PurgeCaches); absent: prefetch. */
  kind?: "refresh";
  /** A purge task's effect on the cached copy (`Force: true` → `delete`, else `invalidate`). */
  method?: PurgeMethod;
}

/** Which tasks a read covers: prefetch tasks (the default everywhere they were the only kind), purge tasks, or both. */
export type TaskSelection = "preload" | "refresh" | "all";

/** Whether a task is of the selection. */
const selected = (t: UrlTask, which: TaskSelection) => which === "all" || (which === "refresh") === (t.kind === "refresh");

/** A task together with its state at the query instant. */
export interface TaskView {
  task: UrlTask;
  progress: UrlProgress;
}

/** In-memory store; the module owns one and clears it on reset. */
export class TaskStore {
  private tasks: UrlTask[] = [];
  private seq = 0;

  /** Records the URLs of one accepted submit. */
  add(tasks: Omit<UrlTask, "seq">[]): void {
    for (const t of tasks) this.tasks.push({ ...t, seq: this.seq++ });
  }

  /** Tasks of a product that queries can see at `now`, newest first, with their state; `which`: prefetch (default), purge or all tasks. */
  visible(product: AlibabaProduct, now: number, config: EmulatorConfig, which: TaskSelection = "preload"): TaskView[] {
    const lag = visibilityLagMs(config);
    return this.held(product, now, config, which).filter((v) => now >= v.task.createdAt + lag);
  }

  /**
   * Every task of a product still in the history window at `now`, visible to queries or not, newest first. Tasks older
   * than the window are dropped for good. `which`: prefetch (default), purge or all tasks.
   */
  held(product: AlibabaProduct, now: number, config: EmulatorConfig, which: TaskSelection = "preload"): TaskView[] {
    const history = config.historyMs.alibaba;
    const curve = variantValue(config, processCurve) as ProcessCurve;
    this.tasks = this.tasks.filter((t) => now < t.createdAt + history);
    return this.tasks
      .filter((t) => t.product === product && selected(t, which))
      .sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq)
      .map((task) => ({ task, progress: progressAt(task.plan, task.createdAt, now, curve) }));
  }

  /** Prefetch URLs of a product still in progress at `now` (the prefetch queue), visible or not. */
  inProgress(product: AlibabaProduct, now: number): number {
    return this.tasks.filter((t) => t.product === product && t.kind !== "refresh" && progressAt(t.plan, t.createdAt, now).finishedAt === null).length;
  }

  /** Forgets everything (sequence numbers keep rising so derived ids never come back). */
  clear(): void {
    this.tasks = [];
  }
}
