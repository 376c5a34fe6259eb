/**
 * Credentials from stack config and the environment, with the vendors' own credential chains behind them
 * (alibaba-settings.ts and tencent-settings.ts give the precedence). Static keys come back as a key pair, as before;
 * everything else as a {@link CredentialSource} the SDK clients ask before every call, so temporary keys are renewed
 * by the vendor's provider during long waits.
 */
import { credentialSource } from "../adapters/credentials";
import type { CredentialSource } from "../adapters/credentials/source";
import type { Credentials } from "../adapters/types";
import { alibabaPlan } from "./alibaba-settings";
import { tencentPlan } from "./tencent-settings";
import type { ConfigValues } from "./values";

export { CredentialsError } from "../adapters/credentials/errors";
export { alibabaPlan, ALIBABA_HELP } from "./alibaba-settings";
export { tencentPlan, TENCENT_HELP } from "./tencent-settings";

/** The credential settings `configure` must fetch besides the static keys (resources/connection.ts `CONFIG_KEYS`). */
export const CREDENTIAL_CONFIG_KEYS = [
  "alicloud:profile", "alicloud:sharedCredentialsFile", "alicloud:assumeRole", "alicloud:assumeRoleWithOidc", "alicloud:ecsRoleName",
  "alicloud:credentialsUri",
  "tencentcloud:profile", "tencentcloud:sharedCredentialsDir", "tencentcloud:assumeRole", "tencentcloud:assumeRoleWithWebIdentity",
  "tencentcloud:camRoleName", "tencentcloud:enablePodOidc",
  "cdnPrefetch:stsEndpoint", "cdnPrefetch:tencentStsEndpoint", "cdnPrefetch:alibabaStsEndpoint",
] as const;

/** A connection's credentials: a key pair, or a source (then `credentials.accessKeyId` is its non-secret account key). */
export interface ResolvedCredentials {
  credentials: Credentials;
  source?: CredentialSource;
}

/**
 * Resolves the credentials of `vendor`. Throws a `CredentialsError` for a setting that cannot be used (bad JSON, a
 * missing profile, an `http://` Alibaba STS endpoint); when nothing is configured the vendor's default chain is used,
 * and its failure at the first call lists where credentials may come from.
 */
export function resolveCredentials(vendor: "alibaba" | "tencent", config: ConfigValues, env: NodeJS.ProcessEnv): ResolvedCredentials {
  const planned = vendor === "alibaba" ? { vendor, plan: alibabaPlan(config, env) } as const : { vendor, plan: tencentPlan(config, env) } as const;
  if (planned.plan.kind === "static") {
    const { keyId, secret, token } = planned.plan;
    return { credentials: { accessKeyId: keyId, accessKeySecret: secret, securityToken: token } };
  }
  const source = credentialSource(planned);
  return { credentials: { accessKeyId: source.accountKey, accessKeySecret: "", securityToken: null }, source };
}
