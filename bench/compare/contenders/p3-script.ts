/**
 * P3, a careful script (issue 9): submits in chunks the cloud accepts, polls every submitted job at a fixed 1 s
 * interval with as few calls as the API allows (10 ids per Alibaba call), stops polling a job once all its URLs are
 * terminal, and retries a throttled call up to 10 times, 1 s apart. Any other error ends the script.
 */
import { urlKey } from "../clouds";
import { allTerminal, chunks, isThrottle, sleep, statusOf, type CloudOps } from "./ops";

/** The script's poll interval and throttle back-off. */
const INTERVAL_MS = 1_000;

/** Throttled calls are retried this many times before the script gives up. */
const THROTTLE_RETRIES = 10;

async function patient<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!isThrottle(e) || attempt >= THROTTLE_RETRIES) throw e;
      await sleep(INTERVAL_MS);
    }
  }
}

/** Submits `urls`, then polls until every URL is terminal; throws when one failed or a call could not be made. */
export async function carefulScript(ops: CloudOps, urls: readonly string[], guardAt: number): Promise<void> {
  let open: { ids: string[]; keys: string[] }[] = [];
  for (const chunk of chunks(urls, ops.chunk)) open.push({ ids: await patient(() => ops.submit(chunk)), keys: chunk.map(urlKey) });
  const own = new Set(urls.map(urlKey));
  const failed = new Set<string>();
  for (;;) {
    const states = await statusOf(ops, open.flatMap((j) => j.ids), patient);
    for (const [k, v] of states) if (v === "failed" && own.has(k)) failed.add(k);
    open = open.filter((j) => !allTerminal(states, j.keys));
    if (open.length === 0) break;
    if (Date.now() > guardAt) throw new Error("bench guard reached");
    await sleep(INTERVAL_MS);
  }
  if (failed.size > 0) throw new Error(`${failed.size} URL(s) failed`);
}
