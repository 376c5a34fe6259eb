/** The shape of an emulated Alibaba product: its RPC actions, and what an action handler receives and returns. */
import type { EmulatorContext, Product } from "../core/types";
import type { DailyQuota } from "./quota";
import type { RpcParams } from "./params";
import type { TaskIds } from "./ids";
import type { TaskStore } from "./tasks";

/** Module-wide state shared by CDN, DCDN and ESA. */
export interface AlibabaState {
  tasks: TaskStore;
  ids: TaskIds;
  quota: DailyQuota;
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

/** One RPC action. Handlers throw `AlibabaError` for vendor errors. */
export interface ActionDef {
  kind: "submit" | "query" | "quota" | "other";
  run(call: Call): ActionResult;
}

/** One product: selected by its API version (the host would select it in the real cloud). */
export interface ProductDef {
  product: Product;
  /** Product code in error `Recommend` links (`Cdn`, `dcdn`, `ESA`). */
  code: string;
  version: string;
  /** Public endpoint, reported as the error `HostId`. */
  hostId: string;
  actions: Record<string, ActionDef>;
}
