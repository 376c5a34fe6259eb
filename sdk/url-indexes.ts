/**
 * Reading the index lists of the outputs (`batches[].urlIndexes`, `uncertainBatches[].urlIndexes`,
 * `unsubmittedIndexes`): positions in the resource's `urls`, written as ranges such as `"0-99,150-199"`. The provider
 * writes them (provider/resources/index-ranges.ts); the SDK reaches provider code only through types, so this reader
 * is its own (tests/unit/state-layout.spec.ts checks the two agree).
 */

/**
 * The URLs an index list names, in order: `urlsAt(urls, "0-1,5")` is `[urls[0], urls[1], urls[5]]` (the `url` of a
 * `{ url, version }` entry); `""` names none.
 * Throws on a malformed list or a position outside `urls`.
 */
export function urlsAt(urls: readonly (string | { url: string })[], indexes: string): string[] {
  const out: string[] = [];
  for (const item of indexes === "" ? [] : indexes.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!(from <= to) || to >= urls.length) throw new Error(`"${item}" is not a range of positions in a list of ${urls.length} URLs`);
    for (let i = from; i <= to; i++) {
      const entry = urls[i];
      out.push(typeof entry === "string" ? entry : entry.url);
    }
  }
  return out;
}
