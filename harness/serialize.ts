/**
 * The `__provider` input, produced exactly as `dynamic.Resource` produces it, plus the wire sentinels the engine
 * sends to a dynamic provider (shared reference pulumi-dynamic-providers.md §1.1 point 1, §1.6).
 */
import * as pulumi from "@pulumi/pulumi";

/** The preview "unknown" sentinel (`rpc.unknownValue`): a whole value or an element can be unknown. */
export const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Key marking a special value on the wire (`rpc.specialSigKey`). */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Signature of a secret envelope (`rpc.specialSecretSig`). */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A secret on the wire: `{ "4dabf…388d": "1b47…4270", value }`. */
export interface SecretEnvelope<T = unknown> {
  [SPECIAL_SIG_KEY]: typeof SECRET_SIG;
  value: T;
}

/**
 * Serializes a provider object into the module text `dynamic.Resource` stores as `__provider`:
 * `serializeFunction(() => provider, { allowSecrets: true }).text` (the module exports `handler = () => provider`).
 */
export async function serializeProvider(provider: object): Promise<string> {
  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return sf.text;
}

/** Wraps a value in a secret envelope, as the engine sends a secret to a host that accepts secrets. */
export function secret<T>(value: T): SecretEnvelope<T> {
  return { [SPECIAL_SIG_KEY]: SECRET_SIG, value } as SecretEnvelope<T>;
}

/** True for a secret envelope. */
export function isSecret(v: unknown): v is SecretEnvelope {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG;
}

/** Removes secret envelopes at any depth (what the engine does before calling a host that answers acceptSecrets=false). */
export function unwrapSecrets(v: unknown): unknown {
  if (isSecret(v)) return unwrapSecrets(v.value);
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, unwrapSecrets(x)]));
  }
  return v;
}

/**
 * Every string in `v` that is NOT inside a secret envelope (object keys included): what a state file or a console
 * would show in plaintext. Tests use it to prove that a secret value appears nowhere else.
 */
export function plaintextStrings(v: unknown, out: string[] = []): string[] {
  if (isSecret(v)) return out;
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => plaintextStrings(x, out));
  else if (typeof v === "object" && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      plaintextStrings(x, out);
    }
  }
  return out;
}
