/**
 * Builds Tencent credentials from a plan with the vendor's own classes (`tencentcloud-sdk-nodejs-common` 4.1.220, the
 * package the TEO client itself uses; `tencentcloud/common/credential.d.ts`): `STSCredential` (`AssumeRole`),
 * `OIDCRoleArnCredential` (`AssumeRoleWithWebIdentity`, explicit or TKE pod OIDC), `CvmRoleCredential` (instance
 * role), `ProfileCredential`. Each is a `DynamicCredential`: the client calls `getCredential()` before every request and
 * the class renews its temporary key once it is about to expire (`credential.js`: 30 s before `ExpiredTime`), so a
 * wait of hours keeps working.
 *
 * The default chain is composed here from the vendor's classes in the vendor's order (`DefaultCredentialProvider`:
 * environment, profile file, CVM role, TKE OIDC) rather than used as is, because that class prints every failing
 * step with `console.error` on every call and hands out empty keys when nothing is found; the environment and TKE
 * steps are resolved before the chain is reached (provider/credentials/tencent-settings.ts).
 *
 * The SDK is `require`d here, per build, never at module level (pulumi-dynamic-providers.md §3.3).
 */
import type * as TencentCommon from "tencentcloud-sdk-nodejs-common";
import { isLoopbackHost } from "../endpoint";
import { transportErrorCode } from "../network";
import { CredentialsError } from "./errors";
import { redact, unreachedCode } from "./redact";
import type { CredentialSource, StsTarget, TencentPlan } from "./source";

type Sdk = typeof TencentCommon;
type Credential = TencentCommon.Credential;
type DynamicCredential = TencentCommon.DynamicCredential;
type ClientConfig = TencentCommon.ClientConfig;

/** The region the SDK's `STSCredential` calls STS in (credential.js); also used for web identity calls. */
const STS_REGION = "ap-guangzhou";

/** What a plan is, for messages (no secret: key ids, role ARNs and setting names only). */
export function describeTencent(plan: TencentPlan): string {
  switch (plan.kind) {
    case "static": return `the SecretId ${plan.keyId} from ${plan.origin}`;
    case "camRole": return `the CVM instance CAM role ${plan.roleName} from ${plan.origin}`;
    case "webIdentity": return `the OIDC role ${plan.roleArn} from ${plan.origin}`;
    case "podOidc": return `the TKE pod OIDC role${plan.roleArn ? ` ${plan.roleArn}` : ""} from ${plan.origin}`;
    case "assumeRole": return `the CAM role ${plan.roleArn} from ${plan.origin}, assumed with ${describeTencent(plan.base)}`;
    case "defaultChain": return "the Tencent Cloud default credential chain (profile file, CVM instance role)";
  }
}

/** The non-secret identity key of a plan (CredentialSource.accountKey). */
function accountKey(plan: TencentPlan): string {
  switch (plan.kind) {
    case "static": return plan.keyId;
    case "camRole": return `cam-role:${plan.roleName}`;
    case "webIdentity": return `oidc:${plan.roleArn}`;
    case "podOidc": return `oidc:${plan.roleArn ?? "tke-pod"}`;
    case "assumeRole": return `assume-role:${plan.roleArn}@${accountKey(plan.base)}`;
    case "defaultChain": return "default-chain";
  }
}

/** Every secret a plan holds (for redaction). */
function secretsOf(plan: TencentPlan): string[] {
  if (plan.kind === "static") return [plan.secret, ...(plan.token ? [plan.token] : [])];
  if (plan.kind === "webIdentity") return [plan.token];
  if (plan.kind === "assumeRole") return secretsOf(plan.base);
  return [];
}

/**
 * The client options of an STS call: the endpoint override when there is one (a loopback host gets its own agent, so
 * an `http_proxy` in the environment is not used for it, as adapters/edgeone/client.ts does for the TEO client).
 */
function stsConfig(sts: StsTarget, region: string, credential?: Credential | DynamicCredential): ClientConfig {
  const config = { region, ...(credential ? { credential } : {}) } as ClientConfig;
  if (!sts) return config;
  const agent = isLoopbackHost(sts.host)
    ? new ((sts.protocol === "http" ? require("node:http") : require("node:https")) as typeof import("node:http")).Agent()
    : undefined;
  return { ...config, profile: { httpProfile: { endpoint: sts.host, protocol: `${sts.protocol}://`, ...(agent ? { agent } : {}) } } };
}

/** A CVM instance role with the configured name (the vendor's class asks the metadata service for the name). */
function camRole(sdk: Sdk, roleName: string): DynamicCredential {
  return new (class extends sdk.CvmRoleCredential {
    protected override getRoleName(): Promise<string> {
      return Promise.resolve(roleName);
    }
  })();
}

/**
 * How long before its expiry a web-identity credential is renewed, ms. The SDK's `OIDCRoleArnCredential` keeps
 * `expirationReservationTime = 600` and compares it with milliseconds (`ExpiredTime * 1000 - 600 <= Date.now()`,
 * tencentcloud-sdk-nodejs-common `tencentcloud/common/credential.js`), so it renews 0.6 s before expiry and a call
 * signed just before can arrive expired. The same file's `STSCredential` renews 30 s early (`EXPIRE_BUFFER = 30 * 1000`);
 * web identity gets the same margin.
 */
