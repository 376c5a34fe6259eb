/**
 * An HTTP client for the control plane of an emulator running in another process (e.g. `npm run emulator`).
 */
import * as http from "node:http";
import type { EmulatorControl, EmulatorSnapshot } from "./core/control";
import type { EdgeSnapshot } from "./core/edge";
import type { EmulatorStats } from "./core/stats";
import type { AcceptedTask } from "./core/types";
import type { VariantDef } from "./core/variants";

function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const url = new URL(path, base);
  const data = body === undefined ? "" : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} ${path}: ${parsed.error ?? res.statusCode}`));
        else resolve(parsed as T);
      });
    });
    req.on("error", reject);
    req.end(data);
  });
}

/** The control plane of the emulator at `url`, with the same methods as the in-process control. */
export function controlClient(url: string): EmulatorControl {
  const post = (path: string, body: unknown) => call<EmulatorSnapshot>(url, "POST", path, body).then(() => undefined);
  return {
    reset: () => post("/_emulator/reset", {}),
    setClock: (o) => post("/_emulator/clock", o),
    advance: (ms) => post("/_emulator/clock", { advanceMs: ms }),
    setRules: (rules, defaultDurationMs) => post("/_emulator/rules", { rules, defaultDurationMs }),
    addFaults: (faults) => post("/_emulator/faults", { faults }),
    clearFaults: () => post("/_emulator/faults/clear", {}),
    setConfig: (patch) => post("/_emulator/config", patch),
    stats: () => call<EmulatorStats>(url, "GET", "/_emulator/stats"),
    state: () => call<EmulatorSnapshot>(url, "GET", "/_emulator/state"),
    tasks: () => call<AcceptedTask[]>(url, "GET", "/_emulator/tasks"),
    variants: () => call<VariantDef[]>(url, "GET", "/_emulator/variants"),
    setOrigin: (origin) => post("/_emulator/origin", { origin }),
    edge: () => call<EdgeSnapshot>(url, "GET", "/_emulator/edge"),
  };
}
