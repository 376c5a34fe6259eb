/**
 * The four prefetch resources. Type tokens: `pulumi-nodejs:dynamic/cdn-prefetch:<ClassName>`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AlibabaCdnPrefetchArgs, AlibabaEsaPrefetchArgs, EdgeOnePrefetchArgs } from "./args";
import { PrefetchResource } from "./base";

/** Prefetch on Tencent Cloud EdgeOne (TEO `CreatePrefetchTask`), waiting until every URL is done. */
export class EdgeOnePrefetch extends PrefetchResource {
  constructor(name: string, args: EdgeOnePrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("edgeone", "EdgeOnePrefetch", name, args, opts);
  }
}

/** Prefetch on Alibaba Cloud CDN (`PushObjectCache`), waiting until every URL is done. */
export class AlibabaCdnPrefetch extends PrefetchResource {
  constructor(name: string, args: AlibabaCdnPrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("alibaba-cdn", "AlibabaCdnPrefetch", name, args, opts);
  }
}

/** Prefetch on Alibaba Cloud DCDN (`PreloadDcdnObjectCaches`), waiting until every URL is done. */
export class AlibabaDcdnPrefetch extends PrefetchResource {
  constructor(name: string, args: AlibabaCdnPrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("alibaba-dcdn", "AlibabaDcdnPrefetch", name, args, opts);
  }
}

/** Prefetch on Alibaba Cloud ESA (`PreloadCaches`), waiting until every URL is done. */
export class AlibabaEsaPrefetch extends PrefetchResource {
  constructor(name: string, args: AlibabaEsaPrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("alibaba-esa", "AlibabaEsaPrefetch", name, args, opts);
  }
}
