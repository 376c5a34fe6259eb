/**
 * Builds Alibaba credentials from a plan with the vendor's own providers (`@alicloud/credentials` 2.4.7, the package
 * the OpenAPI cores themselves use; `dist/src/client.d.ts` exports them): static keys, the CLI-profile provider,
 * ECS RAM role, credentials URI, OIDC role (`AssumeRoleWithOIDC`), RAM role (`AssumeRole`, on top of any other
 * provider) and the default chain. The session providers renew their STS token by themselves before it expires
 * (`dist/src/providers/session.js`: a refresh once fewer than 15 minutes remain), so a client holding the
 * resulting `Credential` keeps working through waits of hours.
 *
 * The SDK is `require`d here, per build, never at module level (pulumi-dynamic-providers.md §3.3).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as AlibabaCredentials from "@alicloud/credentials";
import { CredentialsError } from "./errors";
import { redact, unreachedCode } from "./redact";
import type { AlibabaPlan, CredentialSource, StsTarget } from "./source";

type Sdk = typeof AlibabaCredentials;
/** The provider contract of `@alicloud/credentials` (`dist/src/credentials_provider.d.ts`). */
type Provider = AlibabaCredentials.CredentialsProvider;

/** What a plan is, for messages (no secret: key ids, role ARNs, file names and setting names only). */
export function describeAlibaba(plan: AlibabaPlan): string {
  switch (plan.kind) {
    case "static": return `the AccessKey ${plan.keyId} from ${plan.origin}`;
    case "cliProfile": return `the Alibaba Cloud CLI ${plan.origin}`;
    case "ecsRole": return `the ECS instance RAM role ${plan.roleName} from ${plan.origin}`;
    case "credentialsUri": return `the credentials URI from ${plan.origin}`;
    case "oidc": return `the OIDC role ${plan.roleArn} from ${plan.origin}`;
    case "assumeRole": return `the RAM role ${plan.roleArn} from ${plan.origin}, assumed with ${describeAlibaba(plan.base)}`;
    case "defaultChain": return "the Alibaba Cloud default credential chain";
  }
}

/** The non-secret identity key of a plan (CredentialSource.accountKey). */
function accountKey(plan: AlibabaPlan): string {
  switch (plan.kind) {
    case "static": return plan.keyId;
    case "cliProfile": return `profile:${plan.name}`;
    case "ecsRole": return `ecs-role:${plan.roleName}`;
    case "credentialsUri": return `credentials-uri:${plan.origin}`;
    case "oidc": return `oidc:${plan.roleArn}`;
    case "assumeRole": return `assume-role:${plan.roleArn}@${accountKey(plan.base)}`;
    case "defaultChain": return "default-chain";
  }
}

/** Every secret a plan holds (for redaction). */
function secretsOf(plan: AlibabaPlan): string[] {
  if (plan.kind === "static") return [plan.secret, ...(plan.token ? [plan.token] : [])];
  if (plan.kind === "oidc") return plan.token ? [plan.token] : [];
  if (plan.kind === "assumeRole") return secretsOf(plan.base);
  return [];
}

/** The host the STS calls go to: the vendor builds `https://<host>` (HTTPS only); undefined keeps its default. */
const stsHost = (sts: StsTarget) => sts?.host;

/**
 * An inline OIDC token (`alicloud:assumeRoleWithOidc.oidcToken`) in a private file, because the vendor's OIDC provider
 * reads its token from a file at every renewal (`oidc_role_arn.js`). Mode 0600 in a fresh private directory, removed
 * when the process exits.
 */
function tokenFile(token: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdn-prefetch-oidc-"));
  const file = path.join(dir, "token");
  fs.writeFileSync(file, token, { mode: 0o600 });
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return file;
}

