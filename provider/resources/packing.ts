/**
 * Outputs of a partial failure that fit what Pulumi's Node.js dynamic-provider host can send.
 *
 * A run that ends unfinished reaches the engine as an `ErrorResourceInitFailed` whose properties travel in one gRPC
 * trailer, `grpc-status-details-bin` (@pulumi/pulumi cmd/dynamic-provider/index.js `grpcResponseFromError`), base64 of
 * the protobuf. nghttp2, under Node's HTTP/2, sends no header field over 64 KiB
 * (https://nodejs.org/api/http2.html, `maxSendHeaderBlockLength` and the nghttp2 per-pair note): bigger properties never
 * reach the engine, the RPC fails without them, and a create's accepted tasks would be lost
 * (tests/host/partial-failure-size.spec.ts shows both sides). Successful runs answer in the response body and are
 * not limited so.
 *
 * So a partial failure whose outputs exceed {@link PLAIN_LIMIT} carries them packed: the summary fields people read
 * stay plain, everything else is gzipped into `packedOutputs` (secret when any input was). Every entry point that
 * reads stored outputs unpacks first (provider.ts), so the next `up` resumes and a refresh writes them out plain again.
 * `check` keeps the inputs small enough that a packed partial failure always fits ({@link INPUTS_PACKED_LIMIT}).
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { isSecretValue, secretValue } from "./secrets";

/** Largest serialized outputs sent plain in a partial failure, bytes of JSON: about half the trailer's 64 KiB. */
export const PLAIN_LIMIT = 30_000;

/**
 * Largest gzip of the echoed `urls` and `headers` `check` accepts, bytes. The packed blob is base64 inside the
 * protobuf, which is base64 again in the trailer, next to the record, the message and the reasons. Measured through
 * Pulumi's host: lists compressing to 40 KB still arrived; 32 KB keeps a margin for the record and the message
 * (tests/host/partial-failure-size.spec.ts runs the largest list this accepts, with purgeFirst, to a partial failure).
 */
export const INPUTS_PACKED_LIMIT = 32_000;

/** The output that holds packed outputs. */
export const PACKED_KEY = "packedOutputs";

/** Outputs kept plain next to the packed ones: what `pulumi stack` and people read first. */
const PLAIN_KEYS = [
  "cloud", "status", "progress", "urlCount", "succeededCount", "failedCount", "pendingCount", "taskIds", "submittedAt",
  "finishedAt", "verifiedAt", "historyAvailable", "adopted", "progressLabel", "__provider",
];

/** The gzip size of a value's JSON, bytes. */
export function packedSize(value: unknown): number {
  return gzipSync(JSON.stringify(value)).length;
}

/** The outputs of a partial failure: as they are when small, else packed (see the file comment). */
export function packForFailure(outs: Record<string, unknown>, secret: boolean): Record<string, unknown> {
  if (JSON.stringify(outs).length <= PLAIN_LIMIT) return outs;
  const plain: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(outs)) (PLAIN_KEYS.includes(k) ? plain : rest)[k] = v;
  const packed = gzipSync(JSON.stringify(rest)).toString("base64");
  return { ...plain, [PACKED_KEY]: secret ? secretValue(packed) : packed };
}

/** Stored outputs with packed ones unpacked (unchanged when nothing is packed). */
export function unpackOutputs(stored: Record<string, unknown>): Record<string, unknown> {
  const raw = stored[PACKED_KEY];
  const packed = isSecretValue(raw) ? raw.value : raw;
  if (typeof packed !== "string") return stored;
  const { [PACKED_KEY]: _packed, ...plain } = stored;
  const rest = JSON.parse(gunzipSync(Buffer.from(packed, "base64")).toString("utf8")) as Record<string, unknown>;
  return { ...rest, ...plain };
}
