/**
 * `npm run demo`: the features of the package as a short story on the emulator, in plain words: a clean warm-up on
 * EdgeOne and Alibaba Cloud CDN, a URL that fails with the vendor's reason, a wait that times out and is resumed by
 * the next `pulumi up` without resubmitting, a `pulumi refresh` after the cloud has forgotten the task, and a second
 * release of a static site that purges and warms only the changed files (demo-release.ts). Each
 * `pulumi up` runs the provider in Pulumi's own dynamic-provider host (demo-stack.ts); the chapters live in
 * demo-chapters.ts. Ends with the next steps for a real account.
 */
import { performance } from "node:perf_hooks";
import { startEmulator, type RunningEmulator } from "../emulator";
import { cleanWarmUp, failedUrl, refreshAfterHistory, timeoutThenResume } from "./demo-chapters";
import { secondRelease } from "./demo-release";
import { packageRoot } from "./demo-stack";
import { INDENT, createStory, seconds, type Story } from "./demo-story";


/** What {@link tellStory} returns: each chapter's facts. */
export type StoryFacts = {
  warmUp: Awaited<ReturnType<typeof cleanWarmUp>>;
  failure: Awaited<ReturnType<typeof failedUrl>>;
  resumed: Omit<Awaited<ReturnType<typeof timeoutThenResume>>, "stack">;
  forgotten: Awaited<ReturnType<typeof refreshAfterHistory>>;
  release: Awaited<ReturnType<typeof secondRelease>>;
};

function intro(story: Story): void {
  story.say("pulumi-cdn-prefetch warms CDN caches from `pulumi up` and waits until every URL is done.");
  story.say("This demo runs it against a local emulator of the EdgeOne and Alibaba Cloud CDN APIs: no account, no cost.");
  story.say("The emulator checks every request's signature and keeps its own clock, so minutes of cloud time pass in a");
  story.say("moment. Pulumi runs the provider as in a real deployment, in its own provider host; lines marked │ are what");
  story.say("`pulumi up` prints.");
}

function nextSteps(story: Story): void {
  story.say("Next steps with a real account, in your own Pulumi TypeScript program:");
  story.say(`${INDENT}npm install pulumi-cdn-prefetch          (then declare resources as in examples/quickstart)`);
  story.say(`${INDENT}pulumi config set tencentcloud:secretId <id>  &&  pulumi config set --secret tencentcloud:secretKey <key>`);
  story.say(`${INDENT}pulumi config set alicloud:accessKey <id>     &&  pulumi config set --secret alicloud:secretKey <secret>`);
  story.say(`${INDENT}pulumi up`);
  story.say("More: examples/static-site-release (upload to OSS, then purge and warm the changed files; the same for EdgeOne in");
  story.say("examples/static-site-release-edgeone) and examples/downstream-gate (a second stack that reads the result through a");
  story.say("StackReference and proceeds only when it succeeded).");
}

/** Tells the five chapters on a running emulator (its clock is stopped for the story). */
export async function tellStory(story: Story): Promise<StoryFacts> {
  await story.emu.control.setClock({ mode: "manual" });
  story.say();
  const warmUp = await cleanWarmUp(story);
  story.say();
  const failure = await failedUrl(story);
  story.say();
  const { stack, ...resumed } = await timeoutThenResume(story);
  story.say();
  let forgotten: StoryFacts["forgotten"];
  try {
    forgotten = await refreshAfterHistory(story, { stack, ...resumed });
  } finally {
    await stack.stop();
  }
  story.say();
  const release = await secondRelease(story);
  return { warmUp, failure, resumed, forgotten, release };
}

/** Runs the whole demo; `out` receives every line (stdout by default). */
export async function runDemo(out?: (line: string) => void): Promise<StoryFacts> {
  const start = performance.now();
  let emu: RunningEmulator | undefined;
  try {
    emu = await startEmulator({ port: 0 });
    const story = createStory({ emu, cwd: packageRoot(), out });
    intro(story);
    const facts = await tellStory(story);
    story.say();
    nextSteps(story);
    story.say(`Demo finished in ${seconds(performance.now() - start)}.`);
    return facts;
  } finally {
    await emu?.close();
  }
}

if (require.main === module) {
  runDemo().then(() => process.exit(0), (e: unknown) => {
    console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