/** The vendor provider for a plan. */
function providerFor(sdk: Sdk, plan: AlibabaPlan): Provider {
  switch (plan.kind) {
    case "static":
      return plan.token
        ? sdk.StaticSTSCredentialsProvider.builder().withAccessKeyId(plan.keyId).withAccessKeySecret(plan.secret).withSecurityToken(plan.token).build()
        : sdk.StaticAKCredentialsProvider.builder().withAccessKeyId(plan.keyId).withAccessKeySecret(plan.secret).build();
    case "cliProfile":
      return sdk.CLIProfileCredentialsProvider.builder().withProfileName(plan.name).build();
    case "ecsRole":
      return sdk.ECSRAMRoleCredentialsProvider.builder().withRoleName(plan.roleName).build();
    case "credentialsUri":
      return sdk.URICredentialsProvider.builder().withCredentialsURI(plan.uri).build();
    case "oidc": {
      const b = sdk.OIDCRoleArnCredentialsProvider.builder().withRoleArn(plan.roleArn).withOIDCProviderArn(plan.oidcProviderArn)
        .withOIDCTokenFilePath(plan.tokenFile ?? tokenFile(plan.token ?? "")).withRoleSessionName(plan.sessionName)
        .withDurationSeconds(plan.durationSeconds);
      if (plan.policy) b.withPolicy(plan.policy);
      const host = stsHost(plan.sts);
      return (host ? b.withStsEndpoint(host) : b).build();
    }
    case "assumeRole": {
      const b = sdk.RAMRoleARNCredentialsProvider.builder().withCredentialsProvider(providerFor(sdk, plan.base)).withRoleArn(plan.roleArn)
        .withRoleSessionName(plan.sessionName).withDurationSeconds(plan.durationSeconds);
      if (plan.policy) b.withPolicy(plan.policy);
      if (plan.externalId) b.withExternalId(plan.externalId);
      const host = stsHost(plan.sts);
      return (host ? b.withStsEndpoint(host) : b).build();
    }
    case "defaultChain":
      return sdk.DefaultCredentialsProvider.builder().build();
  }
}

/**
 * The vendor provider behind a guard that turns its failures into a {@link CredentialsError} naming the source, with
 * the vendor's reason redacted; the default chain's failure also lists every place credentials may come from.
 *
 * A default chain that failed is built afresh for the next call: the vendor's remembers the last step it TRIED,
 * found or not (`dist/src/providers/default.js` sets `lastUsedProvider` before each attempt), so after one failure it
 * would only ever ask that last step again.
 */
function guarded(build: () => Provider, plan: AlibabaPlan): Provider {
  const what = describeAlibaba(plan);
  const help = plan.kind === "defaultChain" ? `. ${plan.help}` : "";
  let inner = build();
  return {
    getProviderName: () => inner.getProviderName(),
    getCredentials: async () => {
      try {
        return await inner.getCredentials();
      } catch (e) {
        if (plan.kind === "defaultChain") inner = build();
        const reason = redact(e instanceof Error ? e.message : String(e), secretsOf(plan)).replace(/[.\s]+$/, "");
        // The default chain failing means nothing is configured (its steps' socket errors say "no metadata service here").
        const code = plan.kind === "defaultChain" ? undefined : unreachedCode(e) ?? undefined;
        throw new CredentialsError(`cannot get Alibaba Cloud credentials from ${what}: ${reason}${help}`, code);
      }
    },
  };
}

/** Builds the source for a plan that is not static keys (static keys go to the client as a key pair). */
export function alibabaSource(plan: AlibabaPlan): CredentialSource {
  const sdk = require("@alicloud/credentials") as Sdk;
  const build = () => providerFor(sdk, plan);
  let provider: Provider;
  try {
    provider = guarded(build, plan);
  } catch (e) {
    throw new CredentialsError(`cannot use ${describeAlibaba(plan)}: ${redact(e instanceof Error ? e.message : String(e), secretsOf(plan))}`);
  }
  const credential = new sdk.default(null, provider);
  return { vendor: "alibaba", description: describeAlibaba(plan), accountKey: accountKey(plan), sdkCredential: credential };
}
