/**
 * Drives Pulumi's real dynamic-provider host over gRPC, the way the engine does (shared reference
 * pulumi-dynamic-providers.md §1.7, the VERIFIED recipe): spawn `@pulumi/pulumi/cmd/dynamic-provider` resolved from
 * the program directory with a dummy engine address, read the port from the first stdout line, then call the
 * ResourceProvider RPCs. The host's later stdout lines are what `pulumi up` shows as info lines (§1.1 point 4).
 *
 * Pitfalls handled: the proto classes come from `@pulumi/pulumi/proto/*` and `google-protobuf` / `@grpc/grpc-js`
 * are resolved from there (a second copy gives messages that cannot be serialized); the host never exits by itself,
 * so `stop()` kills it and a process-exit hook kills forgotten hosts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type * as grpcT from "@grpc/grpc-js";
import type * as structT from "google-protobuf/google/protobuf/struct_pb";
import type * as emptyT from "google-protobuf/google/protobuf/empty_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";

const PROTO_DIR = path.dirname(require.resolve("@pulumi/pulumi/proto/provider_pb"));
const fromProto = <T>(id: string): T => require(require.resolve(id, { paths: [PROTO_DIR] })) as T;
const grpc = fromProto<typeof grpcT>("@grpc/grpc-js");
const { Struct } = fromProto<typeof structT>("google-protobuf/google/protobuf/struct_pb");
const { Empty } = fromProto<typeof emptyT>("google-protobuf/google/protobuf/empty_pb");

/** A property bag as it travels in a `google.protobuf.Struct` (no `undefined` allowed anywhere). */
export type Props = Record<string, unknown>;

/** Options of {@link startHost}. */
export interface StartHostOptions {
  /** The program directory: the host and the provider's `require`s resolve from here. */
  cwd: string;
  /** Extra environment (merged over this process's). */
  env?: Record<string, string>;
  /** Project name: sets PULUMI_NODEJS_PROJECT, PULUMI_PROJECT and PULUMI_CONFIG as the engine does (§1.1 point 3). */
  project?: string;
  /** Stack config for PULUMI_CONFIG (`project:key` / `ns:key` → value), used with `project`. */
  config?: Record<string, string>;
  /** How long to wait for the port line (default 30 s; startup takes about 0.6 s, §1.5). */
  startTimeoutMs?: number;
  /** Called with each stdout line after the port line, as it arrives (what `pulumi up` shows as info lines). */
  onStdoutLine?: (line: string) => void;
}

/** `ErrorResourceInitFailed`: the resource exists but did not initialize (a partial failure, §1.4). */
export interface InitFailure {
  id: string;
  properties: Props;
  reasons: string[];
}

/** A running host and typed wrappers of its RPCs. RPC errors reject with the grpc-js `ServiceError`. */
export interface Host {
  readonly port: number;
  readonly pid: number;
  /** Stdout lines after the port line (the `pulumi up` info lines), so far. */
  stdoutLines(): string[];
  /** Everything the host wrote to stderr so far (it logs `${e}: ${e.stack}` for failed RPCs). */
  stderr(): string;
  /** Resolves with the first stdout line (seen or future) that matches; rejects after `timeoutMs` (default 5 s). */
  waitForStdout(match: RegExp | ((line: string) => boolean), timeoutMs?: number): Promise<string>;
  pluginInfo(): Promise<{ version: string }>;
  configure(config: Props): Promise<{ acceptSecrets: boolean; supportsPreview: boolean; acceptResources: boolean }>;
  check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  /** `changes`: 0 DIFF_UNKNOWN, 1 DIFF_NONE, 2 DIFF_SOME. */
  diff(urn: string, id: string, olds: Props, news: Props): Promise<{ changes: 0 | 1 | 2; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(urn: string, props: Props, timeoutSec?: number): Promise<{ id: string; properties: Props }>;
  read(urn: string, id: string, props?: Props, inputs?: Props): Promise<{ id: string; properties: Props; inputs: Props }>;
  update(urn: string, id: string, olds: Props, news: Props): Promise<{ properties: Props }>;
  delete(urn: string, id: string, props: Props): Promise<void>;
  cancel(): Promise<void>;
  /** Decodes the partial-failure detail of a failed create/update; undefined for a plain failure. */
  initFailure(err: unknown): InitFailure | undefined;
  /** Closes the channel and kills the host; resolves when it has exited. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killOnExit(child: ChildProcess): void {
  live.add(child);
  child.once("exit", () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => { for (const c of live) c.kill("SIGKILL"); });
}

/** Turns a stream into lines; `onLine` gets each complete line. */
function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buf = "";
  stream.setEncoding("utf8");
  stream.on("data", (d: string) => {
    buf += d;
    for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
      onLine(buf.slice(0, nl).replace(/\r$/, ""));
      buf = buf.slice(nl + 1);
    }
  });
}

function hostEnv(o: StartHostOptions): NodeJS.ProcessEnv {
  const engine = o.project === undefined ? {} : {
    PULUMI_NODEJS_PROJECT: o.project, PULUMI_PROJECT: o.project, PULUMI_CONFIG: JSON.stringify(o.config ?? {}),
  };
  return { ...process.env, ...engine, ...o.env };
}

