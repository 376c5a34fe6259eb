/** ESA action name → handler, with the kind of call (submits, queries and quota reads are counted apart). */
import type { Routes } from "../alibaba/types";
import { describePurgeTasks, getPurgeQuota, purgeCaches } from "./purge";
import { describePreloadTasks, listInstanceQuotas, listInstanceQuotasWithUsage, preloadCaches } from "./responses";

/** The ESA routes. */
export const ESA_ROUTES: Routes = {
  PreloadCaches: { kind: "submit", run: preloadCaches },
  DescribePreloadTasks: { kind: "query", run: describePreloadTasks },
  ListInstanceQuotas: { kind: "quota", run: listInstanceQuotas },
  ListInstanceQuotasWithUsage: { kind: "quota", run: listInstanceQuotasWithUsage },
  PurgeCaches: { kind: "purge", run: purgeCaches },
  DescribePurgeTasks: { kind: "query", run: describePurgeTasks },
  GetPurgeQuota: { kind: "quota", run: getPurgeQuota },
};
