/**
 * Connections and a manual clock for adapter tests.
 */
import type { Connection } from "../../../provider/adapters/types";
import type { Clock } from "../../../provider/engine/clock";

/** A connection to a local endpoint with test credentials (never real ones). */
export function testConnection(endpoint: string, overrides: Partial<Connection> = {}): Connection {
  return {
    credentials: { accessKeyId: "test-key-id", accessKeySecret: "test-key-secret", securityToken: null },
    region: "cn-hangzhou", endpoint, requestTimeoutMs: 5_000, signatureAlgorithm: "v3",
    tencentDomain: null, alibabaAccountType: null, alibabaPreloadDetail: false, ...overrides,
  };
}

/** A clock that only moves when told to. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(iso: string): void;
}

/** A manual clock starting at `startIso`; `sleep` advances it at once. */
export function manualClock(startIso = "2026-11-23T00:00:00Z"): ManualClock {
  let t = Date.parse(startIso);
  return {
    now: () => t,
    sleep: async (ms: number) => { t += Math.max(0, ms); },
    advance: (ms: number) => { t += ms; },
    set: (iso: string) => { t = Date.parse(iso); },
  };
}
