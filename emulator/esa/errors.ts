/**
 * ESA error codes with their HTTP status, message and source (gateway codes: ../alibaba/errors.ts): the seed 001
 * table of DescribePreloadTasks (copy-pasted on the PreloadCaches zh page, cloud-apis.md §A.3), the site codes, and
 * the emulator's choices where ESA's pages are silent (each says so).
 */
import { documented, type ErrorTable } from "../alibaba/errors";
import { LIST_ERRORS, LIST_PARAMETER_ERRORS } from "../alibaba/listing";
import { REFRESH_SUBMIT_ERRORS } from "../alibaba/refresh-submit";

/** The ESA error table. */
export const ESA_ERRORS: ErrorTable = {
  // PurgeCaches over its quota: ESA documents no code; the CDN/DCDN refresh code is the default of the variant
  // esa.purgeQuotaExceededCode (esa/purge.ts).
  ...REFRESH_SUBMIT_ERRORS,
  ...LIST_PARAMETER_ERRORS,
  ...LIST_ERRORS,
  ...documented("seed 001 (DescribePreloadTasks) error table", {
    "InvalidStationParameter": [400, "The specified Station is invalid."],
    "TooManyRequests": [400, "Too many requests.Please try again later."],
    "InvalidParameters.InvalidUrls": [400, "The specified urls are invalid."],
  }),
  ...documented("cloud-apis.md §A.3 (PreloadCaches: the URL host must be a proxied record of the site)", {
    "InvalidParameter.RecordNotBelongToSite": [400, "The record does not belong to the site."],
  }),
  ...documented("https://help.aliyun.com/zh/edge-security-acceleration/esa/api-esa-2024-09-10-deletesite (ESA site error table)", {
    "Site.ServiceBusy": [400, "This website is being configured. Try again later."],
  }),
  // The code is the one the vendor's Terraform provider treats as "site not found" for ESA site calls
  // (aliyun/terraform-provider-alicloud, alicloud/service_alicloud_esa_v2.go); status and message are the emulator's.
  ...documented("aliyun/terraform-provider-alicloud alicloud/service_alicloud_esa_v2.go (code); status and message: emulator choice", {
    "SiteNotFound": [404, "The specified site does not exist."],
  }),
  // ESA documents no quota or throttling code for prefetch (§A.3, §D.3): the CDN/DCDN ones are used.
  ...documented("emulator choice: the CDN/DCDN codes (cloud-apis.md §A.1); ESA documents none for prefetch", {
    "QuotaExceeded.Preload": [400, "Your refresh attempts have exceeded the daily limit."],
    "Throttling": [503, "Request was denied due to request throttling."],
  }),
  // The other quota codes of the `esa.quotaExceededCode` variant: names and messages are the emulator's.
  ...documented("emulator choice (variant esa.quotaExceededCode): ESA documents no prefetch quota code", {
    "Preload.QuotaExceeded": [400, "The prefetch quota of the plan is used up."],
  }),
  // The other code of the `esa.purgeQuotaExceededCode` variant: name and message are the emulator's.
  ...documented("emulator choice (variant esa.purgeQuotaExceededCode): ESA documents no purge quota code", {
    "Purge.QuotaExceeded": [400, "The purge quota of the plan is used up."],
  }),
};
