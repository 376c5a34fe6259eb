/**
 * Every documented input, config key, environment variable and output has a test that fails when it stops working.
 *
 * The table maps each README item (sections "Common inputs", "Resources", "Per cloud", "Outputs", "Configuration") to
 * the test that covers it: `file › test name`. "this file" means tests/host/documented.spec.ts; "program" means
 * tests/program/documented.spec.ts. Host tests run the provider in Pulumi's real dynamic-provider host against the
 * emulator; the emulator's product modules are wrapped here to record each request as it arrived on the wire
 * (signature, key id, STS token, region header, parameters) and whether it was answered — the emulator itself is
 * unchanged.
 *
 * | README item | covered by |
 * |---|---|
 * | **Common inputs** | |
 * | `urls` (1–10,000; full, `host/path`, `/path` forms) | tests/unit/check.spec.ts › "rejects an empty URL list", "accepts scheme-less and domain-relative URLs on Alibaba CDN/DCDN only", "rejects more URLs than one resource may declare"; tests/host/provider.spec.ts › "create blocks until the last URL is done…" (`/b.js`, `host/path` through the host) |
 * | `urls` change → replace | tests/unit/diff.spec.ts › "replaces when urls changes"; tests/sequence/stories.spec.ts › "URL change: a replacement" |
 * | `headers` reach the vendor request | this file › "cloud-specific inputs and headers reach the vendor request" (all four clouds) |
 * | `headers` change → replace | tests/unit/diff.spec.ts › "replaces when headers changes" |
 * | `triggers` (update + new task) | tests/sequence/stories.spec.ts › "trigger change: an update that submits exactly one new task"; tests/host/provider.spec.ts |
 * | `wait: false` | tests/unit/lifecycle.spec.ts › "wait: false returns right after submit; refresh then updates status"; this file › "adopted URLs are never resubmitted…" (create with wait:false through the host) |
 * | `waitTimeoutSeconds` | tests/unit/lifecycle.spec.ts › "on timeout fails partially…"; tests/sequence/stories.spec.ts › "timeout then resume" |
 * | `pollIntervalSeconds` | tests/unit/staggered.spec.ts › "stays pending after the first and the second URL finished…" (first sleep = the input) |
 * | `allowedFailures` | tests/program/programs.spec.ts › "edgeone: a failing URL within allowedFailures is reported in the outputs"; tests/unit/staggered.spec.ts › "does not count an early failure as the end" |
 * | `allowedFailurePercent` | tests/unit/lifecycle.spec.ts › "tolerates failures up to allowedFailures / allowedFailurePercent" |
 * | `batching` (`true`: split by the per-request limit) | tests/unit/lifecycle.spec.ts › "batches long lists by the adapter's per-request limit"; this file › "batching: false…" (`true` half) |
 * | `batching: false` (preview error when oversize; one request at create) | tests/unit/check.spec.ts › "rejects more URLs than one request carries when batching is off"; this file › "batching: false submits a list within the limit in one request", "batching: false refuses at create when the zone's Batch is smaller, and submits nothing" |
 * | `existingTaskIds` (adopt; create only waits) | tests/sequence/stories.spec.ts › "adoption"; this file › "adopted URLs are never resubmitted on a later update, refresh or provider-code change" (all four clouds) |
 * | `endpoint` input wins over config and environment | this file › "endpoint input beats cdnPrefetch:endpoint config", "endpoint input beats CDN_PREFETCH_ENDPOINT" |
 * | `region` input (wins over config/env) | this file › "region input beats tencentcloud:region" (wire `X-TC-Region`), "connection resolution (in-process)…" |
 * | `progressLabel` (default: resource name) | program › "progressLabel defaults to the resource name…"; tests/unit/lifecycle.spec.ts › "prints concise progress lines" (explicit label) |
 * | provider-code change → update, no cloud call | tests/unit/lifecycle.spec.ts › "update on a triggers change submits a new task; on a provider-code change it calls nothing"; this file › "adopted URLs are never resubmitted…" |
 * | **Cloud-specific inputs** | |
 * | EdgeOne `zoneId`, `mode`, `prefetchMediaSegments` | this file › "cloud-specific inputs and headers reach the vendor request"; tests/adapters/edgeone.spec.ts |
 * | EdgeOne `zoneName` (URLs outside fail at preview) | tests/unit/check.spec.ts › "rejects URLs outside the declared domain, zone or site" |
 * | CDN/DCDN `domain`, `area`, `l2Preload`, `queryHashkey` | this file › "cloud-specific inputs and headers reach the vendor request"; tests/adapters/alibaba-cdn.spec.ts, alibaba-dcdn.spec.ts |
 * | ESA `siteId`, `instanceId` (plan quota read) | this file › "cloud-specific inputs and headers reach the vendor request" (`ListInstanceQuotas`); tests/program/programs.spec.ts › "alibaba-esa…" |
 * | ESA `siteName` | tests/unit/check.spec.ts › "rejects URLs outside the declared domain, zone or site" |
 * | **Outputs** | |
 * | every input echoed; `cloud`, `status`, `progress`, `taskIds`, `batches` (taskIds, urlIndexes, submittedAt), `results` (URLs not succeeded: index, url, status, progress, reason, taskId), `failedUrls`, `urlCount`, `succeededCount`, `failedCount`, `pendingCount`, `unsubmittedIndexes`, `submittedAt`, `finishedAt`, `verifiedAt`, `historyAvailable`, `adopted`; no output undefined; id `<cloud>:<scope>:<first task id>` | this file › "every documented output is present, typed and consistent; the id has the documented form" (all four clouds) |
 * | `status` values, `failedUrls`, `results[].reason` | tests/unit/lifecycle.spec.ts › "fails by default when a URL failed…", "counts submit-time rejections as failures"; tests/program/programs.spec.ts |
 * | `progress` 100 only when every URL is done | tests/host/staggered.spec.ts, tests/unit/staggered.spec.ts |
 * | `unsubmittedIndexes` | tests/unit/lifecycle.spec.ts › "records accepted batches when a later batch is refused…" |
 * | `verifiedAt`, `historyAvailable` on refresh | tests/unit/lifecycle.spec.ts › "refresh keeps the last known state…"; tests/sequence/stories.spec.ts › "refresh after the cloud's history expired" |
 * | outputs name URLs once, read back exactly; outputs of earlier versions read | tests/unit/state-layout.spec.ts; this file › "ESA refresh: an aged-out batch…" (state in the earlier layout through the host) |
 * | ESA: an aged-out batch next to a live one (only batch age decides "gone") | this file › "ESA refresh: an aged-out batch keeps its last known results and is not queried; the live batch keeps being refreshed" |
 * | `historyAvailable`, `adopted` on the resource class | program › "the resource class exposes historyAvailable and adopted" |
 * | **Configuration** | |
 * | `tencentcloud:secretId` / `tencentcloud:secretKey` | tests/host/provider.spec.ts (configured through stack config); this file › "connection resolution (in-process)…" |
 * | `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` | tests/program/programs.spec.ts (host env); this file › connection resolution |
 * | `tencentcloud:securityToken`, `TENCENTCLOUD_SECURITY_TOKEN` | this file › "tencentcloud:securityToken and tencentcloud:region reach the wire", "TENCENTCLOUD_SECURITY_TOKEN and TENCENTCLOUD_REGION reach the wire" |
 * | `tencentcloud:region`, `TENCENTCLOUD_REGION` | same two tests (`X-TC-Region`) |
 * | `alicloud:accessKey` / `alicloud:secretKey` | tests/host/provider.spec.ts (stack config); this file › connection resolution |
 * | `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET` | tests/program/programs.spec.ts (host env); this file › connection resolution |
 * | `alicloud:securityToken`, `ALIBABA_CLOUD_SECURITY_TOKEN` | this file › "alicloud:securityToken reaches the wire", "ALIBABA_CLOUD_SECURITY_TOKEN reaches the wire" |
 * | `alicloud:region`, `ALIBABA_CLOUD_REGION`, `ALICLOUD_REGION` | this file › connection resolution (the Alibaba SDKs put no region on the wire when the endpoint is overridden, so the emulator cannot see it); tests/adapters/endpoint-and-urls.spec.ts (regionId → client, ESA host by region) |
 * | `ALICLOUD_ACCESS_KEY` / `ALICLOUD_SECRET_KEY` / `ALICLOUD_SECURITY_TOKEN` | this file › "ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY / ALICLOUD_SECURITY_TOKEN alone are enough" |
 * | `cdnPrefetch:endpoint`, `CDN_PREFETCH_ENDPOINT` | tests/host/provider.spec.ts (config), tests/program/programs.spec.ts (env); this file › "cdnPrefetch:endpoint config beats CDN_PREFETCH_ENDPOINT" |
 * | `cdnPrefetch:tencentEndpoint`, `cdnPrefetch:alibabaEndpoint` | this file › "cdnPrefetch:tencentEndpoint beats cdnPrefetch:endpoint", "cdnPrefetch:alibabaEndpoint beats cdnPrefetch:endpoint" |
 * | `CDN_PREFETCH_TENCENT_ENDPOINT`, `CDN_PREFETCH_ALIBABA_ENDPOINT` | this file › "CDN_PREFETCH_TENCENT_ENDPOINT beats CDN_PREFETCH_ENDPOINT", "CDN_PREFETCH_ALIBABA_ENDPOINT beats CDN_PREFETCH_ENDPOINT" |
 * | `cdnPrefetch:requestTimeoutSeconds`, `CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS` | this file › "cdnPrefetch:requestTimeoutSeconds: a reply slower than the timeout is abandoned and the query retried" (EdgeOne, CDN), "CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS…" (ESA) |
 * | `cdnPrefetch:alibabaSignatureAlgorithm`, `CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM` (`v3` default, `v2` HMAC-SHA1) | this file › "cdnPrefetch:alibabaSignatureAlgorithm v2 signs every call with HMAC-SHA1" (CDN, DCDN, ESA), "CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM v2…", "without the setting every call is signed ACS3-HMAC-SHA256" |
 * | `cdnPrefetch:visibilityGraceSeconds`, `CDN_PREFETCH_VISIBILITY_GRACE_SECONDS` | tests/unit/contract.spec.ts › "contract: the visibility grace setting" |
 * | `tencentcloud:domain`, `TENCENTCLOUD_DOMAIN`, `alicloud:accountType`, `ALIBABA_CLOUD_ACCOUNT_TYPE`, `cdnPrefetch:alibabaPreloadDetail`, `CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL` | tests/unit/connection.spec.ts; tests/adapters/endpoints.spec.ts (the host each setting selects) |
 * | `cdnPrefetch:apiRateShare`, `CDN_PREFETCH_API_RATE_SHARE` | tests/unit/rate-limit.spec.ts › "rate limits: cdnPrefetch:apiRateShare…" (default, order, refusals), "runs each action at the configured share…"; tests/adapters/rate-limited-burst.spec.ts (no throttling under the documented limits) |
 * | `submittedAfter` | tests/unit/lifecycle.spec.ts › "provider lifecycle: adopted tasks' time"; tests/unit/check.spec.ts |
 * | `uncertainBatches` output | tests/unit/contract.spec.ts › "contract: never twice"; the fault matrix |
 * | `mediaSegments` output | tests/adapters/media-segments.spec.ts |
 * | credentials never in `__provider`, outputs or logs | tests/host/provider.spec.ts › "serializes a small shim that holds no credential"; tests/program/programs.spec.ts › "registers the resource with the documented type token…" |
 */
