/**
 * RPC request parameters: the decoded query string merged with an `application/x-www-form-urlencoded` body
 * (cloud-apis.md §B.2: the SDKs put everything in the query; other clients use a form body), with typed readers that
 * raise the vendor's parameter errors.
 */
import type { EmulatorRequest } from "../core/types";
import { parseUrlEncoded } from "./encode";
import { AlibabaError, invalidParameter, missingParameter } from "./errors";

/** Decoded parameters of one request. */
export class RpcParams {
  private constructor(
    /** Query-string parameters only (what the V3 canonical query covers). */
    readonly query: Map<string, string>,
    /** Query and form body merged, body winning (what the V1 signature and the handlers see). */
    readonly all: Map<string, string>,
  ) {}

  /** Parses the query string and, when the content type says so, the form body. */
  static from(req: EmulatorRequest): RpcParams {
    const query = parseUrlEncoded(req.rawQuery);
    const all = new Map(query);
    const type = String(req.headers["content-type"] ?? "").toLowerCase();
    if (type.startsWith("application/x-www-form-urlencoded") && req.body.length > 0) {
      for (const [k, v] of parseUrlEncoded(req.body.toString("utf8"))) all.set(k, v);
    }
    return new RpcParams(query, all);
  }

  /** The value, or undefined when absent; an empty value counts as absent. */
  str(name: string): string | undefined {
    const v = this.all.get(name);
    return v === undefined || v === "" ? undefined : v;
  }

  /** The value; `MissingParameter` when absent. */
  required(name: string): string {
    const v = this.str(name);
    if (v === undefined) throw missingParameter(name);
    return v;
  }

  /** A boolean sent as the string `true` or `false` (the SDKs' serialization, cloud-apis.md §A.1). */
  bool(name: string, fallback: boolean): boolean {
    const v = this.str(name);
    if (v === undefined) return fallback;
    if (v === "true" || v === "false") return v === "true";
    throw invalidParameter(name, "Valid values: true, false.");
  }

  /** An integer within [min, max]; `code` is the error raised otherwise (default `InvalidParameter`). */
  int(name: string, opts: { min: number; max: number; fallback: number; code?: string }): number {
    const v = this.str(name);
    if (v === undefined) return opts.fallback;
    const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= opts.min && n <= opts.max) return n;
    const detail = `The specified ${name} is invalid. Valid values: ${opts.min} to ${opts.max}.`;
    throw opts.code ? new AlibabaError(opts.code, detail) : invalidParameter(name, detail);
  }

  /** A parameter holding a JSON document (ESA `Content`/`Headers`, CDN `WithHeader`); undefined when absent. */
  json(name: string): unknown {
    const v = this.str(name);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      throw invalidParameter(name, "It must be a JSON document.");
    }
  }
}
