/**
 * How the demo talks: one `say` channel, the provider's own lines shown as `pulumi up` shows them, and plain-word
 * renderings of what a program declares, of per-URL results and of durations. The chapters (demo-chapters.ts) only
 * use this module and the emulator's control plane.
 */
import type { RunningEmulator } from "../emulator";
import type { Product } from "../emulator";
import type { CloudKind } from "../provider/model/cloud";
import { CLASS_OF, openStack, type Declared, type DemoStack } from "./demo-stack";

/** What every chapter gets. */
export interface Story {
  emu: RunningEmulator;
  /** Prints one line of the story. */
  say(line?: string): void;
  /** Opens a stack whose provider lines are shown indented under the story, marked as Pulumi's output. */
  stack(name: string): Promise<DemoStack>;
}

/** Options of {@link createStory}. */
export interface StoryOptions {
  emu: RunningEmulator;
  /** Directory the provider host runs in (where `pulumi-cdn-prefetch` resolves). */
  cwd: string;
  /** Where the story goes (default: stdout). */
  out?: (line: string) => void;
}

/** Indent of the story's body lines, and the mark in front of what Pulumi itself prints. */
export const INDENT = "   ";
const PULUMI_MARK = `${INDENT}│ `;

/** Creates the story channel. */
export function createStory(o: StoryOptions): Story {
  const out = o.out ?? ((line: string) => console.log(line));
  const onLine = (line: string) => out(`${PULUMI_MARK}${line}`);
  return {
    emu: o.emu,
    say: (line = "") => out(line),
    stack: (name) => openStack({ emu: o.emu, cwd: o.cwd, name, onLine }),
  };
}

/** The vendor product names people know. */
export const PRODUCT_NAME: Record<Product, string> = {
  teo: "EdgeOne", cdn: "Alibaba Cloud CDN", dcdn: "Alibaba Cloud DCDN", esa: "Alibaba Cloud ESA",
};

/** The emulator product behind each cloud kind. */
export const PRODUCT_OF: Record<CloudKind, Product> = {
  edgeone: "teo", "alibaba-cdn": "cdn", "alibaba-dcdn": "dcdn", "alibaba-esa": "esa",
};

/**
 * `new EdgeOnePrefetch("site", { zoneId: "zone-demo1", urls: [3 URLs] })`, as the program declares it; versioned
 * entries read `urls: [40 { url, version }]`.
 */
export function declaration(d: Declared): string {
  const args = Object.entries(d.args).map(([k, v]) => {
    if (k === "urls" && Array.isArray(v)) return `urls: [${v.length} ${v.some((u) => typeof u === "object") ? "{ url, version }" : "URLs"}]`;
    return `${k}: ${JSON.stringify(v)}`;
  });
  return `new ${CLASS_OF[d.cloud]}("${d.name}", { ${args.join(", ")} })`;
}

/** A wall-clock duration: `40 ms`, `0.4 s`, `12 s`. */
export function seconds(ms: number): string {
  if (ms < 100) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** A cloud-time duration: `90 seconds`, `20 minutes`, `4 days`. */
export function span(ms: number): string {
  const units: [number, string][] = [[86_400_000, "day"], [3_600_000, "hour"], [60_000, "minute"], [1000, "second"]];
  const [size, unit] = units.find(([u]) => ms >= u && ms % u === 0) ?? [1000, "second"];
  const n = Math.round(ms / size);
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

interface UrlResult {
  url: string;
  status: string;
  reason: string | null;
}

/**
 * Each declared URL with its outcome, from the outputs: a URL listed in `results` has the status and reason given
 * there; a URL not listed there is warm (the outputs may list only the URLs that did not succeed).
 */
export function urlOutcomes(outputs: Record<string, unknown>): UrlResult[] {
  const results = Array.isArray(outputs.results) ? (outputs.results as UrlResult[]) : [];
  const byUrl = new Map(results.map((r) => [r.url, r]));
  const declared = Array.isArray(outputs.urls) ? (outputs.urls as string[]) : [];
  return declared.map((url) => byUrl.get(url) ?? { url, status: "succeeded", reason: null });
}

/**
 * `✓ https://…/app.js   warm`, one line per declared URL, the URLs padded to one column; a failed URL is followed
 * by the cloud's reason on a line of its own.
 */
export function urlLines(outputs: Record<string, unknown>): string[] {
  const rows = urlOutcomes(outputs);
  const width = Math.max(...rows.map((r) => r.url.length));
  return rows.flatMap((r) => {
    const waiting = r.status === "running" || r.status === "pending";
    const mark = r.status === "succeeded" ? "✓" : waiting ? "…" : "✗";
    const what = r.status === "succeeded" ? "warm" : waiting ? "still warming" : r.status;
    const line = `${INDENT}  ${mark} ${r.url.padEnd(width)}  ${what}`;
    return r.reason && !waiting ? [line, `${INDENT}      the cloud says: ${r.reason}`] : [line];
  });
}

/** A short, readable list: `a`, `a and b`, `a, b and c`. */
export function list(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The task ids of a resource's outputs. */
export function taskIds(outputs: Record<string, unknown>): string[] {
  return Array.isArray(outputs.taskIds) ? (outputs.taskIds as string[]) : [];
}
