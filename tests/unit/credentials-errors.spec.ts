/**
 * What a failing credential source says and proves: vendor messages with every secret taken out (credentials/redact.ts),
 * and the classification the adapters give the failure — a credential service that cannot be reached proves the
 * product call was never sent (`unreached`: retried), anything else is a credential problem (`auth`: never retried).
 */
import assert from "node:assert/strict";
import * as net from "node:net";
import { credentialSource, forgetCredentialSources } from "../../provider/adapters/credentials";
import { redact } from "../../provider/adapters/credentials/redact";
import { classifyAlibabaError } from "../../provider/adapters/alibaba/errors";
import { classifyTencentError } from "../../provider/adapters/edgeone/errors";
import { oidcToken } from "../helpers/oidc-token";

/** A loopback port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failure(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try { await p; } catch (e) { return e as Error; }
  assert.fail("expected a failure");
}

describe("credential errors: redaction", () => {
  it("removes the secrets it is given, wherever they appear", () => {
    assert.equal(redact("key abcd1234 and again abcd1234.", ["abcd1234", null, "ab"]), "key *** and again ***.");
  });

  it("reduces a dumped reply body to the vendor's code and message, without the string to sign", () => {
    const body = JSON.stringify({ RequestId: "6A0E6E0B-2C1A-4B8E-9F11-0D5C7E1A2B3C", Code: "SignatureDoesNotMatch",
      Message: "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI%26SecurityToken%3DCAISabc" });
    assert.equal(redact(`refresh session token failed: ${body}`), "refresh session token failed: SignatureDoesNotMatch: Specified signature is not matched with our calculation.");
  });

  it("never quotes a file that did not parse", () => {
    assert.equal(redact(`parse aliyun cli config from '/h/.aliyun/config.json' failed: {"profiles":[{"access_key_secret":"x`),
      "parse aliyun cli config from '/h/.aliyun/config.json' failed: {…}");
    assert.equal(redact(`failed: {"profiles":[{"access_key_secret":"plain"}]}`), "failed: {…}");
  });

  it("replaces OIDC tokens and long opaque runs, and keeps request ids, setting names and file paths", () => {
    const jwt = oidcToken({ expMs: Date.parse("2030-01-01T00:00:00Z") });
    const text = redact(`token ${jwt} key Zk3mQ9vX2bN7cL4pR8sT1wY6uE0aH5jD; id 6a0e6e0b-2c1a-4b8e-9f11-0d5c7e1a2b3c; ` +
      "set TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN; file /var/run/secrets/ack.alibabacloud.com/rrsa-tokens/token");
    assert.equal(text, "token *** key ***; id 6a0e6e0b-2c1a-4b8e-9f11-0d5c7e1a2b3c; set TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN; " +
      "file /var/run/secrets/ack.alibabacloud.com/rrsa-tokens/token");
  });
});

describe("credential errors: what a failing source proves", () => {
  beforeEach(() => forgetCredentialSources());

  it("an STS endpoint that refuses connections: unreached (the product call was not sent either), no secret in the message", async () => {
    const port = await deadPort();
    const base = { kind: "static" as const, origin: "stack config", keyId: "LTAIbase", secret: "base-secret-0123456789abcdefghij", token: null };
    const assume = { kind: "assumeRole" as const, origin: "stack config (alicloud:assumeRole)", roleArn: "acs:ram::1:role/ci", sessionName: "ci",
      durationSeconds: 3600, policy: null, externalId: null, sts: { protocol: "https" as const, host: `127.0.0.1:${port}` } };
    const ali = credentialSource({ vendor: "alibaba", plan: { ...assume, base } });
    const aliError = await failure((ali.sdkCredential as { getCredential(): Promise<unknown> }).getCredential());
    assert.equal(aliError.code, "ECONNREFUSED");
    assert.equal(classifyAlibabaError("alibaba-cdn", "DescribeRefreshTaskById", aliError).kind, "unreached");
    assert.ok(!aliError.message.includes(base.secret));

    const tc = credentialSource({ vendor: "tencent", plan: { ...assume, roleArn: "qcs::cam::uin/1:roleName/ci", sts: { protocol: "http", host: `127.0.0.1:${port}` },
      base: { ...base, keyId: "AKIDbase" } } });
    const tcError = await failure((tc.sdkCredential as { getCredential(): Promise<unknown> }).getCredential());
    assert.match(tcError.message, /^cannot get Tencent Cloud credentials from the CAM role qcs::cam::uin\/1:roleName\/ci from stack config \(alicloud:assumeRole\), assumed with the SecretId AKIDbase from stack config: /);
    // The TEO client passes on only the message (abstract_client.js), and that still says the call never connected.
    assert.equal(classifyTencentError("DescribePrefetchTasks", new Error(tcError.message)).kind, "unreached");
    assert.ok(!tcError.message.includes(base.secret));
  });

  it("a token file that cannot be read: a credential problem, never retried, naming the role", async () => {
    const src = credentialSource({ vendor: "alibaba", plan: { kind: "oidc", origin: "stack config (alicloud:assumeRoleWithOidc)", roleArn: "acs:ram::1:role/ci",
      oidcProviderArn: "acs:ram::1:oidc-provider/gh", tokenFile: "/nonexistent/token", token: null, sessionName: "ci", durationSeconds: 3600, policy: null, sts: null } });
    const e = await failure((src.sdkCredential as { getCredential(): Promise<unknown> }).getCredential());
    assert.match(e.message, /cannot get Alibaba Cloud credentials from the OIDC role acs:ram::1:role\/ci from stack config \(alicloud:assumeRoleWithOidc\): .*ENOENT/);
    assert.deepEqual([e.code, classifyAlibabaError("alibaba-cdn", "PushObjectCache", e).kind], ["InvalidCredentials.Unavailable", "auth"]);
  });
});
