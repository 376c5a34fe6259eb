/**
 * Index lists as short text: how the outputs name declared URLs by their position in `urls` instead of spelling them
 * out again (state.ts). `"0-99,150,160-199"` is 0, 1, …, 99, 150, 160, …, 199, in that order; `""` is no index.
 * Order is kept exactly (a list that goes back, e.g. `"5-9,0-4"`, is written as it is), so a list round-trips.
 */

/** The text for a list of non-negative integer indexes: ascending runs of consecutive numbers become `a-b`. */
export function formatIndexes(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length;) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    parts.push(j === i ? `${indexes[i]}` : `${indexes[i]}-${indexes[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

const ITEM = /^(\d+)(?:-(\d+))?$/;

/**
 * The indexes a text written by {@link formatIndexes} names, in order. Throws on anything else (a malformed item, a
 * descending `a-b`, or an index of `limit` or more): such a text was not written by this provider.
 */
export function parseIndexes(text: string, limit = Number.MAX_SAFE_INTEGER): number[] {
  const out: number[] = [];
  if (text === "") return out;
  for (const item of text.split(",")) {
    const m = ITEM.exec(item);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!(from <= to) || to >= limit) throw new Error(`"${item}" in the index list "${shorten(text)}" is not an index range below ${limit}`);
    for (let i = from; i <= to; i++) out.push(i);
  }
  return out;
}

/** The first characters of a long text, for messages. */
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
