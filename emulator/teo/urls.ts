/**
 * EdgeOne `Targets`: full http(s) URLs (cloud-apis.md §A.4, §D.4), the form a query echoes them in (`teo.urlEcho`), and
 * the media segments a playlist target stands for (`PrefetchMediaSegments`, `teo.mediaSegments`).
 */
import type { EmulatorConfig } from "../core/types";
import { variantValue } from "../core/variants";
import { teoUrlEcho } from "./variants";

/** Why a target is refused (a `FailedList` reason), or null. `domains`: the zone's host names, null for any. */
export function targetRefusal(target: string, domains: readonly string[] | null): string | null {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    return "Invalid URL: targets must be full URLs with scheme.";
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return "Invalid URL: only http and https are supported.";
  if (domains && !domains.includes(u.hostname.toLowerCase())) return "The domain of the URL does not belong to the zone.";
  return null;
}

/** The lower-case host of a target that parses (refused targets never reach the store), else "". */
export function hostOf(target: string): string {
  try {
    return new URL(target).hostname.toLowerCase();
  } catch {
    return "";
  }
}

/** Splits a URL into `scheme://authority` and the rest (path, query, fragment). */
function split(url: string): [string, string] {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is.exec(url);
  return m ? [m[1], m[2]] : ["", url];
}

/** Non-ASCII characters and spaces percent-encoded as UTF-8, upper-case hex (RFC 3986 §2.1); the rest as sent. */
function encodeUnsafe(text: string): string {
  return text.replace(/[^\x21-\x7e]+/gu, (run) => {
    try {
      return encodeURIComponent(run);
    } catch {
      return run; // a lone surrogate cannot be encoded; kept as sent
    }
  });
}

/** `normalized`: scheme and host lower-cased, percent-escapes upper-cased (RFC 3986 §6.2.2.1); the rest as sent. */
export function normalizeTarget(url: string): string {
  const [authority, rest] = split(url);
  return authority.toLowerCase() + rest.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
}

/** `encoded`: non-ASCII characters and spaces of the path and query percent-encoded; scheme and host as sent. */
export function encodeTarget(url: string): string {
  const [authority, rest] = split(url);
  return authority + encodeUnsafe(rest);
}

/** A stored target as DescribePrefetchTasks echoes it (and as its exact `target` filter compares it). */
export function echoTarget(url: string, config: EmulatorConfig): string {
  const form = variantValue(config, teoUrlEcho);
  if (form === "normalized") return normalizeTarget(url);
  if (form === "encoded") return encodeTarget(url);
  return url;
}

/** Segments one playlist stands for (emulator choice: the docs give no figure; 3 keeps listings small). */
export const SEGMENTS_PER_PLAYLIST = 3;

/** True for an HLS playlist target (`.m3u8` path, any case): the only media type segment prefetch parses (§A.4). */
export function isPlaylist(target: string): boolean {
  try {
    return /\.m3u8$/i.test(new URL(target).pathname);
  } catch {
    return false;
  }
}

/** The segment URLs of a playlist: `<dir>/seg-N.ts`, N = 1..{@link SEGMENTS_PER_PLAYLIST}, beside the playlist. */
export function segmentsOf(playlist: string): string[] {
  const u = new URL(playlist);
  const dir = `${u.origin}${u.pathname.slice(0, u.pathname.lastIndexOf("/") + 1)}`;
  return Array.from({ length: SEGMENTS_PER_PLAYLIST }, (_, i) => `${dir}seg-${i + 1}.ts`);
}
