/**
 * ESA `PreloadCaches` (cloud-apis.md §A.3): `SiteId`, `Content` (a JSON array of full URLs in one parameter) and
 * `Headers` (a JSON object of strings). Returns ONE `TaskId` string per request (the SDK type; a zh doc example shows
 * a JSON number).
 *
 * Emulator choices where the vendor is silent (§A.3 "[unverified]"): `SiteId` is required (`MissingParameter`); at most
 * 100 URLs per request (`InvalidParameter`, as for CDN); over the daily quota → `QuotaExceeded.Preload`, as for CDN.
 */
import type { ActionDef, Call } from "./action";
import { acceptUrls, checkQuota } from "./accept";
import { invalidParameter, missingParameter } from "./errors";
import { checkEsaRecord, esaSiteHosts } from "./restrictions";
import { MAX_URLS_PER_REQUEST, parseFullUrl, type SubmittedUrl } from "./urls";

/** A `SiteId` parameter: digits only. */
export function siteIdOf(call: Call, required: boolean): string | undefined {
  const raw = required ? call.params.required("SiteId") : call.params.str("SiteId");
  if (raw !== undefined && !/^\d{1,20}$/.test(raw)) throw invalidParameter("SiteId");
  return raw;
}

function contentOf(call: Call): SubmittedUrl[] {
  const content = call.params.json("Content");
  if (content === undefined) throw missingParameter("Content");
  if (!Array.isArray(content) || !content.every((u) => typeof u === "string")) {
    throw invalidParameter("Content", "It must be a JSON array of URL strings.");
  }
  if (content.length === 0) throw missingParameter("Content");
  if (content.length > MAX_URLS_PER_REQUEST) throw invalidParameter("Content", `A maximum of ${MAX_URLS_PER_REQUEST} URLs can be submitted in one request.`);
  return (content as string[]).map(parseFullUrl);
}

function checkHeaders(call: Call): void {
  const headers = call.params.json("Headers");
  if (headers === undefined) return;
  const ok = typeof headers === "object" && headers !== null && !Array.isArray(headers) && Object.values(headers).every((v) => typeof v === "string");
  if (!ok) throw invalidParameter("Headers", 'It must be a JSON object of header name to value, e.g. {"Accept-Encoding":"gzip"}.');
}

/** The ESA PreloadCaches action. */
export function preloadCachesAction(): ActionDef {
  return {
    kind: "submit",
    run(call) {
      const siteId = siteIdOf(call, true) as string;
      const urls = contentOf(call);
      checkHeaders(call);
      const hostnames = esaSiteHosts(call.ctx.config, siteId);
      for (const u of urls) checkEsaRecord(hostnames, u.domain);
      checkQuota(call, "esa", urls.length);
      const taskId = call.state.ids.fresh();
      acceptUrls(call, "esa", urls, () => taskId, siteId);
      return { body: { TaskId: taskId }, urls: urls.length };
    },
  };
}
