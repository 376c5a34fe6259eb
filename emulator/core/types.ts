/**
 * Contracts inside the emulator: the shared context (virtual clock, outcome planner, faults, call counters,
 * credentials, configuration) and the shape of a product module (Tencent TEO, Alibaba CDN/DCDN/ESA).
 *
 * The emulator imports no provider code and no vendor SDK: it is the independent oracle the provider is tested
 * against.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { RateLimitConfig } from "./rate-limit";

/** The four emulated APIs. */
export type Product = "teo" | "cdn" | "dcdn" | "esa";

/** How a URL's prefetch ends in the emulator; products map it to their own vocabulary. */
export type Outcome = "success" | "failed" | "timeout" | "canceled" | "invalid";

/** A test- or user-supplied rule choosing the outcome for matching URLs. First match wins. */
export interface OutcomeRule {
  /** Substring of the URL, or a regular expression written as `/pattern/flags`. */
  match: string;
  outcome: Outcome;
  /** How long the URL stays in progress (virtual ms); default: the context's default duration. */
  durationMs?: number;
  /** Vendor failure type (EdgeOne `FailType`, e.g. `originPullFailed`); a realistic default is chosen otherwise. */
  failType?: string;
  /** Vendor failure message; a realistic default is chosen otherwise. */
  message?: string;
  /** Only tasks of this kind (`prefetch` or `purge`); tasks of both kinds when omitted. */
  task?: TaskKind;
}

/** What a URL task does: warm the edge (prefetch) or drop / invalidate its cached copy (purge). */
export type TaskKind = "prefetch" | "purge";

/** The planned fate of one submitted URL. */
export interface PlannedOutcome {
  outcome: Outcome;
  durationMs: number;
  failType: string | null;
  message: string | null;
}

/**
 * What a served call does: prefetch submits, purge submits, task queries (prefetch or purge), quota reads, anything
 * else. Purge submits are counted apart from prefetch submits (`stats().purges`).
 */
export type CallKind = "submit" | "purge" | "query" | "quota" | "other";

/**
 * Fault kinds:
 * - refusals (the vendor answers with an error): `throttle` (the vendor's rate-limit error), `internal` (the vendor's
 *   internal error), `error` (`code`, `message`; Alibaba's HTTP status from `httpStatus`, else the code's documented
 *   status, else 400; Tencent errors are always HTTP 200);
 * - `delay`: serve normally once the emulator clock has moved `delayMs` on (real mode: `delayMs` of wall-clock time, or
 *   sooner when the clock is advanced; manual mode: when `advance()` reaches it);
 * - transport faults: `drop-after-accept` (the call is fully served — a submit creates its task and is counted — then
 *   the socket is destroyed without an answer), `reset` (the socket is destroyed before anything is served; the client
 *   cannot tell it from `drop-after-accept`), `down` (a wall-clock outage of `durationMs`: new connections are refused,
 *   every task is kept), `malformed` (the call is served, then HTTP 200 with a truncated, unparsable body is sent);
 * - `empty`: a task query answers as if no task existed (matches query calls only).
 */
export type FaultKind = "throttle" | "internal" | "delay" | "error" | "drop-after-accept" | "reset" | "down" | "empty" | "malformed";

/** A queued fault: the next `count` matching calls fail, are delayed, dropped, emptied or broken instead of served. */
export interface Fault {
  /** Only calls to this product; any when omitted. */
  product?: Product;
  /** Only this action (e.g. `DescribePrefetchTasks`); any when omitted. */
  action?: string;
  kind: FaultKind;
  /** `error`: the vendor error code (required). */
  code?: string;
  /** `throttle`, `internal`, `error`: the error message (default: the vendor's message for the code). */
  message?: string;
  /** `error` (Alibaba only): the HTTP status; default the code's documented status. */
  httpStatus?: number;
  /** `delay`: virtual ms before serving (see {@link FaultKind}). `throttle` (Alibaba): the `x-acs-retry-after` value. */
  delayMs?: number;
  /** `down`: length of the outage in wall-clock ms (required). */
  durationMs?: number;
  /**
   * `down`: when the outage begins. `before` (default): the matching call is not served, its socket is destroyed
   * (like `reset`) and the outage begins; `after`: the matching call is served and answered (`Connection: close`), then
   * the outage begins, so the next call's connection is refused before any byte is sent.
   */
  begin?: "before" | "after";
  /** How many calls this fault applies to (default 1). */
  count?: number;
}

