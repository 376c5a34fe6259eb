/**
 * (d) End-to-end creates through Pulumi's real dynamic-provider host (harness/host.ts) against the emulator: Check,
 * then Create, timed from the client side, with the emulator's API call counts for the run.
 */
import type { EmulatorStats, startEmulator } from "../emulator";
import { startHost } from "../harness/host";
import { serializeProvider } from "../harness/serialize";
import type { CloudKind } from "../provider/model/cloud";
import { shimFor } from "../sdk/shim";
import { ms, timed, type Figure } from "./measure";
import { PROGRAM_DIR } from "./static";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** One bench scenario. */
interface CreateCase {
  cloud: CloudKind;
  type: string;
  product: "teo" | "cdn";
  base: Record<string, unknown>;
  url: (i: number) => string;
  sizes: number[];
}

const CASES: CreateCase[] = [
  {
    cloud: "edgeone", type: "EdgeOnePrefetch", product: "teo",
    base: { zoneId: "zone-bench01" }, url: (i) => `https://www.example.com/bench/${i}.js`, sizes: [10, 100, 1000],
  },
  {
    cloud: "alibaba-cdn", type: "AlibabaCdnPrefetch", product: "cdn",
    base: { domain: "cdn.example.com" }, url: (i) => `/bench/${i}.js`, sizes: [100, 1000],
  },
];

/** What one run cost on the emulator, for one product. */
interface RunCalls {
  submits: number;
  queries: number;
  /** Every other call of the product (quota reads). */
  other: number;
}

/** Calls of `product` between two stats snapshots (`submits`/`queries` are the emulator's own classification). */
function delta(before: EmulatorStats, after: EmulatorStats, product: CreateCase["product"]): RunCalls {
  const total = (s: EmulatorStats) => Object.entries(s.calls).filter(([k]) => k.startsWith(`${product}:`)).reduce((n, [, v]) => n + v, 0);
  const submits = after.submits[product] - before.submits[product];
  const queries = after.queries[product] - before.queries[product];
  return { submits, queries, other: total(after) - total(before) - submits - queries };
}

/** Runs every create scenario through one host (`durationMs`: the emulator's time in progress per URL); `taskIdOut` receives the 10-URL EdgeOne job id for (e). */
export async function createFigures(emu: Emulator, env: Record<string, string>, durationMs: number, taskIdOut: { teo?: string }): Promise<Figure[]> {
  const host = await startHost({ cwd: PROGRAM_DIR, env });
  const figures: Figure[] = [];
  try {
    await host.configure({});
    for (const c of CASES) {
      const provider = await serializeProvider(shimFor(c.cloud));
      for (const n of c.sizes) {
        const urn = `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/cdn-prefetch:${c.type}::warm-${n}`;
        const news = { ...c.base, urls: Array.from({ length: n }, (_, i) => c.url(i)), pollIntervalSeconds: 0.05, progressLabel: `bench-${n}`, __provider: provider };
        const before = await emu.control.stats();
        const { result, ms: wall } = await timed(async () => {
          const checked = await host.check(urn, {}, news);
          if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures.slice(0, 3))}`);
          return host.create(urn, checked.inputs);
        });
        const props = result.properties;
        if (props.status !== "succeeded") throw new Error(`${c.cloud} ${n} URLs ended ${String(props.status)}`);
        if (c.product === "teo" && n === 10) taskIdOut.teo = (props.taskIds as string[])[0];
        const d = delta(before, await emu.control.stats(), c.product);
        figures.push({
          name: `create ${c.cloud}, ${n.toLocaleString("en-US")} URLs`,
          value: `${ms(wall)}; ${d.submits} submit(s), ${d.queries} queries, ${d.other} other`,
          how: figures.length === 0
            ? `Check+Create RPCs through the host, client wall time (each URL in progress ${durationMs} ms); emulator control.stats() submits/queries/other (quota reads) before vs after`
            : "the same",
        });
      }
    }
  } finally {
    await host.stop();
  }
  return figures;
}
