/**
 * Requests the official Alibaba SDKs sent to a local server (cdn20180510 5.0.0, dcdn20180115 2.5.0, esa20240910 2.43.0),
 * copied from the project reference capture (cloud-apis.md §B.2, "sdk-wire-capture.json"). Credentials: AccessKey id
 * `AKID`, secret `SECRET`; every request was signed at 2026-11-23T00:18:26Z. Bodies were empty.
 */

/** One captured request. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** Secret the capture was signed with. */
export const CAPTURE_SECRET = "SECRET";
/** Signing time of every captured request. */
export const CAPTURE_TIME = Date.parse("2026-11-23T00:18:26Z");

/** The captured requests by scenario. */
export const CAPTURED: Record<string, CapturedRequest> = {
  "cdn_push_v3": {
    "method": "POST",
    "url": "/?Area=domestic&L2Preload=true&ObjectPath=example.com%2Fa%20b.png%0Aexample.com%2F(x)*!%27.js&WithHeader=%7B%22Accept-Encoding%22%3A%5B%22gzip%22%5D%7D",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2018-05-10",
      "x-acs-action": "PushObjectCache",
      "x-acs-date": "2026-11-23T00:18:26Z",
      "x-acs-signature-nonce": "7bc1a8dd17ae7649569108c6f3b4742bfdd150b244072bb0c47dbffec488167f",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "x-acs-credentials-provider": "static_ak",
      "authorization": "ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=d3717be58e3ef19ae45d18accfb70973edf052b8245efb3c8affd3935da2ca48",
      "content-length": "0"
    }
  },
  "cdn_push_v2": {
    "method": "POST",
    "url": "/?Action=PushObjectCache&Format=json&Version=2018-05-10&Timestamp=2026-11-23T00%3A18%3A26Z&SignatureNonce=49e2d61e0054e1ca6388dd3d9587872875b46382c4d220987ef49fdbe1c28fa4&Area=domestic&ObjectPath=example.com%2Fa%20b.png%0Aexample.com%2F(x)*!%27.js&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=AKID&Signature=CS592EwOL%2BwSlr%2FQF7XhZFjMIKQ%3D",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2018-05-10",
      "x-acs-action": "PushObjectCache",
      "x-acs-credentials-provider": "static_ak",
      "content-length": "0"
    }
  },
  "dcdn_preload_v3": {
    "method": "POST",
    "url": "/?Area=overseas&ObjectPath=example.com%2Fa.png",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2018-01-15",
      "x-acs-action": "PreloadDcdnObjectCaches",
      "x-acs-date": "2026-11-23T00:18:26Z",
      "x-acs-signature-nonce": "dc1dc826715258d4bde381f0360b8bc8",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "x-acs-credentials-provider": "static_ak",
      "authorization": "ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=57c63fda0aa9bec670ae40e136adc8479098623b3f36bf1317bc43d57b5f9135",
      "content-length": "0"
    }
  },
  "dcdn_preload_v2": {
    "method": "POST",
    "url": "/?Action=PreloadDcdnObjectCaches&Format=json&Version=2018-01-15&Timestamp=2026-11-23T00%3A18%3A26Z&SignatureNonce=0d91aff2239b142054fbe4932f1e062e&ObjectPath=example.com%2Fa.png&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=AKID&Signature=u%2BTqxfGE0lazfndXhOVjpzE9wKg%3D",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2018-01-15",
      "x-acs-action": "PreloadDcdnObjectCaches",
      "x-acs-credentials-provider": "static_ak",
      "content-length": "0"
    }
  },
  "esa_preload_v3": {
    "method": "POST",
    "url": "/?Content=%5B%22http%3A%2F%2Fa.com%2F1.jpg%3Fb%3D2%22%2C%22http%3A%2F%2Fa.com%2F2.jpg%22%5D&Headers=%7B%22Accept-Encoding%22%3A%22gzip%22%7D&SiteId=12345",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2024-09-10",
      "x-acs-action": "PreloadCaches",
      "x-acs-date": "2026-11-23T00:18:26Z",
      "x-acs-signature-nonce": "7a34696bb83ac282e9cd202ec075c498935bc468bb694348b5a2207297349aeb",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "x-acs-credentials-provider": "static_ak",
      "authorization": "ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=1d0bae8ad54739620ed77a2051500ac7b8d4bf578da345a4aa6e07e7b8188842",
      "content-length": "0"
    }
  },
  "esa_describe_v3": {
    "method": "GET",
    "url": "/?EndTime=2023-03-23T06%3A23%3A00Z&PageSize=50&SiteId=12345&StartTime=2023-03-22T17%3A00%3A00Z",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2024-09-10",
      "x-acs-action": "DescribePreloadTasks",
      "x-acs-date": "2026-11-23T00:18:26Z",
      "x-acs-signature-nonce": "19292b1df2415ecd9ab7f7c4144297877dd7e42526a96d8d6926a2767a78c1e8",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "x-acs-credentials-provider": "static_ak",
      "authorization": "ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=65db5486b1b0bb510a9fe08c971d88b3c26f16ca79d73a612b50ff65f4df133d"
    }
  },
  "cdn_err_v3": {
    "method": "POST",
    "url": "/?TaskId=1%2C2",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2018-05-10",
      "x-acs-action": "DescribeRefreshTaskById",
      "x-acs-date": "2026-11-23T00:18:26Z",
      "x-acs-signature-nonce": "b51c6688dc6a29b0fb79bb8ef772f6eb856bc7a35a96121a8a30f8f3e77b5be5",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "x-acs-credentials-provider": "static_ak",
      "authorization": "ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=70a1096ab32dfcf115cadbc1e5d12f0271927425755b4584f5a07ed29c06cd0e",
      "content-length": "0"
    }
  },
  "dcdn_err_v3": {
    "method": "POST",
    "url": "/?TaskId=1",
    "headers": {
      "host": "127.0.0.1:42195",
      "x-acs-version": "2018-01-15",
      "x-acs-action": "DescribeDcdnRefreshTaskById",
      "x-acs-date": "2026-11-23T00:18:26Z",
      "x-acs-signature-nonce": "f65171d0be6d7bfea2c80443692e74b3",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "x-acs-credentials-provider": "static_ak",
      "authorization": "ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=9296ac6540bd7478188a09e3743ec56433b06a7adf04a3b22556585b0c3a7612",
      "content-length": "0"
    }
  }
};
