/**
 * The one call wrapper of the three Alibaba clients (CDN, DCDN, ESA): runs an SDK call, returns its response body, and
 * turns whatever it throws into a classified {@link CloudError} (errors.ts), so nothing else in an adapter ever sees an
 * SDK error. Both Alibaba cores (`@alicloud/openapi-core` for CDN and ESA, `@alicloud/openapi-client` for DCDN) resolve
 * to `{ body }`; an absent body is read as `{}`.
 */
import type { CloudKind } from "../../model/cloud";
import type { CloudError } from "../../model/errors";
import { classifyAlibabaError } from "./errors";

/** Runs one SDK call for `action` and returns its body. */
export type AlibabaCall = <T>(action: string, run: () => Promise<{ body?: T }>) => Promise<T>;

/**
 * The wrapper for one product's client. `explain` may add to a classified error what only the client knows (ESA: the
 * other endpoint when a site is unknown, alibaba-esa/endpoint.ts); it must return a CloudError of the same kind.
 */
export function alibabaCall(cloud: CloudKind, explain: (e: CloudError) => CloudError = (e) => e): AlibabaCall {
  return async <T>(action: string, run: () => Promise<{ body?: T }>): Promise<T> => {
    try {
      return ((await run()).body ?? {}) as T;
    } catch (e) {
      throw explain(classifyAlibabaError(cloud, action, e));
    }
  };
}
