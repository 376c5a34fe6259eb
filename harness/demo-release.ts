/**
 * Chapter 5 of the demo, "a second release" (issue 11): a small static site on Alibaba Cloud CDN declared with one
 * version per URL and `purgeFirst`. The first release purges and warms every file; the second changes three files'
 * versions (and the origin), and only those three are purged and warmed — the emulator's counters prove it, the
 * resource's `lastRun` says how many URLs were skipped, and the emulator's edge model tells which version the edge
 * serves. The same release on a second resource without `purgeFirst` leaves the edge serving the old copies (the
 * emulator's default `edge.prefetchOfCached` = `keep`: a prefetch leaves a cached copy as it is, emulator/core/edge.ts).
 */
import { upWhileCloudWorks } from "./demo-chapters";
import type { Declared, DemoStack } from "./demo-stack";
import { INDENT, PRODUCT_NAME, declaration, list, span, type Story } from "./demo-story";

/** Files of the demo site: the three a release changes, then pages that stay the same. */
const CHANGED = ["index.html", "assets/app.js", "assets/app.css"];
const SITE = [...CHANGED, ...Array.from({ length: 37 }, (_, i) => `docs/page-${String(i + 1).padStart(2, "0")}.html`)];
/** Poll interval of the chapter's resources (the emulator answers at once). */
const PACE = { pollIntervalSeconds: 0.05 };
/** Cloud time of one purge or one prefetch of a file. */
const CLOUD_MS = 60_000;

/** What the emulator counted for Alibaba Cloud CDN during one run. */
export interface Counted {
  purged: number;
  warmed: number;
}

/** What chapter 5 told. */
export interface SecondRelease {
  urlCount: number;
  first: Counted;
  /** The second release of the site with `purgeFirst`: counters, `lastRun` figures, and the version the edge serves per changed file. */
  second: Counted & { skipped: number; status: string; edge: Record<string, string | null> };
  /** The same release on the resource without `purgeFirst`. */
  withoutPurge: Counted & { edge: Record<string, string | null> };
}

/** One release of the site on `domain`: every file at `v1` except those given. */
function release(name: string, domain: string, purgeFirst: boolean, changed: readonly string[] = []): Declared {
  const urls = SITE.map((f) => ({ url: `https://${domain}/${f}`, version: changed.includes(f) ? "v2" : "v1" }));
  return { cloud: "alibaba-cdn", name, pace: PACE, args: { domain, urls, purgeFirst } };
}

/** Runs `pulumi up`; returns what the CDN counted meanwhile. */
async function counted(story: Story, run: () => Promise<{ error: string | null }>): Promise<Counted> {
  const before = await story.emu.control.stats();
  const r = await run();
  if (r.error) throw new Error(`chapter 5: pulumi up failed: ${r.error}`);
  const after = await story.emu.control.stats();
  return { purged: after.purgedUrls.cdn - before.purgedUrls.cdn, warmed: after.submittedUrls.cdn - before.submittedUrls.cdn };
}

/** The version the CDN's edge serves for each changed file of `domain` (null: nothing cached). */
async function served(story: Story, domain: string): Promise<Record<string, string | null>> {
  const edge = (await story.emu.control.edge()).cdn;
  return Object.fromEntries(CHANGED.map((f) => [f, edge[`https://${domain}/${f}`]?.version ?? null]));
}

/** `v2 of all 3`, or each file with its version when they differ. */
function versions(edge: Record<string, string | null>): string {
  const vs = new Set(Object.values(edge));
  if (vs.size === 1) return `${[...vs][0] ?? "nothing"} of all ${Object.keys(edge).length}`;
  return list(Object.entries(edge).map(([f, v]) => `${v ?? "nothing"} of ${f}`));
}

/** Moves the origin of `files` on `domain` to `v2`, as a deploy does before `pulumi up`. */
async function deploy(story: Story, domain: string, files: readonly string[]): Promise<void> {
  await story.emu.control.setOrigin(Object.fromEntries(files.map((f) => [`https://${domain}/${f}`, "v2"])));
}

