/**
 * The emulated STS actions, called by the vendors' own credential classes (`tencentcloud-sdk-nodejs-common`
 * `STSCredential` / `OIDCRoleArnCredential`, `@alicloud/credentials` `RAMRoleARNCredentialsProvider` /
 * `OIDCRoleArnCredentialsProvider`): signature checks, parameter checks, and temporary keys that the product APIs accept
 * with their token until they expire on the virtual clock. Alibaba's providers call STS over HTTPS only: here their
 * request is built and signed by the vendor code and sent by a transport that trusts the emulator's certificate
 * (`doRequest`, the providers' documented test seam); tests/adapters/credentials-chains.spec.ts runs the vendor's own
 * transport with NODE_EXTRA_CA_CERTS.
 */
import assert from "node:assert/strict";
import * as http from "node:http";
import * as https from "node:https";
import { X509Certificate } from "node:crypto";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { oidcToken } from "../helpers/oidc-token";

/* eslint-disable @typescript-eslint/no-var-requires */
const TencentCommon = require("tencentcloud-sdk-nodejs-common");
const { teo } = require("tencentcloud-sdk-nodejs-teo");
const AliCredentials = require("@alicloud/credentials");
const Cdn = require("@alicloud/cdn20180510");
const { $OpenApiUtil } = require("@alicloud/openapi-core");

const HOUR = 3_600_000;
const TC_ROLE = "qcs::cam::uin/100000000001:roleName/cdn-prefetch-ci";
const ALI_ROLE = "acs:ram::1234567890123456:role/cdn-prefetch-ci";
const ALI_OIDC_PROVIDER = "acs:ram::1234567890123456:oidc-provider/github";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (e) { return (e as { code?: string }).code ?? (e as Error).message; }
  assert.fail("expected a refusal");
}

