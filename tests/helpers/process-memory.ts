/**
 * What the provider remembers for the life of its host process (per-account facts, quota figures, rate-limit buckets),
 * forgotten at once: for specs that reset the emulator between cases but keep one clock and endpoint, so each case
 * starts like a new `pulumi up` in a new host process.
 */
import { forgetAll } from "../../provider/adapters/memory";
import { forgetAllQuotas } from "../../provider/adapters/quota-memory";
import { forgetRateLimits } from "../../provider/adapters/rate-gate";

/** Forgets everything the adapters remember between calls. */
export function freshProcessMemory(): void {
  forgetAll();
  forgetAllQuotas();
  forgetRateLimits();
}
