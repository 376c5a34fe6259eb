/**
 * Secret inputs stay secret in outputs and messages.
 *
 * Pulumi's dynamic-provider host answers `acceptSecrets=false`, so the engine strips secrets before calling the
 * provider and afterwards re-marks only outputs that have the *same name* as a secret input (`annotateSecrets`,
 * pkg/resource/plugin/provider_plugin.go, PR pulumi/pulumi#13260). The URLs of a secret `urls` input reappear under
 * other names (`results[].url`, `failedUrls`, …) and in error messages, so the provider marks those
 * outputs itself with the wire's secret envelope — the engine unmarshals outputs with `KeepSecrets: true` and keeps
 * the envelope as a real secret (provider_plugin.go Create/Update/Read; shared reference
 * pulumi-dynamic-providers.md §1.6, §2.2) — and redacts the URLs from messages.
 *
 * The SDK tells the provider which inputs were secret in the program through the internal `secretInputs` input.
 */
import type { CloudKind } from "../model/cloud";
import { urlOf } from "./url-entries";
import { submittedForms } from "./spec";

/** Key marking a special value on the wire (`specialSigKey` in @pulumi/pulumi runtime/rpc.js; §1.6). */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Signature of a secret envelope (`specialSecretSig` in @pulumi/pulumi runtime/rpc.js; §1.6). */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Outputs that can carry a declared or submitted URL (provider/resources/state.ts `buildOutputs`): the echoed `urls`,
 * `results[].url`, `failedUrls`, the failed segments of `mediaSegments`, and `uncertainBatches`, whose `error` may
 * quote the cloud's answer. `batches` and `unsubmittedIndexes` name URLs by index only; in the layout of earlier
 * versions (`batches[].urls`, `unsubmittedUrls`, state-layout.ts) the URLs they hold are found by {@link markSecretOutputs}.
 */
export const URL_OUTPUTS: readonly string[] = ["urls", "results", "failedUrls", "unsubmittedUrls", "uncertainBatches", "mediaSegments"];

/** Outputs that can carry a header value: only the echoed `headers` input. */
export const HEADER_OUTPUTS: readonly string[] = ["headers"];

/** Never wrapped: the host loads the provider from this plain string. */
const PROVIDER_KEY = "__provider";

/** What a redacted secret URL becomes: its index in the declared list. */
const urlPlaceholder = (i: number) => `urls[${i}]`;

/** What a redacted header value becomes. */
const HEADER_PLACEHOLDER = "***";

/** True for a secret envelope `{ "4dabf…": "1b47…", value }`. */
export function isSecretValue(v: unknown): v is { value: unknown } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && (v as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG;
}

/** Wraps a value in a secret envelope (an already wrapped value is returned as is). */
export function secretValue(v: unknown): unknown {
  return isSecretValue(v) ? v : { [SPECIAL_SIG_KEY]: SECRET_SIG, value: v };
}

/**
 * Removes secret envelopes at any depth. The real engine never sends envelopes to this host (`acceptSecrets=false`),
 * but `pulumi.runtime.setMocks` and old state written by {@link markSecretOutputs} may hold them.
 */
export function unwrapSecretValues(v: unknown): unknown {
  if (isSecretValue(v)) return unwrapSecretValues(v.value);
  if (Array.isArray(v)) return v.map(unwrapSecretValues);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, unwrapSecretValues(x)]));
  }
  return v;
}

/** Every string at any depth of a value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (typeof v === "object" && v !== null) Object.values(v).forEach((x) => strings(x, out));
  return out;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (k: string) => (v: unknown): unknown => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[k] : undefined);

/**
 * The URL strings the outputs carry or name (declared and submitted forms): `urls` and the forms they are submitted
 * in, `unsubmittedUrls`, `failedUrls`, `results[].url`, and `batches[].urls`, `uncertainBatches[].urls` of the layout
 * of earlier versions.
 */
function urlStrings(stored: Record<string, unknown>): string[] {
  const outs = unwrapSecretValues(stored) as Record<string, unknown>;
  const declared = list(outs.urls).map(urlOf).filter((u): u is string => typeof u === "string");
  const domain = typeof outs.domain === "string" && outs.domain ? outs.domain : null;
  const forms = typeof outs.cloud === "string" ? submittedForms(outs.cloud as CloudKind, declared, domain) : [];
  const found = [
    ...declared, ...forms, ...list(outs.unsubmittedUrls), ...list(outs.failedUrls), ...list(outs.results).map(field("url")),
    ...list(outs.batches).flatMap((b) => list(field("urls")(b))), ...list(outs.uncertainBatches).flatMap((b) => list(field("urls")(b))),
  ];
  return [...new Set(found.filter((u): u is string => typeof u === "string" && u.length > 0))];
}

/**
 * Marks the outputs that can carry a secret input's value as secret (wire envelopes), so the engine stores them
 * encrypted and shows `[secret]`.
 * - `urls` secret: every output in {@link URL_OUTPUTS}, plus any other output (except `__provider`) whose value
 *   contains one of those URL strings.
 * - `headers` secret: the echoed `headers` output.
 * Other outputs are returned unchanged; nothing is wrapped twice. Returns a new object.
 */
