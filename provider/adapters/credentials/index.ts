/**
 * Credential sources for the adapters' clients: one per plan for the life of the host process (Pulumi's dynamic
 * provider host serves every resource of a stack, pulumi-dynamic-providers.md §2), so the resources of a stack share
 * one assumed-role session instead of each calling STS, and a renewed key serves them all. Keyed by a hash of the
 * plan: secrets are never kept in a key. Module state is safe here for the reason given in adapters/memory.ts.
 */
import { createHash } from "node:crypto";
import type { Connection } from "../types";
import { alibabaSource } from "./alibaba";
import type { CredentialPlan, CredentialSource } from "./source";
import { tencentSource } from "./tencent";

export type { CredentialPlan, CredentialSource, AlibabaPlan, TencentPlan, StsTarget, StaticKeys } from "./source";
export { CredentialsError } from "./errors";
export { describeAlibaba } from "./alibaba";
export { describeTencent } from "./tencent";
export { redact } from "./redact";

const sources = new Map<string, CredentialSource>();

/** The source for a plan (built once per process and plan). Static keys have none: they go to the client as a pair. */
export function credentialSource(p: CredentialPlan): CredentialSource {
  const key = createHash("sha256").update(JSON.stringify(p)).digest("hex");
  let source = sources.get(key);
  if (!source) {
    source = p.vendor === "alibaba" ? alibabaSource(p.plan) : tencentSource(p.plan);
    sources.set(key, source);
  }
  return source;
}

/** Forgets every source (tests: each case starts from a fresh process). */
export function forgetCredentialSources(): void {
  sources.clear();
}

/**
 * The credential fields of an Alibaba client `Config` (alibaba/config.ts): the connection's key pair (and token), or,
 * with a credential source, `credential` alone (the cores use a key pair when one is set, else `credential`:
 * `@alicloud/openapi-core` `dist/client.js` constructor).
 */
export function alibabaKeyOptions(connection: Connection): { accessKeyId?: string; accessKeySecret?: string; securityToken?: string; credential?: object } {
  const source = connection.credentialSource;
  if (source?.vendor === "alibaba") return { credential: source.sdkCredential };
  const { accessKeyId, accessKeySecret, securityToken } = connection.credentials;
  return securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret };
}

/** The `credential` of a Tencent client config (edgeone/client.ts): the key pair (and token), or the source. */
export function tencentClientCredential(connection: Connection): object {
  const source = connection.credentialSource;
  if (source?.vendor === "tencent") return source.sdkCredential;
  const { accessKeyId, accessKeySecret, securityToken } = connection.credentials;
  return securityToken ? { secretId: accessKeyId, secretKey: accessKeySecret, token: securityToken } : { secretId: accessKeyId, secretKey: accessKeySecret };
}
