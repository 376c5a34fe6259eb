/**
 * The Tencent Cloud EdgeOne (TEO 2022-09-01) part of the emulator: Tencent Cloud API 3.0 over POST JSON, routed by
 * `X-TC-Action`, verified with TC3-HMAC-SHA256; errors are HTTP 200 envelopes (cloud-apis.md §A.4, §B.3, §C.4, §D.2).
 *
 * Fidelity gaps: only POST + JSON (API 1.0 form requests are refused); `Mode: edge` and `PrefetchMediaSegments` are
 * accepted but behave like the default; EdgeOne's history retention is not documented (config `historyMs.teo`).
 */
import { serveWithFault } from "../core/fault-effects";
import type { CallKind, EmulatorContext, EmulatorRequest, EmulatorResponse, Fault, ProductModule } from "../core/types";
import { createPrefetchTask, describeContentQuota, describePrefetchTasks } from "./actions";
import { renderTeoError, renderTeoResult, TeoError, teoErrorMessage } from "./errors";
import type { Body } from "./params";
import { verifyTc3 } from "./signature";
import { TeoStore } from "./store";

/** The only API version served (cloud-apis.md §B.1). */
export const TEO_VERSION = "2022-09-01";

type Action = (b: Body, ctx: EmulatorContext, store: TeoStore) => Record<string, unknown>;
const ACTIONS: Record<string, { kind: CallKind; run: Action }> = {
  CreatePrefetchTask: { kind: "submit", run: createPrefetchTask },
  DescribePrefetchTasks: { kind: "query", run: describePrefetchTasks },
  DescribeContentQuota: { kind: "quota", run: describeContentQuota },
};

function header(req: EmulatorRequest, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v ?? "").trim();
}

/** The vendor error a refusal fault stands for (`error` with a known code and no message gets the code's message). */
function faultError(f: Fault): TeoError {
  if (f.kind === "throttle") return new TeoError("RequestLimitExceeded", f.message ?? teoErrorMessage("RequestLimitExceeded"));
  if (f.kind === "internal") return new TeoError("InternalError", f.message ?? teoErrorMessage("InternalError"));
  const code = f.code ?? "InternalError";
  return new TeoError(code, f.message ?? teoErrorMessage(code));
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
  const def = Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!def) throw new TeoError("InvalidAction", `The action ${action} does not exist.`);
  return serveWithFault(ctx.takeFault("teo", action, def.kind), {
    // `empty`: the same action against a store without tasks, so filters and validation still apply.
    serve: async (hideTasks) => rendered(() => def.run(body, ctx, hideTasks ? new TeoStore() : store), requestId),
    refuse: (f) => renderTeoError(faultError(f), requestId),
  });
}

/** Creates the TEO module. */
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
    variants: [],
    tasks: () => store.tasks.map((t) => ({ product: "teo" as const, taskId: t.jobId, url: t.target, createdAt: t.createdAt })),
    reset: () => store.reset(),
  };
}
