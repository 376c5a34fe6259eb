/**
 * Endpoint override parsing shared by every adapter. The SDKs want the scheme and the host separately
 * (cloud-apis.md §C.5): Alibaba `Config.endpoint = host[:port]` + `protocol = "http" | "https"`, Tencent
 * `httpProfile.endpoint = host[:port]` + `protocol = "http://" | "https://"`.
 */

/** A parsed endpoint override. */
export interface ParsedEndpoint {
  /** `http` or `https` (no `://`). */
  protocol: "http" | "https";
  /** `host[:port]`, lower-cased, without a trailing slash. */
  host: string;
}

/**
 * Parses `http://127.0.0.1:8080`, `https://teo.intl.tencentcloudapi.com`, `https://host/` or a bare `host[:port]`
 * (https assumed). Throws an Error naming the problem for anything else (other schemes, paths, queries, credentials).
 */
export function parseEndpoint(raw: string): ParsedEndpoint {
  const text = raw.trim();
  if (text === "") throw new Error("endpoint override is empty");
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const protocol = scheme ? scheme[1].toLowerCase() : "https";
  if (protocol !== "http" && protocol !== "https") {
    throw new Error(`endpoint override ${JSON.stringify(raw)}: only http:// and https:// are supported`);
  }
  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text}`);
  } catch {
    throw new Error(`endpoint override ${JSON.stringify(raw)} is not a valid host[:port] or URL`);
  }
  if (url.username || url.password) throw new Error("endpoint override must not contain credentials");
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new Error(`endpoint override ${JSON.stringify(raw)}: give only the scheme and host[:port], without a path or query`);
  }
  return { protocol, host: url.host.toLowerCase() };
}

/** True when `host[:port]` names this machine (`localhost`, `127.x.x.x`, `[::1]`). */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}
