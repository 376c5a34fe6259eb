/**
 * P1, the CLI waiter: a CI job that submits with the vendor CLI, then runs the CLI's `--waiter` on each submit's task
 * ids in turn (`aliyun cdn DescribeRefreshTaskById --TaskId <ids> --waiter expr=… to=Complete`,
 * `tccli teo DescribePrefetchTasks --Filters job-id … --waiter "{…'to':'success'}"`).
 *
 * The waiter (aliyun/aliyun-cli `openapi/waiter.go` `CallWith`; tccli's documented defaults,
 * https://www.tencentcloud.com/document/product/1013/52430): call at once, then every `interval` (default 5 s) until the
 * expression equals the one expected value; fail after `timeout` (default 180 s); the first API error ends the command
 * (no throttling retry, cloud-apis.md §E). The expression is taken to cover every URL of the submit (a JMESPath over
 * `Tasks`), the most generous reading; like the real waiter it waits for success only. Each command (a submit, a
 * waiter) starts a CLI process first ({@link CLI_COMMAND_START_MS}); a waiter's polls run inside its one process.
 */
import { urlKey } from "../clouds";
import { allSucceeded, chunks, sleep, statusOf, type CloudOps } from "./ops";

/** `interval` default: 5 s (aliyun-cli `openapi/waiter.go` `WaiterFlag`, `DefaultValue: "5"`). */
export const WAITER_INTERVAL_MS = 5_000;

/** `timeout` default: 180 s (aliyun-cli `openapi/waiter.go` `WaiterFlag`, `DefaultValue: "180"`). */
export const WAITER_TIMEOUT_MS = 180_000;

/**
 * What one CLI command costs before its first call: a process start, reading the CLI's credentials file and a new TLS
 * connection to the API. An assumption of this bench (no vendor figure; `aliyun`, a Go binary, needs less, `tccli`, a
 * Python program, more): without it, commands run back to back against a local emulator answering in about 2 ms
 * would outpace the documented rate limits as no shell loop of CLI commands can.
 */
export const CLI_COMMAND_START_MS = 50;

/** Submits `urls` chunk by chunk, then waits on each chunk's ids in turn; throws what the CLI would print. */
export async function cliWaiter(ops: CloudOps, urls: readonly string[], guardAt: number): Promise<void> {
  const jobs: { ids: string[]; keys: string[] }[] = [];
  for (const chunk of chunks(urls, ops.chunk)) {
    await sleep(CLI_COMMAND_START_MS);
    jobs.push({ ids: await ops.submit(chunk), keys: chunk.map(urlKey) });
  }
  for (const job of jobs) {
    await sleep(CLI_COMMAND_START_MS);
    const begin = Date.now();
    while (!allSucceeded(await statusOf(ops, job.ids), job.keys)) {
      if (Date.now() - begin > WAITER_TIMEOUT_MS) throw new Error(`wait to 'success' timeout(${WAITER_TIMEOUT_MS / 1000}seconds)`);
      if (Date.now() > guardAt) throw new Error("bench guard reached");
      await sleep(WAITER_INTERVAL_MS);
    }
  }
}
