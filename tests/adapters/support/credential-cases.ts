/**
 * The credential chains as users configure them, per vendor (support/credential-scenarios.ts runs them). Every
 * setting points at the emulator: product calls at `cdnPrefetch:endpoint`, STS calls at the STS endpoint setting
 * (Alibaba's over HTTPS, the emulator answering TLS on the same port).
 */
import { oidcToken } from "../../helpers/oidc-token";
import type { Scenario } from "./credential-scenarios";

const HOUR = 3_600_000;
export const TC_ROLE = "qcs::cam::uin/100000000001:roleName/cdn-prefetch-ci";
export const ALI_ROLE = "acs:ram::1234567890123456:role/cdn-prefetch-ci";
const ALI_OIDC_PROVIDER = "acs:ram::1234567890123456:oidc-provider/github";

/** A token valid for an hour of virtual time from the emulator's start; the same for a scenario's settings and its leak check. */
const tokenFor = (now: number) => oidcToken({ expMs: now + HOUR });

/** Tencent scenarios, run in-process (Tencent STS may be called over plain HTTP). */
export const TENCENT_CASES: Record<string, Scenario> = {
  "stack config keys with tencentcloud:assumeRole": {
    cloud: "edgeone",
    config: (e) => ({
      "tencentcloud:secretId": e.credentials.tencent.secretId, "tencentcloud:secretKey": e.credentials.tencent.secretKey,
      "tencentcloud:assumeRole": JSON.stringify({ roleArn: TC_ROLE, sessionName: "ci", sessionDuration: 3600 }),
      "cdnPrefetch:endpoint": e.url, "cdnPrefetch:stsEndpoint": e.url,
    }),
    env: (_e, home) => ({ HOME: home }),
  },
  "a tccli profile in a temp HOME (tencentcloud:profile)": {
    cloud: "edgeone",
    files: (e) => ({ ".tccli/ci.credential": JSON.stringify({ secretId: e.credentials.tencent.secretId, secretKey: e.credentials.tencent.secretKey }) }),
    config: (e) => ({ "tencentcloud:profile": "ci", "cdnPrefetch:endpoint": e.url }),
    env: (_e, home) => ({ HOME: home }),
  },
  "the default tccli profile, with TENCENTCLOUD_ASSUME_ROLE_ARN on top": {
    cloud: "edgeone",
    files: (e) => ({ ".tccli/default.credential": JSON.stringify({ secretId: e.credentials.tencent.secretId, secretKey: e.credentials.tencent.secretKey }) }),
    config: () => ({}),
    env: (e, home) => ({ HOME: home, TENCENTCLOUD_ASSUME_ROLE_ARN: TC_ROLE, CDN_PREFETCH_ENDPOINT: e.url, CDN_PREFETCH_STS_ENDPOINT: e.url }),
  },
  "OIDC from the environment (TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN, GitHub Actions style)": {
    cloud: "edgeone",
    config: () => ({}),
    env: (e, home) => ({ HOME: home, TENCENTCLOUD_ASSUME_ROLE_ARN: TC_ROLE, TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: tokenFor(e.now),
      CDN_PREFETCH_ENDPOINT: e.url, CDN_PREFETCH_TENCENT_STS_ENDPOINT: e.url }),
    secrets: (e) => ({ "the OIDC token": tokenFor(e.now) }),
  },
  "a long wait on OIDC: the web-identity key is renewed before it expires": {
    cloud: "edgeone",
    wallClock: true,
    urlDurationMs: 25 * 60_000,
    config: () => ({}),
    env: (e, home) => ({ HOME: home, TENCENTCLOUD_ASSUME_ROLE_ARN: TC_ROLE, TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: tokenFor(e.now),
      TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION: "600", CDN_PREFETCH_ENDPOINT: e.url, CDN_PREFETCH_TENCENT_STS_ENDPOINT: e.url }),
    secrets: (e) => ({ "the OIDC token": tokenFor(e.now) }),
  },
  "OIDC with a token file (TKE pod: TKE_* variables)": {
    cloud: "edgeone",
    files: (e) => ({ "tke/token": tokenFor(e.now) }),
    config: (e) => ({ "cdnPrefetch:endpoint": e.url, "cdnPrefetch:tencentStsEndpoint": e.url }),
    env: (_e, home) => ({ HOME: home, ...tke(home) }),
    processEnv: (_e, home) => tke(home),
    secrets: (e) => ({ "the OIDC token": tokenFor(e.now) }),
  },
  "a long wait: the assumed role's key is renewed as it expires": {
    cloud: "edgeone",
    wallClock: true,
    urlDurationMs: 25 * 60_000,
    config: (e) => ({
      "tencentcloud:secretId": e.credentials.tencent.secretId, "tencentcloud:secretKey": e.credentials.tencent.secretKey,
      "tencentcloud:assumeRole": JSON.stringify({ roleArn: TC_ROLE, sessionName: "ci", sessionDuration: 600 }),
      "cdnPrefetch:endpoint": e.url, "cdnPrefetch:stsEndpoint": e.url,
    }),
    env: (_e, home) => ({ HOME: home }),
  },
  "a refused AssumeRole (wrong base secret)": {
    cloud: "edgeone",
    config: (e) => ({
      "tencentcloud:secretId": e.credentials.tencent.secretId, "tencentcloud:secretKey": "wrong-secret-value-0123456789",
      "tencentcloud:assumeRole": JSON.stringify({ roleArn: TC_ROLE }), "cdnPrefetch:endpoint": e.url, "cdnPrefetch:stsEndpoint": e.url,
    }),
    env: (_e, home) => ({ HOME: home }),
    secrets: () => ({ "the wrong secret": "wrong-secret-value-0123456789" }),
  },
  "nothing configured": {
    cloud: "edgeone",
    config: (e) => ({ "cdnPrefetch:endpoint": e.url }),
    env: (_e, home) => ({ HOME: home }),
    // The CVM step asks the metadata service through the SDK's fetch, which honours http_proxy: a refused proxy makes
    // "not a CVM instance" immediate and deterministic.
    processEnv: () => ({ http_proxy: "http://127.0.0.1:1" }),
  },
};

