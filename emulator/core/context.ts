/**
 * The emulator's shared state behind the {@link EmulatorContext} product modules use, plus the operations the control
 * plane needs (rules, faults, config, clock, reset).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createVirtualClock, type VirtualClock } from "./clock";
import { EdgeModel } from "./edge";
import { defaultConfig, mergeConfig } from "./config";
import { createFaultQueue, type FaultQueue } from "./faults";
import { createOutage, type Outage } from "./outage";
import { planOutcome, validateRules } from "./planner";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import { createStats, type StatsRecorder } from "./stats";
import { createKeyRing, type KeyRing } from "../sts/keyring";
import type { CallKind, EmulatorConfig, EmulatorContext, OutcomeRule, Product, ProductModule, TakenFault } from "./types";

/** Credentials the emulator accepts. */
export interface EmulatorCredentials {
  tencent: { secretId: string; secretKey: string };
  alibaba: { accessKeyId: string; accessKeySecret: string };
}

/** Fresh random credentials (shaped like the vendors' key ids). */
export function randomCredentials(): EmulatorCredentials {
  const hex = (n: number) => randomBytes(n).toString("hex");
  return {
    tencent: { secretId: `AKIDemu${hex(12)}`, secretKey: hex(16) },
    alibaba: { accessKeyId: `LTAIemu${hex(8)}`, accessKeySecret: hex(15) },
  };
}

/** Everything the emulator keeps. */
export interface EmulatorState {
  clock: VirtualClock;
  faults: FaultQueue;
  /** The wall-clock outage window of `down` faults (the server follows it). */
  outage: Outage;
  stats: StatsRecorder;
  /** Per-account token buckets (wall clock), consulted when `config.rateLimits.enabled`. */
  limiter: RateLimiter;
  credentials: EmulatorCredentials;
  config: EmulatorConfig;
  /** The configuration at start-up; a reset returns to it. */
  initialConfig: EmulatorConfig;
  rules: OutcomeRule[];
  nonces: Set<string>;
  modules: ProductModule[];
  /** Temporary keys issued by the STS actions (sts/keyring.ts); kept by a reset, like the credentials. */
  keys: KeyRing;
  /** Origin versions and what each product's edge caches (core/edge.ts); cleared by a reset. */
  edge: EdgeModel;
}

/** Creates the state with optional initial config and rules. */
export function createState(o: { credentials?: EmulatorCredentials; config?: unknown; rules?: unknown; modules: ProductModule[] }): EmulatorState {
  const config = mergeConfig(defaultConfig(), o.config ?? {});
  return {
    clock: createVirtualClock(), faults: createFaultQueue(), outage: createOutage(), stats: createStats(), limiter: createRateLimiter(),
    credentials: o.credentials ?? randomCredentials(),
    config, initialConfig: config,
    rules: o.rules ? validateRules(o.rules) : [],
    nonces: new Set(), modules: o.modules, keys: createKeyRing(), edge: new EdgeModel(),
  };
}

/**
 * The key id a call to `product` was authenticated with. Faults are taken after authentication and the emulator
 * accepts one key per vendor, so it is that key (the rate limiter's "account").
 */
function keyIdOf(state: EmulatorState, product: Product): string {
  return product === "teo" ? state.credentials.tencent.secretId : state.credentials.alibaba.accessKeyId;
}

/**
 * The fault a call meets: the rate limiter's `throttle` (with the time until a token is free as the retry hint, which
 * Alibaba sends as `x-acs-retry-after`), else a queued fault; a `delay` waits on the virtual clock.
 */
function takeFault(state: EmulatorState, product: Product, action: string, kind?: CallKind): TakenFault | null {
  const admission = state.limiter.admit(keyIdOf(state, product), product, action, state.config.rateLimits);
  if (!admission.admitted) {
    state.stats.throttled(product, action);
    return { kind: "throttle", product, action, delayMs: admission.retryAfterMs };
  }
  const fault = state.faults.take(product, action, kind);
  if (fault?.kind !== "delay") return fault;
  return { ...fault, wait: () => state.clock.sleep(fault.delayMs ?? 0) };
}

/** The context product modules see (reads the state live, so control-plane changes apply at once). */
export function contextOf(state: EmulatorState): EmulatorContext {
  return {
    now: () => state.clock.now(),
    realNow: () => Date.now(),
    plan: (url, task) => planOutcome(state.rules, url, state.config.defaultDurationMs, task),
    takeFault: (product, action, kind) => takeFault(state, product, action, kind),
    record: (product, action, kind, urls) => state.stats.record(product, action, kind, urls),
    secretFor: (vendor, keyId) => {
      const c = state.credentials;
      if (vendor === "tencent" && keyId === c.tencent.secretId) return c.tencent.secretKey;
      if (vendor === "alibaba" && keyId === c.alibaba.accessKeyId) return c.alibaba.accessKeySecret;
      return state.keys.secretFor(vendor, keyId);
    },
    keys: state.keys,
    useNonce: (nonce) => (state.nonces.has(nonce) ? false : (state.nonces.add(nonce), true)),
    get config() { return state.config; },
    requestId: () => randomUUID().toUpperCase(),
    edge: state.edge,
  };
}

/**
 * Control-plane reset: tasks, counters, origin versions and edge caches, rate-limit buckets, faults, outage, rules, clock and config back to start-up
 * (calls held by `delay` faults are released at once); credentials kept.
 */
export function resetState(state: EmulatorState): void {
  state.modules.forEach((m) => m.reset());
  state.faults.clear();
  state.outage.end();
  state.stats.reset();
  state.limiter.reset();
  state.rules = [];
  state.nonces.clear();
  state.edge.reset();
  state.clock.reset();
  state.config = state.initialConfig;
}
