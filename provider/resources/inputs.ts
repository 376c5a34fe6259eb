/**
 * Resource input schemas (zod), one per cloud, sharing the common part. `check` validates raw inputs with these and
 * turns every issue into a property-level `CheckFailure`; the types of the validated inputs come from `z.infer`.
 */
import { z } from "zod";
import type { CloudKind } from "../model/cloud";
import { MAX_URLS, POLL_INTERVAL, WAIT_TIMEOUT } from "./limits";

const hostname = z
  .string()
  .min(1)
  .regex(/^(?=.{1,253}$)([a-z0-9*]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i, "must be a DNS hostname such as cdn.example.com");

/** HTTP header field-name token (RFC 9110 §5.6.2). */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const headers = z
  .record(z.string(), z.string())
  .superRefine((h, ctx) => {
    for (const name of Object.keys(h)) {
      if (!headerName.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a valid HTTP header name` });
    }
  });

/** Inputs every prefetch resource accepts. */
export const CommonInputsSchema = z.object({
  urls: z.array(z.string()).min(1, "must list at least one URL").max(MAX_URLS, `at most ${MAX_URLS} URLs per resource`),
  headers: headers.optional(),
  wait: z.boolean().optional(),
  waitTimeoutSeconds: z.number().min(WAIT_TIMEOUT.minSeconds).max(WAIT_TIMEOUT.maxSeconds,
    `at most ${WAIT_TIMEOUT.maxSeconds} seconds (6 h); use wait: false and refresh for longer`).optional(),
  pollIntervalSeconds: z.number().min(POLL_INTERVAL.minSeconds).max(POLL_INTERVAL.maxSeconds).optional(),
  allowedFailures: z.number().int().min(0).optional(),
  allowedFailurePercent: z.number().min(0).max(100).optional(),
  batching: z.boolean().optional(),
  triggers: z.unknown().optional(),
  existingTaskIds: z.array(z.string().min(1, "must not be empty")).min(1, "must list at least one task id").optional(),
  endpoint: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  progressLabel: z.string().optional(),
});

/** EdgeOne inputs. */
export const EdgeOneInputsSchema = CommonInputsSchema.extend({
  zoneId: z.string().regex(/^zone-[a-z0-9]+$/, "must be an EdgeOne zone id such as zone-2noz78a8ev6k"),
  zoneName: hostname.optional(),
  mode: z.enum(["default", "edge"]).optional(),
  prefetchMediaSegments: z.boolean().optional(),
});

/** Alibaba CDN / DCDN inputs (same API parameters). */
export const AlibabaCdnInputsSchema = CommonInputsSchema.extend({
  domain: hostname.optional(),
  area: z.enum(["domestic", "overseas"]).optional(),
  l2Preload: z.boolean().optional(),
  queryHashkey: z.boolean().optional(),
});

/** Alibaba ESA inputs. */
export const AlibabaEsaInputsSchema = CommonInputsSchema.extend({
  siteId: z.union([z.number().int().positive(), z.string().regex(/^[0-9]+$/, "must be a numeric ESA site id")]),
  siteName: hostname.optional(),
  instanceId: z.string().min(1).optional(),
});

/** Validated inputs, any cloud. */
export type CommonInputs = z.infer<typeof CommonInputsSchema>;
export type EdgeOneInputs = z.infer<typeof EdgeOneInputsSchema>;
export type AlibabaCdnInputs = z.infer<typeof AlibabaCdnInputsSchema>;
export type AlibabaEsaInputs = z.infer<typeof AlibabaEsaInputsSchema>;
export type AnyInputs = EdgeOneInputs | AlibabaCdnInputs | AlibabaEsaInputs;

/** The schema for a cloud. */
export function inputsSchema(cloud: CloudKind): z.ZodType<AnyInputs> {
  switch (cloud) {
    case "edgeone": return EdgeOneInputsSchema as z.ZodType<AnyInputs>;
    case "alibaba-cdn":
    case "alibaba-dcdn": return AlibabaCdnInputsSchema as z.ZodType<AnyInputs>;
    case "alibaba-esa": return AlibabaEsaInputsSchema as z.ZodType<AnyInputs>;
  }
}

/** Input keys whose change means a different prefetch (new task, replacement). */
export const REPLACE_KEYS: readonly string[] = [
  "urls", "headers", "existingTaskIds", "endpoint", "region", "batching",
  "zoneId", "mode", "prefetchMediaSegments", "domain", "area", "l2Preload", "queryHashkey", "siteId",
];

/** Input keys updated in place (no new task unless `triggers` changed). */
export const UPDATE_KEYS: readonly string[] = [
  "triggers", "wait", "waitTimeoutSeconds", "pollIntervalSeconds", "allowedFailures", "allowedFailurePercent",
  "progressLabel", "zoneName", "siteName", "instanceId", "__provider",
];

/** Every input key a resource accepts (plus `__provider`). */
export const INPUT_KEYS: readonly string[] = [...REPLACE_KEYS, ...UPDATE_KEYS];
