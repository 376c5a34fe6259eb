import assert from "node:assert/strict";
import { createProgressReporter, formatProgress, PROGRESS_DEFAULTS } from "../../provider/engine/progress";
import { ManualClock } from "../helpers/manual-clock";

const snap = (progress: number, done: number, total = 50, failed = 0) => ({ progress, done, total, failed });

function setup(minIntervalMs?: number) {
  const clock = new ManualClock();
  const lines: string[] = [];
  const r = createProgressReporter({ clock, minIntervalMs, log: (l) => lines.push(`${clock.elapsed()} ${l}`), label: "site-assets" });
  return { clock, lines, r };
}

describe("engine progress reporter", () => {
  it("formats one concise line", () => {
    assert.equal(formatProgress("site-assets", snap(62, 31, 50, 1)), "prefetch site-assets: 62% — 31/50 URLs done, 1 failed");
    assert.equal(formatProgress("a", { ...snap(10, 1, 4), running: 3 }), "prefetch a: 10% — 1/4 URLs done, 0 failed, 3 running");
  });

  it("floors and clamps the percentage (never 100% before the end)", () => {
    assert.match(formatProgress("a", snap(99.9, 1)), /: 99% /);
    assert.match(formatProgress("a", snap(140, 1)), /: 100% /);
    assert.match(formatProgress("a", snap(-1, 1)), /: 0% /);
    assert.match(formatProgress("a", snap(Number.NaN, 1)), /: 0% /);
  });

  it("defaults to one line per 10 s", () => {
    assert.equal(PROGRESS_DEFAULTS.minIntervalMs, 10_000);
  });

  it("prints the first report, then only changes at least minIntervalMs apart, and always the final line", () => {
    const { clock, lines, r } = setup();
    r.report(snap(0, 0));          // t=0: first → printed
    clock.tick(3000);
    r.report(snap(10, 5));         // changed, too soon → skipped
    clock.tick(7000);
    r.report(snap(10, 5));         // t=10000: changed vs last printed, interval passed → printed
    clock.tick(15_000);
    r.report(snap(10, 5));         // unchanged → skipped however long it has been
    clock.tick(1000);
    r.report(snap(20, 10));        // t=26000: changed, 16 s since last print → printed
    clock.tick(1);
    r.report(snap(30, 15));        // too soon → skipped
    r.final(snap(100, 50, 50, 1)); // always
    assert.deepEqual(lines, [
      "0 prefetch site-assets: 0% — 0/50 URLs done, 0 failed",
      "10000 prefetch site-assets: 10% — 5/50 URLs done, 0 failed",
      "26000 prefetch site-assets: 20% — 10/50 URLs done, 0 failed",
      "26001 prefetch site-assets: 100% — 50/50 URLs done, 1 failed",
    ]);
  });

  it("prints the final line once: not again when the last report already printed it (issue 10)", () => {
    const { clock, lines, r } = setup();
    r.report(snap(100, 50));
    r.final(snap(100, 50));
    assert.deepEqual(lines, ["0 prefetch site-assets: 100% — 50/50 URLs done, 0 failed"]);
    clock.tick(1);
    r.report(snap(100, 49, 50, 1)); // changed but too soon: not printed
    r.final(snap(100, 49, 50, 1));  // the outcome differs from the last printed line: printed
    assert.deepEqual(lines.slice(1), ["1 prefetch site-assets: 100% — 49/50 URLs done, 1 failed"]);
  });

  it("final with no report before it still prints", () => {
    const { lines, r } = setup();
    r.final(snap(100, 2, 2));
    assert.deepEqual(lines, ["0 prefetch site-assets: 100% — 2/2 URLs done, 0 failed"]);
  });

  it("a small minIntervalMs prints every change", () => {
    const { clock, lines, r } = setup(0);
    for (let i = 0; i <= 3; i++) { r.report(snap(i * 10, i)); r.report(snap(i * 10, i)); clock.tick(1); }
    assert.equal(lines.length, 4);
  });
});