export const WEB_IDENTITY_RENEWAL_MARGIN_MS = 30_000;

/** Sets the SDK's public renewal margin of an `OIDCRoleArnCredential` to {@link WEB_IDENTITY_RENEWAL_MARGIN_MS}. */
function renewEarly<T extends object>(credential: T): T {
  if ("expirationReservationTime" in credential) Object.assign(credential, { expirationReservationTime: WEB_IDENTITY_RENEWAL_MARGIN_MS });
  return credential;
}

/** The vendor's credential object for a plan. */
function credentialFor(sdk: Sdk, plan: TencentPlan): Credential | DynamicCredential {
  switch (plan.kind) {
    case "static":
      return new sdk.BasicCredential(plan.keyId, plan.secret, plan.token ?? undefined);
    case "camRole":
      return camRole(sdk, plan.roleName);
    case "webIdentity":
      return renewEarly(new sdk.OIDCRoleArnCredential(stsConfig(plan.sts, plan.region), {
        RoleArn: plan.roleArn, RoleSessionName: plan.sessionName, WebIdentityToken: plan.token, ProviderId: plan.providerId,
        DurationSeconds: plan.durationSeconds,
      }));
    case "podOidc":
      // The vendor's TKE mode: a client config without request parameters (credential.js merges the given config and
      // reads TKE_* and the token file at every renewal).
      return renewEarly(new (sdk.OIDCRoleArnCredential as unknown as new (c: ClientConfig) => DynamicCredential)(stsConfig(plan.sts, STS_REGION)));
    case "assumeRole":
      return new sdk.STSCredential(stsConfig(plan.sts, STS_REGION, credentialFor(sdk, plan.base)), {
        RoleArn: plan.roleArn, RoleSessionName: plan.sessionName, DurationSeconds: plan.durationSeconds,
        // The policy is sent URL-encoded (AssumeRole doc, "Policy": "policy 需要做 urlencode").
        ...(plan.policy ? { Policy: encodeURIComponent(plan.policy) } : {}),
        ...(plan.externalId ? { ExternalId: plan.externalId } : {}),
      });
    case "defaultChain":
      return chain([["the profile file ~/.tencentcloud/credentials", new sdk.ProfileCredential()], ["the CVM instance role", new sdk.CvmRoleCredential()]]);
  }
}

/** Keys from a credential object, whichever kind it is. */
async function keysOf(c: Credential | DynamicCredential): Promise<Credential> {
  return "getCredential" in c ? c.getCredential() : c;
}

/**
 * The first step that yields a key pair, remembered (as Alibaba's default chain does; the vendor's
 * `DefaultCredentialProvider` tries every step on every call): later calls go to the same step, which renews its own
 * key. Fails listing every step's reason.
 */
function chain(steps: [string, DynamicCredential][]): DynamicCredential {
  let chosen: DynamicCredential | null = null;
  return {
    async getCredential() {
      if (chosen) return chosen.getCredential();
      const reasons: string[] = [];
      for (const [name, step] of steps) {
        try {
          const c = await step.getCredential();
          if (c.secretId && c.secretKey) {
            chosen = step;
            return c;
          }
          reasons.push(`${name}: no key`);
        } catch (e) {
          // A step that cannot reach its service (no metadata service off a CVM instance) is "not available", not a
          // network failure of the product call: said in words, so the error is not taken for a transient one.
          reasons.push(`${name}: ${transportErrorCode(e) ? "not available here" : e instanceof Error ? e.message : String(e)}`);
        }
      }
      throw new Error(`found none (${reasons.join("; ")})`);
    },
  };
}

/** The credential behind a guard: vendor failures and empty keys become a {@link CredentialsError} without secrets. */
function guarded(inner: Credential | DynamicCredential, plan: TencentPlan): DynamicCredential {
  const what = describeTencent(plan);
  return {
    async getCredential() {
      let c: Credential;
      try {
        c = await keysOf(inner);
      } catch (e) {
        const reason = redact(e instanceof Error ? e.message : String(e), secretsOf(plan)).replace(/[.\s]+$/, "");
        const help = plan.kind === "defaultChain" ? `. ${plan.help}` : "";
        const code = plan.kind === "defaultChain" ? undefined : unreachedCode(e) ?? undefined;
        throw new CredentialsError(`cannot get Tencent Cloud credentials from ${what}: ${reason}${help}`, code);
      }
      if (!c.secretId || !c.secretKey) throw new CredentialsError(`cannot get Tencent Cloud credentials from ${what}: it returned no key`);
      return c;
    },
  };
}

/** Builds the source for a plan that is not static keys (static keys go to the client as a key pair). */
export function tencentSource(plan: TencentPlan): CredentialSource {
  const sdk = require("tencentcloud-sdk-nodejs-common") as Sdk;
  let inner: Credential | DynamicCredential;
  try {
    inner = credentialFor(sdk, plan);
  } catch (e) {
    throw new CredentialsError(`cannot use ${describeTencent(plan)}: ${redact(e instanceof Error ? e.message : String(e), secretsOf(plan))}`);
  }
  return { vendor: "tencent", description: describeTencent(plan), accountKey: accountKey(plan), sdkCredential: guarded(inner, plan) };
}