function tke(home: string): Record<string, string> {
  return { TKE_ROLE_ARN: TC_ROLE, TKE_PROVIDER_ID: "tke-oidc", TKE_WEB_IDENTITY_TOKEN_FILE: `${home}/tke/token`, TKE_REGION: "ap-guangzhou" };
}

/** Alibaba scenarios, run in a child process that trusts the emulator's certificate (support/alibaba-sts-child.ts). */
export const ALIBABA_CASES: Record<string, Scenario> = {
  "stack config keys with alicloud:assumeRole": {
    cloud: "alibaba-cdn",
    config: (e) => ({
      "alicloud:accessKey": e.credentials.alibaba.accessKeyId, "alicloud:secretKey": e.credentials.alibaba.accessKeySecret,
      "alicloud:assumeRole": JSON.stringify({ roleArn: ALI_ROLE, sessionName: "ci", sessionExpiration: 3600 }),
      "cdnPrefetch:endpoint": e.url, "cdnPrefetch:alibabaStsEndpoint": `https://${e.host}`,
    }),
    env: (_e, home) => ({ HOME: home }),
  },
  "a CLI profile in a temp HOME (alicloud:profile, RamRoleArn mode)": {
    cloud: "alibaba-cdn",
    files: (e) => ({ ".aliyun/config.json": JSON.stringify({ current: "plain", profiles: [
      { name: "plain", mode: "AK", access_key_id: e.credentials.alibaba.accessKeyId, access_key_secret: e.credentials.alibaba.accessKeySecret },
      { name: "ci", mode: "RamRoleArn", access_key_id: e.credentials.alibaba.accessKeyId, access_key_secret: e.credentials.alibaba.accessKeySecret,
        ram_role_arn: ALI_ROLE, ram_session_name: "ci", expired_seconds: 3600, sts_endpoint: e.host },
    ] }) }),
    config: (e) => ({ "alicloud:profile": "ci", "cdnPrefetch:endpoint": e.url }),
    env: (_e, home) => ({ HOME: home }),
  },
  "OIDC with a token file from the environment (ALIBABA_CLOUD_OIDC_TOKEN_FILE, RRSA / GitHub Actions)": {
    cloud: "alibaba-cdn",
    files: (e) => ({ "oidc/token": tokenFor(e.now) }),
    config: () => ({}),
    env: (e, home) => ({ HOME: home, ALIBABA_CLOUD_ROLE_ARN: ALI_ROLE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: ALI_OIDC_PROVIDER,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${home}/oidc/token`, CDN_PREFETCH_ENDPOINT: e.url, CDN_PREFETCH_STS_ENDPOINT: `https://${e.host}` }),
    secrets: (e) => ({ "the OIDC token": tokenFor(e.now) }),
  },
  "OIDC with an inline token (alicloud:assumeRoleWithOidc.oidcToken)": {
    cloud: "alibaba-cdn",
    config: (e) => ({
      "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: ALI_ROLE, oidcProviderArn: ALI_OIDC_PROVIDER, oidcToken: tokenFor(e.now), roleSessionName: "gha" }),
      "cdnPrefetch:endpoint": e.url, "cdnPrefetch:stsEndpoint": `https://${e.host}`,
    }),
    env: (_e, home) => ({ HOME: home }),
    secrets: (e) => ({ "the OIDC token": tokenFor(e.now) }),
  },
  "environment keys with ALICLOUD_ASSUME_ROLE_ARN": {
    cloud: "alibaba-cdn",
    config: () => ({}),
    env: (e, home) => ({ HOME: home, ALIBABA_CLOUD_ACCESS_KEY_ID: e.credentials.alibaba.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: e.credentials.alibaba.accessKeySecret, ALICLOUD_ASSUME_ROLE_ARN: ALI_ROLE,
      CDN_PREFETCH_ENDPOINT: e.url, CDN_PREFETCH_ALIBABA_STS_ENDPOINT: `https://${e.host}` }),
  },
  "a long wait: the assumed role's key is renewed before it expires": {
    cloud: "alibaba-cdn",
    wallClock: true,
    urlDurationMs: 100 * 60_000,
    config: (e) => ({
      "alicloud:accessKey": e.credentials.alibaba.accessKeyId, "alicloud:secretKey": e.credentials.alibaba.accessKeySecret,
      "alicloud:assumeRole": JSON.stringify({ roleArn: ALI_ROLE, sessionName: "ci", sessionExpiration: 3600 }),
      "cdnPrefetch:endpoint": e.url, "cdnPrefetch:alibabaStsEndpoint": `https://${e.host}`,
    }),
    env: (_e, home) => ({ HOME: home }),
  },
  "a refused AssumeRole (wrong base secret)": {
    cloud: "alibaba-cdn",
    config: (e) => ({
      "alicloud:accessKey": e.credentials.alibaba.accessKeyId, "alicloud:secretKey": "wrong-secret-value-0123456789",
      "alicloud:assumeRole": JSON.stringify({ roleArn: ALI_ROLE }), "cdnPrefetch:endpoint": e.url, "cdnPrefetch:alibabaStsEndpoint": `https://${e.host}`,
    }),
    env: (_e, home) => ({ HOME: home }),
    secrets: () => ({ "the wrong secret": "wrong-secret-value-0123456789" }),
  },
  "nothing configured": {
    cloud: "alibaba-cdn",
    config: (e) => ({ "cdnPrefetch:endpoint": e.url }),
    env: (_e, home) => ({ HOME: home }),
    // The vendor's own switch for its ECS metadata step (ecs_ram_role.js), so no metadata service is asked; the
    // variables its chain reads, removed, so none of the machine's leaks in.
    processEnv: () => ({ ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ...Object.fromEntries(["ALIBABA_CLOUD_ACCESS_KEY_ID",
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
      "ALIBABA_CLOUD_CREDENTIALS_URI", "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_PROFILE"].map((k) => [k, undefined])) }),
  },
};
