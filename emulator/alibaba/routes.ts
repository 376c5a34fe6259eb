/**
 * RPC routing: the product is chosen by API version and the action by name, read from the `Action`/`Version`
 * parameters (RPC V1) or the `x-acs-action`/`x-acs-version` headers (V3) (cloud-apis.md §B.2, §C.1).
 * Unknown version → `InvalidVersion` (400); unknown action of a known product → `InvalidApi.NotFound` (404).
 */
import type { EmulatorRequest } from "../core/types";
import type { ActionDef, ProductDef } from "./action";
import { cdnProduct } from "./cdn";
import { dcdnProduct } from "./dcdn";
import { AlibabaError, missingParameter } from "./errors";
import { esaProduct } from "./esa";
import type { RpcParams } from "./params";

/** A resolved request target. */
export interface Route {
  def: ProductDef;
  action: string;
  handler: ActionDef;
}

/** The three emulated products. */
export const PRODUCTS: ProductDef[] = [cdnProduct(), dcdnProduct(), esaProduct()];

function header(req: EmulatorRequest, name: string): string | undefined {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) || undefined;
}

/** The action name, from the parameters first (signed in V1), else the V3 header. */
export function actionName(req: EmulatorRequest, params: RpcParams): string | undefined {
  return params.str("Action") ?? header(req, "x-acs-action");
}

/** The product a version selects, or undefined. */
export function productOf(req: EmulatorRequest, params: RpcParams): ProductDef | undefined {
  const version = params.str("Version") ?? header(req, "x-acs-version");
  return PRODUCTS.find((p) => p.version === version);
}

/** Resolves product and action, or throws the gateway's error. */
export function resolveRoute(req: EmulatorRequest, params: RpcParams): Route {
  const action = actionName(req, params);
  if (!action) throw missingParameter("Action");
  const version = params.str("Version") ?? header(req, "x-acs-version");
  if (!version) throw missingParameter("Version");
  const def = productOf(req, params);
  if (!def) throw new AlibabaError("InvalidVersion", `Specified parameter Version is not valid: ${version}.`);
  const handler = Object.prototype.hasOwnProperty.call(def.actions, action) ? def.actions[action] : undefined;
  if (!handler) throw new AlibabaError("InvalidApi.NotFound", `Specified api is not found, please check your url and method: ${action} (${def.code} ${def.version}).`);
  return { def, action, handler };
}
