/**
 * Runtime entry of the provider implementation. The serialized shim (`sdk/shim.ts`) loads this module by package
 * name (`require("pulumi-cdn-prefetch/provider")`) inside Pulumi's dynamic-provider host, so state holds only the
 * tiny shim and bug fixes here also reach `refresh` and `destroy`.
 */
import { createAdapter } from "./adapters/registry";
import type { CloudKind } from "./model/cloud";
import { CLOUD_KINDS } from "./model/cloud";
import { defaultDeps, PrefetchProvider } from "./resources/provider";

export { PrefetchProvider } from "./resources/provider";
export type { ProviderDeps } from "./resources/provider";
export { checkInputs } from "./resources/check";
export { diffInputs } from "./resources/diff";
export * from "./model/status";
export * from "./model/cloud";

/** One provider per cloud per process: `configure` runs once per serialized shim, and its config is kept here. */
const instances: Partial<Record<CloudKind, PrefetchProvider>> = {};

/** The provider implementation for a cloud (created on first use). */
export function providerFor(cloud: CloudKind): PrefetchProvider {
  if (!CLOUD_KINDS.includes(cloud)) throw new Error(`unknown cloud kind ${JSON.stringify(cloud)}`);
  return (instances[cloud] ??= new PrefetchProvider(cloud, defaultDeps(createAdapter)));
}
