/**
 * Bench figures that need no emulator: the serialized `__provider` size per cloud, the Pulumi dynamic-provider host's
 * start-up time, and `check` on 10,000 URLs.
 */
import * as path from "node:path";
import { startHost } from "../harness/host";
import { serializeProvider } from "../harness/serialize";
import { checkInputs } from "../provider/resources/check";
import { MAX_URLS } from "../provider/resources/limits";
import type { CloudKind } from "../provider/model/cloud";
import { shimFor } from "../sdk/shim";
import { bytes, median, ms, timed, type Figure } from "./measure";

/** The program directory the host runs in (resolves `@pulumi/pulumi` and this package from the checkout). */
export const PROGRAM_DIR = path.resolve(__dirname, "..", "examples", "quickstart");

const CLOUDS: CloudKind[] = ["edgeone", "alibaba-cdn", "alibaba-dcdn", "alibaba-esa"];

/** (a) `__provider` text size per cloud, as `dynamic.Resource` serializes it. */
export async function providerSizes(): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const cloud of CLOUDS) {
    const text = await serializeProvider(shimFor(cloud));
    out.push({
      name: `__provider size, ${cloud}`, value: bytes(Buffer.byteLength(text, "utf8")),
      how: cloud === CLOUDS[0] ? "UTF-8 bytes of serializeProvider(shimFor(cloud)) (harness/serialize.ts: pulumi.runtime.serializeFunction)" : "the same",
    });
  }
  return out;
}

/** Host start-ups timed for the median. */
const HOST_STARTS = 5;

/** (b) Median time from spawning `@pulumi/pulumi/cmd/dynamic-provider` to its port line, then one RPC answered. */
export async function hostStartup(): Promise<Figure[]> {
  const toPort: number[] = [];
  const toRpc: number[] = [];
  for (let i = 0; i < HOST_STARTS; i++) {
    const { result: host, ms: portMs } = await timed(() => startHost({ cwd: PROGRAM_DIR }));
    try {
      const { ms: rpcMs } = await timed(() => host.pluginInfo());
      toPort.push(portMs);
      toRpc.push(portMs + rpcMs);
    } finally {
      await host.stop();
    }
  }
  const how = `median of ${HOST_STARTS} sequential starts of harness/host.ts startHost (runs: ${toPort.map((x) => x.toFixed(0)).join(", ")} ms)`;
  return [
    { name: "host start-up (port printed)", value: ms(median(toPort)), how },
    { name: "host start-up (first RPC answered)", value: ms(median(toRpc)), how: "the same starts, until GetPluginInfo returned" },
  ];
}

/** Timed `check` runs after one warm-up. */
const CHECK_RUNS = 5;

/** (c) In-process `check` of 10,000 URLs (schema, URL parsing, scope, duplicates). */
export async function checkTime(): Promise<Figure[]> {
  const cases: { cloud: CloudKind; news: Record<string, unknown> }[] = [
    { cloud: "edgeone", news: { zoneId: "zone-bench01", zoneName: "example.com", urls: Array.from({ length: MAX_URLS }, (_, i) => `https://www.example.com/assets/${i}.js`) } },
    { cloud: "alibaba-cdn", news: { domain: "cdn.example.com", urls: Array.from({ length: MAX_URLS }, (_, i) => `/assets/${i}.js`) } },
  ];
  const out: Figure[] = [];
  for (const c of cases) {
    const first = checkInputs(c.cloud, c.news);
    if (first.failures.length > 0) throw new Error(`bench check input is invalid: ${JSON.stringify(first.failures.slice(0, 3))}`);
    const runs: number[] = [];
    for (let i = 0; i < CHECK_RUNS; i++) runs.push((await timed(() => checkInputs(c.cloud, c.news))).ms);
    out.push({
      name: `check, ${MAX_URLS.toLocaleString("en-US")} URLs, ${c.cloud}`, value: ms(median(runs)),
      how: out.length > 0 ? "the same" : `median of ${CHECK_RUNS} in-process checkInputs() calls after 1 warm-up (provider/resources/check.ts)`,
    });
  }
  return out;
}
