/** Time formats and day boundaries of the Alibaba APIs (cloud-apis.md "Surprises" 11 and §D.3). */

const DAY_MS = 86_400_000;
/** Alibaba daily quotas roll over at 00:00 UTC+8 (https://www.alibabacloud.com/help/en/cdn/user-guide/quota-management). */
export const UTC8_OFFSET_MS = 8 * 3_600_000;

/** `2020-08-03T08:54:23Z`: CDN/DCDN `CreationTime`, request timestamps. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** `yyyy-MM-dd HH:mm:ss` of a whole second in the zone `offsetMs` east of UTC, without a zone (ESA `CreateTime`). */
export function zonelessTime(ms: number, offsetMs: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + offsetMs).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * Parses a request time `yyyy-MM-ddTHH:mm:ssZ` (also `yyyy-MM-ddTHH:mmZ`, the DCDN doc's format note, §A.2);
 * null when malformed.
 */
export function parseUtcTime(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/** The UTC+8 calendar day a virtual instant falls in (days since the epoch). */
export function utc8Day(ms: number): number {
  return Math.floor((ms + UTC8_OFFSET_MS) / DAY_MS);
}
