/**
 * How a taken fault changes the serving of one call, shared by the product modules. The vendor-specific parts (the
 * error envelope, what "no task" looks like) come from the module through {@link FaultedCall}; the socket-level parts
 * are returned as a {@link TransportEffect} that the server carries out.
 */
import type { EmulatorResponse, Fault, TakenFault } from "./types";

/** The vendor-specific halves of a call a fault may change. */
export interface FaultedCall {
  /**
   * Serves the call and renders its reply, vendor errors included (it never throws a vendor error, so that
   * `drop-after-accept` and `malformed` apply to refusals too). `hideTasks`: answer as if no task existed.
   */
  serve(hideTasks: boolean): Promise<EmulatorResponse>;
  /** The vendor's error reply for a refusal fault (`throttle`, `internal`, `error`). */
  refuse(fault: Fault): EmulatorResponse;
}

/** Reply of a call whose socket is destroyed unanswered; a server that ignores `transport` still sends a 502. */
export const DESTROYED: EmulatorResponse = { status: 502, body: { error: "connection reset by an injected fault" }, transport: { destroy: true } };

/** A proper prefix of the serialized reply: never valid JSON (an object's text is complete only at its last brace). */
export function truncatedBody(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

/**
 * Serves `call` under `fault` (null: no fault). A `delay` waits with the fault's `wait` (the emulator clock, set by the
 * context's `takeFault`), or sleeps `delayMs` of wall-clock time when the fault has none.
 */
export async function serveWithFault(fault: TakenFault | null, call: FaultedCall): Promise<EmulatorResponse> {
  if (!fault) return call.serve(false);
  switch (fault.kind) {
    case "throttle":
    case "internal":
    case "error":
      return call.refuse(fault);
    case "delay":
      await (fault.wait ? fault.wait() : new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0)));
      return call.serve(false);
    case "empty":
      return call.serve(true);
    case "reset":
      return DESTROYED;
    case "drop-after-accept":
      return { ...(await call.serve(false)), transport: { destroy: true } };
    case "malformed": {
      const served = await call.serve(false);
      return { status: 200, headers: served.headers, body: truncatedBody(served.body) };
    }
    case "down": {
      const downMs = fault.durationMs ?? 0;
      if (fault.begin === "after") return { ...(await call.serve(false)), transport: { downMs } };
      return { ...DESTROYED, transport: { destroy: true, downMs } };
    }
  }
}
