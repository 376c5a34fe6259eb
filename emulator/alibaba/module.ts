/**
 * The Alibaba Cloud product module: CDN (2018-05-10), DCDN (2018-01-15) and ESA (2024-09-10) prefetch APIs behind one
 * RPC endpoint, verified with ACS3-HMAC-SHA256 or RPC V1 signatures. It claims Alibaba-style requests, routes them by
 * API version to a product folder (../cdn, ../dcdn, ../esa) and renders every error in the vendor envelope.
 *
 * Request flow: parse parameters → route by version/action → authenticate → take a queued fault → serve → record.
 * A fault taken after authentication leaves the request's signature nonce used (the SDKs draw a new one per attempt).
 * Fidelity gaps: JSON replies only (`Format=XML` is ignored); `ACS3-HMAC-SM3`/`ACS3-RSA-SHA256` are refused.
 */
import { cdnProduct } from "../cdn";
import { tasksVisibilityLag } from "../core/common-variants";
import { serveWithFault } from "../core/fault-effects";
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, Fault, ProductModule } from "../core/types";
import type { VariantDef } from "../core/variants";
import { dcdnProduct } from "../dcdn";
import { esaProduct } from "../esa";
import { authenticate } from "./auth";
import { FirstUse } from "./busy";
import { AlibabaError, GATEWAY_TARGET, renderError, type ErrorTarget } from "./errors";
import { TaskIds } from "./ids";
import { RpcParams } from "./params";
import { QuotaUsage } from "./quota";
import { productOf, resolveTarget, type Target } from "./router";
import { TaskStore } from "./tasks";
import { throttleError } from "./throttle";
import type { AlibabaState, Call, ProductDef } from "./types";
import { echoUrl } from "./urls";

/** The three emulated products, in the order the control plane lists their tasks. */
export const PRODUCTS: readonly ProductDef[] = [cdnProduct, dcdnProduct, esaProduct];

/** Every variant of the family, each once (products list the family-wide ones too). */
function familyVariants(): VariantDef[] {
  const byName = new Map<string, VariantDef>();
  for (const d of [...PRODUCTS.flatMap((p) => p.variants), tasksVisibilityLag]) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()];
}

/** True for requests in Alibaba's RPC style (and never for Tencent API 3.0 or 1.0 requests). */
function isAlibabaRequest(req: EmulatorRequest): boolean {
  if (req.headers["x-tc-action"] !== undefined) return false;
  if (req.headers["x-acs-action"] !== undefined) return true;
  const params = RpcParams.from(req);
  return params.all.has("Action") && !params.all.has("SecretId");
}

/** The vendor error a refusal fault stands for; `error` without `httpStatus` gets the code's documented status. */
function faultError(fault: Fault, ctx: EmulatorContext): AlibabaError {
  if (fault.kind === "throttle") return throttleError(ctx.config, fault.delayMs, fault.message);
  if (fault.kind === "internal") return new AlibabaError("InternalError", fault.message, 500);
  return new AlibabaError(fault.code ?? "InternalError", fault.message, fault.httpStatus);
}

/** Where a request's errors are rendered: its product when the version names one, else the gateway. */
function errorTarget(req: EmulatorRequest): ErrorTarget {
  return productOf(req, RpcParams.from(req), PRODUCTS) ?? GATEWAY_TARGET;
}

/** Renders any error: vendor errors as they are, anything else as `InternalError` (500). */
function errorReply(e: unknown, req: EmulatorRequest, requestId: string): EmulatorResponse {
  const err = e instanceof AlibabaError ? e : new AlibabaError("InternalError", `The request processing has failed due to some unknown error (emulator: ${String(e)}).`, 500);
  return renderError(err, requestId, errorTarget(req));
}

/** Runs the routed action and records the call (refused or not). */
function runAction(target: Target, call: Call, requestId: string): EmulatorResponse {
  const { route } = target;
  let urls = 0;
  try {
    const result = route.run(call);
    urls = result.urls ?? 0;
    const headers = { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId };
    return { status: 200, headers, body: { RequestId: requestId, ...result.body } };
  } finally {
    call.ctx.record(target.def.product, target.action, route.kind, route.kind === "submit" || route.kind === "purge" ? urls : undefined);
  }
}

async function serve(req: EmulatorRequest, ctx: EmulatorContext, state: AlibabaState, requestId: string): Promise<EmulatorResponse> {
  const params = RpcParams.from(req);
  const target = resolveTarget(req, params, PRODUCTS);
  authenticate(req, params, ctx);
  return serveWithFault(ctx.takeFault(target.def.product, target.action, target.route.kind), {
    // `empty`: the same action against a task store without tasks, so filters and validation still apply.
    serve: async (hideTasks) => {
      const call: Call = { params, ctx, state: hideTasks ? { ...state, tasks: new TaskStore() } : state, now: ctx.now() };
      try {
        return runAction(target, call, requestId);
      } catch (e) {
        return errorReply(e, req, requestId);
      }
    },
    refuse: (f) => errorReply(faultError(f, ctx), req, requestId),
  });
}

/** Creates the Alibaba product module (CDN, DCDN, ESA). Each call gets fresh, independent task state. */
export function alibabaModule(): ProductModule {
  const state: AlibabaState = { tasks: new TaskStore(), ids: new TaskIds(), quota: new QuotaUsage(), firstUse: new FirstUse() };
  return {
    accepts: isAlibabaRequest,
    async handle(req, ctx) {
      const requestId = ctx.requestId().toUpperCase();
      try {
        return await serve(req, ctx, state, requestId);
      } catch (e) {
        return errorReply(e, req, requestId);
      }
    },
    variants: familyVariants(),
    throttle(ctx, req, retryAfterMs) {
      const target = req ? errorTarget(req) : PRODUCTS[0];
      return renderError(throttleError(ctx.config, retryAfterMs), ctx.requestId().toUpperCase(), target);
    },
    tasks(ctx) {
      return PRODUCTS.flatMap(({ product }) => state.tasks.held(product, ctx.now(), ctx.config)
        .map(({ task }) => ({
          product, taskId: task.taskId, url: echoUrl(task.url, ctx.config), createdAt: task.createdAt,
          finishesAt: task.createdAt + Math.max(0, task.plan.durationMs),
        })));
    },
    reset() {
      state.tasks.clear();
      state.ids.clear();
      state.quota.clear();
      state.firstUse.clear();
    },
  };
}
