/**
 * The one call wrapper of the three Alibaba clients (CDN, DCDN, ESA): waits for the action's token in the account's
 * rate limit (adapters/rate-gate.ts), runs an SDK call, returns its response body, and turns whatever it throws into a
 * classified {@link CloudError} (errors.ts), so nothing else in an adapter ever sees an SDK error. Both Alibaba cores
 * (`@alicloud/openapi-core` for CDN and ESA, `@alicloud/openapi-client` for DCDN) resolve to `{ body }`; an absent body
 * is read as `{}`.
 */
import type { CloudKind } from "../../model/cloud";
import type { CloudError } from "../../model/errors";
import type { RateGate } from "../rate-gate";
import { classifyAlibabaError } from "./errors";

/** Runs one SDK call for `action` and returns its body. */
export type AlibabaCall<A extends string = string> = <T>(action: A, run: () => Promise<{ body?: T }>) => Promise<T>;

/**
 * The wrapper for one product's client: every call first waits at `gate`. `explain` may add to a classified error
 * what only the client knows (ESA: the other endpoint when a site is unknown, alibaba-esa/endpoint.ts); it must return
 * a CloudError of the same kind.
 */
export function alibabaCall<A extends string>(cloud: CloudKind, gate: RateGate<A>, explain: (e: CloudError) => CloudError = (e) => e): AlibabaCall<A> {
  return async <T>(action: A, run: () => Promise<{ body?: T }>): Promise<T> => {
    await gate(action);
    try {
      return ((await run()).body ?? {}) as T;
    } catch (e) {
      throw explain(classifyAlibabaError(cloud, action, e));
    }
  };
}
