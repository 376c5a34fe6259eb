/**
 * The records the comparison bench passes around: what one tool is asked to prefetch, and what it reported back.
 */

/** The clouds the comparison covers (DCDN and ESA are not compared yet). */
export type CompareCloud = "edgeone" | "alibaba-cdn";

/** The four contenders: P1 CLI waiter, P2 Terraform, P3 careful script, US (this provider through Pulumi's host). */
export type Tool = "P1" | "P2" | "P3" | "US";

/** Every tool, in the order the report prints them. */
export const TOOLS: readonly Tool[] = ["P1", "P2", "P3", "US"];

/** One resource (one prefetch): its name and its full URLs (each URL carries its duration, scenarios.ts). */
export interface ResourcePlan {
  name: string;
  urls: string[];
}

/** Where a tool's emulator listens and the keys it accepts. */
export interface EmulatorTarget {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  tencent: { secretId: string; secretKey: string };
  alibaba: { accessKeyId: string; accessKeySecret: string };
}

/** What a contender process runs: one cloud's resources against one emulator. */
export interface ContenderRun {
  runId: string;
  tool: Exclude<Tool, "US">;
  cloud: CompareCloud;
  emulator: EmulatorTarget;
  resources: ResourcePlan[];
  /** Start this long after the start signal (scenarios of a phase start a little apart, busiest first). */
  delayMs: number;
  /** Give up on a resource this long after its start (a bench guard, far beyond every job). */
  guardMs: number;
}

/** How one resource's wait ended, as the tool saw it (wall-clock ms, `Date.now()`). */
export interface ResourceOutcome {
  name: string;
  startedAt: number;
  returnedAt: number;
  /** The error the tool surfaced to its user; undefined when it reported every URL done. */
  error?: string;
}
