/**
 * Credentials that are not a fixed key pair: a profile, an assumed role, an OIDC role, an instance role or the vendor's
 * default chain. The settings (provider/credentials) describe WHAT to build as a {@link CredentialPlan}; the builders
 * here turn a plan into the vendor's own credential provider (`@alicloud/credentials`, `tencentcloud-sdk-nodejs-common`),
 * handed to the SDK client as a {@link CredentialSource}. The SDK asks it for keys before every call, and the vendor's
 * provider renews temporary keys before they expire, so a wait of hours keeps working.
 */
import type { ParsedEndpoint } from "../endpoint";

/** Which vendor's SDK a source feeds. */
export type CredentialVendor = "alibaba" | "tencent";

/** A refreshing credential for one vendor's SDK clients. Holds secrets in memory only; never serialized. */
export interface CredentialSource {
  readonly vendor: CredentialVendor;
  /** What the credentials are and where they come from, for messages; never a secret. */
  readonly description: string;
  /**
   * A stable, non-secret key for the identity the calls run as, used where a key id identifies the account
   * (adapters/memory.ts): `assume-role:<role ARN>@<base key>`, `oidc:<role ARN>`, `profile:<name>@<file>`,
   * `ecs-role:<name>`, `default-chain`.
   */
  readonly accountKey: string;
  /**
   * The object the vendor's client takes: Alibaba `Config.credential` (an `@alicloud/credentials` `Credential`),
   * Tencent `ClientConfig.credential` (a `DynamicCredential` with `getCredential()`).
   */
  readonly sdkCredential: object;
}

/** Where STS calls go instead of the vendor's default host (the emulator, a VPC endpoint); null: the SDK's default. */
export type StsTarget = ParsedEndpoint | null;

/** A fixed key pair with an optional STS token. */
export interface StaticKeys {
  kind: "static";
  /** Where the keys were found, for messages (`stack config`, `environment`, `profile x`). */
  origin: string;
  keyId: string;
  secret: string;
  token: string | null;
}

/** An assumed role on top of other credentials (`AssumeRole`). */
export interface AssumeRolePlan<Base> {
  kind: "assumeRole";
  origin: string;
  base: Base;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  policy: string | null;
  externalId: string | null;
  sts: StsTarget;
}

/** The vendor's default chain, and what to say when it finds nothing. */
export interface DefaultChainPlan {
  kind: "defaultChain";
  /** Every place credentials may come from, for the message when none is found. */
  help: string;
}

/** What builds Alibaba credentials (provider/credentials/alibaba-settings.ts decides which). */
export type AlibabaPlan =
  | StaticKeys
  /** A profile of `~/.aliyun/config.json` in a mode only the vendor's own CLI-profile provider handles (CloudSSO, OAuth, External). */
  | { kind: "cliProfile"; origin: string; name: string }
  | { kind: "ecsRole"; origin: string; roleName: string }
  | { kind: "credentialsUri"; origin: string; uri: string }
  | {
    kind: "oidc"; origin: string; roleArn: string; oidcProviderArn: string; tokenFile: string | null; token: string | null;
    sessionName: string; durationSeconds: number; policy: string | null; sts: StsTarget;
  }
  | AssumeRolePlan<AlibabaPlan>
  | DefaultChainPlan;

/** What builds Tencent credentials (provider/credentials/tencent-settings.ts decides which). */
export type TencentPlan =
  | StaticKeys
  | { kind: "camRole"; origin: string; roleName: string }
  | {
    kind: "webIdentity"; origin: string; roleArn: string; providerId: string; token: string; sessionName: string;
    durationSeconds: number; region: string; sts: StsTarget;
  }
  /** TKE pod OIDC: the vendor's provider reads `TKE_ROLE_ARN`, `TKE_PROVIDER_ID`, `TKE_WEB_IDENTITY_TOKEN_FILE`, `TKE_REGION` at every renewal. */
  | { kind: "podOidc"; origin: string; roleArn: string | null; sts: StsTarget }
  | AssumeRolePlan<TencentPlan>
  | DefaultChainPlan;

/** A plan for either vendor. */
export type CredentialPlan = { vendor: "alibaba"; plan: AlibabaPlan } | { vendor: "tencent"; plan: TencentPlan };
