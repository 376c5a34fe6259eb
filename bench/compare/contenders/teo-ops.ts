/**
 * EdgeOne submit and status calls made with the official `tencentcloud-sdk-nodejs-teo` client, configured the way
 * cloud-apis.md §C.5 points it at a local endpoint. The status call is the one the Terraform resource and a `tccli
 * --waiter` make: `DescribePrefetchTasks` with a `job-id` filter and `Limit: 1000`, no time range
 * (tencentcloudstack/terraform-provider-tencentcloud `tencentcloud/services/teo/resource_tc_teo_prefetch_task_operation.go`).
 */
import * as http from "node:http";
import * as TeoSdk from "tencentcloud-sdk-nodejs-teo";
import { urlKey } from "../clouds";
import type { EmulatorTarget } from "../types";
import type { CloudOps, UrlState } from "./ops";

/** `Batch` of the zone's `prefetch_url` quota on the emulator (the `DescribeContentQuota` example, cloud-apis.md §A.4). */
const TEO_BATCH = 1000;

/** Most tasks one `DescribePrefetchTasks` page returns: "Maximum value: 1000" (seed 003); one page covers a job. */
const TEO_LIMIT = 1000;

/** `Task.Status` → contender state (seed 003: processing | success | failed | timeout | canceled, plus `invalid`). */
function stateOf(status: string | undefined): UrlState {
  if (status === "processing" || !status) return "pending";
  return status === "success" ? "succeeded" : "failed";
}

/** EdgeOne operations on `zoneId` through the official SDK. */
export function teoOps(target: EmulatorTarget, zoneId: string): CloudOps {
  const endpoint = new URL(target.url).host;
  const client = new TeoSdk.teo.v20220901.Client({
    credential: { secretId: target.tencent.secretId, secretKey: target.tencent.secretKey },
    region: "",
    // An explicit agent: without one the SDK follows `http_proxy` (cloud-apis.md §C.5).
    profile: { httpProfile: { endpoint, protocol: "http://", reqTimeout: 60, agent: new http.Agent({ keepAlive: true }) } },
  });
  return {
    chunk: TEO_BATCH,
    idsPerQuery: 1, // the `job-id` filter takes a single value (cloud-apis.md §A.4)
    async submit(urls) {
      const res = await client.CreatePrefetchTask({ ZoneId: zoneId, Targets: [...urls] });
      return res.JobId ? [res.JobId] : [];
    },
    async query(taskIds) {
      const res = await client.DescribePrefetchTasks({ ZoneId: zoneId, Limit: TEO_LIMIT, Filters: [{ Name: "job-id", Values: [...taskIds] }] });
      return new Map((res.Tasks ?? []).filter((t) => t.Target).map((t) => [urlKey(t.Target!), stateOf(t.Status)]));
    },
  };
}
