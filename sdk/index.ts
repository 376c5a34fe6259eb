/**
 * pulumi-cdn-prefetch: Pulumi resources that prefetch (warm) CDN caches on Tencent Cloud EdgeOne and Alibaba Cloud
 * CDN, DCDN and ESA, and wait until every URL is done.
 */
export { EdgeOnePrefetch, AlibabaCdnPrefetch, AlibabaDcdnPrefetch, AlibabaEsaPrefetch } from "./resources";
export { PrefetchResource } from "./base";
export { urlsAt } from "./url-indexes";
export type { UrlResultOutput, BatchOutput, UncertainBatchOutput, MediaSegmentsOutput, PurgeOutput, LastRunOutput, ResultGroupOutput } from "./base";
export type { VersionedUrl, PrefetchArgs, EdgeOnePrefetchArgs, AlibabaCdnPrefetchArgs, AlibabaEsaPrefetchArgs } from "./args";
export type { TaskStatus, UrlStatus } from "../provider/model/status";
export type { CloudKind } from "../provider/model/cloud";
