/**
 * OIDC ID tokens (JWTs) for the emulated STS actions, which read their claims but cannot verify an identity
 * provider's signature (emulator/sts/oidc-token.ts): the signature part is a placeholder.
 */
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** A token issued by a CI identity provider for `sub`, expiring at `expMs` (epoch ms). */
export function oidcToken(o: { expMs: number; sub?: string; iss?: string; aud?: string }): string {
  const claims = { iss: o.iss ?? "https://token.actions.githubusercontent.com", sub: o.sub ?? "repo:example/site:ref:refs/heads/main",
    aud: o.aud ?? "sts.aliyuncs.com", iat: Math.floor(o.expMs / 1000) - 300, exp: Math.floor(o.expMs / 1000) };
  return `${b64url({ alg: "RS256", typ: "JWT", kid: "test" })}.${b64url(claims)}.${Buffer.from("not-verified").toString("base64url")}`;
}
