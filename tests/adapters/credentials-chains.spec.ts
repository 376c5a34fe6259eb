/**
 * Every credential chain end to end against the emulator: settings as users write them, the real provider and
 * adapters, the vendors' own credential providers calling the emulated STS, and the product calls signed with what
 * they return (support/credential-cases.ts lists the scenarios). For each: which key and token signed every product
 * call, what STS issued, and that no secret — the emulator's keys, every issued secret and token, the OIDC tokens —
 * reached the outputs (the state), the log lines or the error message.
 *
 * Tencent runs in this process. Alibaba's credential providers call STS over HTTPS only, with Node's own trust store,
 * so the Alibaba scenarios run in a child process started with NODE_EXTRA_CA_CERTS naming the emulator's certificate,
 * as a user's `pulumi up` against the emulator would be (emulator/README.md "STS").
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createTlsIdentity } from "../../emulator";
import { ALIBABA_HELP } from "../../provider/credentials/alibaba-settings";
import { TENCENT_HELP } from "../../provider/credentials/tencent-settings";
import { ALIBABA_CASES, ALI_ROLE, TC_ROLE, TENCENT_CASES } from "./support/credential-cases";
import { runScenario, type ScenarioReport } from "./support/credential-scenarios";

/** Asserts a run that succeeded with temporary keys from `action`, each call carrying its key's own token. */
function assertTemporary(r: ScenarioReport, action: string, roleArn: string): void {
  assert.equal(r.error, null);
  assert.equal(r.status, "succeeded");
  assert.ok(r.issued.length >= 1, "STS issued a key");
  assert.deepEqual([...new Set(r.issued.map((k) => `${k.action} ${k.roleArn}`))], [`${action} ${roleArn}`]);
  assert.ok(r.calls.length >= 2, "a submit and its queries");
  for (const c of r.calls) assert.ok(c.issuedIndex >= 0 && c.tokenOk, `${c.action} signed with an issued key and its token`);
}

/** Asserts a run that succeeded with the static key `keyId`. */
function assertStatic(r: ScenarioReport, keyId: string): void {
  assert.equal(r.error, null);
  assert.equal(r.status, "succeeded");
  assert.deepEqual(r.issued, []);
  assert.deepEqual([...new Set(r.calls.map((c) => c.keyId))], [keyId]);
}

/** Asserts a long wait that outlived its first key: renewed in time, never an expired key on the wire. */
function assertRenewed(r: ScenarioReport, minKeys: number): void {
  assertTemporary(r, "AssumeRole", r.issued[0]?.roleArn ?? "");
  assert.ok(r.issued.length >= minKeys, `${r.issued.length} keys issued over the wait`);
  for (const c of r.calls) {
    assert.equal(c.code, null, `${c.action} was served`);
    assert.ok(c.at < r.issued[c.issuedIndex].expiresAt, `${c.action} at ${c.at} used a key still valid`);
  }
  assert.ok(r.calls.some((c) => c.at >= r.issued[0].expiresAt), "the wait went on past the first key's expiry");
  assert.ok(new Set(r.calls.map((c) => c.issuedIndex)).size >= 2, "later calls used a renewed key");
}

function assertNoLeak(r: ScenarioReport): void {
  assert.deepEqual(r.leaks, [], "no secret in outputs, logs or errors");
}

describe("credential chains against the emulator: Tencent (in-process)", function () {
  this.timeout(60_000);
  const run = (name: string) => runScenario(TENCENT_CASES[name]);

  it("stack config keys with tencentcloud:assumeRole: one assumed-role session signs every call", async () => {
    const r = await run("stack config keys with tencentcloud:assumeRole");
    assertTemporary(r, "AssumeRole", TC_ROLE);
    assert.equal(r.issued.length, 1);
    assertNoLeak(r);
  });

  it("a tccli profile in a temp HOME (tencentcloud:profile)", async () => {
    const r = await run("a tccli profile in a temp HOME (tencentcloud:profile)");
    assert.ok(r.calls[0]?.keyId?.startsWith("AKIDemu"));
    assertStatic(r, r.calls[0].keyId!);
    assertNoLeak(r);
  });

  it("the default tccli profile as the base of TENCENTCLOUD_ASSUME_ROLE_ARN", async () => {
    const r = await run("the default tccli profile, with TENCENTCLOUD_ASSUME_ROLE_ARN on top");
    assertTemporary(r, "AssumeRole", TC_ROLE);
    assertNoLeak(r);
  });

  it("OIDC from the environment (TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN)", async () => {
    const r = await run("OIDC from the environment (TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN, GitHub Actions style)");
    assertTemporary(r, "AssumeRoleWithWebIdentity", TC_ROLE);
    assertNoLeak(r);
  });

  it("OIDC with a token file (TKE pod OIDC)", async () => {
    const r = await run("OIDC with a token file (TKE pod: TKE_* variables)");
    assertTemporary(r, "AssumeRoleWithWebIdentity", TC_ROLE);
    assertNoLeak(r);
  });

  it("a 25-minute wait on 10-minute OIDC keys: renewed 30 s before expiry (the SDK's own margin is 0.6 s), never sent expired", async () => {
    const r = await run("a long wait on OIDC: the web-identity key is renewed before it expires");
    assert.equal(r.error, null);
    assert.equal(r.status, "succeeded");
    assert.ok(r.issued.length >= 3, `${r.issued.length} keys issued over the wait`);
    for (const c of r.calls) {
      assert.equal(c.code, null, `${c.action} was served`);
      assert.ok(c.at <= r.issued[c.issuedIndex].expiresAt - 30_000 + 1_000, `${c.action} at ${c.at} was signed with a key renewed in time`);
    }
    assertNoLeak(r);
  });

  it("a 25-minute wait on 10-minute keys: the SDK renews the key as it expires on the virtual clock", async () => {
    const r = await run("a long wait: the assumed role's key is renewed as it expires");
    assertRenewed(r, 3);
    assertNoLeak(r);
  });

  it("a refused AssumeRole fails naming the role and the reason, calls no product API, and shows no secret", async () => {
    const r = await run("a refused AssumeRole (wrong base secret)");
    assert.equal(r.status, null);
    assert.match(r.error ?? "", /cannot get Tencent Cloud credentials from the CAM role qcs::cam::uin\/100000000001:roleName\/cdn-prefetch-ci from stack config tencentcloud:assumeRole, assumed with the SecretId AKIDemu\w+ from stack config tencentcloud:secretId: /);
    assert.match(r.error ?? "", /AssumeRole failed: The provided credentials could not be validated/);
    assert.deepEqual(r.calls, []);
    assertNoLeak(r);
  });

  it("with nothing configured, fails listing where credentials may come from, and calls no product API", async () => {
    const r = await run("nothing configured");
    assert.equal(r.status, null);
    assert.ok(r.error?.includes(TENCENT_HELP), r.error ?? "");
    assert.match(r.error ?? "", /the profile file ~\/\.tencentcloud\/credentials: no key; the CVM instance role: not available here/);
    assert.deepEqual(r.calls, []);
    assertNoLeak(r);
  });
});

