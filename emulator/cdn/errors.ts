/**
 * CDN error codes with their documented HTTP status, message and source (gateway codes: ../alibaba/errors.ts): the
 * submit table it shares with DCDN, the list-page codes, and the codes of its query pages.
 */
import { documented, type ErrorTable } from "../alibaba/errors";
import { LIST_ERRORS, LIST_PARAMETER_ERRORS } from "../alibaba/listing";
import { PRELOAD_SUBMIT_ERRORS } from "../alibaba/preload-submit";
import { REFRESH_SUBMIT_ERRORS } from "../alibaba/refresh-submit";

/** The CDN error table. */
export const CDN_ERRORS: ErrorTable = {
  ...PRELOAD_SUBMIT_ERRORS,
  ...REFRESH_SUBMIT_ERRORS,
  ...LIST_PARAMETER_ERRORS,
  ...LIST_ERRORS,
  ...documented("seed 000 (DescribePreloadDetailById) error table; DescribeRefreshTaskById per cloud-apis.md §A.1", {
    "InvalidTaskId.Malformed": [400, "The specified TaskId is invalid."],
    "InvalidTaskId": [400, "The maximum number of taskIds is 10."],
    "InvalidParameters": [400, "The parameters you provided are invalid."],
    "InvalidTime": [400, "The query time cannot exceed the last 3 days."],
    "TooManyRequests": [429, "Too many requests, please try again later"],
  }),
};