export function markSecretOutputs(outs: Record<string, unknown>, secretInputs: readonly string[]): Record<string, unknown> {
  const keys = new Set<string>();
  if (secretInputs.includes("urls")) {
    URL_OUTPUTS.forEach((k) => keys.add(k));
    const urls = urlStrings(outs);
    const exact = new Set(urls);
    for (const [k, v] of Object.entries(outs)) {
      if (k === PROVIDER_KEY || keys.has(k)) continue;
      const text = strings(unwrapSecretValues(v));
      if (text.some((s) => exact.has(s) || urls.some((u) => s.includes(u)))) keys.add(k);
    }
  }
  if (secretInputs.includes("headers")) HEADER_OUTPUTS.forEach((k) => keys.add(k));
  const marked: Record<string, unknown> = { ...outs };
  for (const k of keys) if (k !== PROVIDER_KEY && marked[k] !== undefined) marked[k] = secretValue(marked[k]);
  return marked;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `s` without a leading `http://` / `https://`. */
const withoutScheme = (s: string) => s.replace(/^https?:\/\//i, "");

/** The spellings a cloud may echo a URL in: as given, percent-encoded, percent-decoded. */
function spellings(form: string): string[] {
  const out = new Set([form]);
  try { out.add(encodeURI(form)); } catch { /* lone surrogate: keep the form as is */ }
  try { out.add(decodeURI(form)); } catch { /* malformed escape: keep the form as is */ }
  return [...out];
}

/**
 * Lower case without changing any position: characters whose lower case has another length (e.g. `İ`) are kept, so
 * indexes found in the folded text are valid in the original.
 */
function fold(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.replace(/[\s\S]/gu, (ch) => {
    const lower = ch.toLowerCase();
    return lower.length === ch.length ? lower : ch;
  });
}

/** One occurrence of a secret text in a message. */
interface Hit {
  start: number;
  end: number;
  placeholder: string;
}

/** A `http://` or `https://` (any case) that ends at `at`, or 0. */
function schemeBefore(folded: string, at: number): number {
  for (const scheme of ["https://", "http://"]) if (folded.endsWith(scheme, at)) return scheme.length;
  return 0;
}

/** Secret texts to replace, folded, with what each becomes and whether a scheme in front belongs to it. */
class Replacements {
  private readonly texts = new Map<string, { placeholder: string; url: boolean }>();

  get size(): number {
    return this.texts.size;
  }

  /** A URL, in every spelling a cloud may echo, without its scheme (any scheme in front is replaced with it). */
  addUrl(form: string, index: number): void {
    for (const s of spellings(form).map(withoutScheme)) this.add(s, urlPlaceholder(index), true);
  }

  /** A literal text (a header value). */
  addText(text: string, placeholder: string): void {
    this.add(text, placeholder, false);
  }

  private add(text: string, placeholder: string, url: boolean): void {
    const key = fold(text);
    if (key.length > 0 && !this.texts.has(key)) this.texts.set(key, { placeholder, url });
  }

  /** Every occurrence of every text (native `indexOf`: linear in the number of texts, fast for 10,000 URLs). */
  private hits(folded: string): Hit[] {
    const hits: Hit[] = [];
    for (const [key, r] of this.texts) {
      for (let i = folded.indexOf(key); i >= 0; i = folded.indexOf(key, i + 1)) {
        hits.push({ start: r.url ? i - schemeBefore(folded, i) : i, end: i + key.length, placeholder: r.placeholder });
      }
    }
    return hits;
  }

  /** Replaces the occurrences: the earliest first, the longest of those starting together (a URL that contains
   * another is replaced whole). */
  apply(text: string): string {
    const hits = this.hits(fold(text)).sort((a, b) => a.start - b.start || b.end - a.end);
    let out = "";
    let at = 0;
    for (const h of hits) {
      if (h.start < at) continue;
      out += text.slice(at, h.start) + h.placeholder;
      at = h.end;
    }
    return out + text.slice(at);
  }
}

/**
 * A function that removes secret values from a message before it reaches Pulumi (errors, init-error reasons,
 * progress lines).
 * - `urls` secret: each declared URL and the form it was submitted in (`submittedForms[i]` is how `declaredUrls[i]` was
 *   sent; both lists are parallel) becomes `urls[i]`, whatever scheme, percent-encoding or host case the cloud echoes;
 *   the longest match wins, so a URL that contains another is replaced whole.
 * - `headers` secret: each non-empty value in `headerValues` becomes `***`.
 * With nothing secret the function returns the text unchanged.
 */
export function createRedactor(secretInputs: readonly string[], declaredUrls: readonly string[], submittedForms: readonly string[],
  headerValues: readonly string[] = []): (text: string) => string {
  const reps = new Replacements();
  if (secretInputs.includes("urls")) {
    declaredUrls.forEach((u, i) => reps.addUrl(u, i));
    submittedForms.forEach((u, i) => reps.addUrl(u, i));
  }
  if (secretInputs.includes("headers")) headerValues.forEach((v) => reps.addText(v, HEADER_PLACEHOLDER));
  if (reps.size === 0) return (text) => text;
  return (text) => reps.apply(text);
}
