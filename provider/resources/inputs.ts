/**
 * Every resource input, in one table ({@link INPUTS}): its zod schema, what a change of it means (replacement or
 * in-place update), which clouds accept it, and the sentence `check` shows when a value breaks the rule. The per-cloud
 * schemas, the `*Inputs` types, {@link REPLACE_KEYS}, {@link UPDATE_KEYS}, {@link INPUT_KEYS}, the valid names per
 * cloud and the "which cloud is this field from" lookup are all derived from it, so none of them is kept by hand.
 * `sdk/args.ts` mirrors the table (tests/unit/inputs-table.spec.ts keeps them equal).
 */
import { z } from "zod";
import type { CloudKind } from "../model/cloud";
import { PURGE_METHODS, type PurgeMethod } from "../model/purge";
import { CLOUD_KINDS } from "../model/cloud";
import { MAX_URLS, POLL_INTERVAL, WAIT_TIMEOUT } from "./limits";

/** Which clouds accept an input. */
type Clouds = "all" | readonly CloudKind[];

/**
 * Inputs that name the same thing on different clouds: the scope (zone, site or domain) and the host URLs must live
 * under. Used to point a user who set another cloud's field at this cloud's equivalent.
 */
type Counterpart = "scope" | "scopeName";

/** One row of the table. */
export interface InputDef {
  /** The value's schema. Refinements carry their own message; every other issue shows {@link InputDef.rule}. */
  schema: z.ZodType;
  /** `replace`: a change means a different prefetch (new task). `update`: recorded in place, no new task. */
  onChange: "replace" | "update";
  clouds: Clouds;
  /** What a valid value is, as `check` says it: "must be …". */
  rule: string;
  /** For lists and maps: what one element must be. */
  itemRule?: string;
  /** The resource cannot be created without it (on the clouds that accept it); every other input is optional. */
  required?: true;
  /** Set by the SDK, not by users: accepted, never suggested, not declared in `sdk/args.ts`. */
  internal?: true;
  /** Same role as fields of other clouds (for "`zoneId` is an EdgeOne input; AlibabaCdnPrefetch takes `domain`"). */
  counterpart?: readonly Counterpart[];
  /** The field URLs must live under (`check` refuses URLs outside it): one per cloud at most. */
  urlScope?: true;
  /** What the input does (user-facing wording lives in `sdk/args.ts`). */
  doc: string;
}

