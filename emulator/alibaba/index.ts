/**
 * The Alibaba Cloud part of the emulator: CDN (2018-05-10), DCDN (2018-01-15) and ESA (2024-09-10) prefetch APIs
 * behind one RPC endpoint, verified with ACS3-HMAC-SHA256 or RPC V1 signatures.
 *
 * Request flow: parse parameters → route by version/action → authenticate → take a queued fault → serve → record.
 * A fault taken after authentication leaves the request's signature nonce used (the SDKs draw a new one per attempt).
 * Fidelity gaps: JSON replies only (`Format=XML` is ignored); `ACS3-HMAC-SM3`/`ACS3-RSA-SHA256` are refused.
 */
import { serveWithFault } from "../core/fault-effects";
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, Fault, ProductModule } from "../core/types";
import type { AlibabaState, Call } from "./action";
import { authenticate } from "./auth";
import { AlibabaError, renderError } from "./errors";
import { TaskIds } from "./ids";
import { RpcParams } from "./params";
import { DailyQuota } from "./quota";
import { productOf, resolveRoute, type Route } from "./routes";
import { TaskStore } from "./tasks";

/** `x-acs-retry-after` sent with a throttling fault that names no delay, ms (emulator choice; §C.6). */
export const DEFAULT_RETRY_AFTER_MS = 1000;
/** HostId reported before the product is known. */
const GATEWAY_HOST = "aliyuncs.com";

/** True for requests in Alibaba's RPC style (and never for Tencent API 3.0 or 1.0 requests). */
function isAlibabaRequest(req: EmulatorRequest): boolean {
  if (req.headers["x-tc-action"] !== undefined) return false;
  if (req.headers["x-acs-action"] !== undefined) return true;
  const params = RpcParams.from(req);
  return params.all.has("Action") && !params.all.has("SecretId");
}

/** The vendor error a refusal fault stands for; `error` without `httpStatus` gets the code's documented status. */
function faultError(fault: Fault): AlibabaError {
  if (fault.kind === "throttle") {
    return new AlibabaError("Throttling.User", fault.message, 400, { "x-acs-retry-after": String(fault.delayMs ?? DEFAULT_RETRY_AFTER_MS) });
  }
  if (fault.kind === "internal") return new AlibabaError("InternalError", fault.message, 500);
  return new AlibabaError(fault.code ?? "InternalError", fault.message, fault.httpStatus);
}

/** Renders any error the way `handle` does: vendor errors as they are, anything else as `InternalError` (500). */
function errorReply(e: unknown, req: EmulatorRequest, requestId: string): EmulatorResponse {
  const def = productOf(req, RpcParams.from(req));
  const err = e instanceof AlibabaError ? e : new AlibabaError("InternalError", `The request processing has failed due to some unknown error (emulator: ${String(e)}).`, 500);
  return renderError(err, requestId, def?.hostId ?? GATEWAY_HOST, def?.code ?? "Unknown");
}

/** Runs the routed action and records the call (refused or not). */
function runAction(route: Route, call: Call, requestId: string): EmulatorResponse {
  let urls = 0;
  try {
    const result = route.handler.run(call);
    urls = result.urls ?? 0;
    const headers = { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId };
    return { status: 200, headers, body: { RequestId: requestId, ...result.body } };
  } finally {
    call.ctx.record(route.def.product, route.action, route.handler.kind, route.handler.kind === "submit" ? urls : undefined);
  }
}

async function serve(req: EmulatorRequest, ctx: EmulatorContext, state: AlibabaState, requestId: string): Promise<EmulatorResponse> {
  const params = RpcParams.from(req);
  const route = resolveRoute(req, params);
  authenticate(req, params, ctx);
  return serveWithFault(ctx.takeFault(route.def.product, route.action, route.handler.kind), {
    // `empty`: the same action against a task store without tasks, so filters and validation still apply.
    serve: async (hideTasks) => {
      const call: Call = { params, ctx, state: hideTasks ? { ...state, tasks: new TaskStore() } : state, now: ctx.now() };
      try {
        return runAction(route, call, requestId);
      } catch (e) {
        return errorReply(e, req, requestId);
      }
    },
    refuse: (f) => errorReply(faultError(f), req, requestId),
  });
}

/** Creates the Alibaba product module (CDN, DCDN, ESA). Each call gets fresh, independent task state. */
export function alibabaModule(): ProductModule {
  const state: AlibabaState = { tasks: new TaskStore(), ids: new TaskIds(), quota: new DailyQuota() };
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
    variants: [],
    tasks(ctx) {
      const all = { ...ctx.config, visibilityLagMs: Number.NEGATIVE_INFINITY };
      return (["cdn", "dcdn", "esa"] as const).flatMap((product) => state.tasks.visible(product, ctx.now(), all)
        .map(({ task }) => ({ product, taskId: task.taskId, url: task.url, createdAt: task.createdAt })));
    },
    reset() {
      state.tasks.clear();
      state.ids.clear();
      state.quota.clear();
    },
  };
}
