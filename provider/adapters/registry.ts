/**
 * Picks the adapter for a cloud kind. Each factory builds its vendor SDK client for the connection on the spot (the
 * SDKs are `require`d lazily inside the factories; nothing here holds a client).
 */
import type { Clock } from "../engine/clock";
import type { CloudKind } from "../model/cloud";
import type { Connection, PrefetchAdapter } from "./types";
import { createCdnAdapter } from "./alibaba-cdn/adapter";
import { createDcdnAdapter } from "./alibaba-dcdn/adapter";
import { createEsaAdapter } from "./alibaba-esa/adapter";
import { createEdgeOneAdapter } from "./edgeone/adapter";

/** Builds the adapter for `cloud` over `connection`; `clock` drives query and reconciliation windows. */
export function createAdapter(cloud: CloudKind, connection: Connection, clock: Clock): PrefetchAdapter {
  switch (cloud) {
    case "edgeone": return createEdgeOneAdapter(connection, clock);
    case "alibaba-cdn": return createCdnAdapter(connection, clock);
    case "alibaba-dcdn": return createDcdnAdapter(connection, clock);
    case "alibaba-esa": return createEsaAdapter(connection, clock);
    default: throw new Error(`unknown cloud kind ${JSON.stringify(cloud)}`);
  }
}
