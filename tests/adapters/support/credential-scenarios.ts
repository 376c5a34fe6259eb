/**
 * One credential scenario end to end: a fresh emulator (recording which key and token signed every product call), the
 * real provider (`PrefetchProvider` with the real adapters) configured with stack config and an environment, one
 * `create` of a one-URL prefetch, and a report: the outcome, the product calls, the keys STS issued, and which secrets
 * (the emulator's keys, every issued secret and token, the OIDC tokens used) leaked into the outputs (the state), the
 * log lines or the error message.
 *
 * Used in-process for Tencent (tests/adapters/credentials-chains.spec.ts) and in a child process for Alibaba, whose
 * STS calls need the emulator's certificate trusted at process start (support/alibaba-sts-child.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultModules, startEmulator, type RunningEmulator, type TlsIdentity } from "../../../emulator";
import type { EmulatorRequest, EmulatorResponse, ProductModule } from "../../../emulator/core/types";
import { forgetCredentialSources } from "../../../provider/adapters/credentials";
import { forgetAll } from "../../../provider/adapters/memory";
import { createAdapter } from "../../../provider/adapters/registry";
import type { Clock } from "../../../provider/engine/clock";
import type { CloudKind } from "../../../provider/model/cloud";
import { PrefetchProvider } from "../../../provider/resources/provider";
import { shiftWallClock } from "../../helpers/wall-clock";

/** A product call as the emulator received it (no secret: which issued key, not the key). */
export interface ProductCall {
  action: string;
  /** Virtual time of the call, ms. */
  at: number;
  /** The vendor error code of the answer, or null when served. */
  code: string | null;
  /** The key id that signed it. */
  keyId: string | null;
  /** Index into `issued` of the temporary key that signed it, or -1 for a static key. */
  issuedIndex: number;
  /** For a temporary key: the call carried that key's own token. */
  tokenOk: boolean | null;
}

/** What a scenario observed (secrets only as the names of those that leaked). */
export interface ScenarioReport {
  status: string | null;
  error: string | null;
  /** Product calls (STS calls left out), in order. */
  calls: ProductCall[];
  /** Keys the emulated STS issued. */
  issued: { action: string; keyId: string; roleArn: string; issuedAt: number; expiresAt: number }[];
  /** Names of secrets found in the outputs (the state), the log lines or the error message. */
  leaks: string[];
}

/** What the emulator is to the scenario's settings. */
export interface EmulatorView {
  url: string;
  host: string;
  credentials: RunningEmulator["credentials"];
  /** The virtual time, ms. */
  now: number;
}

/** A scenario: settings built from the emulator; optional files under a fresh HOME; the URL's prefetch time. */
export interface Scenario {
  cloud: CloudKind;
  config(emu: EmulatorView, home: string): Record<string, string>;
  env(emu: EmulatorView, home: string): NodeJS.ProcessEnv;
  /** Variables the VENDOR code reads from the process environment (it takes no injected one), set (or, undefined, removed) for the run. */
  processEnv?(emu: EmulatorView, home: string): Record<string, string | undefined>;
  /** Files to write under the temporary HOME (path relative to it → content). */
  files?(emu: EmulatorView, home: string): Record<string, string>;
  /** How long the URL takes, virtual ms (default 1 s); the wait budget is raised to cover it. */
  urlDurationMs?: number;
  /** Move the process's wall clock with the emulator's (tests/helpers/wall-clock.ts), for renewals. */
  wallClock?: boolean;
  /** Extra secrets to look for (e.g. OIDC tokens the scenario made). */
  secrets?(emu: EmulatorView, home: string): Record<string, string>;
}

const INPUTS: Partial<Record<CloudKind, Record<string, unknown>>> = {
  edgeone: { zoneId: "zone-cred0001", urls: ["https://www.example.com/app.js"] },
  "alibaba-cdn": { domain: "cdn.example.com", urls: ["https://cdn.example.com/app.js"] },
};

