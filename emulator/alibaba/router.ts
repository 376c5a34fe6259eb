/**
 * RPC routing: the product is chosen by API version and the action by name, read from the `Action`/`Version`
 * parameters (RPC V1) or the `x-acs-action`/`x-acs-version` headers (V3) (cloud-apis.md §B.2, §C.1).
 * Unknown version → `InvalidVersion` (400); unknown action of a known product → `InvalidApi.NotFound` (404).
 */
import type { EmulatorRequest } from "../core/types";
import { AlibabaError, missingParameter } from "./errors";
import type { RpcParams } from "./params";
import type { ActionRoute, ProductDef } from "./types";

/** A resolved request target. */
export interface Target {
  def: ProductDef;
  action: string;
  route: ActionRoute;
}

function header(req: EmulatorRequest, name: string): string | undefined {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) || undefined;
}

/** The action name, from the parameters first (signed in V1), else the V3 header. */
export function actionName(req: EmulatorRequest, params: RpcParams): string | undefined {
  return params.str("Action") ?? header(req, "x-acs-action");
}

function versionOf(req: EmulatorRequest, params: RpcParams): string | undefined {
  return params.str("Version") ?? header(req, "x-acs-version");
}

/** The product a request's version selects, or undefined. */
export function productOf(req: EmulatorRequest, params: RpcParams, products: readonly ProductDef[]): ProductDef | undefined {
  const version = versionOf(req, params);
  return products.find((p) => p.version === version);
}

/** Resolves product and action, or throws the gateway's error. */
export function resolveTarget(req: EmulatorRequest, params: RpcParams, products: readonly ProductDef[]): Target {
  const action = actionName(req, params);
  if (!action) throw missingParameter("Action");
  const version = versionOf(req, params);
  if (!version) throw missingParameter("Version");
  const def = productOf(req, params, products);
  if (!def) throw new AlibabaError("InvalidVersion", `Specified parameter Version is not valid: ${version}.`);
  const route = Object.prototype.hasOwnProperty.call(def.routes, action) ? def.routes[action] : undefined;
  if (!route) throw new AlibabaError("InvalidApi.NotFound", `Specified api is not found, please check your url and method: ${action} (${def.code} ${def.version}).`);
  return { def, action, route };
}
