/**
 * The shared task store of the three Alibaba products: one record per submitted URL, visible to queries after
 * `config.visibilityLagMs` (eventual consistency) and gone after `config.historyMs.alibaba` (3 days, cloud-apis.md
 * §A.1 "Data covers the last 3 days").
 */
import type { EmulatorConfig, PlannedOutcome, Product } from "../core/types";
import { progressAt, type UrlProgress } from "./progress";

/** One submitted URL. */
export interface UrlTask {
  product: Product;
  taskId: string;
  /** The URL as queries echo it: with a scheme for CDN/DCDN (`http://` when none was sent), as sent for ESA. */
  url: string;
  /** Lower-case host name. */
  domain: string;
  /** ESA site id; null for CDN/DCDN. */
  siteId: string | null;
  /** Virtual ms of the submit. */
  createdAt: number;
  plan: PlannedOutcome;
  /** Submission order, to keep listings stable among tasks of the same instant. */
  seq: number;
}

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

  /**
   * Tasks of a product that queries can see at `now`, newest first, with their state. Tasks older than the history
   * window are dropped for good.
   */
  visible(product: Product, now: number, config: EmulatorConfig): TaskView[] {
    const history = config.historyMs.alibaba;
    this.tasks = this.tasks.filter((t) => now < t.createdAt + history);
    return this.tasks
      .filter((t) => t.product === product && now >= t.createdAt + config.visibilityLagMs)
      .sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq)
      .map((task) => ({ task, progress: progressAt(task.plan, task.createdAt, now) }));
  }

  /** URLs of a product still in progress at `now` (the prefetch queue), visible or not. */
  inProgress(product: Product, now: number): number {
    return this.tasks.filter((t) => t.product === product && progressAt(t.plan, t.createdAt, now).finishedAt === null).length;
  }

  /** Forgets everything (task ids keep rising so old ids never come back). */
  clear(): void {
    this.tasks = [];
  }
}
