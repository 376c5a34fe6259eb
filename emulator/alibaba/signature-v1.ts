/**
 * RPC signature V1 (HMAC-SHA1), used by the SDKs with `signatureAlgorithm: 'v2'`, computed independently.
 *
 * Algorithm: cloud-apis.md §C.3, https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism
 * StringToSign = METHOD & enc("/") & enc(canonical(all params except Signature)); key = secret + "&".
 */
import { createHmac } from "node:crypto";
import { canonicalParams, percentEncode } from "./encode";

/** The only V1 method the SDKs send. */
export const RPC_SIGNATURE_METHOD = "HMAC-SHA1";

/** The V1 string to sign for a request's parameters (query and form body merged, `Signature` left out). */
export function rpcStringToSign(method: string, params: Map<string, string>): string {
  const signed = new Map([...params].filter(([k]) => k !== "Signature"));
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalParams(signed))}`;
}

/** Base64 HMAC-SHA1 of the string to sign, keyed with `secret + "&"`. */
export function rpcSignature(secret: string, method: string, params: Map<string, string>): string {
  return createHmac("sha1", `${secret}&`).update(rpcStringToSign(method, params)).digest("base64");
}
