/**
 * The Tencent Cloud EdgeOne (TEO 2022-09-01) product module: Tencent Cloud API 3.0 over POST JSON, routed by
 * `X-TC-Action`, verified with TC3-HMAC-SHA256; errors are HTTP 200 envelopes (cloud-apis.md §A.4, §B.3, §C.4, §D.2).
 *
 * Layout: routes.ts (action → handler and call kind), responses.ts (handlers → vendor JSON), models.ts (task store,
 * quotas, rendering), urls.ts (targets, echo forms, media segments), errors.ts (codes and envelopes), variants.ts
 * (undocumented behaviours), params.ts (typed request readers), signature.ts (TC3 verification).
 *
 * Request flow: parse the body → authenticate → check the version → route → take a fault (the rate limiter's, or a
 * queued one) → serve → record.
 * Fidelity gaps: only POST + JSON (API 1.0 form requests are refused); `Mode: edge` differs only by its quota;
 * `EncodeUrl` is ignored; EdgeOne's history retention is not documented (config `historyMs.teo`).
 */
import { serveWithFault } from "../core/fault-effects";
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, ProductModule } from "../core/types";
import { faultError, renderTeoError, renderTeoResult, TeoError, throttleError } from "./errors";
import { TeoStore } from "./models";
import type { Body } from "./params";
import { routeOf } from "./routes";
import { verifyTc3 } from "./signature";
import { echoTarget } from "./urls";
import { TEO_VARIANTS } from "./variants";

/** The only API version served (cloud-apis.md §B.1). */
export const TEO_VERSION = "2022-09-01";

function header(req: EmulatorRequest, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v ?? "").trim();
}

function parseBody(req: EmulatorRequest): Body {
  if (req.method !== "POST" || !/^application\/json/i.test(header(req, "content-type"))) {
    throw new TeoError("InvalidParameter", "Only POST with Content-Type application/json (TC3-HMAC-SHA256) is supported.");
  }
  try {
    const parsed = JSON.parse(req.body.toString("utf8") || "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Body;
  } catch {
    /* fall through */
  }
  throw new TeoError("InvalidParameter", "The request body is not a JSON object.");
}

/** Runs an action and renders its reply, vendor errors included. */
function rendered(run: () => Record<string, unknown>, requestId: string): EmulatorResponse {
  try {
    return renderTeoResult(run(), requestId);
  } catch (e) {
    if (e instanceof TeoError) return renderTeoError(e, requestId);
    throw e;
  }
}

async function serve(req: EmulatorRequest, ctx: EmulatorContext, store: TeoStore, requestId: string): Promise<EmulatorResponse> {
  const action = header(req, "x-tc-action");
  const body = parseBody(req);
  verifyTc3(req, ctx);
  if (header(req, "x-tc-version") !== TEO_VERSION) throw new TeoError("NoSuchVersion", `The API version ${header(req, "x-tc-version")} does not exist for teo.`);
  const route = routeOf(action);
  if (!route) throw new TeoError("InvalidAction", `The action ${action} does not exist.`);
  return serveWithFault(ctx.takeFault("teo", action, route.kind), {
    // `empty`: the same action against a store without tasks, so filters and validation still apply.
    serve: async (hideTasks) => rendered(() => route.run(body, ctx, hideTasks ? new TeoStore() : store), requestId),
    refuse: (f) => renderTeoError(faultError(f, ctx.config), requestId),
  });
}

/** Creates the TEO module. Each call gets fresh, independent task state. */
export function tencentModule(): ProductModule {
  const store = new TeoStore();
  return {
    accepts: (req) => req.headers["x-tc-action"] !== undefined,
    async handle(req, ctx) {
      const requestId = ctx.requestId().toLowerCase();
      try {
        return await serve(req, ctx, store, requestId);
      } catch (e) {
        if (e instanceof TeoError) return renderTeoError(e, requestId);
        throw e;
      }
    },
    variants: TEO_VARIANTS,
    throttle: (ctx) => renderTeoError(throttleError(ctx.config), ctx.requestId().toLowerCase()),
    // Submitted URLs only (media segments were not submitted by the client), in the form the cloud stored them.
    tasks: (ctx) => store.tasks.filter((t) => t.segmentOf === undefined)
      .map((t) => ({
        product: "teo" as const, taskId: t.jobId, url: echoTarget(t.target, ctx.config), createdAt: t.createdAt,
        finishesAt: t.createdAt + Math.max(0, t.plan.durationMs),
      })),
    reset: () => store.reset(),
  };
}

/** The TEO module under the name of its folder. */
export const teoModule = tencentModule;