/** A DNS host name (RFC 1123 labels; `*` allowed as a wildcard label). */
const hostname = z.string().regex(/^(?=.{1,253}$)([a-z0-9*]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i);

/** HTTP header field-name token (RFC 9110 §5.6.2). */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const headers = z
  .record(z.string(), z.string())
  .superRefine((h, ctx) => {
    for (const name of Object.keys(h)) {
      if (!headerName.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a valid HTTP header name` });
    }
  });

const seconds = (min: number, max: number) => z.number().min(min).max(max);

/** Input names the SDK may report as secret in `secretInputs`. */
export const SECRET_INPUT_NAMES = ["urls", "headers"] as const;

/** The table. Order is the order of `sdk/args.ts`. */
export const INPUTS = {
  urls: {
    schema: z.array(z.union([z.string(), z.object({ url: z.string(), version: z.string() }).strict()])).min(1, "must list at least one URL")
      .max(MAX_URLS, `must list at most ${MAX_URLS} URLs per resource; split longer lists over several resources`),
    onChange: "update", clouds: "all", required: true,
    rule: "must be a list of URLs",
    itemRule: "must be a URL such as https://cdn.example.com/app.js, or { url, version } with text for both",
    doc: "URLs to warm, each optionally with a version; a change runs only the URLs that are new or whose version changed.",
  },
  headers: {
    schema: headers, onChange: "replace", clouds: "all",
    rule: "must be a map of HTTP header names to text values", itemRule: "must be a text value",
    doc: "Extra request headers for the origin fetch.",
  },
  wait: {
    schema: z.boolean(), onChange: "update", clouds: "all", rule: "must be true or false",
    doc: "Block until every URL is done.",
  },
  waitTimeoutSeconds: {
    schema: seconds(WAIT_TIMEOUT.minSeconds, WAIT_TIMEOUT.maxSeconds), onChange: "update", clouds: "all",
    rule: `must be a number of seconds between ${WAIT_TIMEOUT.minSeconds} and ${WAIT_TIMEOUT.maxSeconds} ` +
      "(6 h; for longer waits, use wait: false and refresh later)",
    doc: "Wait budget in seconds.",
  },
  pollIntervalSeconds: {
    schema: seconds(POLL_INTERVAL.minSeconds, POLL_INTERVAL.maxSeconds), onChange: "update", clouds: "all",
    rule: `must be a number of seconds between ${POLL_INTERVAL.minSeconds} and ${POLL_INTERVAL.maxSeconds}`,
    doc: "Smallest delay between status polls (the schedule spaces them by the elapsed time and the predicted finish).",
  },
  allowedFailures: {
    schema: z.number().int().min(0), onChange: "update", clouds: "all",
    rule: "must be a whole number of URLs, 0 or more",
    doc: "Failed URLs tolerated before the deployment fails.",
  },
  allowedFailurePercent: {
    schema: z.number().min(0).max(100), onChange: "update", clouds: "all",
    rule: "must be a percentage between 0 and 100",
    doc: "Percentage of failed URLs tolerated before the deployment fails.",
  },
  batching: {
    schema: z.boolean(), onChange: "replace", clouds: "all", rule: "must be true or false",
    doc: "Split lists longer than one request allows into several submits.",
  },
  purgeFirst: {
    schema: z.boolean(), onChange: "update", clouds: "all", rule: "must be true or false",
    doc: "Purge the URLs a run warms first, wait for the purge to finish, then prefetch them.",
  },
  purgeMethod: {
    schema: z.enum(PURGE_METHODS as unknown as [PurgeMethod, ...PurgeMethod[]]), onChange: "update", clouds: "all",
    rule: `must be ${PURGE_METHODS.map((m) => `"${m}"`).join(" or ")}`,
    doc: "With purgeFirst: `invalidate` (mark the cached copy stale, the vendors' default) or `delete` (remove it).",
  },
  triggers: {
    schema: z.unknown(), onChange: "update", clouds: "all", rule: "may be any value",
    doc: "Any values; a change re-runs the prefetch in place.",
  },
  existingTaskIds: {
    schema: z.array(z.string().min(1)).min(1, "must list at least one task id"), onChange: "replace", clouds: "all",
    rule: "must be a list of task ids", itemRule: "must be a task id (non-empty text)",
    doc: "Adopt tasks submitted elsewhere: wait for and read them, submit nothing.",
  },
  submittedAfter: {
    schema: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && Number.isFinite(Date.parse(v))),
    onChange: "replace", clouds: "all",
    rule: "must be an ISO-8601 time with a zone, such as 2026-11-23T08:00:00Z",
    doc: "With existingTaskIds: the adopted tasks were submitted at or after this time (ESA finds tasks by URL within a time window).",
  },
  endpoint: {
    schema: z.string().min(1), onChange: "replace", clouds: "all",
    rule: "must be an API endpoint such as https://cdn.aliyuncs.com or http://127.0.0.1:8080",
    doc: "API endpoint override.",
  },
  region: {
    schema: z.string().min(1), onChange: "replace", clouds: "all",
    rule: "must be a region id such as ap-guangzhou or cn-hangzhou",
    doc: "Vendor region override.",
  },
  progressLabel: {
    schema: z.string(), onChange: "update", clouds: "all", rule: "must be text",
    doc: "Name used in progress lines.",
  },
  secretInputs: {
    schema: z.array(z.enum(SECRET_INPUT_NAMES)), onChange: "update", clouds: "all", internal: true,
    rule: `is set by the SDK: the names of the inputs that are secret (${SECRET_INPUT_NAMES.join(", ")})`,
    itemRule: `must be one of ${SECRET_INPUT_NAMES.join(", ")}`,
    doc: "Internal, set by the SDK: which inputs were secret in the program, so outputs and messages keep them secret.",
  },
  zoneId: {
    // `*` (every zone of the root account, for callers allowed on all zones): teo_models.d.ts CreatePrefetchTaskRequest.ZoneId.
    schema: z.string().regex(/^(zone-[a-z0-9]+|\*)$/),
    onChange: "replace", clouds: ["edgeone"], counterpart: ["scope"], required: true,
    rule: "must be an EdgeOne zone id such as zone-2noz78a8ev6k, or * for every zone of the account",
    doc: "EdgeOne zone (site) id.",
  },
  zoneName: {
    schema: hostname, onChange: "update", clouds: ["edgeone"], counterpart: ["scopeName"], urlScope: true,
    rule: "must be the zone's domain, such as example.com",
    doc: "The zone's domain: URLs outside it are refused at check.",
  },
  mode: {
    schema: z.enum(["default", "edge"]), onChange: "replace", clouds: ["edgeone"],
    rule: "must be \"default\" or \"edge\"",
    doc: "`default` (middle tier) or `edge` (edge and middle tier).",
  },
  prefetchMediaSegments: {
    schema: z.boolean(), onChange: "replace", clouds: ["edgeone"], rule: "must be true or false",
    doc: "Prefetch M3U8 media segments too.",
  },
  domain: {
    schema: hostname, onChange: "replace", clouds: ["alibaba-cdn", "alibaba-dcdn"],
    counterpart: ["scope", "scopeName"], urlScope: true,
    rule: "must be the accelerated domain, such as cdn.example.com",
    doc: "The accelerated domain: URLs must belong to it; `/path` URLs are relative to it.",
  },
  area: {
    schema: z.enum(["domestic", "overseas"]), onChange: "replace", clouds: ["alibaba-cdn", "alibaba-dcdn"],
    rule: "must be \"domestic\" or \"overseas\"",
    doc: "Where to prefetch; default: the domain's coverage.",
  },
  l2Preload: {
    schema: z.boolean(), onChange: "replace", clouds: ["alibaba-cdn", "alibaba-dcdn"], rule: "must be true or false",
    doc: "Also prefetch to L2 POPs.",
  },
  queryHashkey: {
    schema: z.boolean(), onChange: "replace", clouds: ["alibaba-cdn", "alibaba-dcdn"], rule: "must be true or false",
    doc: "Use the domain's cache-key rules.",
  },
  siteId: {
    schema: z.union([z.number().int().positive(), z.string().regex(/^[0-9]+$/)]),
    onChange: "replace", clouds: ["alibaba-esa"], counterpart: ["scope"], required: true,
    rule: "must be a numeric ESA site id such as 123456789",
    doc: "ESA site id.",
  },
  siteName: {
    schema: hostname, onChange: "update", clouds: ["alibaba-esa"], counterpart: ["scopeName"], urlScope: true,
    rule: "must be the site's domain, such as example.com",
    doc: "The site's domain: URLs outside it are refused at check.",
  },
  instanceId: {
    schema: z.string().min(1), onChange: "update", clouds: ["alibaba-esa"],
    rule: "must be the site's plan instance id, such as sp-xcdn-96wblslz",
    doc: "The site's plan instance id: lets the prefetch quota be checked before submitting.",
  },
} as const satisfies Record<string, InputDef>;

/** Every input name of the table. */
export type InputName = keyof typeof INPUTS;

/** Inputs Pulumi itself adds (`dynamic.Resource` sets `__provider`, pulumi-dynamic-providers.md §1): always accepted. */
export const ENGINE_KEYS: readonly string[] = ["__provider"];

type Table = typeof INPUTS;
type CloudsOf<K extends InputName> = Table[K]["clouds"];
type AcceptedBy<C extends CloudKind, K extends InputName> = CloudsOf<K> extends readonly (infer U)[] ? (C extends U ? K : never) : K;
type NamesOf<C extends CloudKind> = { [K in InputName]: AcceptedBy<C, K> }[InputName];
type CommonNames = { [K in InputName]: CloudsOf<K> extends "all" ? K : never }[InputName];
type RequiredName = { [K in InputName]: Table[K] extends { required: true } ? K : never }[InputName];
type FieldSchema<K extends InputName> = K extends RequiredName ? Table[K]["schema"] : z.ZodOptional<Table[K]["schema"]>;
type ShapeOf<K extends InputName> = { [P in K]: FieldSchema<P> };

/** True when a row applies to `cloud`. */
function accepts(def: InputDef, cloud: CloudKind): boolean {
  return def.clouds === "all" || def.clouds.includes(cloud);
}

const ROWS = Object.entries(INPUTS) as [InputName, InputDef][];

/** The row of an input name, or undefined when the table has none. */
export function inputDef(name: string): InputDef | undefined {
  return Object.prototype.hasOwnProperty.call(INPUTS, name) ? (INPUTS as Readonly<Record<string, InputDef>>)[name] : undefined;
}

/** The zod shape of the given names (required ones as is, the rest optional). */
function shape<K extends InputName>(names: readonly K[]): ShapeOf<K> {
  const out: Record<string, z.ZodType> = {};
  for (const name of names) {
    const def: InputDef = INPUTS[name];
    out[name] = def.required ? def.schema : def.schema.optional();
  }
  return out as ShapeOf<K>;
}

/** Table names a cloud accepts, in table order (internal ones included, engine keys not). */
export function inputNames(cloud: CloudKind): InputName[] {
  return ROWS.filter(([, def]) => accepts(def, cloud)).map(([name]) => name);
}

/** Names users declare on a cloud (what `sdk/args.ts` must list): {@link inputNames} without internal ones. */
export function userInputNames(cloud: CloudKind): InputName[] {
  return inputNames(cloud).filter((name) => !inputDef(name)?.internal);
}

/** True when the input is required on the clouds that accept it. */
export function isRequired(name: InputName): boolean {
  return inputDef(name)?.required === true;
}

const COMMON_NAMES = ROWS.filter(([, def]) => def.clouds === "all").map(([name]) => name) as CommonNames[];

/** Inputs every prefetch resource accepts. */
export const CommonInputsSchema = z.object(shape(COMMON_NAMES));

/** EdgeOne inputs. */
export const EdgeOneInputsSchema = z.object(shape(inputNames("edgeone") as NamesOf<"edgeone">[]));

/** Alibaba CDN / DCDN inputs (same API parameters). */
export const AlibabaCdnInputsSchema = z.object(shape(inputNames("alibaba-cdn") as NamesOf<"alibaba-cdn">[]));

/** Alibaba ESA inputs. */
export const AlibabaEsaInputsSchema = z.object(shape(inputNames("alibaba-esa") as NamesOf<"alibaba-esa">[]));

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

/**
 * The sentence for a validation issue that has no message of its own (zod 4 per-parse error map: a schema's own
 * message wins over it, https://zod.dev/error-customization). Keyed by the input the issue is under, so no raw
 * validation-library text reaches the user.
 */
export function issueMessage(issue: { path?: readonly PropertyKey[]; input?: unknown }): string {
  const path = issue.path ?? [];
  const def = typeof path[0] === "string" ? inputDef(path[0]) : undefined;
  if (!def) return "is not valid";
  if (path.length > 1) return def.itemRule ?? def.rule;
  if (issue.input === undefined) return `is required and ${def.rule}`;
  return def.rule;
}

/** Longest text quoted back in a message. */
const MAX_QUOTED = 60;

/**
 * How a refused value is shown in a message: numbers, booleans and null as they are, text quoted (cut at
 * {@link MAX_QUOTED} characters), lists by length, anything else as "an object". Text under `urls` and `headers` is
 * never quoted: those inputs may be secrets, and the engine strips the secret mark before the provider sees them
 * (pulumi-dynamic-providers.md §1.6). `null` when nothing was given (a missing input says so itself).
 */
export function describeGiven(path: readonly PropertyKey[], value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") {
    if ((SECRET_INPUT_NAMES as readonly PropertyKey[]).includes(path[0])) return "text";
    return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value);
  }
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  return "an object";
}

/** The sentence for one validation issue: what is allowed, then what was given (`must be …; got -1`). */
export function issueReason(issue: { path: readonly PropertyKey[]; message: string; input?: unknown }): string {
  const given = describeGiven(issue.path, issue.input);
  return given === null ? issue.message : `${issue.message}; got ${given}`;
}

/**
 * Validates raw inputs for a cloud; every issue carries a sentence for people (see {@link issueMessage}) and the
 * refused value (`input`, for {@link issueReason}).
 */
export function safeParseInputs(cloud: CloudKind, raw: Record<string, unknown>) {
  return inputsSchema(cloud).safeParse(raw, { error: (issue) => issueMessage(issue), reportInput: true });
}

/** Input keys of one kind of change, in table order. */
function keysWhere(onChange: InputDef["onChange"]): string[] {
  return ROWS.filter(([, def]) => def.onChange === onChange).map(([name]) => name);
}

/** Input keys whose change means a different prefetch (new task, replacement). */
export const REPLACE_KEYS: readonly string[] = keysWhere("replace");

/** Input keys updated in place (no new task unless `triggers` changed), plus the engine's `__provider`. */
export const UPDATE_KEYS: readonly string[] = [...keysWhere("update"), ...ENGINE_KEYS];

/** Every input key a resource accepts (plus `__provider`). */
export const INPUT_KEYS: readonly string[] = [...REPLACE_KEYS, ...UPDATE_KEYS];

/** The clouds that accept a table input, or null when no cloud does. */
export function cloudsAccepting(name: string): CloudKind[] | null {
  const def = inputDef(name);
  if (!def) return null;
  return CLOUD_KINDS.filter((cloud) => accepts(def, cloud));
}

/** This cloud's inputs that play the same role as `name` (another cloud's field), e.g. `zoneId` → [`domain`] on CDN. */
export function counterpartsOn(cloud: CloudKind, name: string): InputName[] {
  const roles = inputDef(name)?.counterpart ?? [];
  return inputNames(cloud).filter((other) => other !== name &&
    (inputDef(other)?.counterpart ?? []).some((role) => roles.includes(role)));
}

/** The field URLs must live under on a cloud: EdgeOne `zoneName`, CDN/DCDN `domain`, ESA `siteName`. */
export function urlScopeKey(cloud: CloudKind): InputName | null {
  return inputNames(cloud).find((name) => inputDef(name)?.urlScope === true) ?? null;
}
