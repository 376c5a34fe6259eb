/** TEO action name → handler, with the kind of call (submits, queries and quota reads are counted apart). */
import type { CallKind, EmulatorContext } from "../core/types";
import type { TeoStore } from "./models";
import type { Body } from "./params";
import { createPurgeTask, describePurgeTasks } from "./purge";
import { createPrefetchTask, describeContentQuota, describePrefetchTasks } from "./responses";

/** One action's handler: request body → reply fields (vendor errors thrown as `TeoError`). */
export type TeoHandler = (b: Body, ctx: EmulatorContext, store: TeoStore) => Record<string, unknown>;

/** A routed action. */
export interface TeoRoute {
  kind: CallKind;
  run: TeoHandler;
}

/** The TEO routes (cloud-apis.md §A.4; the purge actions: purge.ts). */
export const TEO_ROUTES: Readonly<Record<string, TeoRoute>> = Object.freeze({
  CreatePrefetchTask: { kind: "submit", run: createPrefetchTask },
  DescribePrefetchTasks: { kind: "query", run: describePrefetchTasks },
  DescribeContentQuota: { kind: "quota", run: describeContentQuota },
  CreatePurgeTask: { kind: "purge", run: createPurgeTask },
  DescribePurgeTasks: { kind: "query", run: describePurgeTasks },
});

/** The route of an action, or undefined for an action the emulator does not serve. */
export function routeOf(action: string): TeoRoute | undefined {
  return Object.prototype.hasOwnProperty.call(TEO_ROUTES, action) ? TEO_ROUTES[action] : undefined;
}
