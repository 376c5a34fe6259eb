/**
 * (e) Emulator throughput: `DescribePrefetchTasks` calls per second made with the official TEO SDK client
 * (`tencentcloud-sdk-nodejs-teo`, configured as the EdgeOne adapter configures it), each call signed with TC3 and
 * verified by the emulator.
 */
import * as TeoSdk from "tencentcloud-sdk-nodejs-teo";
import { teoClientConfig } from "../provider/adapters/edgeone/client";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../provider/resources/connection";
import { type Figure } from "./measure";
import { performance } from "node:perf_hooks";

/** How long each throughput run lasts, ms. */
const RUN_MS = 2000;

/** Calls kept in flight per run. */
const CONCURRENCY = [1, 8];

/** Describe calls per second against the emulator at `url`, for a job of the given zone. */
export async function throughputFigures(url: string, secretId: string, secretKey: string, zoneId: string, jobId: string): Promise<Figure[]> {
  const client = new TeoSdk.teo.v20220901.Client(teoClientConfig({
    credentials: { accessKeyId: secretId, accessKeySecret: secretKey, securityToken: null },
    region: "", endpoint: url, requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS, signatureAlgorithm: "v3",
    tencentDomain: null, alibabaAccountType: null, alibabaPreloadDetail: false,
  }));
  const request = { ZoneId: zoneId, Offset: 0, Limit: 1000, Filters: [{ Name: "job-id", Values: [jobId] }] };
  const first = await client.DescribePrefetchTasks(request);
  const tasks = first.Tasks?.length ?? 0;
  if (tasks === 0) throw new Error(`job ${jobId} has no tasks on the emulator`);
  const figures: Figure[] = [];
  for (const inFlight of CONCURRENCY) {
    let calls = 0;
    const start = performance.now();
    const deadline = start + RUN_MS;
    const worker = async () => {
      while (performance.now() < deadline) {
        await client.DescribePrefetchTasks(request);
        calls++;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const seconds = (performance.now() - start) / 1000;
    figures.push({
      name: `emulator throughput, ${inFlight} in flight`, value: `${Math.round(calls / seconds).toLocaleString("en-US")} calls/s`,
      how: figures.length > 0 ? "the same" : `DescribePrefetchTasks (job-id filter, ${tasks} tasks per reply) with the official TEO SDK ` +
        `client for ${RUN_MS / 1000} s, TC3 signature verified per call; client and emulator share this process and its event loop`,
    });
  }
  return figures;
}
