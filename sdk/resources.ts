/**
 * The four prefetch resources. Type tokens: `pulumi-nodejs:dynamic/cdn-prefetch:<ClassName>`.
 *
 * Besides the outputs of {@link PrefetchResource}, each class has one output per input it accepts (the value the
 * provider received, `undefined` when an optional input was not set), e.g. `warm.domain`, `warm.zoneId`, `warm.siteId`.
 *
 * The resource `id` is `<cloud>:<zone|site|domain>:<first task id>` (`unconfirmed` in place of the task id while the
 * only submit is still uncertain) and stays the same for the life of the resource: a `triggers` re-run submits new
 * tasks in place, under the same id. The tasks of the latest run are in `taskIds` and `batches`; read those, not the
 * id, to find the current tasks.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AlibabaCdnPrefetchArgs, AlibabaEsaPrefetchArgs, EdgeOnePrefetchArgs, PrefetchArgs } from "./args";
import { PrefetchResource } from "./base";
import { echoedNames, echoSeeds, type EchoedOutputs } from "./echoed";

/** The inputs every cloud accepts. */
const COMMON: Record<keyof PrefetchArgs, true> = {
  urls: true, headers: true, wait: true, waitTimeoutSeconds: true, pollIntervalSeconds: true, allowedFailures: true,
  allowedFailurePercent: true, batching: true, purgeFirst: true, purgeMethod: true, triggers: true, existingTaskIds: true, submittedAfter: true, endpoint: true,
  region: true, progressLabel: true,
};

/** Echoed input names per args interface (the compiler keeps each list equal to its interface). */
const EDGEONE_INPUTS = echoedNames<EdgeOnePrefetchArgs>({ ...COMMON, zoneId: true, zoneName: true, mode: true, prefetchMediaSegments: true });
const ALIBABA_CDN_INPUTS = echoedNames<AlibabaCdnPrefetchArgs>({ ...COMMON, domain: true, area: true, l2Preload: true, queryHashkey: true });
const ALIBABA_ESA_INPUTS = echoedNames<AlibabaEsaPrefetchArgs>({ ...COMMON, siteId: true, siteName: true, instanceId: true });

/** The inputs of {@link EdgeOnePrefetch}, echoed as outputs (`zoneId`, `zoneName`, `urls`, …). */
export interface EdgeOnePrefetch extends EchoedOutputs<EdgeOnePrefetchArgs> {}

/**
 * Prefetch on Tencent Cloud EdgeOne (TEO `CreatePrefetchTask`), waiting until every URL is done.
 * The `id` keeps the first run's task id for the life of the resource; after a `triggers` re-run, `taskIds` holds
 * the current tasks.
 */
export class EdgeOnePrefetch extends PrefetchResource {
  constructor(name: string, args: EdgeOnePrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("edgeone", "EdgeOnePrefetch", name, { ...echoSeeds(EDGEONE_INPUTS), ...args }, opts);
  }
}

/** The inputs of {@link AlibabaCdnPrefetch}, echoed as outputs (`domain`, `area`, `urls`, …). */
export interface AlibabaCdnPrefetch extends EchoedOutputs<AlibabaCdnPrefetchArgs> {}

/**
 * Prefetch on Alibaba Cloud CDN (`PushObjectCache`), waiting until every URL is done.
 * The `id` keeps the first run's task id for the life of the resource; after a `triggers` re-run, `taskIds` holds
 * the current tasks.
 */
export class AlibabaCdnPrefetch extends PrefetchResource {
  constructor(name: string, args: AlibabaCdnPrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("alibaba-cdn", "AlibabaCdnPrefetch", name, { ...echoSeeds(ALIBABA_CDN_INPUTS), ...args }, opts);
  }
}

/** The inputs of {@link AlibabaDcdnPrefetch}, echoed as outputs (`domain`, `area`, `urls`, …). */
export interface AlibabaDcdnPrefetch extends EchoedOutputs<AlibabaCdnPrefetchArgs> {}

/**
 * Prefetch on Alibaba Cloud DCDN (`PreloadDcdnObjectCaches`), waiting until every URL is done.
 * The `id` keeps the first run's task id for the life of the resource; after a `triggers` re-run, `taskIds` holds
 * the current tasks.
 */
export class AlibabaDcdnPrefetch extends PrefetchResource {
  constructor(name: string, args: AlibabaCdnPrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("alibaba-dcdn", "AlibabaDcdnPrefetch", name, { ...echoSeeds(ALIBABA_CDN_INPUTS), ...args }, opts);
  }
}

/** The inputs of {@link AlibabaEsaPrefetch}, echoed as outputs (`siteId`, `siteName`, `urls`, …). */
export interface AlibabaEsaPrefetch extends EchoedOutputs<AlibabaEsaPrefetchArgs> {}

/**
 * Prefetch on Alibaba Cloud ESA (`PreloadCaches`), waiting until every URL is done.
 * The `id` keeps the first run's task id for the life of the resource; after a `triggers` re-run, `taskIds` holds
 * the current tasks.
 */
export class AlibabaEsaPrefetch extends PrefetchResource {
  constructor(name: string, args: AlibabaEsaPrefetchArgs, opts?: pulumi.CustomResourceOptions) {
    super("alibaba-esa", "AlibabaEsaPrefetch", name, { ...echoSeeds(ALIBABA_ESA_INPUTS), ...args }, opts);
  }
}
