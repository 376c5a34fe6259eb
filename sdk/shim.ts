/**
 * The serialized provider: a thin shim whose methods load the implementation by package name at run time.
 *
 * Pulumi serializes the provider object into every resource's state (`__provider`) and runs that text in its
 * dynamic-provider host. Keeping it to `require("pulumi-cdn-prefetch/provider")` calls keeps state small and free of
 * credentials, and means `refresh`/`destroy` run the installed version of the implementation
 * (shared reference pulumi-dynamic-providers.md §3.3, style-by-example.md practice 2).
 *
 * `delete` needs no code: a prefetch cannot be undone, so deleting only forgets the resource and calls no cloud. It
 * never loads the package, so `pulumi destroy` works after the package was uninstalled. `configure` (which the host
 * runs before the first method, §1.3) tolerates a package that does not load for the same reason; every other method
 * then says to install it (or raises the package's own load error).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CloudKind } from "../provider/model/cloud";
import type { PrefetchProvider } from "../provider/resources/provider";

/**
 * The implementation for a cloud, loaded by package name from the program directory. When the package itself is not
 * installed there, the error says how to install it; any other load error (a dependency of the package missing, a
 * bug) is thrown as is. Serialized by value with the shim, so it captures nothing.
 */
function implementation(cloud: CloudKind): PrefetchProvider {
  try {
    return require("pulumi-cdn-prefetch/provider").providerFor(cloud);
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown };
    if (err?.code !== "MODULE_NOT_FOUND" || !String(err.message).startsWith("Cannot find module 'pulumi-cdn-prefetch/provider'")) throw e;
    throw new Error(`the pulumi-cdn-prefetch package is not installed in this Pulumi program (${process.cwd()}): ` +
      "install it (npm install pulumi-cdn-prefetch) and run the command again; pulumi destroy works without it");
  }
}

/**
 * Builds the shim for one cloud. Only `cloud` (a string) is captured; `require` is never captured by Pulumi.
 * `configure` skips an implementation that does not load: the method that needs it raises the load error again
 * (Node does not cache a failed load), and `delete`, which needs none, still runs.
 */
export function makeShim(cloud: CloudKind): pulumi.dynamic.ResourceProvider {
  return {
    configure: async (req) => {
      let impl: PrefetchProvider;
      try {
        impl = implementation(cloud);
      } catch {
        return;
      }
      await impl.configure(req);
    },
    check: (olds, news) => implementation(cloud).check(olds, news),
    diff: (id, olds, news) => implementation(cloud).diff(id, olds, news),
    create: (inputs) => implementation(cloud).create(inputs),
    read: (id, props) => implementation(cloud).read(id, props),
    update: (id, olds, news) => implementation(cloud).update(id, olds, news),
    delete: async () => undefined,
  };
}

/** One shim object per cloud, so Pulumi's per-object serialization cache is hit and the text stays identical. */
const shims: Partial<Record<CloudKind, pulumi.dynamic.ResourceProvider>> = {};

/** The shared shim for a cloud. */
export function shimFor(cloud: CloudKind): pulumi.dynamic.ResourceProvider {
  return (shims[cloud] ??= makeShim(cloud));
}
