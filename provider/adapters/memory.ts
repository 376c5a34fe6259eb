/**
 * Facts about an account that the adapters remember for the life of the host process, so that every resource of a
 * stack does not pay a call to learn them again: Pulumi's dynamic-provider host serves one `pulumi up` (or preview,
 * refresh) for all the resources of a stack (pulumi-dynamic-providers.md §2), and a fact learnt for one resource holds
 * for the next. Examples: CDN's allow-listed `DescribePreloadDetailById` refuses this account (alibaba-cdn/query.ts);
 * the zone of ESA's timezone-less `CreateTime` (alibaba-esa/query.ts).
 *
 * This is one of the three places adapters keep state between calls (an adapter instance holds none), with
 * quota-memory.ts (quota figures) and rate-gate.ts (the per-account rate limits). Facts are keyed by the
 * cloud, the access key id and the API endpoint — one key may reach two sites (China / international) that answer
 * differently — plus the fact's name; each expires after its own TTL, because a verdict can change (an account can be
 * added to an allow list). Times come from the caller's clock, so tests stay deterministic.
 *
 * Module state is safe here: the provider is loaded by name inside the host (`require("pulumi-cdn-prefetch/provider")`,
 * sdk/shim.ts), never serialized into the stack's state (pulumi-dynamic-providers.md §3.3). Nothing secret is kept:
 * the access key id identifies the account, the secret is never seen.
 */
import type { Clock } from "../engine/clock";
import type { CloudKind } from "../model/cloud";
import { parseEndpoint } from "./endpoint";
import type { Connection } from "./types";

/** Whose facts: one account at one API endpoint. */
export interface AccountScope {
  cloud: CloudKind;
  accessKeyId: string;
  /** The endpoint the calls go to (`host[:port]`, or a description of the SDK's default for a region). */
  endpoint: string;
}

/**
 * The account a client's calls run under and the clock they wait on: what the per-account rate limits
 * (rate-gate.ts) and the remembered quota (quota-memory.ts) are keyed by. The clock is part of the key, so two tests
 * with their own clocks never share a bucket or a figure; the host process builds one clock per cloud
 * (resources/provider.ts), so all resources of a stack share them.
 */
export interface AccountContext {
  scope: AccountScope;
  clock: Clock;
}

/** The key of a scope, for the maps that remember per account (with the cloud, key id and endpoint). */
export function scopeKey(scope: AccountScope): string {
  return JSON.stringify([scope.cloud, scope.accessKeyId, scope.endpoint]);
}

/**
 * The scope of a connection's calls: its access key id and the endpoint override (`scheme://host[:port]`), else
 * `defaultEndpoint` (the host the adapter picks, or a description of the SDK's choice for the region).
 */
export function accountScope(cloud: CloudKind, connection: Connection, defaultEndpoint: string): AccountScope {
  const parsed = connection.endpoint ? parseEndpoint(connection.endpoint) : null;
  const endpoint = parsed ? `${parsed.protocol}://${parsed.host}` : defaultEndpoint;
  return { cloud, accessKeyId: connection.credentials.accessKeyId, endpoint };
}

interface Entry {
  value: unknown;
  expiresAtMs: number;
}

const facts = new Map<string, Entry>();

const keyOf = (scope: AccountScope, fact: string) => JSON.stringify([scope.cloud, scope.accessKeyId, scope.endpoint, fact]);

/** The remembered value of `fact` for `scope`, or undefined when unknown or expired at `nowMs`. */
export function recall<T>(scope: AccountScope, fact: string, nowMs: number): T | undefined {
  const key = keyOf(scope, fact);
  const entry = facts.get(key);
  if (entry === undefined) return undefined;
  if (nowMs >= entry.expiresAtMs) {
    facts.delete(key);
    return undefined;
  }
  return entry.value as T;
}

/** Remembers `value` as `fact` for `scope` until `nowMs + ttlMs`. */
export function remember<T>(scope: AccountScope, fact: string, value: T, ttlMs: number, nowMs: number): void {
  facts.set(keyOf(scope, fact), { value, expiresAtMs: nowMs + ttlMs });
}

/** Forgets one fact of one scope. */
export function forget(scope: AccountScope, fact: string): void {
  facts.delete(keyOf(scope, fact));
}

/**
 * Forgets every fact (tests: each case starts from a fresh process's memory; quota-memory.ts `forgetAllQuotas` and
 * rate-gate.ts `forgetRateLimits` forget the rest).
 */
export function forgetAll(): void {
  facts.clear();
}
