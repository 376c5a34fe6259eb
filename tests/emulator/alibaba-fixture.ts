/**
 * Test fixture for the Alibaba emulator specs: starts the real emulator server (`startEmulator`) on a manual virtual
 * clock, exposes the control knobs the specs need, and builds the OFFICIAL SDK clients (cdn20180510 / esa20240910 on
 * openapi-core, dcdn20180115 on openapi-client) pointed at it, under signature V3 (default) or V1
 * (`signatureAlgorithm: 'v2'`).
 */
import assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { alibabaModule } from "../../emulator/alibaba";
import { contextOf, createState } from "../../emulator/core/context";
import { localControl, type EmulatorControl } from "../../emulator/core/control";
import type { EmulatorStats } from "../../emulator/core/stats";
import type { EmulatorConfig, Fault, OutcomeRule } from "../../emulator/core/types";

/* eslint-disable @typescript-eslint/no-var-requires */
const Cdn = require("@alicloud/cdn20180510");
const Dcdn = require("@alicloud/dcdn20180115");
const Esa = require("@alicloud/esa20240910");
const { $OpenApiUtil } = require("@alicloud/openapi-core");
const OpenApiClient = require("@alicloud/openapi-client");

/** A running emulator plus its knobs. */
export interface AliFixture {
  /** `127.0.0.1:PORT`, the SDK endpoint. */
  host: string;
  keyId: string;
  secret: string;
  /** Current virtual time, ms. */
  now(): Promise<number>;
  /** Moves the virtual clock forward. */
  advance(ms: number): Promise<void>;
  /** The control plane's origin versions and edge model (emulator/core/edge.ts). */
  setOrigin(versions: Record<string, string>): Promise<void>;
  edge(): ReturnType<EmulatorControl["edge"]>;
  configure(patch: Partial<EmulatorConfig>): Promise<void>;
  fault(f: Fault): Promise<void>;
  /** Adds an outcome rule (earlier rules win). */
  rule(r: OutcomeRule): Promise<void>;
  stats(): Promise<EmulatorStats>;
  /** Calls held by a `delay` fault, waiting for the virtual clock. */
  delayedCalls(): Promise<number>;
  close(): Promise<void>;
}

/** Default URL duration in these specs: 60 s of virtual time, so "advance 30 s" means half-way. */
const DURATION_MS = 60_000;

/**
 * The emulator core (state, context, control) serving the Alibaba module over node:http.
 * TODO(lead): switch to `startEmulator` (emulator/index.ts) once emulator/tencent exists; server.ts imports it.
 */
async function startCore(config: unknown) {
  const modules = [alibabaModule()];
  const state = createState({ config, modules });
  const ctx = contextOf(state);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const [path, rawQuery = ""] = (req.url ?? "/").split(/\?(.*)/s);
      const r = await modules[0].handle({ method: req.method ?? "GET", path, rawQuery, headers: req.headers, body: Buffer.concat(chunks) }, ctx);
      res.writeHead(r.status, r.headers ?? {});
      res.end(typeof r.body === "string" ? r.body : JSON.stringify(r.body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials: state.credentials, control: localControl(state),
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** Starts the emulator with a frozen (manual) virtual clock. */
export async function startAlibaba(): Promise<AliFixture> {
  const emu = await startCore({ defaultDurationMs: DURATION_MS });
  await emu.control.setClock({ mode: "manual" });
  const rules: OutcomeRule[] = [];
  return {
    host: new URL(emu.url).host,
    keyId: emu.credentials.alibaba.accessKeyId,
    secret: emu.credentials.alibaba.accessKeySecret,
    now: async () => (await emu.control.state()).now,
    setOrigin: (versions) => emu.control.setOrigin(versions),
    edge: () => emu.control.edge(),
    advance: (ms) => emu.control.advance(ms),
    configure: (patch) => emu.control.setConfig(patch),
    fault: (f) => emu.control.addFaults([f]),
    rule: (r) => {
      rules.push(r);
      return emu.control.setRules([...rules]);
    },
    stats: () => emu.control.stats(),
    delayedCalls: async () => (await emu.control.state()).delayedCalls,
    close: () => emu.close(),
  };
}

/** How a test client signs. */
export interface ClientOptions { v2?: boolean; secret?: string; keyId?: string; securityToken?: string }

function configFields(fx: AliFixture, o: ClientOptions) {
  return {
    accessKeyId: o.keyId ?? fx.keyId, accessKeySecret: o.secret ?? fx.secret, securityToken: o.securityToken,
    endpoint: fx.host, protocol: "http", readTimeout: 10_000, connectTimeout: 10_000,
    ...(o.v2 ? { signatureAlgorithm: "v2" } : {}),
  };
}

/** The official CDN client (openapi-core). */
export function cdnClient(fx: AliFixture, o: ClientOptions = {}): any {
  return new Cdn.default(new $OpenApiUtil.Config(configFields(fx, o)));
}

/** The official DCDN client (openapi-client). */
export function dcdnClient(fx: AliFixture, o: ClientOptions = {}): any {
  return new Dcdn.default(new OpenApiClient.Config(configFields(fx, o)));
}

/** The official ESA client (openapi-core). */
export function esaClient(fx: AliFixture, o: ClientOptions = {}): any {
  return new Esa.default(new $OpenApiUtil.Config(configFields(fx, o)));
}

/** SDK request models. */
export const models = { Cdn, Dcdn, Esa };

/** Calls an RPC action through the SDK's generic `callApi` and returns the raw JSON body (wire names and types). */
export async function rawCall(client: any, action: string, version: string, query: Record<string, string>, method = "POST"): Promise<any> {
  const openapi = version === "2018-01-15" ? OpenApiClient : $OpenApiUtil;
  const params = new openapi.Params({
    action, version, protocol: "HTTPS", pathname: "/", method, authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
  });
  const Req = openapi.OpenApiRequest;
  const Runtime = version === "2018-01-15" ? require("@alicloud/tea-util").RuntimeOptions : require("@darabonba/typescript").RuntimeOptions;
  const res = await client.callApi(params, new Req({ query }), new Runtime({}));
  return res.body;
}

/** Awaits a rejected SDK call and checks its vendor error code; returns the error. */
export async function expectAliError(p: Promise<unknown>, code: string): Promise<any> {
  let caught: any;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  assert.equal(caught instanceof Error, true, `expected error ${code}, got success`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}
