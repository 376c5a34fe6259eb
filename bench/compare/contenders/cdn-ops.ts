/**
 * Alibaba Cloud CDN submit and status calls made with the official `@alicloud/cdn20180510` client (over
 * `@alicloud/openapi-core`), configured as cloud-apis.md §C.5 shows for a local endpoint. The status call is what
 * `aliyun cdn DescribeRefreshTaskById --TaskId <PushTaskId> --waiter …` sends: the submit's id list passed through,
 * at most 10 ids per call (cloud-apis.md §A.1).
 */
import Cdn, * as CdnSdk from "@alicloud/cdn20180510";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { urlKey } from "../clouds";
import type { EmulatorTarget } from "../types";
import type { CloudOps, UrlState } from "./ops";

/** "You can specify up to 100 URLs in each request" (https://www.alibabacloud.com/help/en/cdn/api-pushobjectcache). */
const CDN_URLS_PER_PUSH = 100;

/** `DescribeRefreshTaskById` `TaskId`: "up to 10 IDs, comma-separated" (cloud-apis.md §A.1). */
const CDN_IDS_PER_QUERY = 10;

/** Both httpx timeouts (they default to 3 s, cloud-apis.md §C.6). */
const TIMEOUT_MS = 30_000;

/** `Status` → contender state (Complete | Pending | Refreshing | Failed, cloud-apis.md §A.1). */
function stateOf(status: string | undefined): UrlState {
  if (status === "Complete") return "succeeded";
  return status === "Failed" ? "failed" : "pending";
}

/** Alibaba CDN operations through the official SDK. */
export function cdnOps(target: EmulatorTarget): CloudOps {
  const client = new Cdn(new $OpenApiUtil.Config({
    accessKeyId: target.alibaba.accessKeyId, accessKeySecret: target.alibaba.accessKeySecret, regionId: "cn-hangzhou",
    endpoint: new URL(target.url).host, protocol: "http", readTimeout: TIMEOUT_MS, connectTimeout: TIMEOUT_MS,
  }));
  return {
    chunk: CDN_URLS_PER_PUSH,
    idsPerQuery: CDN_IDS_PER_QUERY,
    async submit(urls) {
      const res = await client.pushObjectCache(new CdnSdk.PushObjectCacheRequest({ objectPath: urls.map(urlKey).join("\n") }));
      return (res.body?.pushTaskId ?? "").split(",").filter(Boolean);
    },
    async query(taskIds) {
      const res = await client.describeRefreshTaskById(new CdnSdk.DescribeRefreshTaskByIdRequest({ taskId: taskIds.join(",") }));
      return new Map((res.body?.tasks ?? []).filter((t) => t.objectPath).map((t) => [urlKey(t.objectPath!), stateOf(t.status)]));
    },
  };
}
