/**
 * What a fresh clone packs: the files git would check out (tracked and new, not ignored; so no lib/, no
 * node_modules), copied to a temporary directory whose node_modules links to this checkout's, then `npm pack` there
 * (its `prepack` builds lib/). Also installs a tarball into a new program directory, as a user would.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** The files of a commit of the current work: tracked (not deleted) plus untracked ones git does not ignore. */
export function checkoutFiles(root = ROOT): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  return [...new Set(out.split("\0").filter(Boolean))].filter((f) => fs.existsSync(path.join(root, f)));
}

/** Copies the checkout's files into `dest` and links this checkout's node_modules there (no install). */
export function copyCheckout(dest: string, root = ROOT): void {
  for (const file of checkoutFiles(root)) {
    fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dest, file));
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dest, "node_modules"), "dir");
}

/** One entry of `npm pack --json`. */
export interface PackResult {
  filename: string;
  files: { path: string; size: number }[];
}

/** Runs `npm pack` in `dir` (lifecycle scripts included, as on a fresh clone) into `destination`. */
export function pack(dir: string, destination: string): PackResult {
  const json = execFileSync(npm, ["pack", "--json", "--pack-destination", destination, "--loglevel=error"], { cwd: dir, encoding: "utf8" });
  // `prepack` output (tsc) may precede the JSON array on stdout.
  return (JSON.parse(json.slice(json.indexOf("\n[") + 1 || json.indexOf("["))) as PackResult[])[0];
}

/** Writes a program `package.json` with `dependencies` and installs them (cache first, no lifecycle scripts). */
export function installProgram(dir: string, dependencies: Record<string, string>): void {
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "packed-program", private: true, main: "index.js", dependencies }, null, 2));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: packed\nruntime: nodejs\n");
  execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
}
