/**
 * Alibaba time formats (cloud-apis.md "Surprises" 11): request times are `yyyy-MM-ddTHH:mm:ssZ` UTC; ESA's
 * `CreateTime` is `yyyy-MM-dd HH:mm:ss` with no zone
 */

/** `yyyy-MM-ddTHH:mm:ssZ` (UTC, whole seconds), the format Alibaba request times must use. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * Parses ESA `CreateTime` (`2023-03-28 14:28:57`, seed 001). The zone is not documented; it is read as China Standard
 * Time (UTC+8), the zone the ESA console shows. The adapter only uses it to order tasks of the same URL, which does
 * not depend on the zone. ISO-8601 values with a zone are accepted too. Null when malformed.
 */
export function parseEsaCreateTime(value: string | undefined | null): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return utc - zoneOffsetMs(m[7] ?? "+08:00");
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}
