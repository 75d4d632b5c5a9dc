/**
 * What installing and loading the package costs, vs @fal-ai/client 1.10, as ratios measured in
 * one run: packed tarball size, installed size (the package plus its dependencies) and cold
 * `import` time (a fresh node process each time, median).
 * Usage: npm run bench:package [-- --runs 7]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatTable, medianMs } from "./lib/measure.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(values.runs);
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "bench-package-"));

function pack(spec: string, cwd: string): string {
  const name = execFileSync("npm", ["pack", spec, "--pack-destination", work, "--silent"], {
    cwd,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop()!;
  return join(work, name);
}

function install(tarball: string, label: string): string {
  const dir = join(work, label);
  mkdirSync(dir);
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: `bench-${label}`, private: true, type: "module" }),
  );
  execFileSync(
    "npm",
    ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--silent"],
    { cwd: dir },
  );
  return dir;
}

function treeSize(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + treeSize(join(path, name)), 0);
}

const oursTarball = pack(".", root);
const theirsTarball = pack("@fal-ai/client@1.10.1", work);
const oursDir = install(oursTarball, "ours");
const theirsDir = install(theirsTarball, "theirs");
const importTime = (dir: string, specifier: string) =>
  medianMs(runs, () =>
    execFileSync(
      process.execPath,
      ["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`],
      { cwd: dir },
    ),
  );
const baseline = await medianMs(runs, () => execFileSync(process.execPath, ["-e", "0"]));
const oursImport = (await importTime(oursDir, "chainhub-fal-client")) - baseline;
const theirsImport = (await importTime(theirsDir, "@fal-ai/client")) - baseline;

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const rows: (string | number)[][] = [
  [
    "packed tarball",
    kb(statSync(oursTarball).size),
    kb(statSync(theirsTarball).size),
    (statSync(oursTarball).size / statSync(theirsTarball).size).toFixed(2),
  ],
  [
    "installed (node_modules)",
    kb(treeSize(join(oursDir, "node_modules"))),
    kb(treeSize(join(theirsDir, "node_modules"))),
    (treeSize(join(oursDir, "node_modules")) / treeSize(join(theirsDir, "node_modules"))).toFixed(
      2,
    ),
  ],
  [
    "cold import (minus bare node)",
    `${oursImport.toFixed(1)} ms`,
    `${theirsImport.toFixed(1)} ms`,
    (oursImport / theirsImport).toFixed(2),
  ],
];
console.log(`Package cost (median of ${runs} cold imports)`);
console.log(formatTable(["measure", "chainhub-fal-client", "@fal-ai/client 1.10", "ratio"], rows));
