/**
 * Alibaba Cloud DCDN, API version 2018-01-15 (cloud-apis.md §A.2): what the product is and its limits. Its tasks live
 * in the family's shared store (../alibaba/tasks.ts) and render as the CDN/DCDN refresh-task item
 * (../alibaba/refresh-queries.ts); its quota as the CDN/DCDN refresh quota (../alibaba/quota.ts) without the
 * `PreloadEdge*` fields (https://alibabacloud.com/help/en/doc-detail/131402.html).
 */

/** Product identity: version, `Recommend` product code, public endpoint (`HostId`). */
export const DCDN = { product: "dcdn", code: "dcdn", version: "2018-01-15", hostId: "dcdn.aliyuncs.com" } as const;

/**
 * DescribeDcdnRefreshTasks: PageSize 1..50, array under `Tasks.Task`, ObjectType file|directory|path|preload
 * (https://alibabacloud.com/help/en/dcdn/developer-reference/api-dcdn-2018-01-15-describedcdnrefreshtasks).
 */
export const DCDN_LIST = { wrapper: "Task", maxPageSize: 50, objectTypes: ["file", "directory", "path", "preload"] } as const;
