/**
 * Typed readers for TEO request parameters: wrong types and missing values become the vendor's parameter errors.
 */
import { TeoError } from "./errors";

/** Request body fields. */
export type Body = Record<string, unknown>;

/** A required string. */
export function requireString(b: Body, name: string): string {
  const v = b[name];
  if (v === undefined || v === null || v === "") throw new TeoError("MissingParameter", `The request is missing a required parameter \`${name}\`.`);
  if (typeof v !== "string") throw new TeoError("InvalidParameterValue", `The value type of parameter \`${name}\` is not valid: expected String.`);
  return v;
}

/** An optional string. */
export function optionalString(b: Body, name: string): string | undefined {
  return b[name] === undefined || b[name] === null ? undefined : requireString(b, name);
}

/** An optional non-negative integer. */
export function optionalInt(b: Body, name: string): number | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new TeoError("InvalidParameterValue", `The value type of parameter \`${name}\` is not valid: expected a non-negative Integer.`);
  return v;
}

/** An optional array of strings. */
export function optionalStrings(b: Body, name: string): string[] | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new TeoError("InvalidParameterValue", `The value type of parameter \`${name}\` is not valid: expected Array of String.`);
  return v as string[];
}

/** `ZoneId: "*"`: every zone of the account, CreatePrefetchTask only (teo_models.d.ts `CreatePrefetchTaskRequest.ZoneId`). */
export const ALL_ZONES = "*";

/**
 * The `ZoneId`. Zone ids look like `zone-2noz78a8ev6k` (seed 003 example `zone-z8m9mgx`); `allowAll`: `*` is accepted
 * too (only CreatePrefetchTask documents it; the query and quota requests say "zone ID" and nothing more).
 */
export function zoneIdOf(b: Body, allowAll = false): string {
  const zoneId = requireString(b, "ZoneId");
  if (allowAll && zoneId === ALL_ZONES) return zoneId;
  if (!/^zone-[a-z0-9]+$/.test(zoneId)) throw new TeoError("InvalidParameter.ParameterError", `Parameter error: ZoneId ${zoneId} is not a valid zone id.`);
  return zoneId;
}
