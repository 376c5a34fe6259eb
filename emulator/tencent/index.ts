/**
 * The Tencent Cloud EdgeOne (TEO 2022-09-01) part of the emulator: Tencent Cloud API 3.0 over POST JSON, routed by
 * `X-TC-Action`, verified with TC3-HMAC-SHA256; errors are HTTP 200 envelopes (cloud-apis.md §A.4, §B.3, §C.4, §D.2).
 *
 * Fidelity gaps: only POST + JSON (API 1.0 form requests are refused); `Mode: edge` and `PrefetchMediaSegments` are
 * accepted but behave like the default; EdgeOne's history retention is not documented (config `historyMs.teo`).
 */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, Fault, ProductModule } from "../core/types";
import { createPrefetchTask, describeContentQuota, describePrefetchTasks } from "./actions";
import { renderTeoError, renderTeoResult, TeoError } from "./errors";
import type { Body } from "./params";
import { verifyTc3 } from "./signature";
import { TeoStore } from "./store";

/** The only API version served (cloud-apis.md §B.1). */
export const TEO_VERSION = "2022-09-01";

type Action = (b: Body, ctx: EmulatorContext, store: TeoStore) => Record<string, unknown>;
const ACTIONS: Record<string, Action> = {
  CreatePrefetchTask: createPrefetchTask,
  DescribePrefetchTasks: describePrefetchTasks,
  DescribeContentQuota: describeContentQuota,
};

function header(req: EmulatorRequest, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v ?? "").trim();
}

/** The vendor error a fault stands for, or null after a `delay`. */
async function faultError(f: Fault): Promise<TeoError | null> {
  if (f.kind === "throttle") return new TeoError("RequestLimitExceeded", f.message ?? "Your current request times exceeds the limit, please try again later.");
  if (f.kind === "internal") return new TeoError("InternalError", f.message ?? "Internal error.");
  if (f.kind === "error") return new TeoError(f.code ?? "InternalError", f.message ?? "Injected error.");
  await new Promise((r) => setTimeout(r, f.delayMs ?? 0));
  return null;
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

async function serve(req: EmulatorRequest, ctx: EmulatorContext, store: TeoStore, requestId: string): Promise<EmulatorResponse> {
  const action = header(req, "x-tc-action");
  const body = parseBody(req);
  verifyTc3(req, ctx);
  if (header(req, "x-tc-version") !== TEO_VERSION) throw new TeoError("NoSuchVersion", `The API version ${header(req, "x-tc-version")} does not exist for teo.`);
  const run = ACTIONS[action];
  if (!run) throw new TeoError("InvalidAction", `The action ${action} does not exist.`);
  const fault = ctx.takeFault("teo", action);
  const err = fault ? await faultError(fault) : null;
  if (err) throw err;
  return renderTeoResult(run(body, ctx, store), requestId);
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
    reset: () => store.reset(),
  };
}