import assert from "node:assert/strict";
import * as net from "node:net";
import * as path from "node:path";
import { defaultModules, startEmulator } from "../../emulator";
import type { EmulatorRequest, EmulatorResponse, ProductModule } from "../../emulator/core/types";
import { emulatorStackConfig } from "../../harness/emulator-env";
import { startHost, type Host, type Props } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import type { Connection, PrefetchAdapter } from "../../provider/adapters/types";
import type { CloudKind } from "../../provider/model/cloud";
import { PrefetchProvider } from "../../provider/resources/provider";
import { shimFor } from "../../sdk/shim";
import { storedRecord, storedResults } from "../helpers/stored-record";

const PROGRAM_DIR = path.resolve(__dirname, "..", "..", "examples", "quickstart");
const URN = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/cdn-prefetch:X::${name}`;
const DAY_MS = 86_400_000;
type Emu = Awaited<ReturnType<typeof startEmulator>>;

/** Every environment variable the README documents, blanked (the provider treats "" as unset), so none leaks in. */
const BLANK_ENV: Record<string, string> = Object.fromEntries([
  "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_REGION",
  "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_REGION",
  "ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN", "ALICLOUD_REGION",
  "CDN_PREFETCH_ENDPOINT", "CDN_PREFETCH_TENCENT_ENDPOINT", "CDN_PREFETCH_ALIBABA_ENDPOINT",
  "CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS", "CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM", "CDN_PREFETCH_VISIBILITY_GRACE_SECONDS",
  "CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL", "TENCENTCLOUD_DOMAIN", "ALIBABA_CLOUD_ACCOUNT_TYPE", "CDN_PREFETCH_API_RATE_SHARE",
  // Credential chains (provider/credentials): none of the machine's own logins may reach the host under test.
  "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_ROLE_ARN",
  "ALIBABA_CLOUD_ROLE_SESSION_NAME", "ALICLOUD_ASSUME_ROLE_ARN", "ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION",
  "ALICLOUD_ASSUME_ROLE_SESSION_NAME", "ALICLOUD_CREDENTIALS_URI", "ALICLOUD_ECS_ROLE_NAME", "ALICLOUD_PROFILE",
  "ALICLOUD_SHARED_CREDENTIALS_FILE", "TENCENTCLOUD_ASSUME_ROLE_ARN", "TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID",
  "TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID", "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION", "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME",
  "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN", "TENCENTCLOUD_CAM_ROLE_NAME", "TENCENTCLOUD_PROFILE",
  "TENCENTCLOUD_SHARED_CREDENTIALS_DIR", "TKE_PROVIDER_ID", "TKE_ROLE_ARN", "TKE_WEB_IDENTITY_TOKEN_FILE",
].map((k) => [k, ""]));

interface CloudCase {
  product: "teo" | "cdn" | "dcdn" | "esa";
  scope: Record<string, unknown>;
  scopeId: string;
  base: string;
  /** The action of one poll. */
  poll: string;
}

const CLOUDS: Record<CloudKind, CloudCase> = {
  edgeone: { product: "teo", scope: { zoneId: "zone-doc00001" }, scopeId: "zone-doc00001", base: "https://www.example.com", poll: "DescribePrefetchTasks" },
  "alibaba-cdn": { product: "cdn", scope: { domain: "cdn.example.com" }, scopeId: "cdn.example.com", base: "https://cdn.example.com", poll: "DescribeRefreshTaskById" },
  "alibaba-dcdn": { product: "dcdn", scope: { domain: "dcdn.example.com" }, scopeId: "dcdn.example.com", base: "https://dcdn.example.com", poll: "DescribeDcdnRefreshTaskById" },
  "alibaba-esa": { product: "esa", scope: { siteId: 9001 }, scopeId: "9001", base: "https://img.example.com", poll: "DescribePreloadTasks" },
};
const ALL_CLOUDS = Object.keys(CLOUDS) as CloudKind[];

/** One vendor request as it arrived at the emulator. */
interface Wire {
  action: string;
  /** `TC3-HMAC-SHA256` (Tencent), `ACS3-HMAC-SHA256` (Alibaba v3), `HMAC-SHA1` (Alibaba RPC v2), or `none`. */
  signature: string;
  keyId: string | null;
  token: string | null;
  /** Tencent `X-TC-Region`. */
  region: string | null;
  /** Decoded query parameters and body, for "does the request carry X" checks. */
  params: string;
  answered: boolean;
}

function header(req: EmulatorRequest, name: string): string | null {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** What the wire shows of a request: who signed it and how, and its parameters. */
function describeRequest(req: EmulatorRequest): Wire {
  const body = req.body.toString("utf8");
  const query = new URLSearchParams(req.rawQuery);
  const form = /x-www-form-urlencoded/i.test(header(req, "content-type") ?? "") ? new URLSearchParams(body) : new URLSearchParams();
  const param = (k: string) => query.get(k) ?? form.get(k);
  const auth = header(req, "authorization") ?? "";
  const params = [...query.entries(), ...form.entries()].map(([k, v]) => `${k}=${v}`).join("&") + "\n" + body;
  const tcAction = header(req, "x-tc-action");
  if (tcAction !== null) {
    return { action: tcAction, signature: auth.split(" ")[0] || "none", keyId: /Credential=([^/,\s]+)/.exec(auth)?.[1] ?? null,
      token: header(req, "x-tc-token"), region: header(req, "x-tc-region"), params, answered: false };
  }
  const signature = auth ? auth.split(" ")[0] : param("Signature") !== null ? (param("SignatureMethod") ?? "HMAC-SHA1") : "none";
  return { action: header(req, "x-acs-action") ?? param("Action") ?? "", signature,
    keyId: /Credential=([^,\s]+)/.exec(auth)?.[1] ?? param("AccessKeyId"), token: header(req, "x-acs-security-token") ?? param("SecurityToken"),
    region: null, params, answered: false };
}

/** The emulator's product modules, wrapped to record every request on arrival and mark it answered. */
function recording(wires: Wire[]): ProductModule[] {
  return defaultModules().map((m) => ({
    ...m,
    async handle(req, ctx): Promise<EmulatorResponse> {
      const w = describeRequest(req);
      wires.push(w);
      try {
        return await m.handle(req, ctx);
      } finally {
        w.answered = true;
      }
    },
  }));
}

/** A local port nothing listens on (connections are refused). */
async function deadEndpoint(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function rejection(p: Promise<unknown>): Promise<Error & { details?: string }> {
  try { await p; } catch (e) { return e as Error; }
  assert.fail("expected a rejection");
}

describe("documented inputs, configuration and outputs, through Pulumi's host against the emulator", function () {
  this.timeout(120_000);
  const wires: Wire[] = [];
  /** Hosts by environment and config: tests with the same settings share one (each start costs about 0.5 s). */
  const hosts = new Map<string, Promise<Host>>();
  let emu: Emu;
  let dead: string;
  const texts = new Map<CloudKind, string>();

  before(async () => {
    emu = await startEmulator({ port: 0, modules: recording(wires), config: { defaultDurationMs: 100 } });
    dead = await deadEndpoint();
    for (const c of ALL_CLOUDS) texts.set(c, await serializeProvider(shimFor(c)));
  });
  beforeEach(async () => {
    await emu.control.reset();
    wires.length = 0;
  });
  after(async () => {
    await Promise.all([...hosts.values()].map(async (h) => (await h).stop()));
    await emu?.close();
  });

  const creds = () => ({
    TENCENTCLOUD_SECRET_ID: emu.credentials.tencent.secretId, TENCENTCLOUD_SECRET_KEY: emu.credentials.tencent.secretKey,
    ALIBABA_CLOUD_ACCESS_KEY_ID: emu.credentials.alibaba.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.credentials.alibaba.accessKeySecret,
  });

  /** A host whose environment holds only `env` of the documented variables, configured with `config`. */
  function open(env: Record<string, string>, config: Record<string, string>): Promise<Host> {
    const key = JSON.stringify([env, config]);
    if (!hosts.has(key)) {
      hosts.set(key, (async () => {
        const host = await startHost({ cwd: PROGRAM_DIR, env: { ...BLANK_ENV, PULUMI_NODEJS_PROJECT: "proj", ...env } });
        await host.configure(config);
        return host;
      })());
    }
    return hosts.get(key)!;
  }

  /** Check (must pass) then create. */
  async function create(host: Host, cloud: CloudKind, inputs: Props, name = "doc") {
    const checked = await host.check(URN(name), {}, { ...CLOUDS[cloud].scope, pollIntervalSeconds: 0.05, ...inputs, __provider: texts.get(cloud)! });
    assert.deepEqual(checked.failures, []);
    return { checked: checked.inputs, created: host.create(URN(name), checked.inputs) };
  }

  const urlsOf = (cloud: CloudKind, n: number, stem = "f") => Array.from({ length: n }, (_, i) => `${CLOUDS[cloud].base}/${stem}${i}.js`);
  const vendorWires = (product: "tencent" | "alibaba") => wires.filter((w) => (product === "tencent") === (w.signature === "TC3-HMAC-SHA256"));

  describe("outputs", () => {
    for (const cloud of ALL_CLOUDS) {
      it(`every documented output is present, typed and consistent; the id has the documented form (${cloud})`, async () => {
        await emu.control.setRules([{ match: "/bad.js", outcome: "failed" }]);
        const host = await open(creds(), { "cdnPrefetch:endpoint": emu.url });
        const urls = [`${CLOUDS[cloud].base}/good.js`, `${CLOUDS[cloud].base}/bad.js`];
        const inputs = { urls, allowedFailures: 1, waitTimeoutSeconds: 600, headers: { "Accept-Encoding": "gzip" }, triggers: { v: "1" }, progressLabel: "docs" };
        const { checked, created } = await create(host, cloud, inputs);
        const { id, properties: o } = await created;
        for (const [k, v] of Object.entries(checked)) if (k !== "__provider") assert.deepEqual(o[k], v, `input ${k} is echoed`);
        assert.equal(o.cloud, cloud);
        assert.equal(o.status, "partiallyFailed");
        assert.equal(o.progress, 100);
        assert.deepEqual([o.urlCount, o.succeededCount, o.failedCount, o.pendingCount], [2, 1, 1, 0]);
        assert.deepEqual(o.failedUrls, [urls[1]]);
        assert.equal(o.unsubmittedIndexes, "");
        const rec = storedRecord(o);
        assert.deepEqual(rec.unsubmittedUrls, []);
        assert.equal(o.historyAvailable, true);
        assert.equal(o.adopted, false);
        for (const k of ["submittedAt", "finishedAt", "verifiedAt"]) assert.ok(typeof o[k] === "string" && Number.isFinite(Date.parse(o[k] as string)), `${k} is an ISO time`);
        const taskIds = o.taskIds as string[];
        assert.ok(Array.isArray(taskIds) && taskIds.length >= 1 && taskIds.every((t) => typeof t === "string" && t !== ""));
        const batches = o.batches as { taskIds: string[]; urlIndexes: string; submittedAt: string }[];
        assert.equal(batches.length, 1);
        assert.deepEqual(batches[0].taskIds, taskIds);
        assert.equal(batches[0].urlIndexes, "0-1");
        assert.equal(rec.batches[0].urls.length, 2);
        assert.equal(batches[0].submittedAt, o.submittedAt);
        const listed = o.results as { index: number; url: string; status: string; progress: number; reason: string | null; taskId: string | null }[];
        assert.deepEqual(listed.map((r) => [r.index, r.url, r.status]), [[1, urls[1], "failed"]], "results lists the URLs that did not succeed");
        const results = rec.results;
        assert.deepEqual(results.map((r) => [r.url, r.status, r.progress]), [[urls[0], "succeeded", 100], [urls[1], "failed", 100]]);
        assert.equal(results[0].reason, null);
        assert.ok(typeof results[1].reason === "string" && results[1].reason !== "", "a failed URL carries the vendor's reason");
        assert.equal(listed[0].reason, results[1].reason);
        assert.ok(results.every((r) => typeof r.taskId === "string" && taskIds.includes(r.taskId)), "each result names its task");
        assert.equal(id, `${cloud}:${CLOUDS[cloud].scopeId}:${taskIds[0]}`);
        const undefinedPaths: string[] = [];
        const walk = (v: unknown, p: string): void => {
          if (v === undefined) undefinedPaths.push(p);
          else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
        };
        walk(o, "outputs");
        assert.deepEqual(undefinedPaths, []);
      });
    }
  });

  describe("endpoints: the resource input, then stack config, then environment; per-vendor keys before the shared one", () => {
    const rows: { name: string; cloud: CloudKind; env: (e: string) => Record<string, string>; config: (e: string) => Record<string, string>; input?: boolean }[] = [
      { name: "endpoint input beats cdnPrefetch:endpoint config", cloud: "edgeone", env: () => ({}), config: () => ({ "cdnPrefetch:endpoint": dead }), input: true },
      { name: "endpoint input beats cdnPrefetch:endpoint config", cloud: "alibaba-cdn", env: () => ({}), config: () => ({ "cdnPrefetch:endpoint": dead }), input: true },
      { name: "endpoint input beats cdnPrefetch:tencentEndpoint / alibabaEndpoint config", cloud: "alibaba-esa", env: () => ({}), config: () => ({ "cdnPrefetch:alibabaEndpoint": dead, "cdnPrefetch:tencentEndpoint": dead }), input: true },
      { name: "endpoint input beats CDN_PREFETCH_ENDPOINT", cloud: "edgeone", env: () => ({ CDN_PREFETCH_ENDPOINT: dead, CDN_PREFETCH_TENCENT_ENDPOINT: dead }), config: () => ({}), input: true },
      { name: "endpoint input beats CDN_PREFETCH_ENDPOINT", cloud: "alibaba-dcdn", env: () => ({ CDN_PREFETCH_ENDPOINT: dead, CDN_PREFETCH_ALIBABA_ENDPOINT: dead }), config: () => ({}), input: true },
      { name: "cdnPrefetch:endpoint config beats CDN_PREFETCH_ENDPOINT", cloud: "edgeone", env: () => ({ CDN_PREFETCH_ENDPOINT: dead }), config: (e) => ({ "cdnPrefetch:endpoint": e }) },
      { name: "cdnPrefetch:endpoint config beats CDN_PREFETCH_ENDPOINT", cloud: "alibaba-cdn", env: () => ({ CDN_PREFETCH_ENDPOINT: dead }), config: (e) => ({ "cdnPrefetch:endpoint": e }) },
      { name: "cdnPrefetch:tencentEndpoint beats cdnPrefetch:endpoint", cloud: "edgeone", env: () => ({}), config: (e) => ({ "cdnPrefetch:endpoint": dead, "cdnPrefetch:tencentEndpoint": e }) },
      { name: "cdnPrefetch:alibabaEndpoint beats cdnPrefetch:endpoint", cloud: "alibaba-dcdn", env: () => ({}), config: (e) => ({ "cdnPrefetch:endpoint": dead, "cdnPrefetch:alibabaEndpoint": e }) },
      { name: "CDN_PREFETCH_TENCENT_ENDPOINT beats CDN_PREFETCH_ENDPOINT", cloud: "edgeone", env: (e) => ({ CDN_PREFETCH_ENDPOINT: dead, CDN_PREFETCH_TENCENT_ENDPOINT: e }), config: () => ({}) },
      { name: "CDN_PREFETCH_ALIBABA_ENDPOINT beats CDN_PREFETCH_ENDPOINT", cloud: "alibaba-esa", env: (e) => ({ CDN_PREFETCH_ENDPOINT: dead, CDN_PREFETCH_ALIBABA_ENDPOINT: e }), config: () => ({}) },
    ];
    for (const r of rows) {
      it(`${r.name} (${r.cloud})`, async () => {
        const host = await open({ ...creds(), ...r.env(emu.url) }, r.config(emu.url));
        const { created } = await create(host, r.cloud, { urls: urlsOf(r.cloud, 1), ...(r.input ? { endpoint: emu.url } : {}) });
        const { properties } = await created;
        assert.equal(properties.status, "succeeded");
        assert.equal((await emu.control.stats()).submits[CLOUDS[r.cloud].product], 1, "the emulator got the submit");
      });
    }
  });

  describe("credentials, STS tokens and regions on the wire", () => {
    it("ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY / ALICLOUD_SECURITY_TOKEN alone are enough (alibaba-cdn)", async () => {
      const host = await open({ CDN_PREFETCH_ENDPOINT: emu.url, ALICLOUD_ACCESS_KEY: emu.credentials.alibaba.accessKeyId,
        ALICLOUD_SECRET_KEY: emu.credentials.alibaba.accessKeySecret, ALICLOUD_SECURITY_TOKEN: "sts-alias-token" }, {});
      const { properties } = await (await create(host, "alibaba-cdn", { urls: urlsOf("alibaba-cdn", 1) })).created;
      assert.equal(properties.status, "succeeded");
      const calls = vendorWires("alibaba");
      assert.ok(calls.some((w) => w.action === "PushObjectCache"));
      assert.deepEqual([...new Set(calls.map((w) => `${w.keyId} ${w.token}`))], [`${emu.credentials.alibaba.accessKeyId} sts-alias-token`]);
    });

    it("alicloud:securityToken reaches the wire (alibaba-dcdn)", async () => {
      const host = await open({}, { ...emulatorStackConfig(emu), "alicloud:securityToken": "sts-config-token" });
      await (await create(host, "alibaba-dcdn", { urls: urlsOf("alibaba-dcdn", 1) })).created;
      const calls = vendorWires("alibaba");
      assert.ok(calls.length > 0);
      assert.ok(calls.every((w) => w.token === "sts-config-token"), JSON.stringify(calls.map((w) => w.token)));
    });

    it("ALIBABA_CLOUD_SECURITY_TOKEN reaches the wire (alibaba-esa)", async () => {
      const host = await open({ ...creds(), CDN_PREFETCH_ENDPOINT: emu.url, ALIBABA_CLOUD_SECURITY_TOKEN: "sts-env-token" }, {});
      await (await create(host, "alibaba-esa", { urls: urlsOf("alibaba-esa", 1) })).created;
      const calls = vendorWires("alibaba");
      assert.ok(calls.length > 0);
      assert.ok(calls.every((w) => w.token === "sts-env-token"), JSON.stringify(calls.map((w) => w.token)));
    });

    it("tencentcloud:securityToken and tencentcloud:region reach the wire (config beats the environment)", async () => {
      const host = await open({ TENCENTCLOUD_SECURITY_TOKEN: "env-token", TENCENTCLOUD_REGION: "ap-singapore" },
        { ...emulatorStackConfig(emu), "tencentcloud:securityToken": "config-token", "tencentcloud:region": "ap-guangzhou" });
      await (await create(host, "edgeone", { urls: urlsOf("edgeone", 1) })).created;
      const calls = vendorWires("tencent");
      assert.ok(calls.some((w) => w.action === "CreatePrefetchTask"));
      assert.deepEqual([...new Set(calls.map((w) => `${w.keyId} ${w.token} ${w.region}`))], [`${emu.credentials.tencent.secretId} config-token ap-guangzhou`]);
    });

    it("TENCENTCLOUD_SECURITY_TOKEN and TENCENTCLOUD_REGION reach the wire", async () => {
      const host = await open({ ...creds(), CDN_PREFETCH_ENDPOINT: emu.url, TENCENTCLOUD_SECURITY_TOKEN: "env-token", TENCENTCLOUD_REGION: "ap-singapore" }, {});
      await (await create(host, "edgeone", { urls: urlsOf("edgeone", 1) })).created;
      const calls = vendorWires("tencent");
      assert.ok(calls.length > 0);
      assert.deepEqual([...new Set(calls.map((w) => `${w.token} ${w.region}`))], ["env-token ap-singapore"]);
    });

    it("region input beats tencentcloud:region (X-TC-Region)", async () => {
      const host = await open({}, { ...emulatorStackConfig(emu), "tencentcloud:region": "ap-guangzhou" });
      await (await create(host, "edgeone", { urls: urlsOf("edgeone", 1), region: "ap-seoul" })).created;
      const calls = vendorWires("tencent");
      assert.ok(calls.length > 0);
      assert.deepEqual([...new Set(calls.map((w) => w.region))], ["ap-seoul"]);
    });
  });

  describe("Alibaba signature algorithm", () => {
    for (const cloud of ["alibaba-cdn", "alibaba-dcdn", "alibaba-esa"] as const) {
      it(`cdnPrefetch:alibabaSignatureAlgorithm v2 signs every call with HMAC-SHA1 (${cloud})`, async () => {
        const host = await open({}, { ...emulatorStackConfig(emu), "cdnPrefetch:alibabaSignatureAlgorithm": "v2" });
        const { properties } = await (await create(host, cloud, { urls: urlsOf(cloud, 1) })).created;
        assert.equal(properties.status, "succeeded");
        const calls = vendorWires("alibaba");
        assert.ok(calls.length >= 2, "submit and query were made");
        assert.deepEqual([...new Set(calls.map((w) => w.signature))], ["HMAC-SHA1"]);
      });
    }

    it("CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM v2 signs every call with HMAC-SHA1 (alibaba-cdn)", async () => {
      const host = await open({ ...creds(), CDN_PREFETCH_ENDPOINT: emu.url, CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM: "v2" }, {});
      await (await create(host, "alibaba-cdn", { urls: urlsOf("alibaba-cdn", 1) })).created;
      const calls = vendorWires("alibaba");
      assert.ok(calls.length >= 2);
      assert.deepEqual([...new Set(calls.map((w) => w.signature))], ["HMAC-SHA1"]);
    });

    it("without the setting every call is signed ACS3-HMAC-SHA256 (v3, the default)", async () => {
      const host = await open({}, emulatorStackConfig(emu));
      await (await create(host, "alibaba-dcdn", { urls: urlsOf("alibaba-dcdn", 1) })).created;
      const calls = vendorWires("alibaba");
      assert.ok(calls.length >= 2);
      assert.deepEqual([...new Set(calls.map((w) => w.signature))], ["ACS3-HMAC-SHA256"]);
    });
  });

  describe("request timeout", () => {
    // The first poll is held by the emulator for 15 s (a `delay` fault), below the 30 s default timeout. With a 1 s
    // timeout the provider abandons it and polls again; create then resolves while the held request is still
    // unanswered. Were the setting ignored, create could only resolve after the emulator answered the held request.
    const HELD_MS = 15_000;
    const rows: { name: string; cloud: CloudKind; env: Record<string, string>; config: Record<string, string> }[] = [
      { name: "cdnPrefetch:requestTimeoutSeconds", cloud: "edgeone", env: {}, config: { "cdnPrefetch:requestTimeoutSeconds": "1" } },
      { name: "cdnPrefetch:requestTimeoutSeconds", cloud: "alibaba-cdn", env: {}, config: { "cdnPrefetch:requestTimeoutSeconds": "1" } },
      { name: "CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS", cloud: "alibaba-esa", env: { CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS: "1" }, config: {} },
    ];
    for (const r of rows) {
      it(`${r.name}: a reply slower than the timeout is abandoned and the query retried (${r.cloud})`, async () => {
        const c = CLOUDS[r.cloud];
        await emu.control.addFaults([{ product: c.product, action: c.poll, kind: "delay", delayMs: HELD_MS, count: 1 }]);
        const host = await open(r.env, { ...emulatorStackConfig(emu), ...r.config });
        const { properties } = await (await create(host, r.cloud, { urls: urlsOf(r.cloud, 1) })).created;
        assert.equal(properties.status, "succeeded");
        const polls = wires.filter((w) => w.action === c.poll);
        assert.ok(polls.length >= 2, `the held poll was retried (${polls.length} polls)`);
        assert.equal(polls[0].answered, false, "create finished while the emulator still held the first poll: the client gave up on it");
      });
    }
  });

  describe("cloud-specific inputs", () => {
    // `count`: URLs of the resource (default 1). The plan quota is read only for a job longer than one request
    // (resources/lifecycle.ts `preflight`), so the ESA row declares 101 URLs: two submits and one quota read.
    const rows: { cloud: CloudKind; inputs: Props; submit: string; expect: RegExp[]; count?: number; also?: { action: string; expect: RegExp } }[] = [
      { cloud: "edgeone", inputs: { mode: "edge", prefetchMediaSegments: true }, submit: "CreatePrefetchTask",
        expect: [/"ZoneId":"zone-doc00001"/, /"Mode":"edge"/, /"PrefetchMediaSegments":"on"/, /"Headers":\[\{"Name":"Accept-Encoding","Value":"gzip"\}\]/] },
      { cloud: "alibaba-cdn", inputs: { area: "overseas", l2Preload: true, queryHashkey: true }, submit: "PushObjectCache",
        expect: [/Area=overseas/, /L2Preload=true/, /QueryHashkey=true/, /WithHeader=\{"Accept-Encoding":\["gzip"\]\}/, /ObjectPath=https:\/\/cdn\.example\.com\/f0\.js/] },
      { cloud: "alibaba-dcdn", inputs: { area: "domestic", l2Preload: false, queryHashkey: true }, submit: "PreloadDcdnObjectCaches",
        expect: [/Area=domestic/, /L2Preload=false/, /QueryHashkey=true/, /WithHeader=\{"Accept-Encoding":\["gzip"\]\}/] },
      { cloud: "alibaba-esa", inputs: { instanceId: "sp-xcdn-doc01" }, submit: "PreloadCaches", count: 101,
        expect: [/SiteId=9001/, /Headers=\{"Accept-Encoding":"gzip"\}/], also: { action: "ListInstanceQuotasWithUsage", expect: /InstanceId=sp-xcdn-doc01/ } },
    ];
    for (const r of rows) {
      it(`cloud-specific inputs and headers reach the vendor request (${r.cloud})`, async () => {
        const host = await open({}, emulatorStackConfig(emu));
        const count = r.count ?? 1;
        await (await create(host, r.cloud, { urls: urlsOf(r.cloud, count), headers: { "Accept-Encoding": "gzip" }, ...r.inputs })).created;
        const submits = wires.filter((w) => w.action === r.submit);
        assert.equal(submits.length, Math.ceil(count / 100));
        for (const re of r.expect) assert.match(submits[0].params, re);
        if (r.also) {
          const also = r.also;
          assert.ok(wires.some((w) => w.action === also.action && also.expect.test(w.params)), `${also.action} carries ${also.expect}`);
        }
      });
    }
  });

  describe("batching: false", () => {
    it("batching: false submits a list within the limit in one request (alibaba-cdn, 100 URLs)", async () => {
      const host = await open({}, emulatorStackConfig(emu));
      const { properties } = await (await create(host, "alibaba-cdn", { urls: urlsOf("alibaba-cdn", 100), batching: false })).created;
      assert.equal(properties.status, "succeeded");
      const stats = await emu.control.stats();
      assert.deepEqual([stats.submits.cdn, stats.submittedUrls.cdn], [1, 100]);
      assert.equal((properties.batches as unknown[]).length, 1);
    });

    it("batching: false refuses at create when the zone's Batch is smaller, and submits nothing; batching: true splits", async () => {
      await emu.control.setConfig({ quotas: { teo: { batch: 50, daily: 10_000 }, cdn: { daily: 1000 }, dcdn: { daily: 1000 }, esa: { daily: 1000 } } });
      const host = await open({}, emulatorStackConfig(emu));
      const urls = urlsOf("edgeone", 80);
      const e = await rejection((await create(host, "edgeone", { urls, batching: false }, "unbatched")).created);
      assert.match(e.details ?? e.message, /batching/);
      assert.equal((await emu.control.stats()).submits.teo, 0, "nothing was submitted");
      const { properties } = await (await create(host, "edgeone", { urls, batching: true }, "batched")).created;
      assert.equal(properties.status, "succeeded");
      assert.deepEqual((properties.batches as { urlIndexes: string }[]).map((b) => b.urlIndexes), ["0-49", "50-79"]);
      assert.deepEqual(storedRecord(properties).batches.map((b) => b.urls.length), [50, 30]);
      assert.equal((await emu.control.stats()).submits.teo, 2);
    });
  });

  describe("adoption", () => {
    for (const cloud of ALL_CLOUDS) {
      it(`adopted URLs are never resubmitted on a later update, refresh or provider-code change (${cloud})`, async () => {
        await emu.control.setClock({ mode: "manual" });
        await emu.control.setRules([{ match: "/", outcome: "success", durationMs: 5_000 }]);
        const host = await open({}, emulatorStackConfig(emu));
        const urls = urlsOf(cloud, 2, "adopt");
        const product = CLOUDS[cloud].product;
        const origin = await (await create(host, cloud, { urls, wait: false }, "origin")).created;
        const submitted = await emu.control.stats();
        assert.equal(submitted.submits[product], 1);

        const adopter = await create(host, cloud, { urls, wait: false, existingTaskIds: origin.properties.taskIds as string[] }, "adopter");
        const adopted = await adopter.created;
        assert.equal(adopted.properties.adopted, true);
        assert.deepEqual(adopted.properties.taskIds, origin.properties.taskIds);
        assert.equal((await emu.control.stats()).submits[product], 1, "adopting submits nothing");

        await emu.control.advance(10_000);
        // A short budget: the adopted task is already done, so one poll ends the wait; a resubmitted task could not
        // finish on the frozen emulator clock and would fail the update fast instead of hanging.
        const news = { ...adopter.checked, wait: true, waitTimeoutSeconds: 5, progressLabel: "adopted" };
        const diff = await host.diff(URN("adopter"), adopted.id, adopted.properties, news);
        assert.deepEqual(diff.replaces, [], "no replacement");
        const updated = await host.update(URN("adopter"), adopted.id, adopted.properties, news);
        assert.equal(updated.properties.status, "succeeded");
        assert.equal(updated.properties.adopted, true);
        assert.deepEqual(updated.properties.taskIds, origin.properties.taskIds);

        const read = await host.read(URN("adopter"), adopted.id, updated.properties, news);
        assert.equal(read.properties.status, "succeeded");
        const codeChange = await host.update(URN("adopter"), adopted.id, read.properties, { ...news, __provider: `${texts.get(cloud)}\n// v2` });
        assert.equal(codeChange.properties.adopted, true);
        const after = await emu.control.stats();
        assert.deepEqual([after.submits[product], after.submittedUrls[product]], [1, submitted.submittedUrls[product]], "still exactly the origin's submit");
      });
    }
  });

  describe("ESA history: only batch age decides \"gone\"", () => {
    it("ESA refresh: an aged-out batch keeps its last known results and is not queried; the live batch keeps being refreshed", async () => {
      const cloud = "alibaba-esa";
      await emu.control.setClock({ mode: "manual" });
      await emu.control.setRules([
        { match: "/old.png", outcome: "failed", durationMs: 1_000 },
        { match: "/live.png", outcome: "success", durationMs: 10_000 },
      ]);
      const host = await open({}, emulatorStackConfig(emu));
      const old = `${CLOUDS[cloud].base}/old.png`;
      const live = `${CLOUDS[cloud].base}/live.png`;
      // The site also has a fresh task for the old URL (failing): were the old batch matched against the live window,
      // its stored result would change.
      await (await create(host, cloud, { urls: [old], wait: false }, "other")).created;
      const fresh = await (await create(host, cloud, { urls: [live], wait: false }, "mixed")).created;
      const freshRecord = storedRecord(fresh.properties);
      const liveBatch = freshRecord.batches[0];
      const agedAt = new Date(Date.parse(liveBatch.submittedAt) - 4 * DAY_MS).toISOString();
      const oldResult = { url: old, status: "succeeded", progress: 100, reason: null, taskId: "esa-aged-1" };
      // Stored in the layout of earlier versions (every list spelled out), which this version reads as well.
      const { unsubmittedIndexes: _, ...freshOutputs } = fresh.properties;
      const stored: Props = {
        ...freshOutputs, urls: [old, live], urlCount: 2, taskIds: ["esa-aged-1", ...liveBatch.taskIds],
        batches: [{ taskIds: ["esa-aged-1"], urls: [old], submittedAt: agedAt }, liveBatch], unsubmittedUrls: [], uncertainBatches: [],
        results: [oldResult, ...freshRecord.results], submittedAt: agedAt, finishedAt: null, verifiedAt: agedAt,
      };
      const inputs = { ...stored };
      const queries = () => wires.filter((w) => w.action === "DescribePreloadTasks");

      await emu.control.advance(3_000);
      const before = queries().length;
      const first = await host.read(URN("mixed"), fresh.id, stored, inputs);
      assert.ok(queries().length > before, "the live batch is queried");
      const windowStart = (w: Wire) => Date.parse(/StartTime=([^&\n]+)/.exec(w.params)?.[1] ?? "");
      const liveAt = Date.parse(liveBatch.submittedAt);
      assert.ok(queries().slice(before).every((w) => windowStart(w) >= liveAt - 3_600_000), "the query window is the live batch's, not the aged-out one's");
      const r1 = storedResults(first.properties);
      assert.deepEqual(r1[0], oldResult, "the aged-out batch keeps its last known result");
      assert.equal(r1[1].status, "running");

      await emu.control.advance(10_000);
      const mid = queries().length;
      const second = await host.read(URN("mixed"), fresh.id, first.properties, inputs);
      assert.ok(queries().length > mid, "the live batch is still queried on the next refresh");
      const r2 = storedResults(second.properties);
      assert.deepEqual(r2[0], oldResult, "still the last known result");
      assert.equal(r2[1].status, "succeeded", "the live batch's URL is refreshed to its final state");
      assert.equal(second.properties.status, "succeeded");
      assert.equal(second.properties.pendingCount, 0);
    });
  });
});

