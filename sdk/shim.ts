/**
 * The serialized provider: a thin shim whose methods load the implementation by package name at run time.
 *
 * Pulumi serializes the provider object into every resource's state (`__provider`) and runs that text in its
 * dynamic-provider host. Keeping it to `require("pulumi-cdn-prefetch/provider")` calls keeps state small and free of
 * credentials, and means `refresh`/`destroy` run the installed version of the implementation
 * (shared reference pulumi-dynamic-providers.md §3.3, style-by-example.md practice 2).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CloudKind } from "../provider/model/cloud";

/** Builds the shim for one cloud. Only `cloud` (a string) is captured; `require` is never captured by Pulumi. */
export function makeShim(cloud: CloudKind): pulumi.dynamic.ResourceProvider {
  return {
    configure: (req) => require("pulumi-cdn-prefetch/provider").providerFor(cloud).configure(req),
    check: (olds, news) => require("pulumi-cdn-prefetch/provider").providerFor(cloud).check(olds, news),
    diff: (id, olds, news) => require("pulumi-cdn-prefetch/provider").providerFor(cloud).diff(id, olds, news),
    create: (inputs) => require("pulumi-cdn-prefetch/provider").providerFor(cloud).create(inputs),
    read: (id, props) => require("pulumi-cdn-prefetch/provider").providerFor(cloud).read(id, props),
    update: (id, olds, news) => require("pulumi-cdn-prefetch/provider").providerFor(cloud).update(id, olds, news),
    delete: (id, props) => require("pulumi-cdn-prefetch/provider").providerFor(cloud).delete(id, props),
  };
}

/** One shim object per cloud, so Pulumi's per-object serialization cache is hit and the text stays identical. */
const shims: Partial<Record<CloudKind, pulumi.dynamic.ResourceProvider>> = {};

/** The shared shim for a cloud. */
export function shimFor(cloud: CloudKind): pulumi.dynamic.ResourceProvider {
  return (shims[cloud] ??= makeShim(cloud));
}
