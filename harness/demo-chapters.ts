/**
 * The demo's chapters, one feature each, on the emulator with its clock stopped: the provider's first poll is seen
 * (its progress line), then the emulator's clock is moved on by the time the cloud needs, so minutes of cloud time
 * pass in a moment and every run prints the same story. Each chapter returns the facts it told, for tests.
 */
import type { OutcomeRule } from "../emulator";
import type { Declared, DemoStack, RunResult } from "./demo-stack";
import { INDENT, PRODUCT_NAME, PRODUCT_OF, declaration, list, seconds, span, taskIds, urlLines, type Story } from "./demo-story";

/** Poll interval of the demo's resources: the emulator answers at once, so the provider need not wait long. */
const PACE = { pollIntervalSeconds: 0.2 };
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Status of each resource after a chapter, by resource name. */
export type Statuses = Record<string, string>;

/** A progress label as a literal part of a regular expression (`site (purge)` holds parentheses). */
function literal(label: string): string {
  return label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Runs `pulumi up` while the cloud works: for each `[label, ms]` step, waits until the provider has polled under that
 * progress label once (its first progress line: `site`, or `site (purge)` for the purge before a prefetch), then moves
 * the emulator's clock `ms` on.
 */
export async function upWhileCloudWorks(story: Story, stack: DemoStack, resources: Declared[], steps: [string, number][]): Promise<RunResult> {
  const mark = stack.mark();
  const run = stack.up(resources);
  for (const [name, ms] of steps) {
    if ((await stack.lineAfter(mark, new RegExp(`^prefetch ${literal(name)}: `), run)) === null) break;
    await story.emu.control.advance(ms);
  }
  return run;
}

/** The error as Pulumi prints it, line by line under the Pulumi mark. */
function showError(story: Story, error: string): void {
  for (const line of error.split("\n")) story.say(`${INDENT}│ ${line}`);
}

/** Submits the emulator has counted for a cloud product so far. */
async function submits(story: Story, d: Declared): Promise<number> {
  return (await story.emu.control.stats()).submits[PRODUCT_OF[d.cloud]];
}

/** Chapter 1: a clean warm-up of a few URLs on EdgeOne and Alibaba Cloud CDN. */
export async function cleanWarmUp(story: Story): Promise<Statuses> {
  const site: Declared = {
    cloud: "edgeone", name: "site", pace: PACE,
    args: { zoneId: "zone-demo1", urls: ["https://www.example.com/", "https://www.example.com/app.js", "https://www.example.com/app.css"] },
  };
  const downloads: Declared = {
    cloud: "alibaba-cdn", name: "downloads", pace: PACE,
    args: { domain: "dl.example.com", urls: ["https://dl.example.com/setup.exe", "https://dl.example.com/setup.dmg"] },
  };
  const cloudMs = 90_000;
  await story.emu.control.setRules([], cloudMs);
  story.say("1. A clean warm-up on EdgeOne and Alibaba Cloud CDN");
  story.say(`${INDENT}The program declares:  ${declaration(site)}`);
  story.say(`${INDENT}                        ${declaration(downloads)}`);
  story.say(`${INDENT}Each URL takes the cloud ${span(cloudMs)} to fetch from the origin. $ pulumi up`);
  const stack = await story.stack("warm-up");
  try {
    const run = await upWhileCloudWorks(story, stack, [site, downloads], [["site", cloudMs], ["downloads", cloudMs]]);
    if (run.error) throw new Error(`chapter 1: pulumi up failed: ${run.error}`);
    const held = await story.emu.control.tasks();
    const statuses: Statuses = {};
    for (const d of [site, downloads]) {
      const out = stack.outputs(d.name);
      const ids = taskIds(out);
      const urls = held.filter((t) => ids.includes(t.taskId)).length;
      story.say(`${INDENT}${PRODUCT_NAME[PRODUCT_OF[d.cloud]]} holds task ${list(ids)} with ${urls} URLs; "${d.name}" reports status ${out.status}:`);
      urlLines(out).forEach((l) => story.say(l));
      statuses[d.name] = String(out.status);
    }
    story.say(`${INDENT}pulumi up returned after ${seconds(run.ms)} here (${span(2 * cloudMs)} of cloud time), once every URL was warm.`);
    return statuses;
  } finally {
    await stack.stop();
  }
}

/** Chapter 2: a URL the cloud cannot warm, with the vendor's reason, and what the resource records. */
export async function failedUrl(story: Story): Promise<Statuses> {
  const missing = "https://www.example.com/promo/banner.png";
  const promo: Declared = {
    cloud: "edgeone", name: "promo", pace: PACE,
    args: { zoneId: "zone-demo1", urls: ["https://www.example.com/promo/", missing] },
  };
  const cloudMs = 30_000;
  // The origin answers 404 for the banner: EdgeOne reports the job as `invalid`, with its own FailType and message.
  const rules: OutcomeRule[] = [{ match: "/promo/banner.png", outcome: "invalid", durationMs: cloudMs }];
  await story.emu.control.setRules(rules, cloudMs);
  story.say("2. A URL that cannot be warmed");
  story.say(`${INDENT}The program declares:  ${declaration(promo)}`);
  story.say(`${INDENT}but the origin has no ${new URL(missing).pathname}. $ pulumi up`);
  const stack = await story.stack("promo");
  try {
    const run = await upWhileCloudWorks(story, stack, [promo], [["promo", cloudMs]]);
    if (!run.error) throw new Error("chapter 2: pulumi up was expected to fail");
    story.say(`${INDENT}pulumi up fails after ${seconds(run.ms)} with:`);
    showError(story, run.error);
    const out = stack.outputs(promo.name);
    story.say(`${INDENT}The stack still records the task (${list(taskIds(out))}), each URL with EdgeOne's own words:`);
    urlLines(out).forEach((l) => story.say(l));
    story.say(`${INDENT}Outputs: status ${out.status}, failedUrls ${JSON.stringify(out.failedUrls)}.`);
    return { [promo.name]: String(out.status) };
  } finally {
    await stack.stop();
  }
}

/** What chapter 3 hands to chapter 4: the open stack, the resource, and the submit count. */
export interface Resumed {
  stack: DemoStack;
  resource: Declared;
  status: string;
  /** Submits the cloud counted before the first `up` and after the second. */
  submits: { before: number; afterTimeout: number; afterResume: number };
}

/** Chapter 3: a wait that hits its time limit; the next `pulumi up` resumes it without submitting again. */
export async function timeoutThenResume(story: Story): Promise<Resumed> {
  const videos: Declared = {
    cloud: "alibaba-cdn", name: "videos", pace: PACE,
    args: { domain: "dl.example.com", urls: ["https://dl.example.com/intro.mp4", "https://dl.example.com/tour.mp4"], waitTimeoutSeconds: 1 },
  };
  const cloudMs = 20 * MINUTE;
  await story.emu.control.setRules([], cloudMs);
  story.say("3. A wait that runs out of time, resumed by the next pulumi up");
  story.say(`${INDENT}The program declares:  ${declaration(videos)}`);
  story.say(`${INDENT}The cloud needs ${span(cloudMs)} for these videos; the program waits at most 1 second. $ pulumi up`);
  const stack = await story.stack("videos");
  try {
    return await resume(story, stack, videos, cloudMs);
  } catch (e) {
    await stack.stop();
    throw e;
  }
}

/** The two runs of chapter 3 on its stack. */
async function resume(story: Story, stack: DemoStack, videos: Declared, cloudMs: number): Promise<Resumed> {
  const before = await submits(story, videos);
  const first = await stack.up([videos]);
  if (!first.error) throw new Error("chapter 3: the first pulumi up was expected to time out");
  const afterTimeout = await submits(story, videos);
  story.say(`${INDENT}pulumi up stops after ${seconds(first.ms)} with:`);
  showError(story, first.error);
  const ids = taskIds(stack.outputs(videos.name));
  story.say(`${INDENT}Task ${list(ids)} is saved in the stack. ${PRODUCT_NAME.cdn} has counted ${afterTimeout - before} submit so far.`);
  await story.emu.control.advance(cloudMs);
  story.say(`${INDENT}${span(cloudMs)} later, the same program again. $ pulumi up`);
  const second = await stack.up([videos]);
  if (second.error) throw new Error(`chapter 3: the second pulumi up failed: ${second.error}`);
  const afterResume = await submits(story, videos);
  const out = stack.outputs(videos.name);
  urlLines(out).forEach((l) => story.say(l));
  story.say(`${INDENT}Status ${out.status} after ${seconds(second.ms)}, same task ${list(taskIds(out))}.`);
  story.say(`${INDENT}${PRODUCT_NAME.cdn} submits: still ${afterResume - before}. The wait was resumed; nothing was sent twice.`);
  return { stack, resource: videos, status: String(out.status), submits: { before, afterTimeout, afterResume } };
}

/** What chapter 4 told. */
export interface Forgotten {
  /** Tasks of the resource the cloud still listed after its history window. */
  cloudTasks: number;
  /** Status queries the refresh sent. */
  queries: number;
  status: string;
  historyAvailable: unknown;
}

/** Chapter 4: days later, the cloud has forgotten the task; `pulumi refresh` keeps the last known results and says so. */
export async function refreshAfterHistory(story: Story, from: Resumed): Promise<Forgotten> {
  const later = 4 * DAY;
  const product = PRODUCT_OF[from.resource.cloud];
  const ids = taskIds(from.stack.outputs(from.resource.name));
  story.say("4. Days later: pulumi refresh after the cloud has forgotten the task");
  await story.emu.control.advance(later);
  const listed = (await story.emu.control.tasks()).filter((t) => ids.includes(t.taskId)).length;
  story.say(`${INDENT}${span(later)} pass, on the emulator's clock and on the machine that runs Pulumi.`);
  story.say(`${INDENT}${PRODUCT_NAME[product]} keeps task history for 3 days: it now lists ${listed} URLs for task ${list(ids)}. $ pulumi refresh`);
  const offset = (await story.emu.control.state()).now - Date.now();
  const stack = await from.stack.later({ clockOffsetMs: offset });
  try {
    const queriesBefore = (await story.emu.control.stats()).queries[product];
    const run = await stack.refresh();
    if (run.error) throw new Error(`chapter 4: pulumi refresh failed: ${run.error}`);
    const queries = (await story.emu.control.stats()).queries[product] - queriesBefore;
    const out = stack.outputs(from.resource.name);
    story.say(`${INDENT}The refresh keeps the last known results: status ${out.status}, ${out.succeededCount}/${out.urlCount} URLs warm, ` +
      `task ${list(taskIds(out))}.`);
    story.say(`${INDENT}It says so with historyAvailable = ${out.historyAvailable}, and it sent ${queries} status queries: the cloud ` +
      "can no longer confirm them.");
    return { cloudTasks: listed, queries, status: String(out.status), historyAvailable: out.historyAvailable };
  } finally {
    await stack.stop();
  }
}
