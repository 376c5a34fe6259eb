/**
 * Reading credential settings: stack config as `configure` received it (`namespace:key` → string; an object-valued
 * key such as `alicloud:assumeRole` arrives as its JSON text) and environment variables. An empty or blank value counts
 * as unset, as everywhere in the provider (resources/connection.ts).
 */
import * as os from "node:os";
import { CredentialsError } from "../adapters/credentials/errors";

/**
 * The role session name sent when a setting gives none (both vendors require one; it shows in the clouds' audit logs
 * as the session of the assumed role).
 */
export const DEFAULT_SESSION_NAME = "pulumi-cdn-prefetch";

/** Stack config values (`namespace:key` → value). */
export type ConfigValues = Record<string, string | undefined>;

/** The first set value, trimmed; null when none is. */
export function first(...values: (string | undefined | null)[]): string | null {
  for (const v of values) if (typeof v === "string" && v.trim() !== "") return v.trim();
  return null;
}

/** An object-valued setting (`alicloud:assumeRole` …) as a map of string/number/boolean fields; null when unset. */
export function objectSetting(config: ConfigValues, key: string): Record<string, unknown> | null {
  const raw = first(config[key]);
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new CredentialsError(`${key} must be an object (pulumi config set --path '${key}.roleArn' …, or a JSON object); it is not valid JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CredentialsError(`${key} must be an object, got ${typeof value}`);
  return value as Record<string, unknown>;
}

/** A text field of an object setting (numbers are accepted as their text); null when absent or blank. */
export function field(obj: Record<string, unknown> | null, name: string): string | null {
  const v = obj?.[name];
  if (typeof v === "number") return String(v);
  return typeof v === "string" ? first(v) : null;
}

/**
 * A whole number of seconds from `raw`, or `fallback` when unset or 0 (both providers document 0 as "the cloud's own
 * default"); `what` names the setting in the error.
 */
export function seconds(raw: string | null, fallback: number, what: string, range: { min: number; max: number }): number {
  if (raw === null || raw === "0") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new CredentialsError(`${what} must be a whole number of seconds from ${range.min} to ${range.max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

/** The user's home directory: `HOME` (or `USERPROFILE`) of the environment given, else the process's. */
export function homeDir(env: NodeJS.ProcessEnv): string {
  return first(env.HOME, env.USERPROFILE) ?? os.homedir();
}

/** `~/…` expanded against {@link homeDir}. */
export function expandHome(file: string, env: NodeJS.ProcessEnv): string {
  return file === "~" || file.startsWith("~/") ? homeDir(env) + file.slice(1) : file;
}
