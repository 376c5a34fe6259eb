/**
 * The contract every cloud adapter implements. An adapter is the only code that touches a vendor SDK; it speaks the
 * normalized model (`provider/model`) to the rest of the provider and throws only {@link CloudError}s.
 */
import type { CloudKind } from "../model/cloud";
import type { PurgeMethod } from "../model/purge";
import type { PrefetchSpec } from "../model/spec";
import type { FoundTask, QueryResult, QuotaInfo, SubmitResult, SubmittedBatch } from "../model/task";
import type { Clock } from "../engine/clock";
import type { CredentialSource } from "./credentials/source";
import type { QuotaRead } from "./quota-memory";

/** Access key pair (Alibaba AccessKey / Tencent SecretId+SecretKey) plus optional STS token. */
export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string | null;
}

/** How to reach a cloud: credentials, region and an optional endpoint override (e.g. the emulator). */
export interface Connection {
  credentials: Credentials;
  /**
   * Credentials the vendor's provider renews (profile, assumed role, OIDC, instance role, default chain:
   * adapters/credentials). When set, the clients use it instead of the key pair, and `credentials.accessKeyId` holds
   * only its non-secret account key (`accountKey`) for per-account memory.
   */
  credentialSource?: CredentialSource;
  /** Vendor region, e.g. `ap-guangzhou` or `cn-hangzhou`; may be empty for global APIs. */
  region: string;
  /**
   * Endpoint override: `http://127.0.0.1:8080`, `https://teo.intl.tencentcloudapi.com` or a bare `host[:port]`
   * (https assumed). Null: the vendor's default endpoint for the region.
   */
  endpoint: string | null;
  /** Connect and read timeout for one HTTP call, ms. */
  requestTimeoutMs: number;
  /** Alibaba only: `v3` (ACS3-HMAC-SHA256, the SDK default) or `v2` (RPC HMAC-SHA1). */
  signatureAlgorithm: "v3" | "v2";
  /**
   * Tencent only: the root domain of the API hosts, `tencentcloudapi.com` (China site) or `intl.tencentcloudapi.com`
   * (international site); the TEO host is `teo.<domain>`. Null: `tencentcloudapi.com`. Named after the tencentcloud
   * provider's `domain` setting (`tencentcloud:domain`, `TENCENTCLOUD_DOMAIN`). An `endpoint` override wins.
   */
  tencentDomain: string | null;
  /**
   * Alibaba only: which site the account belongs to, `Domestic` (China) or `International`, as the alicloud provider's
   * `account_type` (`alicloud:accountType`, `ALIBABA_CLOUD_ACCOUNT_TYPE`). It picks the ESA host; null: from the region.
   * An `endpoint` override wins.
   */
  alibabaAccountType: AlibabaAccountType | null;
  /**
   * Alibaba CDN only: read per-URL detail with the allow-listed `DescribePreloadDetailById` as an enrichment
   * (`cdnPrefetch:alibabaPreloadDetail`, `CDN_PREFETCH_ALIBABA_PRELOAD_DETAIL`); false by default.
   */
  alibabaPreloadDetail: boolean;
  /**
   * The share (0 < share ≤ 1) of each documented per-account API rate this provider's calls may use, all resources of
   * the host process together (`cdnPrefetch:apiRateShare`, `CDN_PREFETCH_API_RATE_SHARE`; adapters/rate-gate.ts).
   * Absent: `DEFAULT_API_RATE_SHARE` (0.5).
   */
  apiRateShare?: number;
}

/** The alicloud provider's account types (its `account_type` argument accepts exactly these, case-insensitively). */
export type AlibabaAccountType = "Domestic" | "International";

/** Fixed vendor limits and polling defaults an adapter declares (each with a source link in the adapter). */
export interface AdapterLimits {
  /** Most URLs one submit call may carry. */
  urlsPerRequest: number;
  /** How far back the query API can see, in days. */
  historyDays: number;
  /**
   * Pause between reconciliation passes while an uncertain submit waits for the visibility grace, ms
   * (`pollIntervalSeconds` overrides it). Status polls follow the schedule (engine/schedule.ts) instead.
   */
  pollInitialMs: number;
  /** Largest delay between status polls (the schedule's cap), ms. */
  pollMaxMs: number;
}

/**
 * Status rounds shared by every waiting resource of one account and scope (the host process's shared poller,
 * engine/poll-hub.ts, provider/resources/pollers.ts). A request is one resource's batches that still have URLs to
 * watch.
 */
export interface PollRounds {
  /**
   * Which resources may share rounds: the account (access key id and endpoint) and the query's scope (EdgeOne zone,
   * ESA site; CDN/DCDN the account). Resources with the same key get the same answers to the same requests.
   */
  scope(spec: PrefetchSpec): string;
  /** API calls one round over these requests is expected to make (the poller adds a resource when this does not grow). */
  cost(spec: PrefetchSpec, requests: SubmittedBatch[][]): number;
  /**
   * One coalesced round: result i holds what `query(spec, requests[i])` would report for request i — attributed by
   * task id (EdgeOne job, Alibaba task) or by each request's own matching rules, never by URL alone (two resources may
   * hold the same URL in different tasks).
   */
  query(spec: PrefetchSpec, requests: SubmittedBatch[][]): Promise<QueryResult[]>;
}

