/**
 * Small timing helpers for the bench (wall-clock, `performance.now()`), and the figure record it prints.
 */
import { performance } from "node:perf_hooks";

/** One line of the bench table. */
export interface Figure {
  /** What was measured. */
  name: string;
  /** The figure, formatted with its unit. */
  value: string;
  /** How it was measured (so the number can be reproduced and judged). */
  how: string;
}

/** Runs `fn` and returns its result with the elapsed wall time in ms. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of an empty list");
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `12.3 ms` / `1.23 s`. */
export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

/** `1,234 B (1.2 KiB)`. */
export function bytes(n: number): string {
  return n >= 1024 ? `${n.toLocaleString("en-US")} B (${(n / 1024).toFixed(1)} KiB)` : `${n} B`;
}

/** Prints figures as an aligned table: name, value, how measured. */
export function printTable(figures: readonly Figure[]): void {
  const w1 = Math.max(6, ...figures.map((f) => f.name.length));
  const w2 = Math.max(5, ...figures.map((f) => f.value.length));
  const line = (a: string, b: string, c: string) => console.log(`${a.padEnd(w1)}  ${b.padEnd(w2)}  ${c}`);
  line("figure", "value", "how measured");
  line("-".repeat(w1), "-".repeat(w2), "-".repeat(12));
  for (const f of figures) line(f.name, f.value, f.how);
}
