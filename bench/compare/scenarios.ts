/**
 * The comparison's scenarios (issue 9 item 4): how many resources, how many URLs each, and how long each URL stays in
 * progress on the emulator. Every URL carries its own duration in its path (`/d<ms>/`), and one emulator outcome rule
 * per distinct duration gives it that duration, so each URL's finish moment is fixed by the scenario and read back
 * from the emulator (`control.tasks()` `finishesAt`).
 */
import type { OutcomeRule } from "../../emulator";
import type { ResourcePlan } from "./types";

/** One group of the report: a scenario and its targets' parameters. */
export interface Scenario {
  id: string;
  title: string;
  /** Resources per instance (10 and 50 carry the stricter call target). */
  resources: number;
  urlsPerResource: number;
  /** How the finish moments are spread (printed under the table). */
  spread: string;
  /** Instances run side by side, each with its own emulators (the 1-URL jobs' repetitions). */
  instances: Instance[];
}

/** One independent run of a scenario: every tool gets its own emulator for it. */
export interface Instance {
  tag: string;
  resources: ResourcePlan[];
}

/**
 * Durations are rounded to a step so that one outcome rule serves many URLs: 100 ms, or 1 s for the 10,000-URL
 * scenario (the emulator tries the rules in turn for each URL it accepts, so 40 rules instead of 400 keep its submits cheap).
 */
const STEP_MS = 100;
const COARSE_STEP_MS = 1_000;

/** A URL of resource `r` whose prefetch takes `durationMs` (the path makes it unique and names its duration). */
function url(tag: string, r: number, i: number, durationMs: number): string {
  return `/b/${tag}/r${r}/d${durationMs}/u${i}.js`;
}

function instance(tag: string, resources: number, urls: number, duration: (r: number, i: number) => number, step = STEP_MS): Instance {
  return {
    tag,
    resources: Array.from({ length: resources }, (_, r) => ({
      name: `${tag}-r${r}`,
      urls: Array.from({ length: urls }, (_, i) => url(tag, r, i, Math.round(duration(r, i) / step) * step)),
    })),
  };
}

/** Repetitions of each 1-URL job; repetition k lasts D + k × step, so no poll grid (1, 5, 10 s) is met in phase. */
function singleJobs(durationS: number, reps: number): Scenario {
  const step = Math.min(2_200, (durationS * 1000) / 5);
  return {
    id: `1x1-${durationS}s`, title: `1 resource × 1 URL, ${durationS} s job`, resources: 1, urlsPerResource: 1,
    spread: `${reps} repetitions lasting ${durationS} s + k × ${(step / 1000).toFixed(1)} s (k = 0..${reps - 1}), each its own emulator and run`,
    instances: Array.from({ length: reps }, (_, k) => instance(`s${durationS}k${k}`, 1, 1, () => durationS * 1000 + k * step)),
  };
}

/** The scenario list; `quick` shortens durations (and the 1-URL job lengths), keeping resource and URL counts. */
export function scenarios(quick: boolean): Scenario[] {
  const jobs = quick ? [3, 6] : [3, 20, 90];
  const reps = quick ? 2 : 4;
  const [b0, b1, b1r] = quick ? [2_000, 3_000, 200] : [10_000, 20_000, 1_100];
  const [c0, cStep] = quick ? [2_000, 100] : [5_000, 500];
  const [d0, d1] = quick ? [3_000, 6_000] : [20_000, 60_000];
  return [
    ...jobs.map((s) => singleJobs(s, reps)),
    {
      id: "10x100", title: "10 resources × 100 URLs", resources: 10, urlsPerResource: 100,
      spread: `URL i of resource r lasts ${b0 / 1000} s + i/99 × (${b1 / 1000} s + r × ${b1r / 1000} s)`,
      instances: [instance("m10", 10, 100, (r, i) => b0 + (i / 99) * (b1 + r * b1r))],
    },
    {
      id: "50x1", title: "50 resources × 1 URL, staggered", resources: 50, urlsPerResource: 1,
      spread: `resource r's URL lasts ${c0 / 1000} s + r × ${cStep / 1000} s`,
      instances: [instance("m50", 50, 1, (r) => c0 + r * cStep)],
    },
    {
      id: "1x10000", title: "1 resource × 10,000 URLs", resources: 1, urlsPerResource: 10_000,
      spread: `URL i lasts ${d0 / 1000} s + i/9,999 × ${(d1 - d0) / 1000} s, rounded to whole seconds`,
      instances: [instance("x1", 1, 10_000, (_, i) => d0 + (i / 9_999) * (d1 - d0), COARSE_STEP_MS)],
    },
  ];
}

/** One outcome rule per distinct duration in `urls` (every URL succeeds after its own duration). */
export function durationRules(urls: readonly string[]): OutcomeRule[] {
  const durations = new Set<number>();
  for (const u of urls) {
    const m = /\/d(\d+)\//.exec(u);
    if (m) durations.add(Number(m[1]));
  }
  return [...durations].map((d) => ({ match: `/d${d}/`, outcome: "success", durationMs: d }));
}
