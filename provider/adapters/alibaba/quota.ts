/**
 * Alibaba quota fields are strings ("500"), not numbers (cloud-apis.md §A.1, "Surprises" 10).
 */

/** A non-negative integer from a quota string or number; null when absent or not a number. */
export function quotaNumber(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  const t = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.floor(Number(t));
}