/** The vendor's request object (`@alicloud/credentials` providers/http.js `Request`), sent trusting `ca`. */
function trustingDoRequest(ca: string) {
  return (req: { method: string; headers: Record<string, string>; bodyForm?: Record<string, string>; toRequestURL(): string }) =>
    new Promise<{ statusCode: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const body = req.bodyForm ? Object.entries(req.bodyForm).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&") : undefined;
      const r = https.request(req.toRequestURL(), { method: req.method, headers: req.headers, ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      r.on("error", reject);
      r.end(body);
    });
}

describe("emulated STS", function () {
  this.timeout(30_000);
  let emu: RunningEmulator;
  let host: string;

  before(async () => {
    for (const k of ["http_proxy", "HTTP_PROXY"]) delete process.env[k];
    emu = await startEmulator({ port: 0 });
    host = `127.0.0.1:${emu.port}`;
  });
  after(() => emu.close());
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.setClock({ mode: "manual" });
  });

  const tencentSts = (secretKey = emu.credentials.tencent.secretKey, credential?: object) => ({
    credential: credential ?? { secretId: emu.credentials.tencent.secretId, secretKey },
    profile: { httpProfile: { endpoint: host, protocol: "http://" } },
  });
  const teoClient = (credential: object) => new teo.v20220901.Client({ credential, region: "", profile: { httpProfile: { endpoint: host, protocol: "http://" } } });
  const quota = (credential: object) => teoClient(credential).DescribeContentQuota({ ZoneId: "zone-sts00001" });
  /** Keys issued since `before` (the key ring outlives a reset, like the credentials). */
  const issuedSince = (before: number) => emu.issuedKeys().slice(before);

  describe("Tencent AssumeRole (TC3-signed)", () => {
    it("issues a temporary key that TEO accepts with its token until it expires on the virtual clock", async () => {
      const before = emu.issuedKeys().length;
      const sts = new TencentCommon.STSCredential(tencentSts(), { RoleArn: TC_ROLE, RoleSessionName: "ci", DurationSeconds: 900 });
      const key = await sts.getCredential();
      assert.match(key.secretId, /^AKID/);
      assert.notEqual(key.secretId, emu.credentials.tencent.secretId);
      assert.ok(key.token);
      assert.ok((await quota(key)).PrefetchQuota);
      assert.equal(await codeOf(quota({ secretId: key.secretId, secretKey: key.secretKey })), "AuthFailure.TokenFailure", "no token");
      assert.equal(await codeOf(quota({ ...key, token: `${key.token}x` })), "AuthFailure.TokenFailure", "another token");
      await emu.control.advance(899_000);
      assert.ok((await quota(key)).PrefetchQuota, "valid until its expiry");
      await emu.control.advance(1_000);
      assert.equal(await codeOf(quota(key)), "AuthFailure.TokenFailure", "expired on the virtual clock");
      const [issued] = issuedSince(before);
      assert.deepEqual([issued.action, issued.roleArn, issued.sessionName, issued.expiresAt - issued.issuedAt], ["AssumeRole", TC_ROLE, "ci", 900_000]);
    });

    it("refuses a wrong signature, a malformed role ARN and an out-of-range duration", async () => {
      const before = emu.issuedKeys().length;
      const call = (secret: string, params: object) => new TencentCommon.STSCredential(tencentSts(secret), { RoleSessionName: "ci", ...params }).getCredential();
      assert.match(await codeOf(call("wrong", { RoleArn: TC_ROLE })), /AuthFailure\.SignatureFailure|could not be validated/);
      assert.match(await codeOf(call(emu.credentials.tencent.secretKey, { RoleArn: "arn:aws:iam::1:role/x" })), /not a valid role ARN/);
      assert.match(await codeOf(call(emu.credentials.tencent.secretKey, { RoleArn: TC_ROLE, DurationSeconds: 43_201 })), /DurationSeconds must be/);
      assert.deepEqual(issuedSince(before), []);
    });

    it("lets a temporary key assume a role in turn (its token is checked)", async () => {
      const first = await new TencentCommon.STSCredential(tencentSts(), { RoleArn: TC_ROLE, RoleSessionName: "one" }).getCredential();
      const second = await new TencentCommon.STSCredential(tencentSts(undefined, first), { RoleArn: TC_ROLE, RoleSessionName: "two" }).getCredential();
      assert.notEqual(second.secretId, first.secretId);
      const noToken = { secretId: first.secretId, secretKey: first.secretKey };
      assert.match(await codeOf(new TencentCommon.STSCredential(tencentSts(undefined, noToken), { RoleArn: TC_ROLE, RoleSessionName: "three" }).getCredential()), /temporary SecretId needs its token/);
    });
  });

  describe("Tencent AssumeRoleWithWebIdentity (unsigned: Authorization SKIP)", () => {
    const call = (token: string) => new TencentCommon.OIDCRoleArnCredential({ credential: {}, region: "ap-guangzhou", profile: { httpProfile: { endpoint: host, protocol: "http://" } } },
      { RoleArn: TC_ROLE, RoleSessionName: "gha", ProviderId: "OIDC", WebIdentityToken: token, DurationSeconds: 3600 }).getCredential();

    it("issues a key for a current token and refuses an expired or malformed one", async () => {
      const before = emu.issuedKeys().length;
      const now = (await emu.control.state()).now;
      const key = await call(oidcToken({ expMs: now + HOUR }));
      assert.ok((await quota(key)).PrefetchQuota);
      assert.match(await codeOf(call(oidcToken({ expMs: now - 1000 }))), /WebIdentityToken has expired/);
      assert.match(await codeOf(call("not-a-jwt")), /WebIdentityToken is invalid/);
      assert.deepEqual(issuedSince(before).map((k) => k.action), ["AssumeRoleWithWebIdentity"]);
    });
  });

  describe("Alibaba AssumeRole (RPC V1-signed, over HTTPS)", () => {
    const base = (secret = emu.credentials.alibaba.accessKeySecret) => AliCredentials.StaticAKCredentialsProvider.builder()
      .withAccessKeyId(emu.credentials.alibaba.accessKeyId).withAccessKeySecret(secret).build();
    const assume = (o: { secret?: string; base?: unknown; roleArn?: string; duration?: number } = {}) => {
      const p = AliCredentials.RAMRoleARNCredentialsProvider.builder().withCredentialsProvider(o.base ?? base(o.secret))
        .withRoleArn(o.roleArn ?? ALI_ROLE).withRoleSessionName("ci").withDurationSeconds(o.duration ?? 900).withStsEndpoint(host).build();
      p.doRequest = trustingDoRequest(emu.tlsCertificate);
      return p;
    };
    const cdn = (key: { accessKeyId: string; accessKeySecret: string; securityToken?: string }, v2 = false) => new Cdn.default(new $OpenApiUtil.Config({
      ...key, endpoint: host, protocol: "http", readTimeout: 10_000, connectTimeout: 10_000, ...(v2 ? { signatureAlgorithm: "v2" } : {}),
    })).describeRefreshQuota(new Cdn.DescribeRefreshQuotaRequest({}));

    it("issues an STS key that CDN accepts with its token (V3 and V2) until it expires on the virtual clock", async () => {
      const key = await assume().getCredentials();
      assert.match(key.accessKeyId, /^STS\./);
      assert.ok(key.securityToken);
      for (const v2 of [false, true]) assert.ok((await cdn(key, v2)).body.preloadRemain !== undefined);
      assert.equal(await codeOf(cdn({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret })), "InvalidSecurityToken.Malformed");
      assert.equal(await codeOf(cdn({ ...key, securityToken: `${key.securityToken}x` })), "InvalidSecurityToken.MismatchWithAccessKey");
      await emu.control.advance(900_000);
      assert.equal(await codeOf(cdn(key)), "InvalidSecurityToken.Expired");
    });

    it("refuses a wrong secret (the vendor recognises the string to sign), a malformed role ARN and a short duration", async () => {
      const before = emu.issuedKeys().length;
      assert.match(await codeOf(assume({ secret: "wrong" }).getCredentials()), /the access key secret is invalid/);
      assert.match(await codeOf(assume({ roleArn: "acs:ram::x:role/" }).getCredentials()), /InvalidParameter\.RoleArn/);
      const p = assume();
      (p as { durationSeconds: number }).durationSeconds = 600;
      assert.match(await codeOf(p.getCredentials()), /InvalidParameter\.DurationSeconds/);
      assert.deepEqual(issuedSince(before), []);
    });

    it("lets an STS key assume a role in turn", async () => {
      const before = emu.issuedKeys().length;
      const first = await assume().getCredentials();
      const chained = AliCredentials.StaticSTSCredentialsProvider.builder().withAccessKeyId(first.accessKeyId)
        .withAccessKeySecret(first.accessKeySecret).withSecurityToken(first.securityToken).build();
      const second = await assume({ base: chained }).getCredentials();
      assert.notEqual(second.accessKeyId, first.accessKeyId);
      assert.deepEqual(issuedSince(before).map((k) => k.keyId), [first.accessKeyId, second.accessKeyId]);
    });
  });

  describe("Alibaba AssumeRoleWithOIDC (unsigned, over HTTPS)", () => {
    it("issues a key for a current token read from its file, and refuses an expired one", async () => {
      const fs = await import("node:fs");
      const os = await import("node:os");
      const path = await import("node:path");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sts-oidc-"));
      const file = path.join(dir, "token");
      const provider = () => {
        const p = AliCredentials.OIDCRoleArnCredentialsProvider.builder().withRoleArn(ALI_ROLE).withOIDCProviderArn(ALI_OIDC_PROVIDER)
          .withOIDCTokenFilePath(file).withRoleSessionName("gha").withStsEndpoint(host).build();
        p.doRequest = trustingDoRequest(emu.tlsCertificate);
        return p;
      };
      const now = (await emu.control.state()).now;
      fs.writeFileSync(file, oidcToken({ expMs: now + HOUR }));
      const key = await provider().getCredentials();
      assert.match(key.accessKeyId, /^STS\./);
      fs.writeFileSync(file, oidcToken({ expMs: now - 1000 }));
      assert.match(await codeOf(provider().getCredentials()), /AuthenticationFail\.OIDCToken\.Expired/);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  describe("TLS on the same port", () => {
    const get = (mod: typeof http | typeof https, o: https.RequestOptions = {}) => new Promise<string>((resolve, reject) => {
      mod.get({ host: "127.0.0.1", port: emu.port, path: "/_emulator/state", ...o }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      }).on("error", reject);
    });

    it("serves http and https on one port; a client that does not trust the certificate is refused", async () => {
      assert.match(await get(http), /"mode"/);
      assert.match(await get(https, { ca: emu.tlsCertificate }), /"mode"/);
      await assert.rejects(get(https), (e: NodeJS.ErrnoException) => e.code === "DEPTH_ZERO_SELF_SIGNED_CERT");
    });

    it("has a certificate for loopback names only, which cannot vouch for another host", () => {
      const cert = new X509Certificate(emu.tlsCertificate);
      assert.equal(cert.ca, false);
      assert.equal(cert.subjectAltName, "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
      assert.equal(cert.checkHost("sts.aliyuncs.com"), undefined);
    });
  });
});
