/**
 * Reading an OIDC ID token (a JWT, RFC 7519) the way the emulated STS actions can: its three base64url parts, a JSON
 * header and payload, and the `exp` claim against the virtual clock. The signature is NOT verified: the real STS
 * fetches the identity provider's keys, which an offline emulator cannot (FIDELITY.md STS-5).
 */

/** The claims the emulator reads. */
export interface OidcClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  /** Seconds since the epoch. */
  exp?: number;
  iat?: number;
}

/** A read token: its claims, or what is wrong with it. */
export interface ReadToken {
  claims: OidcClaims;
  problem: "malformed" | "expired" | null;
}

function decodeJson(part: string): unknown {
  return JSON.parse(Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8"));
}

/** Reads `token` at virtual time `nowMs`. */
export function readOidcToken(token: string, nowMs: number): ReadToken {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[\w-]+$/.test(p))) return { claims: {}, problem: "malformed" };
  let claims: OidcClaims;
  try {
    decodeJson(parts[0]);
    const payload = decodeJson(parts[1]);
    if (typeof payload !== "object" || payload === null) return { claims: {}, problem: "malformed" };
    claims = payload as OidcClaims;
  } catch {
    return { claims: {}, problem: "malformed" };
  }
  if (typeof claims.exp === "number" && claims.exp * 1000 <= nowMs) return { claims, problem: "expired" };
  return { claims, problem: null };
}
