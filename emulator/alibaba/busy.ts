/**
 * "Being configured" refusals after a domain's or site's first use (`alibaba.busyAfterFirstUse` for CDN/DCDN domains,
 * `esa.busyAfterFirstUse` for ESA sites): the first submit naming it, and every submit naming it within
 * `config.alibaba.busyForMs` (default 2000 virtual ms) after, is refused with the variant's code. First uses are
 * recorded whatever the variant, so switching it on later does not make an old domain busy again.
 */
import type { EmulatorConfig } from "../core/types";
import { AlibabaError } from "./errors";
import type { Call } from "./types";

/** How long a domain or site stays busy after its first use, virtual ms (emulator choice; the vendor gives no figure). */
export const DEFAULT_BUSY_FOR_MS = 2000;

/**
 * Alibaba options this module reads besides the core's `AlibabaOptions` (core/types.ts): `busyForMs` is the window of
 * the busy variants.
 */
export interface BusyOptions {
  busyForMs?: number;
}

/** The busy window in force, virtual ms. */
export function busyForMs(config: EmulatorConfig): number {
  const v = (config.alibaba as BusyOptions | undefined)?.busyForMs;
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : DEFAULT_BUSY_FOR_MS;
}

/** Virtual instant of each key's first use (`cdn example.com`, `esa site 7001`). */
export class FirstUse {
  private first = new Map<string, number>();

  /** The first use of `key`, recording `now` when it is new. */
  touch(key: string, now: number): number {
    const seen = this.first.get(key);
    if (seen !== undefined) return seen;
    this.first.set(key, now);
    return now;
  }

  /** Forgets every first use. */
  clear(): void {
    this.first.clear();
  }
}

/**
 * Records the first use of every key, then refuses with `code` when one of them is still within its busy window.
 * `code` "none" only records.
 */
export function refuseWhileBusy(call: Call, keys: string[], code: string): void {
  const firsts = keys.map((k) => call.state.firstUse.touch(k, call.now));
  if (code === "none") return;
  const window = busyForMs(call.ctx.config);
  if (firsts.some((t) => call.now < t + window)) throw new AlibabaError(code);
}
