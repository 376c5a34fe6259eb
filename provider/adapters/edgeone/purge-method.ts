/**
 * EdgeOne `Method` on URL purges (ledger PG-1): teo_models.d.ts `CreatePurgeTaskRequest.Method` says the method "is
 * effective for directory, Hostname and purge-all purges" (针对目录刷新、Hostname 刷新以及刷新全部缓存类型有效) and
 * nothing about `purge_url`. The adapter sends the method the user chose; whether a URL purge honours it, ignores it
 * (emulator variant `purge.urlMethod`) or refuses it as a bad parameter (variant `teo.purgeUrlMethod`) is undocumented.
 *
 * A refusal proves nothing was accepted (a business error reply), so the same targets are sent once more without
 * `Method`: the URL purge then does what the zone does by default. The account's refusal is remembered
 * (adapters/memory.ts) for {@link METHOD_REFUSAL_TTL_MS}, so the next purges skip the refused call.
 */
import { isCloudError } from "../../model/errors";
import type { PurgeMethod } from "../../model/purge";
import type { EdgeOneSpec } from "../../model/spec";
import { recall, remember } from "../memory";
import type { CreatePurgeTaskRequest, CreatePurgeTaskResponse, TeoApi, TeoPurgeApi } from "./client";
import { PURGE_URL_TYPE } from "./limits";

/** The memory.ts fact: this account's URL purges refuse a `Method`. */
const METHOD_REFUSED_FACT = "teo.purgeUrlMethodRefused";

/**
 * How long a refused `Method` is remembered: an hour, the whole of an ordinary `pulumi up`; after it, one purge tries
 * the method again (the service may start honouring it), at the cost of one refused call.
 */
export const METHOD_REFUSAL_TTL_MS = 3_600_000;

/**
 * The codes a refused parameter gets: `InvalidParameter.ParameterError`, the one generic parameter code CreatePurgeTask
 * lists (TencentCloud/tencentcloud-sdk-go `tencentcloud/teo/v20220901/client.go`), and the common parameter codes
 * (cloud-apis.md §D.2: `InvalidParameter`, `InvalidParameterValue`, `UnknownParameter`). Codes that name another cause
 * (`InvalidParameter.Target`, `.DomainNotFound`, …) are not a refused method.
 */
const PARAMETER_CODES = ["InvalidParameter.ParameterError", "InvalidParameter", "InvalidParameterValue", "UnknownParameter"];

/** True when an error may be the refusal of `Method` on a URL purge. */
export function mayRefuseMethod(e: unknown): boolean {
  return isCloudError(e) && e.kind === "invalid" && e.detail === null && PARAMETER_CODES.includes(e.code);
}

/** The request of one URL purge; `method` null leaves `Method` out (the zone's default applies). */
export function createPurgeRequest(spec: EdgeOneSpec, urls: readonly string[], method: PurgeMethod | null): CreatePurgeTaskRequest {
  const req: CreatePurgeTaskRequest = { ZoneId: spec.zoneId, Type: PURGE_URL_TYPE, Targets: [...urls] };
  if (method !== null) req.Method = method;
  return req;
}

/**
 * One `CreatePurgeTask` of `urls` with `method`; when the account refuses the method (remembered, or refused now with a
 * parameter code), without it. Any other error, and the error of the call without the method, is thrown as it is.
 */
export async function createUrlPurge(api: TeoApi & TeoPurgeApi, spec: EdgeOneSpec, urls: readonly string[], method: PurgeMethod): Promise<CreatePurgeTaskResponse> {
  const { scope, clock } = api.account;
  if (recall<boolean>(scope, METHOD_REFUSED_FACT, clock.now()) === true) return api.CreatePurgeTask(createPurgeRequest(spec, urls, null));
  try {
    return await api.CreatePurgeTask(createPurgeRequest(spec, urls, method));
  } catch (e) {
    if (!mayRefuseMethod(e)) throw e;
  }
  const res = await api.CreatePurgeTask(createPurgeRequest(spec, urls, null));
  remember(scope, METHOD_REFUSED_FACT, true, METHOD_REFUSAL_TTL_MS, clock.now());
  return res;
}