describe("connection resolution (in-process): every documented config key and environment variable is read", () => {
  /** A provider whose adapter records the connection it was built with and finishes every URL at once. */
  async function connectionFor(cloud: CloudKind, config: Record<string, string>, env: Record<string, string>, inputs: Props = {}): Promise<Connection> {
    let seen: Connection | null = null;
    const adapter = (c: CloudKind): PrefetchAdapter => ({
      cloud: c, limits: { urlsPerRequest: 100, historyDays: 3, pollInitialMs: 1, pollMaxMs: 1 },
      submit: async (_s, urls) => ({ taskIds: [`t-${urls.length}`], rejected: [] }),
      query: async (_s, batches) => ({ observations: batches.flatMap((b) => b.urls.map((url) => ({ url, status: "succeeded" as const, progress: 100, reason: null, taskId: b.taskIds[0] }))), historyUnavailable: false }),
      quota: async () => null,
      findTasks: async () => [],
    });
    let t = Date.parse("2026-11-23T00:00:00Z");
    const clock = { now: () => t, sleep: async (ms: number) => void (t += ms) };
    const provider = new PrefetchProvider(cloud, { clock, env, log: () => undefined, createAdapter: (c, conn) => { seen = conn; return adapter(c); } });
    await provider.configure({ config: { get: (k: string) => config[k] } });
    const scope = CLOUDS[cloud].scope;
    await provider.create({ ...scope, urls: [`${CLOUDS[cloud].base}/a.js`], ...inputs });
    assert.ok(seen, "the adapter was built");
    return seen;
  }

  const TC = { TENCENTCLOUD_SECRET_ID: "env-id", TENCENTCLOUD_SECRET_KEY: "env-key" };
  const ALI = { ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" };

  it("Tencent: config keys", async () => {
    const c = await connectionFor("edgeone", { "tencentcloud:secretId": "cfg-id", "tencentcloud:secretKey": "cfg-key", "tencentcloud:securityToken": "cfg-tok",
      "tencentcloud:region": "ap-guangzhou", "cdnPrefetch:tencentEndpoint": "http://127.0.0.1:7", "cdnPrefetch:requestTimeoutSeconds": "7" }, TC);
    assert.deepEqual(c.credentials, { accessKeyId: "cfg-id", accessKeySecret: "cfg-key", securityToken: "cfg-tok" });
    assert.deepEqual([c.region, c.endpoint, c.requestTimeoutMs], ["ap-guangzhou", "http://127.0.0.1:7", 7000]);
  });

  it("Tencent: environment variables", async () => {
    const c = await connectionFor("edgeone", {}, { ...TC, TENCENTCLOUD_SECURITY_TOKEN: "env-tok", TENCENTCLOUD_REGION: "ap-singapore",
      CDN_PREFETCH_TENCENT_ENDPOINT: "http://127.0.0.1:8", CDN_PREFETCH_ENDPOINT: "http://127.0.0.1:9", CDN_PREFETCH_REQUEST_TIMEOUT_SECONDS: "8" });
    assert.deepEqual(c.credentials, { accessKeyId: "env-id", accessKeySecret: "env-key", securityToken: "env-tok" });
    assert.deepEqual([c.region, c.endpoint, c.requestTimeoutMs], ["ap-singapore", "http://127.0.0.1:8", 8000]);
    const shared = await connectionFor("edgeone", {}, { ...TC, CDN_PREFETCH_ENDPOINT: "http://127.0.0.1:9" });
    assert.equal(shared.endpoint, "http://127.0.0.1:9");
    assert.equal(shared.requestTimeoutMs, 30_000, "documented default: 30 s");
  });

  it("Alibaba: config keys", async () => {
    const c = await connectionFor("alibaba-cdn", { "alicloud:accessKey": "cfg-id", "alicloud:secretKey": "cfg-secret", "alicloud:securityToken": "cfg-tok",
      "alicloud:region": "ap-southeast-1", "cdnPrefetch:alibabaEndpoint": "http://127.0.0.1:7", "cdnPrefetch:alibabaSignatureAlgorithm": "v2" }, ALI);
    assert.deepEqual(c.credentials, { accessKeyId: "cfg-id", accessKeySecret: "cfg-secret", securityToken: "cfg-tok" });
    assert.deepEqual([c.region, c.endpoint, c.signatureAlgorithm], ["ap-southeast-1", "http://127.0.0.1:7", "v2"]);
  });

  it("Alibaba: ALIBABA_CLOUD_* environment variables", async () => {
    const c = await connectionFor("alibaba-dcdn", {}, { ...ALI, ALIBABA_CLOUD_SECURITY_TOKEN: "env-tok", ALIBABA_CLOUD_REGION: "eu-central-1",
      CDN_PREFETCH_ALIBABA_ENDPOINT: "http://127.0.0.1:8", CDN_PREFETCH_ALIBABA_SIGNATURE_ALGORITHM: "v2" });
    assert.deepEqual(c.credentials, { accessKeyId: "env-id", accessKeySecret: "env-secret", securityToken: "env-tok" });
    assert.deepEqual([c.region, c.endpoint, c.signatureAlgorithm], ["eu-central-1", "http://127.0.0.1:8", "v2"]);
  });

  it("Alibaba: ALICLOUD_* aliases", async () => {
    const c = await connectionFor("alibaba-esa", {}, { ALICLOUD_ACCESS_KEY: "alias-id", ALICLOUD_SECRET_KEY: "alias-secret",
      ALICLOUD_SECURITY_TOKEN: "alias-tok", ALICLOUD_REGION: "ap-southeast-1" });
    assert.deepEqual(c.credentials, { accessKeyId: "alias-id", accessKeySecret: "alias-secret", securityToken: "alias-tok" });
    assert.equal(c.region, "ap-southeast-1");
    assert.equal(c.signatureAlgorithm, "v3", "documented default");
  });

  it("resource inputs endpoint and region win over config and environment", async () => {
    const c = await connectionFor("alibaba-cdn", { "alicloud:region": "cn-shanghai", "cdnPrefetch:endpoint": "http://127.0.0.1:7" },
      { ...ALI, ALIBABA_CLOUD_REGION: "cn-beijing", CDN_PREFETCH_ENDPOINT: "http://127.0.0.1:8" }, { endpoint: "http://127.0.0.1:9", region: "ap-southeast-1" });
    assert.deepEqual([c.region, c.endpoint], ["ap-southeast-1", "http://127.0.0.1:9"]);
  });
});