describe("credential chains against the emulator: Alibaba (child process trusting the emulator's certificate)", function () {
  this.timeout(120_000);
  let reports: Record<string, ScenarioReport>;

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cred-tls-"));
    const tls = createTlsIdentity();
    const certFile = path.join(dir, "emulator.pem");
    const keyFile = path.join(dir, "emulator.key");
    fs.writeFileSync(certFile, tls.cert);
    fs.writeFileSync(keyFile, tls.key, { mode: 0o600 });
    const child = spawn(process.execPath, ["-r", require.resolve("ts-node/register"), path.join(__dirname, "support", "alibaba-sts-child.ts")], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile, CRED_TLS_CERT_FILE: certFile, CRED_TLS_KEY_FILE: keyFile, TS_NODE_TRANSPILE_ONLY: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, err);
    reports = JSON.parse(out.trim().split("\n").pop()!);
    assert.deepEqual(Object.keys(reports), Object.keys(ALIBABA_CASES));
  });

  it("stack config keys with alicloud:assumeRole, over HTTPS to the emulator: one session signs every call", () => {
    const r = reports["stack config keys with alicloud:assumeRole"];
    assertTemporary(r, "AssumeRole", ALI_ROLE);
    assert.equal(r.issued.length, 1);
    assertNoLeak(r);
  });

  it("a CLI profile in a temp HOME (alicloud:profile, RamRoleArn mode with its sts_endpoint)", () => {
    const r = reports["a CLI profile in a temp HOME (alicloud:profile, RamRoleArn mode)"];
    assertTemporary(r, "AssumeRole", ALI_ROLE);
    assertNoLeak(r);
  });

  it("OIDC with a token file from the environment (ALIBABA_CLOUD_OIDC_TOKEN_FILE)", () => {
    const r = reports["OIDC with a token file from the environment (ALIBABA_CLOUD_OIDC_TOKEN_FILE, RRSA / GitHub Actions)"];
    assertTemporary(r, "AssumeRoleWithOIDC", ALI_ROLE);
    assertNoLeak(r);
  });

  it("OIDC with an inline token (alicloud:assumeRoleWithOidc.oidcToken)", () => {
    const r = reports["OIDC with an inline token (alicloud:assumeRoleWithOidc.oidcToken)"];
    assertTemporary(r, "AssumeRoleWithOIDC", ALI_ROLE);
    assertNoLeak(r);
  });

  it("environment keys with ALICLOUD_ASSUME_ROLE_ARN", () => {
    const r = reports["environment keys with ALICLOUD_ASSUME_ROLE_ARN"];
    assertTemporary(r, "AssumeRole", ALI_ROLE);
    assertNoLeak(r);
  });

  it("a 100-minute wait on 1-hour keys: the SDK renews the key before it expires on the virtual clock", () => {
    const r = reports["a long wait: the assumed role's key is renewed before it expires"];
    assertRenewed(r, 2);
    assertNoLeak(r);
  });

  it("a refused AssumeRole fails naming the role and the reason, calls no product API, and shows no secret", () => {
    const r = reports["a refused AssumeRole (wrong base secret)"];
    assert.equal(r.status, null);
    assert.match(r.error ?? "", /cannot get Alibaba Cloud credentials from the RAM role acs:ram::1234567890123456:role\/cdn-prefetch-ci from stack config alicloud:assumeRole, assumed with the AccessKey LTAIemu\w+ from stack config alicloud:accessKey: /);
    assert.match(r.error ?? "", /: the access key secret is invalid\. Next: check the credentials/);
    assert.deepEqual(r.calls, []);
    assertNoLeak(r);
  });

  it("with nothing configured, fails listing where credentials may come from, and calls no product API", () => {
    const r = reports["nothing configured"];
    assert.equal(r.status, null);
    assert.ok(r.error?.includes(ALIBABA_HELP), r.error ?? "");
    assert.deepEqual(r.calls, []);
    assertNoLeak(r);
  });
});
