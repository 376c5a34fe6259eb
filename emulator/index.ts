/**
 * The offline emulator of the four prefetch APIs (Tencent EdgeOne; Alibaba Cloud CDN, DCDN, ESA). It verifies real
 * signatures and answers with the documented fields and error codes. See emulator/README.md.
 */
export { startEmulator, defaultModules } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { controlClient } from "./client";
export type { EmulatorControl, EmulatorSnapshot } from "./core/control";
export type { EmulatorStats } from "./core/stats";
export type { EmulatorCredentials } from "./core/context";
export type { EmulatorConfig, OutcomeRule, Fault, FaultKind, Outcome, Product, TaskKind } from "./core/types";
export type { EdgeEntry, EdgeSnapshot, PurgeMethod } from "./core/edge";
export type { VariantDef } from "./core/variants";
export type { IssuedKey } from "./sts/keyring";
export type { TlsIdentity } from "./sts/certificate";
export { createTlsIdentity } from "./sts/certificate";
export type { RateLimitConfig, DocumentedRate } from "./core/rate-limit";
export { DOCUMENTED_RATES } from "./core/rate-limit";
export { variantSettings } from "./core/variants";
