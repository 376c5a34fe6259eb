/** DCDN action name → handler, with the kind of call (submits, queries and quota reads are counted apart). */
import type { Routes } from "../alibaba/types";
import { describeDcdnRefreshQuota, describeDcdnRefreshTaskById, describeDcdnRefreshTasks, preloadDcdnObjectCaches, refreshDcdnObjectCaches } from "./responses";

/** The DCDN routes. */
export const DCDN_ROUTES: Routes = {
  PreloadDcdnObjectCaches: { kind: "submit", run: preloadDcdnObjectCaches },
  DescribeDcdnRefreshTaskById: { kind: "query", run: describeDcdnRefreshTaskById },
  DescribeDcdnRefreshTasks: { kind: "query", run: describeDcdnRefreshTasks },
  DescribeDcdnRefreshQuota: { kind: "quota", run: describeDcdnRefreshQuota },
  RefreshDcdnObjectCaches: { kind: "purge", run: refreshDcdnObjectCaches },
};
