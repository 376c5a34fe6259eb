/**
 * Variants shared by every product module. Each module lists the ones it honours in its own `variants`; the control
 * plane de-duplicates them by name, so one setting (`config.variants["tasks.visibilityLag"]`) applies to all.
 */
import type { EmulatorConfig } from "./types";
import { variantValue, type VariantDef } from "./variants";

/**
 * `tasks.visibilityLag`: virtual ms after a submit before the query and list APIs show its tasks. No vendor page says
 * when an accepted task becomes queryable; the CDN list page only says "API calls trigger asynchronous updates to the
 * task status" (cloud-apis.md §A.1 DescribeRefreshTasks, https://alibabacloud.com/help/en/cdn/api-describerefreshtasks)
 * and the emulator checklist of cloud-apis.md lists a "not visible yet" delay as plausible. EdgeOne's
 * DescribePrefetchTasks page (seed 003) is silent too.
 */
export const tasksVisibilityLag: VariantDef = {
  name: "tasks.visibilityLag",
  products: ["teo", "cdn", "dcdn", "esa"],
  values: ["0", "5000"],
  behaviour: {
    "0": "a task is visible to queries from the instant its submit is answered (or after config.visibilityLagMs)",
    "5000": "a task stays invisible to every query and list API for 5,000 virtual ms after its submit",
  },
  why:
    "Undocumented: no query page (seeds 000-003, cloud-apis.md §A.1-§A.4) says when an accepted task becomes " +
    "queryable; the CDN DescribeRefreshTasks page says status updates are asynchronous (cloud-apis.md §A.1).",
};

/**
 * The visibility lag in force, virtual ms: the larger of the configured `visibilityLagMs` and the
 * `tasks.visibilityLag` variant, so the variant never shortens a lag a test configured on purpose.
 */
export function visibilityLagMs(config: EmulatorConfig): number {
  return Math.max(config.visibilityLagMs, Number(variantValue(config, tasksVisibilityLag)));
}
