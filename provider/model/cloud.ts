/**
 * The clouds (API families) this package supports.
 *
 * Each kind maps to exactly one adapter under `provider/adapters/` and one resource class under `sdk/`.
 */
export type CloudKind = "edgeone" | "alibaba-cdn" | "alibaba-dcdn" | "alibaba-esa";

/** Every supported cloud kind. */
export const CLOUD_KINDS: readonly CloudKind[] = ["edgeone", "alibaba-cdn", "alibaba-dcdn", "alibaba-esa"];

/** Which vendor a cloud kind belongs to; decides which credentials and config namespace are used. */
export function vendorOf(cloud: CloudKind): "tencent" | "alibaba" {
  return cloud === "edgeone" ? "tencent" : "alibaba";
}
