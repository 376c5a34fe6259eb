/**
 * Keeps secrets out of messages. Vendor credential providers put what they received into their errors: the STS reply
 * body (whose `SignatureDoesNotMatch` message holds the string to sign, with a token when the base key is temporary),
 * or the whole `~/.aliyun/config.json` when it does not parse (`@alicloud/credentials` 2.4.7
 * `dist/src/providers/cli_profile.js` `getConfiguration`). Every message a credential source raises goes through
 * {@link redact} before it reaches an error, a log line or an output.
 */
import { transportErrorCode } from "../network";

/** A request id or similar (UUID), kept: it helps the vendor's support and is not a secret. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** JSON Web Tokens (OIDC tokens): `eyJ…` header, payload and signature. */
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;
/**
 * Opaque runs long enough to be a secret, a token or a key (Alibaba secrets are 30 characters, Tencent keys 32+;
 * base64 tokens also hold `/`, so with `/` only runs of 60+, which spares file paths), with both digits and lower-case
 * letters (which spares setting names such as `TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN`).
 */
const OPAQUE = /[A-Za-z0-9+=_-]{28,}|[A-Za-z0-9+/=_-]{60,}/g;
const looksSecret = (run: string) => /[0-9]/.test(run) && /[a-z]/.test(run) && !UUID.test(run);

/** A JSON reply body reduced to its `Code: Message` (vendors' error envelopes), or null when it is not one. */
function envelope(text: string): string | null {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const inner = (v.Response as Record<string, unknown> | undefined)?.Error as Record<string, unknown> | undefined;
    const code = v.Code ?? inner?.Code;
    const message = v.Message ?? inner?.Message;
    return typeof code === "string" ? `${code}: ${typeof message === "string" ? message : ""}`.trim() : null;
  } catch {
    return null;
  }
}

/** `message` without any of `secrets`, string-to-sign dumps, dumped file or reply bodies, tokens and long opaque runs. */
export function redact(message: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("***");
  // A reply body or file content: from its first brace to the end (it may be cut short), kept only as `Code: Message`.
  out = out.replace(/\{[\s\S]*$/, (rest) => envelope(rest.slice(0, rest.lastIndexOf("}") + 1)) ?? "{…}");
  out = out.replace(/\s*server string to sign is:[\s\S]*$/i, "");
  out = out.replace(JWT, "***");
  out = out.replace(OPAQUE, (run) => (looksSecret(run) ? "***" : run));
  return out.trim();
}

/** The error code for a failure below a credential service: its socket code when it never answered, else null. */
export function unreachedCode(e: unknown): string | null {
  const code = transportErrorCode(e);
  return code && /^E[A-Z_]+$/.test(code) ? code : null;
}
