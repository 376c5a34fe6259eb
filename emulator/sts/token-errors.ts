/**
 * The errors a product API answers when a temporary key's security token is wrong (sts/keyring.ts
 * `tokenProblem`), in each vendor's words.
 *
 * - Alibaba: `InvalidSecurityToken.Expired`, `InvalidSecurityToken.MismatchWithAccessKey`,
 *   `InvalidSecurityToken.Malformed` (HTTP 400; the gateway's common codes: https://help.aliyun.com/document_detail/51132.html,
 *   cloud-apis.md §D.1 lists the `InvalidSecurityToken` family).
 * - Tencent: `AuthFailure.TokenFailure` (the common code for a token error, cloud-apis.md §D.2).
 *
 * Which of the Alibaba codes answers a missing token is not documented (FIDELITY.md STS-4).
 */
import { AlibabaError } from "../alibaba/errors";
import { TeoError } from "../teo/errors";
import type { TokenProblem } from "./keyring";

const ALIBABA: Record<TokenProblem, [string, string]> = {
  expired: ["InvalidSecurityToken.Expired", "Specified SecurityToken is expired."],
  mismatch: ["InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey."],
  missing: ["InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed: a temporary AccessKey needs its SecurityToken."],
};

const TENCENT: Record<TokenProblem, string> = {
  expired: "The token has expired; request new temporary credentials.",
  mismatch: "The token does not belong to this SecretId.",
  missing: "A temporary SecretId needs its token (X-TC-Token).",
};

/** The Alibaba refusal for a token problem. */
export function alibabaTokenError(problem: TokenProblem): AlibabaError {
  const [code, message] = ALIBABA[problem];
  return new AlibabaError(code, message, 400);
}

/** The Tencent refusal for a token problem. */
export function tencentTokenError(problem: TokenProblem): TeoError {
  return new TeoError("AuthFailure.TokenFailure", TENCENT[problem]);
}
