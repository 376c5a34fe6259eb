/**
 * Which credentials the settings select, per vendor (provider/credentials/alibaba-settings.ts and tencent-settings.ts
 * give the documented order): every source set at once, then removed one at a time from the top, must hand over to
 * the next in the documented order; plus the assumed role on top of each base, the profile files' modes, the STS
 * endpoint settings, and the errors for settings that cannot be used. Pure: no network, files under a temp HOME.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { AlibabaPlan, TencentPlan } from "../../provider/adapters/credentials/source";
import { alibabaPlan, CredentialsError, resolveCredentials, tencentPlan } from "../../provider/credentials";

type Settings = { config: Record<string, string>; env: NodeJS.ProcessEnv };

/** One rung of a ladder: the settings it adds, and what it must select when it is the highest set. */
interface Rung<P> {
  name: string;
  add: (home: string) => Partial<Settings>;
  expect: (plan: P) => void;
}

function tempHome(files: Record<string, string>): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "cred-unit-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
    fs.writeFileSync(path.join(home, rel), text);
  }
  return home;
}

/** Applies every rung, then drops them from the top, checking each time that the highest remaining one wins. */
function climbDown<P>(rungs: Rung<P>[], home: string, plan: (s: Settings) => P): void {
  for (let top = 0; top < rungs.length; top++) {
    const s: Settings = { config: {}, env: { HOME: home } };
    for (const r of rungs.slice(top)) {
      const add = r.add(home);
      Object.assign(s.config, add.config);
      Object.assign(s.env, add.env);
    }
    try {
      rungs[top].expect(plan(s));
    } catch (e) {
      (e as Error).message = `with "${rungs[top].name}" the highest set: ${(e as Error).message}`;
      throw e;
    }
  }
}

const ALI_ROLE = "acs:ram::1234567890123456:role/ci";
const TC_ROLE = "qcs::cam::uin/100000000001:roleName/ci";
const origin = (p: { kind: string; origin?: string }) => `${p.kind} ${p.origin ?? ""}`.trim();

