/**
 * The error for credentials that cannot be had: none configured anywhere, a setting that cannot be used, or a vendor
 * credential provider that failed (an STS refusal, an unreadable token file). Its message says what was tried and where
 * credentials may come from, and never holds a secret (credentials/redact.ts).
 */

/** Thrown when no usable credentials can be found; the message says where to put them. */
export class CredentialsError extends Error {
  override readonly name = "CredentialsError";
  /**
   * For the adapters' error classification (alibaba/errors.ts, edgeone/errors.ts), which reads `code`: the socket
   * error code when the credential service could not be reached (the product call was never sent either, so it is
   * safe to resend), else `InvalidCredentials.Unavailable` (an Alibaba-style credential code: never retried).
   */
  readonly code: string;

  constructor(message: string, code = "InvalidCredentials.Unavailable") {
    super(message);
    this.code = code;
  }
}
