/**
 * Alibaba time formats (cloud-apis.md "Surprises" 11): request times are `yyyy-MM-ddTHH:mm:ssZ` UTC; ESA's
 * `CreateTime` is `yyyy-MM-dd HH:mm:ss` with no zone (seed 001).
 */

/** `yyyy-MM-ddTHH:mm:ssZ` (UTC, whole seconds), the format Alibaba request times must use. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** The zones a timezone-less ESA `CreateTime` may be in (emulator variant `esa.createTimeZone`). */
export type EsaZone = "utc8" | "utc";

/** The instants one `CreateTime` stands for under each zone, ms since the epoch. */
export type EsaCreateTimeReadings = Readonly<Record<EsaZone, number>>;

const UTC8_OFFSET_MS = 8 * 3_600_000;

/**
 * Reads ESA `CreateTime` (`2023-03-28 14:28:57`, seed 001) under both plausible zones: China Standard Time (UTC+8,
 * the zone the ESA console shows) and UTC (the zone of the request times). The zone is not documented. A value that
 * carries a zone (ISO 8601 `Z` or `±hh:mm`) has one reading, given under both names. Null when malformed.
 */
export function esaCreateTimeReadings(value: string | undefined | null): EsaCreateTimeReadings | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  if (m[7] !== undefined) {
    const at = wall - zoneOffsetMs(m[7]);
    return { utc8: at, utc: at };
  }
  return { utc8: wall - UTC8_OFFSET_MS, utc: wall };
}

/**
 * ESA `CreateTime` read as UTC+8 (the console's zone), for ordering and display; null when malformed. Matching a task
 * to a batch reads both zones (alibaba-esa/query.ts).
 */
export function parseEsaCreateTime(value: string | undefined | null): number | null {
  return esaCreateTimeReadings(value)?.utc8 ?? null;
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}
