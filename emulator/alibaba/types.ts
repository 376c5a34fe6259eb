/**
 * The shape of an emulated Alibaba product (moto-style: models, responses, routes, errors, variants per product folder)
 * and what an action handler receives and returns.
 */
import type { CallKind, EmulatorContext } from "../core/types";
import type { VariantDef } from "../core/variants";
import type { FirstUse } from "./busy";
import type { ErrorTable } from "./errors";
import type { TaskIds } from "./ids";
import type { RpcParams } from "./params";
import type { QuotaUsage } from "./quota";
import type { TaskStore } from "./tasks";

/** The three Alibaba products. */
export type AlibabaProduct = "cdn" | "dcdn" | "esa";

/** Module-wide state shared by CDN, DCDN and ESA. */
export interface AlibabaState {
  tasks: TaskStore;
  ids: TaskIds;
  quota: QuotaUsage;
  /** When each domain or site was first used by a submit (the `*.busyAfterFirstUse` variants). */
  firstUse: FirstUse;
}

/** One authenticated call, as a handler sees it. */
export interface Call {
  params: RpcParams;
  ctx: EmulatorContext;
  state: AlibabaState;
  /** Virtual time of the call. */
  now: number;
}

/** A handler's reply: the response fields besides `RequestId`, and the URLs a submit accepted. */
export interface ActionResult {
  body: Record<string, unknown>;
  urls?: number;
}

/** An action handler (a product's responses.ts). Handlers throw `AlibabaError` for vendor errors. */
export type Handler = (call: Call) => ActionResult;

/** One routed action: its handler and what kind of call it is (submits, queries and quota reads are counted apart). */
export interface ActionRoute {
  kind: CallKind;
  run: Handler;
}

/** A product's routes (its routes.ts): action name → route. */
export type Routes = Readonly<Record<string, ActionRoute>>;

/** One product: selected by its API version (the host would select it in the real cloud). */
export interface ProductDef {
  product: AlibabaProduct;
  /** Product code in error `Recommend` links (`Cdn`, `dcdn`, `ESA`). */
  code: string;
  version: string;
  /** Public endpoint, reported as the error `HostId`. */
  hostId: string;
  routes: Routes;
  /** Its documented error codes (errors.ts); gateway codes are shared (../alibaba/errors.ts). */
  errors: ErrorTable;
  /** Every variant that changes its answers (own and family-wide). */
  variants: readonly VariantDef[];
}
