/** CDN action name → handler, with the kind of call (submits, queries and quota reads are counted apart). */
import type { Routes } from "../alibaba/types";
import { describePreloadDetailById, describeRefreshQuota, describeRefreshTaskById, describeRefreshTasks, pushObjectCache, refreshObjectCaches } from "./responses";

/** The CDN routes. */
export const CDN_ROUTES: Routes = {
  PushObjectCache: { kind: "submit", run: pushObjectCache },
  DescribeRefreshTaskById: { kind: "query", run: describeRefreshTaskById },
  DescribeRefreshTasks: { kind: "query", run: describeRefreshTasks },
  DescribePreloadDetailById: { kind: "query", run: describePreloadDetailById },
  DescribeRefreshQuota: { kind: "quota", run: describeRefreshQuota },
  RefreshObjectCaches: { kind: "purge", run: refreshObjectCaches },
};