/**
 * A fault as a call takes it: a queued one, or the rate limiter's `throttle`. `wait` (delays): resolves when the call
 * may be served, following the emulator clock; without it a delay is a wall-clock sleep of `delayMs`.
 */
export interface TakenFault extends Fault {
  wait?: () => Promise<void>;
}

/** Declared zones, domains and sites. When `restrict` is null every well-formed id is accepted (auto-provisioned). */
export interface EmulatorRestrictions {
  teoZones?: { zoneId: string; domains: string[] }[];
  cdnDomains?: string[];
  dcdnDomains?: string[];
  esaSites?: { siteId: string; hostnames: string[] }[];
}

/** Quota settings; all counts are URLs. */
export interface EmulatorQuotas {
  /**
   * `edgeDaily`: the separate daily quota of `Mode: edge` submits (default 1000, teo_models.d.ts
   * `CreatePrefetchTaskRequest.Mode`: "edge prefetch is allotted its own quota, 1,000 a day by default, and does not
   * consume the regular prefetch quota").
   */
  teo: { batch: number; daily: number; edgeDaily?: number };
  cdn: { daily: number };
  dcdn: { daily: number };
  esa: { daily: number };
}

/** The emulator's adjustable configuration (control plane `POST /_emulator/config`). */
export interface EmulatorConfig {
  restrict: EmulatorRestrictions | null;
  /** Virtual ms after submit during which a task is not visible to query APIs yet (eventual consistency). */
  visibilityLagMs: number;
  quotas: EmulatorQuotas;
  /** How long tasks stay queryable, virtual ms (Alibaba documents 3 days; EdgeOne retention is not documented). */
  historyMs: { teo: number; alibaba: number };
  /** Default time a URL stays in progress, virtual ms. */
  defaultDurationMs: number;
  /** Alibaba-only knobs; every member is optional. */
  alibaba?: AlibabaOptions;
  /** Chosen values of undocumented behaviours (core/variants.ts); unset: each variant's default. */
  variants?: Record<string, string>;
  /** The vendors' per-account rate limits (core/rate-limit.ts); unset or `enabled: false`: not enforced. */
  rateLimits?: RateLimitConfig;
}

/** Alibaba-only configuration. */
export interface AlibabaOptions {
  /**
   * CDN `DescribePreloadDetailById` is allow-listed by the vendor (seed 000): without this flag it is refused with
   * `Forbidden` (HTTP 403), as for a real account that is not on the list. Default false.
   */
  preloadDetailAllowed?: boolean;
  /**
   * Prefetch queue size in URLs (default 100,000, cloud-apis.md §A.1). When full, CDN refuses new URLs with
   * `PreloadQueueFull`; DCDN accepts and queues them (§A.2).
   */
  preloadQueueCapacity?: number;
  /** How long a domain or site refuses submits after its first use under the `*.busyAfterFirstUse` variants, virtual ms (default 2000). */
  busyForMs?: number;
}

