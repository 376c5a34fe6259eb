/**
 * The temporary keys the emulated STS actions issue (emulator/sts), shared with the product modules through the
 * context (`ctx.keys`): a product API accepts an issued key only with its own security token and only until it
 * expires on the VIRTUAL clock, so a test moves the clock past the expiry to make a client refresh.
 *
 * Static keys (the emulator's start-up credentials) are not kept here; for them a token is neither required nor
 * checked (as before STS was emulated: a static key with any `SecurityToken` is accepted, cloud-apis.md §C.2).
 */
import { randomBytes } from "node:crypto";

/** Whose key: the vendor whose signature scheme uses it. */
export type KeyVendor = "tencent" | "alibaba";

/** What is wrong with a call's security token, for the vendor's error (sts/token-errors.ts). */
export type TokenProblem = "missing" | "mismatch" | "expired";

/** One issued temporary key. */
export interface IssuedKey {
  vendor: KeyVendor;
  /** The STS action that issued it, e.g. `AssumeRole`, `AssumeRoleWithOIDC`. */
  action: string;
  keyId: string;
  secret: string;
  token: string;
  roleArn: string;
  sessionName: string;
  /** Virtual ms. */
  issuedAt: number;
  /** Virtual ms; the key is refused from this instant on. */
  expiresAt: number;
}

/** The temporary keys of one emulator. */
export interface KeyRing {
  /** Issues a key valid for `durationMs` of virtual time from `now`. */
  issue(o: { vendor: KeyVendor; action: string; roleArn: string; sessionName: string; durationMs: number; now: number }): IssuedKey;
  /** The secret of an issued key (expired or not: expiry is {@link KeyRing.tokenProblem}'s to report), or null. */
  secretFor(vendor: KeyVendor, keyId: string): string | null;
  /** What is wrong with the token sent with `keyId` at virtual time `now`; null when fine or when the key is not an issued one. */
  tokenProblem(vendor: KeyVendor, keyId: string, token: string | null, now: number): TokenProblem | null;
  /** Every key issued so far, oldest first (copies; tests read them). */
  issued(): IssuedKey[];
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const b64 = (bytes: number) => randomBytes(bytes).toString("base64").replace(/[+/=]/g, "");

/**
 * Key shapes: Alibaba temporary AccessKey ids start with `STS.` (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole,
 * response example `STS.NUgYrLnoC37mZZCNnAbez****`); Tencent temporary `TmpSecretId`s look like permanent SecretIds (`AKID…`,
 * response example of https://cloud.tencent.com/document/api/1312/48197). Lengths are the emulator's.
 */
function newKey(vendor: KeyVendor): { keyId: string; secret: string; token: string } {
  return vendor === "alibaba"
    ? { keyId: `STS.NTemu${b64(15)}`, secret: b64(30), token: `CAIS${b64(180)}` }
    : { keyId: `AKIDtmp${hex(14)}`, secret: b64(24), token: `tmp${b64(150)}` };
}

/** A fresh, empty key ring. */
export function createKeyRing(): KeyRing {
  const keys = new Map<string, IssuedKey>();
  const id = (vendor: KeyVendor, keyId: string) => `${vendor}:${keyId}`;
  return {
    issue(o) {
      const key: IssuedKey = { vendor: o.vendor, action: o.action, ...newKey(o.vendor), roleArn: o.roleArn, sessionName: o.sessionName,
        issuedAt: o.now, expiresAt: o.now + o.durationMs };
      keys.set(id(o.vendor, key.keyId), key);
      return { ...key };
    },
    secretFor: (vendor, keyId) => keys.get(id(vendor, keyId))?.secret ?? null,
    tokenProblem(vendor, keyId, token, now) {
      const key = keys.get(id(vendor, keyId));
      if (!key) return null;
      if (!token) return "missing";
      if (token !== key.token) return "mismatch";
      return now >= key.expiresAt ? "expired" : null;
    },
    issued: () => [...keys.values()].map((k) => ({ ...k })),
  };
}