/** Chapter 5: a second release purges and warms only the changed files; without `purgeFirst` the edge keeps the old ones. */
export async function secondRelease(story: Story): Promise<SecondRelease> {
  const site = "static.example.com";
  const mirror = "mirror.example.com";
  await story.emu.control.setRules([], CLOUD_MS);
  await story.emu.control.setOrigin(Object.fromEntries([site, mirror].flatMap((d) => SITE.map((f) => [`https://${d}/${f}`, "v1"]))));
  story.say("5. A second release: purge and warm only what changed");
  story.say(`${INDENT}The program declares:  ${declaration(release("static", site, true))}`);
  story.say(`${INDENT}                        ${declaration(release("mirror", mirror, false))}`);
  story.say(`${INDENT}A version is a file's content hash (e.g. its OSS etag); a purge or a prefetch takes the cloud ${span(CLOUD_MS)}.`);
  story.say(`${INDENT}First release, every file at v1. $ pulumi up`);
  const stack = await story.stack("release");
  try {
    return await releases(story, stack, site, mirror);
  } finally {
    await stack.stop();
  }
}

/** The three runs of chapter 5 on its stack. */
async function releases(story: Story, stack: DemoStack, site: string, mirror: string): Promise<SecondRelease> {
  const cdn = PRODUCT_NAME.cdn;
  const first = await counted(story, () => upWhileCloudWorks(story, stack, [release("static", site, true), release("mirror", mirror, false)],
    [["static (purge)", CLOUD_MS], ["static", CLOUD_MS], ["mirror", CLOUD_MS]]));
  story.say(`${INDENT}${cdn} counted ${first.purged} URLs purged and ${first.warmed} warmed: "static" purged, then warmed its ${SITE.length} ` +
    `files; "mirror" warmed its ${SITE.length}.`);
  story.say(`${INDENT}Release 2 changes ${list(CHANGED)}: v2 at the origin and in \`urls\`. $ pulumi up`);
  await deploy(story, site, CHANGED);
  const second = await counted(story, () => upWhileCloudWorks(story, stack, [release("static", site, true, CHANGED), release("mirror", mirror, false)],
    [["static (purge)", CLOUD_MS], ["static", CLOUD_MS]]));
  const out = stack.outputs("static");
  const lastRun = out.lastRun as { skippedCount: number };
  const urlCount = Number(out.urlCount);
  const daily = (await story.emu.control.state()).config.quotas.cdn.daily;
  const edge = await served(story, site);
  story.say(`${INDENT}Only the changed files were purged and warmed: ${cdn} counted ${second.purged} URLs purged, then ${second.warmed} warmed.`);
  story.say(`${INDENT}${lastRun.skippedCount} of ${urlCount} URLs skipped: the release spent ${second.warmed} of the ` +
    `${daily.toLocaleString("en-US")} prefetch URLs ${cdn} allows a day, not ${urlCount}.`);
  story.say(`${INDENT}The edge now serves ${versions(edge)} changed files; "static" reports status ${out.status}.`);
  story.say(`${INDENT}The same release on "mirror", declared without purgeFirst. $ pulumi up`);
  await deploy(story, mirror, CHANGED);
  const plain = await counted(story, () => upWhileCloudWorks(story, stack, [release("static", site, true, CHANGED), release("mirror", mirror, false, CHANGED)],
    [["mirror", CLOUD_MS]]));
  const stale = await served(story, mirror);
  story.say(`${INDENT}It warmed its ${plain.warmed} changed files (${plain.purged} purged), yet the edge still serves ${versions(stale)}: ` +
    "without purgeFirst, a prefetch leaves a cached copy as it is.");
  return {
    urlCount, first,
    second: { ...second, skipped: lastRun.skippedCount, status: String(out.status), edge },
    withoutPurge: { ...plain, edge: stale },
  };
}