describe("credential precedence: Alibaba", () => {
  const cli = JSON.stringify({ current: "plain", profiles: [
    { name: "plain", mode: "AK", access_key_id: "LTAIprofile", access_key_secret: "profile-secret" },
    { name: "envp", mode: "AK", access_key_id: "LTAIenvprofile", access_key_secret: "env-profile-secret" },
  ] });
  const home = tempHome({ ".aliyun/config.json": cli });

  it("stack config, then the environment, then the vendor's default chain, each source in the documented order", () => {
    climbDown<AlibabaPlan>([
      { name: "config keys", add: () => ({ config: { "alicloud:accessKey": "LTAIcfg", "alicloud:secretKey": "cfg-secret" } }),
        expect: (p) => assert.equal(origin(p), "static stack config alicloud:accessKey") },
      { name: "config OIDC", add: () => ({ config: { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: ALI_ROLE, oidcProviderArn: "acs:ram::1:oidc-provider/gh", oidcTokenFile: "/t" }) } }),
        expect: (p) => assert.equal(origin(p), "oidc stack config alicloud:assumeRoleWithOidc") },
      { name: "config profile", add: () => ({ config: { "alicloud:profile": "plain" } }),
        expect: (p) => assert.deepEqual([p.kind, (p as { keyId: string }).keyId], ["static", "LTAIprofile"]) },
      { name: "config ECS role", add: () => ({ config: { "alicloud:ecsRoleName": "cfg-role" } }),
        expect: (p) => assert.deepEqual([origin(p), (p as { roleName: string }).roleName], ["ecsRole stack config alicloud:ecsRoleName", "cfg-role"]) },
      { name: "config credentials URI", add: () => ({ config: { "alicloud:credentialsUri": "http://127.0.0.1:9/creds" } }),
        expect: (p) => assert.equal(origin(p), "credentialsUri stack config alicloud:credentialsUri") },
      { name: "env keys", add: () => ({ env: { ALICLOUD_ACCESS_KEY: "LTAIenv", ALICLOUD_SECRET_KEY: "env-secret" } }),
        expect: (p) => assert.deepEqual([origin(p), (p as { keyId: string }).keyId], ["static environment variable ALIBABA_CLOUD_ACCESS_KEY_ID / ALICLOUD_ACCESS_KEY", "LTAIenv"]) },
      { name: "env OIDC", add: (h) => ({ env: { ALIBABA_CLOUD_ROLE_ARN: ALI_ROLE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/gh", ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${h}/token` } }),
        expect: (p) => assert.match(origin(p), /^oidc environment variables ALIBABA_CLOUD_ROLE_ARN/) },
      { name: "env profile", add: () => ({ env: { ALICLOUD_PROFILE: "envp" } }),
        expect: (p) => assert.equal((p as { keyId: string }).keyId, "LTAIenvprofile") },
      { name: "env ECS role", add: () => ({ env: { ALICLOUD_ECS_ROLE_NAME: "env-role" } }),
        expect: (p) => assert.equal(origin(p), "ecsRole environment variable ALICLOUD_ECS_ROLE_NAME") },
      { name: "env credentials URI", add: () => ({ env: { ALICLOUD_CREDENTIALS_URI: "http://127.0.0.1:9/creds" } }),
        expect: (p) => assert.equal(origin(p), "credentialsUri environment variable ALICLOUD_CREDENTIALS_URI") },
      { name: "nothing", add: () => ({}), expect: (p) => assert.equal(p.kind, "defaultChain") },
    ], home, (s) => alibabaPlan(s.config, s.env));
  });

  it("each key, secret and token is taken from stack config first, then the environment (unchanged behaviour)", () => {
    const p = alibabaPlan({ "alicloud:accessKey": "LTAIcfg" }, { HOME: home, ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret", ALICLOUD_SECURITY_TOKEN: "env-token" });
    assert.deepEqual(p, { kind: "static", origin: "stack config alicloud:accessKey", keyId: "LTAIcfg", secret: "env-secret", token: "env-token" });
  });

  it("alicloud:assumeRole (or ALICLOUD_ASSUME_ROLE_ARN) assumes the role with whatever the base is", () => {
    const role = JSON.stringify({ roleArn: ALI_ROLE, sessionName: "deploy", sessionExpiration: 7200, policy: "{}", externalId: "ext-1" });
    const sts = { "cdnPrefetch:alibabaStsEndpoint": "https://127.0.0.1:8443" };
    const p = alibabaPlan({ "alicloud:profile": "plain", "alicloud:assumeRole": role, ...sts }, { HOME: home });
    assert.equal(p.kind, "assumeRole");
    if (p.kind !== "assumeRole") return;
    assert.deepEqual([p.roleArn, p.sessionName, p.durationSeconds, p.policy, p.externalId, p.base.kind], [ALI_ROLE, "deploy", 7200, "{}", "ext-1", "static"]);
    assert.deepEqual(p.sts, { protocol: "https", host: "127.0.0.1:8443" });
    const env = alibabaPlan({}, { HOME: home, ALICLOUD_ASSUME_ROLE_ARN: ALI_ROLE, ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION: "0" });
    assert.deepEqual([env.kind, (env as { base: AlibabaPlan }).base.kind, (env as { durationSeconds: number }).durationSeconds, (env as { sessionName: string }).sessionName],
      ["assumeRole", "defaultChain", 3600, "pulumi-cdn-prefetch"], "the default chain as base; 0 and unset mean the 3600 s default");
    assert.throws(() => alibabaPlan({ "alicloud:assumeRole": JSON.stringify({ roleArn: ALI_ROLE, sessionExpiration: 600 }) }, { HOME: home }),
      (e: Error) => e instanceof CredentialsError && /sessionExpiration.*from 900 to 43200, got "600"/.test(e.message));
    assert.throws(() => alibabaPlan({ "alicloud:assumeRole": "{roleArn" }, { HOME: home }), /alicloud:assumeRole must be an object.*not valid JSON/);
  });

  it("maps the CLI profile modes to the vendor's providers, and refuses what it cannot use without quoting the file", () => {
    const file = path.join(home, "custom.json");
    fs.writeFileSync(file, JSON.stringify({ profiles: [
      { name: "sts", mode: "StsToken", access_key_id: "LTAIa", access_key_secret: "s", sts_token: "tok" },
      { name: "role", mode: "RamRoleArn", access_key_id: "LTAIa", access_key_secret: "s", ram_role_arn: ALI_ROLE, expired_seconds: 1800, sts_endpoint: "127.0.0.1:9443" },
      { name: "chain", mode: "ChainableRamRoleArn", source_profile: "role", ram_role_arn: "acs:ram::2:role/next" },
      { name: "ecs", mode: "EcsRamRole", ram_role_name: "r" },
      { name: "oidc", mode: "OIDC", ram_role_arn: ALI_ROLE, oidc_provider_arn: "acs:ram::1:oidc-provider/x", oidc_token_file: "/t" },
      { name: "sso", mode: "CloudSSO" },
      { name: "loop", mode: "ChainableRamRoleArn", source_profile: "loop", ram_role_arn: ALI_ROLE },
    ] }));
    const plan = (name: string) => alibabaPlan({ "alicloud:sharedCredentialsFile": file, "alicloud:profile": name }, { HOME: home });
    assert.deepEqual(plan("sts"), { kind: "static", origin: `profile sts of ${file}`, keyId: "LTAIa", secret: "s", token: "tok" });
    const role = plan("role");
    assert.deepEqual([role.kind, (role as { durationSeconds: number }).durationSeconds, (role as { sts: unknown }).sts], ["assumeRole", 1800, { protocol: "https", host: "127.0.0.1:9443" }]);
    const chain = plan("chain") as Extract<AlibabaPlan, { kind: "assumeRole" }>;
    assert.deepEqual([chain.roleArn, chain.base.kind, (chain.base as { roleArn: string }).roleArn], ["acs:ram::2:role/next", "assumeRole", ALI_ROLE]);
    assert.equal(plan("ecs").kind, "ecsRole");
    assert.equal(plan("oidc").kind, "oidc");
    assert.throws(() => plan("sso"), /mode CloudSSO is supported only in the CLI's own file/);
    assert.throws(() => plan("loop"), /source_profile loops back to loop/);
    assert.throws(() => plan("absent"), /profile "absent" is not in .*custom\.json \(profiles: sts, role, chain, ecs, oidc, sso, loop\)/);
    fs.writeFileSync(path.join(home, "broken.json"), '{"profiles": [{"access_key_secret": "very-secret-value"');
    assert.throws(() => alibabaPlan({ "alicloud:sharedCredentialsFile": path.join(home, "broken.json") }, { HOME: home }),
      (e: Error) => /is not a JSON object with a "profiles" list/.test(e.message) && !e.message.includes("very-secret-value"));
  });

  it("alicloud:assumeRoleWithOidc needs a role, a provider and a token or token file; env fills the gaps", () => {
    assert.throws(() => alibabaPlan({ "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: ALI_ROLE }) }, { HOME: home }),
      /needs roleArn, oidcProviderArn and oidcToken or oidcTokenFile/);
    const p = alibabaPlan({ "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: ALI_ROLE }) },
      { HOME: home, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/x", ALIBABA_CLOUD_OIDC_TOKEN_FILE: "~/token" });
    assert.deepEqual([p.kind, (p as { tokenFile: string }).tokenFile], ["oidc", `${home}/token`]);
  });

  it("STS endpoint: own setting, then shared, then the environment; Alibaba refuses plain HTTP", () => {
    const sts = (config: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
      (alibabaPlan({ ...config, "alicloud:assumeRole": JSON.stringify({ roleArn: ALI_ROLE }) }, { HOME: home, ...env }) as { sts: unknown }).sts;
    assert.equal(sts({}), null, "the SDK's default");
    assert.deepEqual(sts({ "cdnPrefetch:stsEndpoint": "https://a:1", "cdnPrefetch:alibabaStsEndpoint": "https://b:2" }), { protocol: "https", host: "b:2" });
    assert.deepEqual(sts({ "cdnPrefetch:stsEndpoint": "https://a:1" }, { CDN_PREFETCH_ALIBABA_STS_ENDPOINT: "https://c:3" }), { protocol: "https", host: "a:1" });
    assert.deepEqual(sts({}, { CDN_PREFETCH_ALIBABA_STS_ENDPOINT: "c:3", CDN_PREFETCH_STS_ENDPOINT: "https://d:4" }), { protocol: "https", host: "c:3" });
    assert.throws(() => sts({ "cdnPrefetch:stsEndpoint": "http://127.0.0.1:8080" }), /call STS over HTTPS only; give https:\/\/127\.0\.0\.1:8080/);
  });
});

describe("credential precedence: Tencent", () => {
  const home = tempHome({
    ".tccli/ci.credential": JSON.stringify({ secretId: "AKIDprofile", secretKey: "profile-key" }),
    ".tccli/envp.credential": JSON.stringify({ secretId: "AKIDenvprofile", secretKey: "env-profile-key" }),
    ".tccli/default.credential": JSON.stringify({ secretId: "AKIDdefault", secretKey: "default-key", token: "default-token" }),
  });

  it("stack config, then the environment, then tccli's default profile, then the vendor's chain, in the documented order", () => {
    climbDown<TencentPlan>([
      { name: "config keys", add: () => ({ config: { "tencentcloud:secretId": "AKIDcfg", "tencentcloud:secretKey": "cfg-key" } }),
        expect: (p) => assert.equal(origin(p), "static stack config tencentcloud:secretId") },
      { name: "config web identity", add: () => ({ config: { "tencentcloud:assumeRoleWithWebIdentity": JSON.stringify({ roleArn: TC_ROLE, webIdentityToken: "jwt" }) } }),
        expect: (p) => assert.deepEqual([origin(p), (p as { providerId: string }).providerId], ["webIdentity stack config tencentcloud:assumeRoleWithWebIdentity", "OIDC"]) },
      { name: "config profile", add: () => ({ config: { "tencentcloud:profile": "ci" } }),
        expect: (p) => assert.equal((p as { keyId: string }).keyId, "AKIDprofile") },
      { name: "config CAM role", add: () => ({ config: { "tencentcloud:camRoleName": "cfg-role" } }),
        expect: (p) => assert.equal(origin(p), "camRole stack config tencentcloud:camRoleName") },
      { name: "config pod OIDC", add: () => ({ config: { "tencentcloud:enablePodOidc": "true" } }),
        expect: (p) => assert.equal(origin(p), "podOidc stack config tencentcloud:enablePodOidc") },
      { name: "env keys", add: () => ({ env: { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "env-key", TENCENTCLOUD_SESSION_TOKEN: "env-token" } }),
        expect: (p) => assert.deepEqual([p.kind, (p as { token: string }).token], ["static", "env-token"]) },
      { name: "env web identity", add: () => ({ env: { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: "jwt", TENCENTCLOUD_ASSUME_ROLE_ARN: TC_ROLE } }),
        expect: (p) => assert.equal(origin(p), "webIdentity environment variable TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN", "and not also an assumed role") },
      { name: "env TKE", add: () => ({ env: { TKE_ROLE_ARN: TC_ROLE, TKE_PROVIDER_ID: "p", TKE_WEB_IDENTITY_TOKEN_FILE: "/t" } }),
        expect: (p) => assert.deepEqual([p.kind, (p as { roleArn: string }).roleArn], ["podOidc", TC_ROLE]) },
      { name: "env profile", add: () => ({ env: { TENCENTCLOUD_PROFILE: "envp" } }),
        expect: (p) => assert.equal((p as { keyId: string }).keyId, "AKIDenvprofile") },
      { name: "env CAM role", add: () => ({ env: { TENCENTCLOUD_CAM_ROLE_NAME: "env-role" } }),
        expect: (p) => assert.equal(origin(p), "camRole environment variable TENCENTCLOUD_CAM_ROLE_NAME") },
      { name: "tccli default profile", add: () => ({}), expect: (p) => assert.deepEqual([p.kind, (p as { keyId: string }).keyId, (p as { token: string }).token], ["static", "AKIDdefault", "default-token"]) },
    ], home, (s) => tencentPlan(s.config, s.env));
    assert.equal(tencentPlan({}, { HOME: tempHome({}) }).kind, "defaultChain", "and with no file, the vendor's chain");
  });

  it("tencentcloud:assumeRole (or TENCENTCLOUD_ASSUME_ROLE_ARN) assumes the role with the base; STS follows tencentcloud:domain", () => {
    const p = tencentPlan({ "tencentcloud:profile": "ci", "tencentcloud:domain": "intl.tencentcloudapi.com",
      "tencentcloud:assumeRole": JSON.stringify({ roleArn: TC_ROLE, sessionName: "deploy", sessionDuration: 1800, policy: "{}", externalId: "e" }) }, { HOME: home });
    assert.equal(p.kind, "assumeRole");
    if (p.kind !== "assumeRole") return;
    assert.deepEqual([p.roleArn, p.sessionName, p.durationSeconds, p.policy, p.externalId, (p.base as { keyId: string }).keyId],
      [TC_ROLE, "deploy", 1800, "{}", "e", "AKIDprofile"]);
    assert.deepEqual(p.sts, { protocol: "https", host: "sts.intl.tencentcloudapi.com" });
    const env = tencentPlan({ "cdnPrefetch:tencentStsEndpoint": "http://127.0.0.1:8080" },
      { HOME: home, TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "k", TENCENTCLOUD_ASSUME_ROLE_ARN: TC_ROLE, TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION: "900" });
    assert.deepEqual([env.kind, (env as { durationSeconds: number }).durationSeconds, (env as { sts: unknown }).sts],
      ["assumeRole", 900, { protocol: "http", host: "127.0.0.1:8080" }], "Tencent STS may be plain HTTP (the emulator)");
  });

  it("refuses settings it cannot use, naming them", () => {
    assert.throws(() => tencentPlan({ "tencentcloud:profile": "absent" }, { HOME: home }), /cannot read the tccli profile absent \(.*absent\.credential\): ENOENT/);
    assert.throws(() => tencentPlan({ "tencentcloud:assumeRoleWithWebIdentity": JSON.stringify({ roleArn: TC_ROLE }) }, { HOME: home }), /needs roleArn and webIdentityToken/);
    assert.throws(() => tencentPlan({ "tencentcloud:assumeRole": JSON.stringify({ roleArn: TC_ROLE, sessionDuration: 43_201 }) }, { HOME: home }), /from 1 to 43200/);
  });
});

describe("resolveCredentials", () => {
  const home = tempHome({});

  it("hands static keys to the client as a pair, and anything else as a source with a non-secret account key", () => {
    assert.deepEqual(resolveCredentials("tencent", { "tencentcloud:secretId": "AKIDa", "tencentcloud:secretKey": "k" }, { HOME: home }),
      { credentials: { accessKeyId: "AKIDa", accessKeySecret: "k", securityToken: null } });
    const r = resolveCredentials("alibaba", { "alicloud:accessKey": "LTAIa", "alicloud:secretKey": "base-secret",
      "alicloud:assumeRole": JSON.stringify({ roleArn: ALI_ROLE }) }, { HOME: home });
    assert.deepEqual(r.credentials, { accessKeyId: `assume-role:${ALI_ROLE}@LTAIa`, accessKeySecret: "", securityToken: null });
    assert.equal(r.source?.description, `the RAM role ${ALI_ROLE} from stack config alicloud:assumeRole, assumed with the AccessKey LTAIa from stack config alicloud:accessKey`);
    assert.ok(!JSON.stringify({ d: r.source?.description, k: r.source?.accountKey }).includes("base-secret"));
    const again = resolveCredentials("alibaba", { "alicloud:accessKey": "LTAIa", "alicloud:secretKey": "base-secret",
      "alicloud:assumeRole": JSON.stringify({ roleArn: ALI_ROLE }) }, { HOME: home });
    assert.equal(again.source, r.source, "one source per plan for the process: resources of a stack share one session");
  });
});
