/**
 * The emulator's HTTP server: parses each request, serves the control plane, and hands vendor requests to the first
 * product module that accepts them.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { alibabaModule } from "./alibaba";
import { contextOf, createState, type EmulatorCredentials } from "./core/context";
import { handleControl, localControl, type EmulatorControl } from "./core/control";
import type { EmulatorRequest, EmulatorResponse, OutcomeRule, ProductModule } from "./core/types";
import { tencentModule } from "./tencent";

/** The product modules served by default: Tencent EdgeOne and Alibaba CDN/DCDN/ESA. */
export function defaultModules(): ProductModule[] {
  return [tencentModule(), alibabaModule()];
}

/** Options for {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1 (0 = any free port). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Fixed credentials (default: random per start). */
  credentials?: EmulatorCredentials;
  /** Partial configuration merged over the defaults. */
  config?: unknown;
  rules?: OutcomeRule[];
  modules?: ProductModule[];
}

/** A running emulator. */
export interface RunningEmulator {
  url: string;
  port: number;
  credentials: EmulatorCredentials;
  control: EmulatorControl;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, r: EmulatorResponse): void {
  const body = typeof r.body === "string" ? r.body : JSON.stringify(r.body);
  res.writeHead(r.status, { "content-type": "application/json", ...r.headers });
  res.end(body);
}

async function route(req: EmulatorRequest, modules: ProductModule[], control: EmulatorControl, ctx: ReturnType<typeof contextOf>): Promise<EmulatorResponse> {
  if (req.path.startsWith("/_emulator/")) {
    let parsed: unknown = {};
    try {
      parsed = req.body.length ? JSON.parse(req.body.toString("utf8")) : {};
    } catch {
      return { status: 400, body: { error: "control requests take a JSON body" } };
    }
    const r = await handleControl(control, req.method, req.path, parsed);
    if (r) return r;
  }
  const mod = modules.find((m) => m.accepts(req));
  if (!mod) return { status: 404, body: { error: "no emulated API matches this request (expected X-TC-Action, x-acs-action or Action)" } };
  return mod.handle(req, ctx);
}

/** Starts the emulator. */
export async function startEmulator(o: EmulatorOptions = {}): Promise<RunningEmulator> {
  const modules = o.modules ?? defaultModules();
  const state = createState({ credentials: o.credentials, config: o.config, rules: o.rules, modules });
  const ctx = contextOf(state);
  const control = localControl(state);
  const server = http.createServer(async (req, res) => {
    try {
      const [path, rawQuery = ""] = (req.url ?? "/").split(/\?(.*)/s);
      const body = await readBody(req);
      send(res, await route({ method: req.method ?? "GET", path, rawQuery, headers: req.headers, body }, modules, control, ctx));
    } catch (e) {
      send(res, { status: 500, body: { error: `emulator bug: ${e instanceof Error ? e.message : String(e)}` } });
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, o.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? "127.0.0.1"}:${port}`, port, credentials: state.credentials, control,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
