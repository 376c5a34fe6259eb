/**
 * P2, Terraform: `tencentcloud_teo_prefetch_task_operation` (tencentcloudstack/terraform-provider-tencentcloud
 * `tencentcloud/services/teo/resource_tc_teo_prefetch_task_operation.go`). Create submits inside
 * `resource.Retry(tccommon.WriteRetryTimeout)` (5 min, `tencentcloud/common/common.go`), then polls
 * `DescribePrefetchTasks` (job-id filter, `Limit: 1000`) inside `resource.Retry(d.Timeout(Create))` (10 min): no tasks
 * or any `processing` is retryable, `failed`/`timeout` ends it, an API error is retried when `tccommon.RetryError`
 * deems it retryable (`RequestLimitExceeded` among them).
 *
 * `resource.Retry` is terraform-plugin-sdk v2 `helper/resource` `RetryContext`: a `StateChangeConf` with
 * `MinTimeout: 500 ms` whose `WaitForStateContext` refreshes at once, then sleeps a `wait` that starts at 100 ms, is
 * doubled before each sleep and bounded to [MinTimeout, 10 s]: 0.5, 1, 2, 4, 8, then 10 s.
 *
 * The resource submits all its targets in one call; beyond the zone's `Batch` (1,000) a user needs one resource per
 * 1,000 URLs, which poll side by side on the same schedule: modelled as one loop over every job id. Alibaba CDN has no
 * waiting Terraform resource (`alicloud_cdn_preload_object_cache` does not wait, cloud-apis.md §E); the same loop runs
 * over `PushObjectCache` and `DescribeRefreshTaskById`, retrying what alicloud's `NeedRetry` retries
 * (aliyun/terraform-provider-alicloud `alicloud/errors.go`: `Throttling…`, `ServiceUnavailable`, 5xx).
 */
import { urlKey } from "../clouds";
import { chunks, codeOf, isThrottle, sleep, statusOf, type CloudOps } from "./ops";

/** `tccommon.WriteRetryTimeout`: 5 min (`tencentcloud/common/common.go`, `TENCENTCLOUD_WRITE_RETRY_TIMEOUT` unset). */
const WRITE_RETRY_TIMEOUT_MS = 5 * 60_000;

/** The resource's Create timeout: `schema.DefaultTimeout(10 * time.Minute)` (resource_tc_teo_prefetch_task_operation.go). */
const CREATE_TIMEOUT_MS = 10 * 60_000;

/** `tccommon.retryableErrorCode` (`tencentcloud/common/common.go`), matched on the long or the short code. */
const TENCENT_RETRYABLE = ["ClientError.NetworkError", "ClientError.HttpStatusCodeError", "RequestLimitExceeded", "ResourceInUse",
  "ResourceUnavailable", "ResourceBusy", "InvalidParameter.ActionInProgress"];

/** Whether Terraform retries `e`: the Tencent list, alicloud's `NeedRetry`, and any error without a code (network). */
export function terraformRetries(e: unknown): boolean {
  const code = codeOf(e);
  if (!code) return true;
  const status = (e as { statusCode?: number }).statusCode ?? 0;
  return TENCENT_RETRYABLE.includes(code) || TENCENT_RETRYABLE.includes(code.split(".")[0]) || isThrottle(e)
    || code === "ServiceUnavailable" || status >= 500;
}

/** The sleeps of `resource.Retry` (see the file comment): 0.5, 1, 2, 4, 8, 10, 10, … s. */
export function* terraformSleeps(): Generator<number> {
  for (let wait = 100; ;) {
    wait = Math.min(10_000, Math.max(500, wait * 2));
    yield wait;
  }
}

type Attempt<T> = { value: T } | { retry: string };

/** `resource.Retry(timeout, f)`: `f` returns a value or a retryable reason, or throws to stop. */
export async function terraformRetry<T>(timeoutMs: number, guardAt: number, f: () => Promise<Attempt<T>>): Promise<T> {
  const start = Date.now();
  const sleeps = terraformSleeps();
  for (;;) {
    const r = await f();
    if ("value" in r) return r.value;
    const wait = sleeps.next().value as number;
    if (Date.now() - start + wait > timeoutMs) throw new Error(`timeout while waiting for state to become 'success': ${r.retry}`);
    if (Date.now() > guardAt) throw new Error("bench guard reached");
    await sleep(wait);
  }
}

async function retryable<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { value: await call() };
  } catch (e) {
    if (terraformRetries(e)) return { retry: String(codeOf(e) || e) };
    throw e;
  }
}

/** Submits `urls` (each submit in its own `resource.Retry`), then polls every job in one `resource.Retry`. */
export async function terraform(ops: CloudOps, urls: readonly string[], guardAt: number): Promise<void> {
  const ids: string[] = [];
  for (const chunk of chunks(urls, ops.chunk)) ids.push(...await terraformRetry(WRITE_RETRY_TIMEOUT_MS, guardAt, () => retryable(() => ops.submit(chunk))));
  const keys = urls.map(urlKey);
  await terraformRetry(CREATE_TIMEOUT_MS, guardAt, async (): Promise<Attempt<void>> => {
    const read = await retryable(() => statusOf(ops, ids));
    if (!("value" in read)) return read;
    const states = read.value;
    if (keys.some((k) => !states.has(k) || states.get(k) === "pending")) return { retry: "prefetch task is still processing" };
    if (keys.some((k) => states.get(k) === "failed")) throw new Error("prefetch task failed");
    return { value: undefined };
  });
}
