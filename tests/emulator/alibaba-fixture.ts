/**
 * Test fixture for the Alibaba emulator specs: starts the emulator, exposes the control knobs the specs need, and
 * builds the OFFICIAL SDK clients (cdn20180510 / esa20240910 on openapi-core, dcdn20180115 on openapi-client)
 * pointed at it, under signature V3 (default) or V1 (`signatureAlgorithm: 'v2'`).
 */
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import assert from "node:assert/strict";
import { alibabaModule } from "../../emulator/alibaba";
import type { EmulatorConfig, EmulatorContext, Fault, OutcomeRule, Product } from "../../emulator/core/types";

/* eslint-disable @typescript-eslint/no-var-requires */
const Cdn = require("@alicloud/cdn20180510");
const Dcdn = require("@alicloud/dcdn20180115");
const Esa = require("@alicloud/esa20240910");
const { $OpenApiUtil } = require("@alicloud/openapi-core");
const OpenApiClient = require("@alicloud/openapi-client");

/** One recorded call. */
export interface Recorded { product: Product; action: string; kind: string; urls?: number }

/** A running emulator plus its knobs. */
export interface AliFixture {
  host: string;
  keyId: string;
  secret: string;
  /** Current virtual time, ms. */
  now(): Promise<number>;
  /** Moves the virtual clock forward. */
  advance(ms: number): Promise<void>;
  configure(patch: Partial<EmulatorConfig>): Promise<void>;
  fault(f: Fault): Promise<void>;
  rule(r: OutcomeRule): Promise<void>;
  calls(): Promise<Recorded[]>;
  close(): Promise<void>;
}

const DAY = 86_400_000;

function defaultConfig(): EmulatorConfig {
  return {
    restrict: null, visibilityLagMs: 0, defaultDurationMs: 60_000,
    quotas: { teo: { batch: 1000, daily: 10_000 }, cdn: { daily: 1000 }, dcdn: { daily: 1000 }, esa: { daily: 1000 } },
    historyMs: { teo: 30 * DAY, alibaba: 3 * DAY },
  };
}

/** Starts the Alibaba module behind a plain node:http server with a small in-test context. */
export async function startAlibaba(): Promise<AliFixture> {
  const mod = alibabaModule();
  // Frozen virtual clock, 100 ms into a whole second: time moves only with advance().
  let virtual = Math.floor(Date.now() / 1000) * 1000 + 100;
  let config = defaultConfig();
  const rules: OutcomeRule[] = [];
  const faults: (Fault & { left: number })[] = [];
  const records: Recorded[] = [];
  const nonces = new Set<string>();
  const keyId = "LTAI-test-key", secret = "test-secret-value";
  const ctx: EmulatorContext = {
    now: () => virtual,
    realNow: () => Date.now(),
    plan(url) {
      const r = rules.find((x) => url.includes(x.match));
      return { outcome: r?.outcome ?? "success", durationMs: r?.durationMs ?? config.defaultDurationMs, failType: r?.failType ?? null, message: r?.message ?? null };
    },
    takeFault(product, action) {
      const i = faults.findIndex((f) => (!f.product || f.product === product) && (!f.action || f.action === action));
      if (i < 0) return null;
      const f = faults[i];
      if (--f.left <= 0) faults.splice(i, 1);
      return f;
    },
    record: (product, action, kind, urls) => void records.push({ product, action, kind, urls }),
    secretFor: (vendor, id) => (vendor === "alibaba" && id === keyId ? secret : null),
    useNonce: (n) => !nonces.has(n) && !!nonces.add(n),
    get config() { return config; },
    requestId: () => randomUUID(),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const [path, rawQuery = ""] = (req.url ?? "/").split(/\?(.*)/s);
      const r = await mod.handle({ method: req.method ?? "GET", path, rawQuery, headers: req.headers, body: Buffer.concat(chunks) }, ctx);
      res.writeHead(r.status, r.headers ?? {});
      res.end(typeof r.body === "string" ? r.body : JSON.stringify(r.body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`, keyId, secret,
    now: async () => virtual,
    advance: async (ms) => void (virtual += ms),
    configure: async (patch) => void (config = { ...config, ...patch }),
    fault: async (f) => void faults.push({ ...f, left: f.count ?? 1 }),
    rule: async (r) => void rules.push(r),
    calls: async () => [...records],
    close: () => new Promise((ok) => server.close(() => ok())),
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
