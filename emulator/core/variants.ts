/**
 * Variants: wherever a vendor behaviour is undocumented, the emulator offers every plausible behaviour, chosen per
 * variant through the configuration (`config.variants: { name: value }`). Product modules declare their variants
 * (name, values, default, what each value does, why it is a variant); the control plane lists them
 * (`GET /_emulator/variants`), and the test suites iterate over every value of every variant instead of hand-picking.
 * The fidelity ledger (emulator/FIDELITY.md) names each variant next to the behaviour it stands for.
 */
import type { EmulatorConfig, Product } from "./types";

/** One undocumented behaviour and its plausible values. */
export interface VariantDef {
  /** Unique name, e.g. `cdn.detailForNonAllowListed`. */
  name: string;
  /** Products whose answers it changes. */
  products: Product[];
  /** Every plausible value; the first is the default. */
  values: readonly string[];
  /** What each value makes the emulator do. */
  behaviour: Record<string, string>;
  /** Why this is a variant: what the docs say or do not say (with a source). */
  why: string;
}

/** The value a variant has in `config` (its default when unset or not one of its values). */
export function variantValue(config: EmulatorConfig, def: VariantDef): string {
  const v = config.variants?.[def.name];
  return v !== undefined && def.values.includes(v) ? v : def.values[0];
}

/** Throws a RangeError naming the problem when `variants` sets an unknown variant or value. */
export function validateVariants(variants: unknown, defs: readonly VariantDef[]): void {
  if (variants === undefined) return;
  if (variants === null || typeof variants !== "object" || Array.isArray(variants)) throw new RangeError("variants must be an object of name → value");
  for (const [name, value] of Object.entries(variants as Record<string, unknown>)) {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new RangeError(`unknown variant ${JSON.stringify(name)}; known: ${defs.map((d) => d.name).join(", ")}`);
    if (typeof value !== "string" || !def.values.includes(value)) {
      throw new RangeError(`variant ${name} must be one of ${def.values.join(", ")}, got ${JSON.stringify(value)}`);
    }
  }
}

/** Every (variant, non-default value) pair: what a suite runs once each, on top of the all-defaults run. */
export function variantSettings(defs: readonly VariantDef[]): { name: string; value: string }[] {
  return defs.flatMap((d) => d.values.slice(1).map((value) => ({ name: d.name, value })));
}