/**
 * One cloud's URL purge API, normalized (issue 11, `purgeFirst`): EdgeOne `CreatePurgeTask` (`Type: purge_url`) +
 * `DescribePurgeTasks`, CDN `RefreshObjectCaches` / DCDN `RefreshDcdnObjectCaches` (`ObjectType: File`) + their
 * `Describe*RefreshTaskById` and `Describe*RefreshTasks`, ESA `PurgeCaches` (`Type: file`) + `DescribePurgeTasks`. Calls
 * go through the product's client wrapper like the prefetch calls (rate tokens, {@link CloudError} classification), so
 * the purge phase runs through the same machinery as prefetch: journalled submits, uncertain batches reconciled with
 * {@link PurgeAdapter.findTasks}, waits on {@link PurgeAdapter.query}.
 */
export interface PurgeAdapter {
  /** Most URLs one purge request may carry when the cloud does not tell better (`quota().perRequest` does). */
  readonly urlsPerRequest: number;
  /**
   * Submits one purge request of at most `urlsPerRequest` URLs with `method`. Throws a CloudError when the whole request
   * is refused (a request too large: kind `quota`, detail `batchLimit`; the daily purge quota: kind `quota`); URLs
   * refused individually (EdgeOne `FailedList`) come back in `rejected`. An accepted submit lowers the remembered purge
   * quota by the URLs it accepted; a failed one forgets it.
   */
  submit(spec: PrefetchSpec, urls: string[], method: PurgeMethod): Promise<SubmitResult>;
  /**
   * Reads the purge tasks of the batches (by their task ids). URLs the cloud does not show are left out of
   * `observations` (not visible yet, or no longer): never proof that a purge is gone or done.
   */
  query(spec: PrefetchSpec, batches: SubmittedBatch[]): Promise<QueryResult>;
  /**
   * Reads the URL purge quota, or null when the cloud has no quota API for this spec. Remembered like the prefetch quota
   * (adapters/quota-memory.ts semantics: shared in flight, reused for the TTL, lowered by accepted purge submits;
   * `how.fresh` asks the cloud, `how.rememberedOnly` never calls), under a key distinct from the prefetch quota
   * (adapters/purge-quota.ts).
   */
  quota(spec: PrefetchSpec, how?: QuotaRead): Promise<QuotaInfo | null>;
  /**
   * Reconciliation of uncertain purge submits: the PURGE tasks the cloud lists for `urls` (submitted forms) created at
   * or after `sinceMs`, with the margin and clock-skew rules of {@link PrefetchAdapter.findTasks} (never a task created
   * before `sinceMs - margin`), newest first, several per URL possible. Prefetch tasks of the same URLs are never
   * reported. Uses the list APIs: EdgeOne `DescribePurgeTasks` (time range, `target` and `type: purge_url` filters), CDN
   * `DescribeRefreshTasks` / DCDN `DescribeDcdnRefreshTasks` (`ObjectType: file`, `ObjectPath`), ESA
   * `DescribePurgeTasks` (`Type: file`, `Content`). A URL absent from the answer proves nothing.
   */
  findTasks(spec: PrefetchSpec, urls: string[], sinceMs: number): Promise<FoundTask[]>;
}

/** One cloud's prefetch API, normalized. */
export interface PrefetchAdapter {
  readonly cloud: CloudKind;
  readonly limits: AdapterLimits;
  /**
   * Submits one request's worth of URLs (at most `limits.urlsPerRequest`). Throws a CloudError when the whole
   * request is refused; URLs refused individually come back in `rejected`.
   */
  submit(spec: PrefetchSpec, urls: string[]): Promise<SubmitResult>;
  /**
   * Reads the current state of the URLs of the given batches. URLs the cloud does not show are left out of
   * `observations`; `historyUnavailable` says the cloud can no longer see the batches at all.
   */
  query(spec: PrefetchSpec, batches: SubmittedBatch[]): Promise<QueryResult>;
  /**
   * Reads the prefetch quota, or null when the cloud has no quota API for this spec. The figure is shared by the
   * resources of the process for a short time (adapters/quota-memory.ts); `how` asks for a fresh one, or for a
   * remembered one only (null when none is at hand: no call).
   */
  quota(spec: PrefetchSpec, how?: QuotaRead): Promise<QuotaInfo | null>;
  /**
   * Reconciliation: the prefetch tasks the cloud lists for `urls` (submitted forms) created at or after `sinceMs`
   * (the adapter widens the window by its clock-skew margin and never reports a task created before
   * `sinceMs - margin`). Uses the list APIs: EdgeOne `DescribePrefetchTasks` (time range + `target` filter), CDN
   * `DescribeRefreshTasks` (`ObjectPath`, `ObjectType=preload`), DCDN `DescribeDcdnRefreshTasks`, ESA
   * `DescribePreloadTasks` (`Content`). Several tasks per URL may come back (newest first). A URL absent from the
   * answer is not proof that it was never accepted: the caller decides with the visibility grace.
   */
  findTasks(spec: PrefetchSpec, urls: string[], sinceMs: number): Promise<FoundTask[]>;
  /**
   * Shared status rounds for waits. Optional: a resource whose adapter has none polls alone, one `query` per round
   * (test doubles); every cloud adapter has them.
   */
  readonly rounds?: PollRounds;
  /** The cloud's URL purge API (issue 11). Optional: test doubles have none; every cloud adapter has one. */
  readonly purge?: PurgeAdapter;
}

/** Builds an adapter for a connection; the clock is used for query time windows and retry delays. */
export type AdapterFactory = (connection: Connection, clock: Clock) => PrefetchAdapter;