/** Everything a product module may use. */
export interface EmulatorContext {
  /** Virtual time, ms since the epoch: task progress, quotas and history windows follow it. */
  now(): number;
  /** Wall-clock time, ms: signature timestamp skew is checked against it (the SDKs sign with the real time). */
  realNow(): number;
  /** Chooses the fate of a URL task submitted now (rules for its kind first, then the default success); `task` defaults to `prefetch`. */
  plan(url: string, task?: TaskKind): PlannedOutcome;
  /**
   * The fault this call meets, or null: a `throttle` when the call is over its action's rate limit
   * (`config.rateLimits`, core/rate-limit.ts; the queue is then left alone), else one use of the first matching queued
   * fault; `kind` lets `empty` faults match query calls only. Call it once per call, after authentication.
   */
  takeFault(product: Product, action: string, kind?: CallKind): TakenFault | null;
  /** Counts a served call; `kind` separates submits from queries for the no-duplicate-submit proofs. */
  record(product: Product, action: string, kind: CallKind, urls?: number): void;
  /** The secret for a key id (static or issued by STS), or null when the key id is unknown. */
  secretFor(vendor: "tencent" | "alibaba", keyId: string): string | null;
  /** The temporary keys the STS actions issue (sts/keyring.ts): auth checks their tokens, STS issues them. */
  readonly keys: import("../sts/keyring").KeyRing;
  /** Remembers a signature nonce; false when it was already used (Alibaba `SignatureNonceUsed`). */
  useNonce(nonce: string): boolean;
  /** Current configuration (read it on every call; the control plane may change it). */
  readonly config: EmulatorConfig;
  /** A fresh vendor-style request id. */
  requestId(): string;
  /** The origin/edge model (core/edge.ts) the products report finished prefetch and purge tasks to; absent in bare contexts. */
  readonly edge?: import("./edge").EdgeModel;
}

/** A parsed HTTP request as product modules see it. */
export interface EmulatorRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Raw query string (without `?`), undecoded, as received. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Raw body bytes as received. */
  body: Buffer;
}

/** A reply. `body` is serialized as JSON unless it is a string. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** Socket-level effect of a transport fault, carried out by the server instead of (or besides) answering. */
  transport?: TransportEffect;
}

/** What the server does at the socket level for a transport fault. */
export interface TransportEffect {
  /** Destroy the socket without answering (the client sees ECONNRESET or "socket hang up"). */
  destroy?: boolean;
  /** Begin a wall-clock outage of this many ms (new connections refused) before answering or destroying. */
  downMs?: number;
}

/** A product family module (Tencent or Alibaba): claims requests and serves them. */
export interface ProductModule {
  /** True when this module should serve the request (e.g. `X-TC-Action` present, or `x-acs-action`/`Action`). */
  accepts(req: EmulatorRequest): boolean;
  /** Serves the request, including signature verification and vendor error envelopes. */
  handle(req: EmulatorRequest, ctx: EmulatorContext): Promise<EmulatorResponse>;
  /** Forgets all tasks and counters (control plane reset). */
  reset(): void;
  /** Every task this module holds (visible to queries or not yet), for the control plane's `GET /_emulator/tasks`. */
  tasks(ctx: EmulatorContext): AcceptedTask[];
  /** The undocumented behaviours this module offers as variants (core/variants.ts). */
  variants: readonly import("./variants").VariantDef[];
  /**
   * The vendor's rate-limit refusal for `req` (or, without it, for the module's first product), as the module renders
   * it under the current variants (e.g. Alibaba `alibaba.throttleCode`). The core's rate limiter and any other caller
   * outside the module use it instead of inventing an envelope. `retryAfterMs`: a retry hint, where the vendor sends
   * one (Alibaba `x-acs-retry-after`). The call is not recorded and takes no fault.
   */
  throttle?(ctx: EmulatorContext, req?: EmulatorRequest, retryAfterMs?: number): EmulatorResponse;
}

/** One accepted URL task, as the control plane lists it (no vendor counterpart: tests prove "never lost" with it). */
export interface AcceptedTask {
  product: Product;
  /** The id the by-id query APIs accept (EdgeOne `JobId`, Alibaba `TaskId`). */
  taskId: string;
  /** The URL as the cloud stored it. */
  url: string;
  /** Virtual ms of the submit. */
  createdAt: number;
  /** Virtual ms at which the URL becomes terminal (`createdAt` + its planned duration); benches measure overshoot from it. */
  finishesAt: number;
}
