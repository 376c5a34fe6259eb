/**
 * The emulated STS actions the vendors' credential providers call (README "STS"): Alibaba `AssumeRole` and
 * `AssumeRoleWithOIDC` (sts/alibaba.ts), Tencent `AssumeRole` and `AssumeRoleWithWebIdentity` (sts/tencent.ts). The
 * temporary keys they issue live in the context's key ring (sts/keyring.ts), which the product modules consult: an
 * issued key is accepted with its own token until it expires on the virtual clock.
 *
 * STS calls are not product calls: no fault, rate limit or call counter applies to them (the key ring records what
 * was issued). Listed before the product modules, which would otherwise claim the requests.
 */
import type { ProductModule } from "../core/types";
import { isAlibabaStsRequest, serveAlibabaSts } from "./alibaba";
import { isTencentStsRequest, serveTencentSts } from "./tencent";

/** Creates the STS module. */
export function stsModule(): ProductModule {
  return {
    accepts: (req) => isTencentStsRequest(req) || isAlibabaStsRequest(req),
    handle: async (req, ctx) => (isTencentStsRequest(req) ? serveTencentSts(req, ctx) : serveAlibabaSts(req, ctx)),
    variants: [],
    tasks: () => [],
    reset: () => undefined,
  };
}
