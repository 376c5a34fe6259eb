/**
 * The emulator's HTTP server: parses each request, serves the control plane, and hands vendor requests to the first
 * product module that accepts them. The same port also answers TLS (sts/listener.ts), for Alibaba's HTTPS-only STS
 * calls. It also carries out transport faults: it destroys sockets unanswered and, during a `down` outage, closes its
 * listening socket (new connections get a real ECONNREFUSED) and listens again on the same port when the outage ends.
 */
import type * as http from "node:http";
import type { AddressInfo, Server } from "node:net";
import { alibabaModule } from "./alibaba";
import { contextOf, createState, type EmulatorCredentials } from "./core/context";
import { handleControl, localControl, type EmulatorControl } from "./core/control";
import type { Outage } from "./core/outage";
import type { EmulatorRequest, EmulatorResponse, OutcomeRule, ProductModule } from "./core/types";
import type { IssuedKey } from "./sts/keyring";
import { stsModule } from "./sts";
import { createTlsIdentity, type TlsIdentity } from "./sts/certificate";
import { createListener } from "./sts/listener";
import { tencentModule } from "./teo";

/**
 * The modules served by default: the STS actions (first: the product modules would claim their requests), Tencent
 * EdgeOne and Alibaba CDN/DCDN/ESA.
 */
export function defaultModules(): ProductModule[] {
  return [stsModule(), tencentModule(), alibabaModule()];
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
  /** The TLS certificate and key served on `https://` (same port); default: a fresh self-signed one (sts/certificate.ts). */
  tls?: TlsIdentity;
}

/** A running emulator. */
export interface RunningEmulator {
  url: string;
  port: number;
  credentials: EmulatorCredentials;
  control: EmulatorControl;
  /**
   * The certificate (PEM) the same port serves `https://` with, for clients that must use TLS (Alibaba's STS calls):
   * trust it with `NODE_EXTRA_CA_CERTS` (README "STS").
   */
  tlsCertificate: string;
  /** The temporary keys the emulated STS actions issued, oldest first (secrets included: the emulator's own view). */
  issuedKeys(): IssuedKey[];
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

/**
 * Answers, or carries out the reply's transport effect. An outage begins BEFORE the answer is sent, so the client's
 * next connection is refused; a reply sent at the start of an outage says `Connection: close`, so it is not reused.
 */
function deliver(res: http.ServerResponse, r: EmulatorResponse, outage: Outage): void {
  const t = r.transport;
  if (t?.downMs) outage.begin(t.downMs);
  if (t?.destroy) res.socket?.destroy();
  else send(res, t?.downMs ? { ...r, headers: { ...r.headers, connection: "close" } } : r);
}

/** Delay between attempts to listen again on the same port when it is briefly taken (EADDRINUSE). */
const RELISTEN_RETRY_MS = 50;

/**
 * Follows the outage window: stops listening when it begins (idle keep-alive connections are closed too), listens
 * again on the same host and port when it ends, retrying while the port is briefly taken.
 */
function followOutage(server: Server, outage: Outage, host: string, port: number, isClosed: () => boolean): void {
  const relisten = () => {
    if (isClosed() || outage.active() || server.listening) return;
    const retry = () => void setTimeout(relisten, RELISTEN_RETRY_MS);
    server.once("error", retry);
    server.listen(port, host, () => server.off("error", retry));
  };
  outage.subscribe((down) => {
    if (down) server.close();
    else relisten();
  });
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
  const host = o.host ?? "127.0.0.1";
  const tls = o.tls ?? createTlsIdentity();
  const server = createListener(async (req, res) => {
    try {
      const [path, rawQuery = ""] = (req.url ?? "/").split(/\?(.*)/s);
      // A keep-alive connection opened before the outage: the cloud is unreachable, except for the control plane.
      if (state.outage.active() && !path.startsWith("/_emulator/")) return void req.socket.destroy();
      const body = await readBody(req);
      deliver(res, await route({ method: req.method ?? "GET", path, rawQuery, headers: req.headers, body }, modules, control, ctx), state.outage);
    } catch (e) {
      send(res, { status: 500, body: { error: `emulator bug: ${e instanceof Error ? e.message : String(e)}` } });
    }
  }, tls);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed = false;
  followOutage(server, state.outage, host, port, () => closed);
  return {
    url: `http://${host}:${port}`, port, credentials: state.credentials, control,
    tlsCertificate: tls.cert, issuedKeys: () => state.keys.issued(),
    close: () => new Promise((resolve) => {
      closed = true;
      state.outage.end();
      state.clock.abandonSleeps();
      server.closeAllConnections();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    }),
  };
}
