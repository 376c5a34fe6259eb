/**
 * Pulumi's preview-time "unknown" sentinel. During `pulumi preview`, inputs that depend on resources not created yet
 * reach `check`/`diff` as this string, either as a whole value or as an element of an array
 * (shared reference pulumi-dynamic-providers.md §1.6). Validation must tolerate it.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `v` is the unknown sentinel. */
export function isUnknown(v: unknown): boolean {
  return v === UNKNOWN;
}

/** True when `v` or anything inside it is unknown. */
export function containsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === "object") return Object.values(v as Record<string, unknown>).some(containsUnknown);
  return false;
}

/** True when the value at `path` in `root`, or any value on the way to it, is unknown. */
export function unknownOnPath(root: unknown, path: readonly PropertyKey[]): boolean {
  let cur: unknown = root;
  for (const key of path) {
    if (isUnknown(cur)) return true;
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return containsUnknown(cur);
}