/** Spawns the host in `cwd` and connects to it. */
export async function startHost(o: StartHostOptions): Promise<Host> {
  const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [o.cwd] });
  // argv[2] is the engine address: it must be present, and is never dialled (§1.5).
  const child = spawn(process.execPath, [script, "127.0.0.1:1"], { cwd: o.cwd, env: hostEnv(o), stdio: ["ignore", "pipe", "pipe"] });
  killOnExit(child);
  let stderr = "";
  const out: string[] = [];
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`host printed no port within ${o.startTimeoutMs ?? 30_000} ms: ${stderr}`)); }, o.startTimeoutMs ?? 30_000);
    const fail = (why: string) => { clearTimeout(timer); reject(new Error(`${why}; stderr: ${stderr}`)); };
    child.once("error", (e) => fail(`cannot spawn the host: ${e.message}`));
    child.once("exit", (code, sig) => fail(`host exited (${code ?? sig}) before printing its port`));
    let first = true;
    lines(child.stdout!, (line) => {
      if (!first) {
        out.push(line);
        o.onStdoutLine?.(line);
        for (const w of waiters.filter((x) => x.test(line))) { waiters.splice(waiters.indexOf(w), 1); w.resolve(line); }
        return;
      }
      first = false;
      clearTimeout(timer);
      const p = Number.parseInt(line.trim(), 10);
      if (Number.isInteger(p) && p > 0) resolve(p); else fail(`first stdout line is not a port: ${JSON.stringify(line)}`);
    });
  });
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const waitForStdout = (match: RegExp | ((l: string) => boolean), timeoutMs = 5000) => {
    const test = typeof match === "function" ? match : (l: string) => match.test(l);
    const seen = out.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const w = { test, resolve: (l: string) => { clearTimeout(t); resolve(l); } };
      const t = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); reject(new Error(`no stdout line matched ${match} within ${timeoutMs} ms; lines: ${out.join(" | ")}`)); }, timeoutMs);
      waiters.push(w);
    });
  };
  const stop = () => new Promise<void>((resolve) => {
    client.close();
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => { clearTimeout(force); resolve(); });
    child.kill("SIGTERM");
  });
  return {
    port, pid: child.pid!, stdoutLines: () => [...out], stderr: () => stderr, waitForStdout, stop, initFailure,
    ...rpcs(client),
  };
}

type Unary = (req: unknown, cb: (err: grpcT.ServiceError | null, res: unknown) => void) => unknown;

/** The typed RPC wrappers over one client. */
function rpcs(client: provrpc.ResourceProviderClient): Omit<Host, "port" | "pid" | "stdoutLines" | "stderr" | "waitForStdout" | "stop" | "initFailure"> {
  const call = <R>(method: string, req: unknown) => new Promise<R>((resolve, reject) => {
    ((client as unknown as Record<string, Unary>)[method]).call(client, req, (err, res) => (err ? reject(err) : resolve(res as R)));
  });
  const js = (s: structT.Struct | undefined): Props => (s ? s.toJavaScript() : {});
  return {
    pluginInfo: async () => ({ version: (await call<{ getVersion(): string }>("getPluginInfo", new Empty())).getVersion() }),
    async configure(config) {
      const r = new provproto.ConfigureRequest().setArgs(toStruct(config)).setAcceptsecrets(true).setAcceptresources(true);
      const res = await call<provproto.ConfigureResponse>("configure", r);
      return { acceptSecrets: res.getAcceptsecrets(), supportsPreview: res.getSupportspreview(), acceptResources: res.getAcceptresources() };
    },
    async check(urn, olds, news) {
      const res = await call<provproto.CheckResponse>("check", new provproto.CheckRequest().setUrn(urn).setOlds(toStruct(olds)).setNews(toStruct(news)));
      return { inputs: js(res.getInputs()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
    },
    async diff(urn, id, olds, news) {
      const res = await call<provproto.DiffResponse>("diff", new provproto.DiffRequest().setUrn(urn).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news)));
      return { changes: res.getChanges() as 0 | 1 | 2, replaces: res.getReplacesList(), deleteBeforeReplace: res.getDeletebeforereplace() };
    },
    async create(urn, props, timeoutSec = 0) {
      const res = await call<provproto.CreateResponse>("create", new provproto.CreateRequest().setUrn(urn).setProperties(toStruct(props)).setTimeout(timeoutSec));
      return { id: res.getId(), properties: js(res.getProperties()) };
    },
    async read(urn, id, props, inputs) {
      const r = new provproto.ReadRequest().setUrn(urn).setId(id);
      if (props) r.setProperties(toStruct(props));
      if (inputs) r.setInputs(toStruct(inputs));
      const res = await call<provproto.ReadResponse>("read", r);
      return { id: res.getId(), properties: js(res.getProperties()), inputs: js(res.getInputs()) };
    },
    async update(urn, id, olds, news) {
      const res = await call<provproto.UpdateResponse>("update", new provproto.UpdateRequest().setUrn(urn).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news)));
      return { properties: js(res.getProperties()) };
    },
    async delete(urn, id, props) {
      await call("delete", new provproto.DeleteRequest().setUrn(urn).setId(id).setProperties(toStruct(props)));
    },
    async cancel() {
      await call("cancel", new Empty());
    },
  };
}

/** A `google.protobuf.Struct` from a plain object (throws `Unexpected struct type.` on `undefined` values). */
export function toStruct(o: Props): structT.Struct {
  return Struct.fromJavaScript(o as Record<string, structT.JavaScriptValue>);
}

/**
 * Decodes `pulumirpc.ErrorResourceInitFailed` from the `grpc-status-details-bin` trailer of a failed RPC (what the
 * engine's `parseError` does, §1.4). Undefined when the error carries none.
 */
export function initFailure(err: unknown): InitFailure | undefined {
  const md = (err as { metadata?: grpcT.Metadata } | null)?.metadata;
  const bin = md?.get("grpc-status-details-bin")[0];
  if (!bin || typeof bin === "string") return undefined;
  for (const any of statusproto.Status.deserializeBinary(bin).getDetailsList()) {
    const d = any.unpack(provproto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
    if (d) return { id: d.getId(), properties: d.getProperties()?.toJavaScript() ?? {}, reasons: d.getReasonsList() };
  }
  return undefined;
}
