/**
 * The variants that change DCDN answers. DCDN has none of its own: its undocumented behaviours are the family's
 * (../alibaba/variants.ts) and the common ones (../core/common-variants.ts).
 */
import { busyAfterFirstUse, expiredTaskIds, futureEndTime, listOrder, processCurve, taskIdsPerSubmit, throttleCode, unknownTaskId, urlEcho } from "../alibaba/variants";
import { edgePrefetchOfCached, purgeUrlMethod, tasksUnknownStatus, tasksVisibilityLag } from "../core/common-variants";
import type { VariantDef } from "../core/variants";

/** Every variant that changes DCDN answers. */
export const DCDN_VARIANTS: readonly VariantDef[] = [
  busyAfterFirstUse, futureEndTime, throttleCode, urlEcho, taskIdsPerSubmit, expiredTaskIds, unknownTaskId, listOrder, processCurve,
  tasksVisibilityLag, tasksUnknownStatus, edgePrefetchOfCached, purgeUrlMethod,
];
