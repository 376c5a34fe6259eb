/**
 * DCDN error codes with their documented HTTP status, message and source (gateway codes: ../alibaba/errors.ts): the
 * submit table it shares with CDN (cloud-apis.md §A.2 "Errors: the same table as A.1"), the list-page codes, and the
 * codes of DescribeDcdnRefreshTaskById (seed 002).
 */
import { documented, type ErrorTable } from "../alibaba/errors";
import { LIST_ERRORS, LIST_PARAMETER_ERRORS } from "../alibaba/listing";
import { PRELOAD_SUBMIT_ERRORS } from "../alibaba/preload-submit";
import { REFRESH_SUBMIT_ERRORS } from "../alibaba/refresh-submit";

/** The DCDN error table. */
export const DCDN_ERRORS: ErrorTable = {
  ...PRELOAD_SUBMIT_ERRORS,
  ...REFRESH_SUBMIT_ERRORS,
  ...LIST_PARAMETER_ERRORS,
  ...LIST_ERRORS,
  ...documented("seed 002 (DescribeDcdnRefreshTaskById) error table", {
    "InvalidParameters": [400, "The specified parameters are invalid."],
    "InvalidTaskId.Malformed": [400, "The specified TaskId is invalid."],
    "InvalidTaskId": [400, "The maximum number of taskIds is 10."],
    "InvalidTime": [400, "The query time cannot exceed the last 3 days."],
    "TooManyRequests": [429, "The server is busy. Please try again later."],
  }),
};
