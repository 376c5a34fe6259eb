/**
 * The family's rate-limit refusal, for throttle faults and the core's rate limiter (`ProductModule.throttle`): the
 * code chosen by the `alibaba.throttleCode` variant, its status from the routed product's table, and an
 * `x-acs-retry-after` header (openapi-core honours it when retries are on, cloud-apis.md §C.6).
 */
import type { EmulatorConfig } from "../core/types";
import { variantValue } from "../core/variants";
import { AlibabaError } from "./errors";
import { throttleCode } from "./variants";

/** `x-acs-retry-after` sent when the caller names no delay, ms (emulator choice; §C.6). */
export const DEFAULT_RETRY_AFTER_MS = 1000;

/** The rate-limit error under the current variants. */
export function throttleError(config: EmulatorConfig, retryAfterMs = DEFAULT_RETRY_AFTER_MS, message?: string): AlibabaError {
  return new AlibabaError(variantValue(config, throttleCode), message, undefined, { "x-acs-retry-after": String(retryAfterMs) });
}