function header(req: EmulatorRequest, name: string): string | null {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** A product call as received: who signed it, with which token, when, and the answer's error code. */
interface RawCall {
  action: string;
  at: number;
  keyId: string | null;
  token: string | null;
  code: string | null;
}

function rawCall(req: EmulatorRequest, at: number, res: EmulatorResponse): RawCall {
  const auth = header(req, "authorization") ?? "";
  const query = new URLSearchParams(req.rawQuery);
  const body = res.body as { Code?: string; Response?: { Error?: { Code?: string } } } | undefined;
  return {
    action: header(req, "x-tc-action") ?? header(req, "x-acs-action") ?? query.get("Action") ?? "?", at,
    keyId: /Credential=([^/,\s]+)/.exec(auth)?.[1] ?? query.get("AccessKeyId"),
    token: header(req, "x-tc-token") ?? header(req, "x-acs-security-token") ?? query.get("SecurityToken"),
    code: body?.Response?.Error?.Code ?? (res.status === 200 ? null : body?.Code ?? `HTTP${res.status}`),
  };
}

/** The default modules, recording every call but the STS module's (listed first). */
function recording(calls: RawCall[]): ProductModule[] {
  return defaultModules().map((m, i) => (i === 0 ? m : {
    ...m,
    handle: async (req, ctx) => {
      const at = ctx.now();
      const res = await m.handle(req, ctx);
      calls.push(rawCall(req, at, res));
      return res;
    },
  }));
}

function withProcessEnv<T>(vars: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  return run().finally(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });
}

/** Runs a scenario; `tls`: the identity the emulator serves HTTPS with (the child passes the one its parent trusts). */
export async function runScenario(s: Scenario, tls?: TlsIdentity): Promise<ScenarioReport> {
  for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
  forgetCredentialSources();
  forgetAll();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "cred-home-"));
  const calls: RawCall[] = [];
  const emu = await startEmulator({ port: 0, modules: recording(calls), tls, config: { defaultDurationMs: s.urlDurationMs ?? 1000 } });
  // Installed after the emulator started, so its virtual clock reads the real time and moves only when advanced.
  const wall = s.wallClock ? shiftWallClock() : null;
  try {
    if (!wall) await emu.control.setClock({ mode: "manual" });
    const view: EmulatorView = { url: emu.url, host: `127.0.0.1:${emu.port}`, credentials: emu.credentials, now: (await emu.control.state()).now };
    for (const [rel, content] of Object.entries(s.files?.(view, home) ?? {})) {
      fs.mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
      fs.writeFileSync(path.join(home, rel), content, { mode: 0o600 });
    }
    let now = view.now;
    const clock: Clock = {
      now: () => (wall ? Date.now() : now),
      sleep: async (ms) => {
        wall?.advance(ms);
        await emu.control.advance(ms);
        now += ms;
      },
    };
    const logs: string[] = [];
    const provider = new PrefetchProvider(s.cloud, { clock, env: s.env(view, home), log: (l) => logs.push(l), createAdapter });
    const config = s.config(view, home);
    await provider.configure({ config: { get: (k: string) => config[k] } });
    let outs: Record<string, unknown> | null = null;
    let error: string | null = null;
    await withProcessEnv({ HOME: home, ...(s.processEnv?.(view, home) ?? {}) }, async () => {
      try {
        outs = (await provider.create({ ...INPUTS[s.cloud]!, waitTimeoutSeconds: 3 * 3600 })).outs;
      } catch (e) {
        error = e instanceof Error ? `${e.message}\n${JSON.stringify(e)}` : String(e);
      }
    });
    const issued = emu.issuedKeys();
    const secrets: Record<string, string> = {
      "the emulator's Tencent secret key": emu.credentials.tencent.secretKey,
      "the emulator's Alibaba secret": emu.credentials.alibaba.accessKeySecret,
      ...Object.fromEntries(issued.flatMap((k, i) => [[`issued secret #${i}`, k.secret], [`issued token #${i}`, k.token]])),
      ...(s.secrets?.(view, home) ?? {}),
    };
    const text = JSON.stringify(outs) + logs.join("\n") + (error ?? "");
    const byKey = new Map(issued.map((k, i) => [k.keyId, i]));
    return {
      status: ((outs as Record<string, unknown> | null)?.status as string | undefined) ?? null,
      error,
      calls: calls.map((c) => {
        const i = c.keyId ? byKey.get(c.keyId) ?? -1 : -1;
        return { action: c.action, at: c.at, code: c.code, keyId: c.keyId, issuedIndex: i, tokenOk: i < 0 ? null : c.token === issued[i].token };
      }),
      issued: issued.map((k) => ({ action: k.action, keyId: k.keyId, roleArn: k.roleArn, issuedAt: k.issuedAt, expiresAt: k.expiresAt })),
      leaks: Object.entries(secrets).filter(([, v]) => v && text.includes(v)).map(([name]) => name),
    };
  } finally {
    wall?.restore();
    await emu.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
