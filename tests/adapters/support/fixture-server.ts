/**
 * A scripted HTTP server standing in for a vendor API, for adapter tests that must go through the real SDKs (wire
 * format, error shapes). It logs every request (action and decoded parameters) and answers from per-action queues
 * of canned replies (recorded vendor bodies in tests/fixtures/), falling back to a default reply per action.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import fs from "node:fs";
import path from "node:path";

/** A canned reply. `body` is sent as JSON unless it is a string. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** One logged request. */
export interface LoggedRequest {
  method: string;
  action: string;
  /** Decoded query parameters (Alibaba RPC parameters travel in the query string). */
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (Tencent), or null. */
  json: Record<string, unknown> | null;
}

/** Reads a recorded vendor body from tests/fixtures/. */
export function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", name), "utf8"));
}

/** Wraps a Tencent body in the API 3.0 envelope `{"Response": {...}}` (always HTTP 200). */
export function tencent(response: Record<string, unknown>): Reply {
  return { body: { Response: { RequestId: "rid-fixture", ...response } } };
}

/** A Tencent business error (HTTP 200 + `Response.Error`, cloud-apis.md §B.3). */
export function tencentError(code: string, message = code): Reply {
  return tencent({ Error: { Code: code, Message: message } });
}

/** An Alibaba error envelope `{RequestId, HostId, Code, Message, Recommend}` with its HTTP status (§B.2). */
export function alibabaError(status: number, code: string, message = code, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { RequestId: "R-fixture", HostId: "fixture", Code: code, Message: message, Recommend: "https://api.aliyun.com/troubleshoot" } };
}

/** The scripted server. */
export class FixtureServer {
  readonly log: LoggedRequest[] = [];
  private queues = new Map<string, (Reply | ((r: LoggedRequest) => Reply))[]>();
  private defaults = new Map<string, (r: LoggedRequest) => Reply>();
  private server = http.createServer((req, res) => this.serve(req, res));

  /** Starts listening on a free loopback port; returns `http://127.0.0.1:PORT`. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues replies for the next calls of `action`. */
  queue(action: string, ...replies: (Reply | ((r: LoggedRequest) => Reply))[]): this {
    this.queues.set(action, [...(this.queues.get(action) ?? []), ...replies]);
    return this;
  }

  /** The reply for `action` once its queue is empty. */
  otherwise(action: string, reply: Reply | ((r: LoggedRequest) => Reply)): this {
    this.defaults.set(action, typeof reply === "function" ? reply : () => reply);
    return this;
  }

  /** Logged calls of one action. */
  calls(action: string): LoggedRequest[] {
    return this.log.filter((r) => r.action === action);
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fixture");
      const query = Object.fromEntries(url.searchParams.entries());
      const action = String(req.headers["x-tc-action"] ?? req.headers["x-acs-action"] ?? query.Action ?? "");
      const raw = Buffer.concat(chunks).toString("utf8");
      let json: Record<string, unknown> | null = null;
      try { json = raw ? JSON.parse(raw) : null; } catch { json = null; }
      const logged: LoggedRequest = { method: req.method ?? "", action, query, headers: req.headers, json };
      this.log.push(logged);
      const next = this.queues.get(action)?.shift();
      const reply = next ? (typeof next === "function" ? next(logged) : next) : this.defaults.get(action)?.(logged);
      const r = reply ?? alibabaError(404, "InvalidApi.NotFound", `fixture server has no reply for ${action}`);
      const text = typeof r.body === "string" ? r.body : JSON.stringify(r.body);
      res.writeHead(r.status ?? 200, { "content-type": "application/json", ...r.headers });
      res.end(text);
    });
  }
}
