/**
 * What installing, bundling and loading the package costs, vs @fal-ai/client 1.10, as ratios
 * measured in one run, both installed from their tarballs into fresh folders:
 *  - packed tarball and installed size (the package plus its dependencies);
 *  - an app's bundle (esbuild, minified, gzip -9) for a minimal use (create a client, run one
 *    model: target <= 0.66, issue 23) and for a full import (every export of the main entry);
 *  - cold `import` time (a fresh node process each time, median; target <= 0.5x), timed inside
 *    the process and as the whole process's wall time, spawn to exit.
 * Usage: npm run bench:package [-- --runs 21]
 */
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatTable, median } from "./lib/measure.js";
import { tempCheckout } from "./lib/temp-checkout.js";
import { syntheticExport } from "./lib/synthetic-export.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "21" } } });
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), "bench-package-"));
process.once("exit", () => rmSync(work, { recursive: true, force: true }));

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

// Packed from a copy: `npm pack` runs `prepare`, which rebuilds dist/ wherever it packs.
const checkout = tempCheckout("package");
const oursTarball = pack(".", checkout);
const theirsTarball = pack("@fal-ai/client@1.10.1", work);
const oursDir = install(oursTarball, "ours");
const theirsDir = install(theirsTarball, "theirs");
/**
 * Milliseconds the import itself takes in a fresh node process, timed inside that process (node's
 * own start-up, 40 ms of noise on this machine, stays out). Ours and theirs alternate run by run.
 */
const importMs = (dir: string, specifier: string) =>
  Number(
    execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`,
      ],
      { cwd: dir, encoding: "utf8" },
    ),
  );
/** Wall time of a whole node process that imports the package and exits: what a CLI user waits. */
const processMs = (dir: string, specifier: string) => {
  const started = performance.now();
  execFileSync(
    process.execPath,
    ["--input-type=module", "-e", `await import(${JSON.stringify(specifier)});`],
    {
      cwd: dir,
    },
  );
  return performance.now() - started;
};
const samples = { ours: [] as number[], theirs: [] as number[] };
const wall = { ours: [] as number[], theirs: [] as number[] };
importMs(oursDir, "chainhub-fal-client");
importMs(theirsDir, "@fal-ai/client");
for (let run = 0; run < runs; run++) {
  samples.ours.push(importMs(oursDir, "chainhub-fal-client"));
  samples.theirs.push(importMs(theirsDir, "@fal-ai/client"));
  wall.theirs.push(processMs(theirsDir, "@fal-ai/client"));
  wall.ours.push(processMs(oursDir, "chainhub-fal-client"));
}
const oursImport = median(samples.ours);
const theirsImport = median(samples.theirs);
const oursProcess = median(wall.ours);
const theirsProcess = median(wall.theirs);

/** An app's entry, bundled the way a web or serverless build would: gzip size of the output. */
async function appBundle(dir: string, source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: dir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}
const bundles = {
  oursMinimal: await appBundle(
    oursDir,
    `import { createClient } from "chainhub-fal-client";
     export const run = () => createClient().run("falAiFluxProKontextMax", { prompt: "p", image_url: "https://x.test/a.png" });`,
  ),
  theirsMinimal: await appBundle(
    theirsDir,
    `import { createFalClient } from "@fal-ai/client";
     export const run = () => createFalClient().subscribe("fal-ai/flux-pro/kontext/max", { input: { prompt: "p", image_url: "https://x.test/a.png" } });`,
  ),
  oursFull: await appBundle(oursDir, `export * from "chainhub-fal-client";`),
  theirsFull: await appBundle(theirsDir, `export * from "@fal-ai/client";`),
};

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
    "app bundle, create + run (target <= 0.66)",
    kb(bundles.oursMinimal),
    kb(bundles.theirsMinimal),
    (bundles.oursMinimal / bundles.theirsMinimal).toFixed(2),
  ],
  [
    "app bundle, every export",
    kb(bundles.oursFull),
    kb(bundles.theirsFull),
    (bundles.oursFull / bundles.theirsFull).toFixed(2),
  ],
  [
    "cold import, in-process (target <= 0.5)",
    `${oursImport.toFixed(1)} ms`,
    `${theirsImport.toFixed(1)} ms`,
    (oursImport / theirsImport).toFixed(2),
  ],
  [
    "node process importing it, wall time",
    `${oursProcess.toFixed(1)} ms`,
    `${theirsProcess.toFixed(1)} ms`,
    (oursProcess / theirsProcess).toFixed(2),
  ],
];
console.log(`Package cost (median of ${runs} cold imports)`);
console.log(formatTable(["measure", "chainhub-fal-client", "@fal-ai/client 1.10", "ratio"], rows));

/**
 * An app pays for the operations it calls: the same app (create a client, run one operation) on
 * contracts generated from synthetic exports of 1, 100 and 500 operations, bundled like the
 * app above. It passes either the whole `contract` or `contractWith(oneOperation)`, which lets
 * the bundler drop the other operations' tables.
 */
async function contractApps(operations: number): Promise<{ whole: number; picked: number }> {
  const spec = join(work, `synthetic-${operations}.yaml`);
  const out = join(work, `contract-${operations}`);
  writeFileSync(spec, syntheticExport(operations));
  execFileSync(
    process.execPath,
    [
      join(checkout, "scripts/bin/generate.mjs"),
      "--spec",
      spec,
      "--no-overlays",
      "--out",
      out,
      "--quiet",
    ],
    { cwd: checkout, stdio: "ignore" },
  );
  const first = /export const (\w+) = \{\s*id: "(\w+)"/.exec(
    readFileSync(join(out, "operations.gen.ts"), "utf8"),
  );
  if (!first) throw new Error(`no operation descriptor in ${out}/operations.gen.ts`);
  const [, descriptor, id] = first;
  const index = JSON.stringify(join(out, "index.gen.ts"));
  const call = `.run(${JSON.stringify(id)}, { prompt: "p", image_url: "https://x.test/a.png" })`;
  return {
    whole: await appBundle(
      oursDir,
      `import { createClient } from "chainhub-fal-client";
       import { contract } from ${index};
       export const run = () => createClient({ contract })${call};`,
    ),
    picked: await appBundle(
      oursDir,
      `import { createClient } from "chainhub-fal-client";
       import { contractWith, ${descriptor} } from ${index};
       export const run = () => createClient({ contract: contractWith(${descriptor}) })${call};`,
    ),
  };
}
const sizes = [1, 100, 500];
const apps: { whole: number; picked: number }[] = [];
for (const operations of sizes) apps.push(await contractApps(operations));
console.log(
  "\nApp bundle (create + run one operation) by the size of its contract (target: 500 <= 1.5x 1 operation)",
);
console.log(
  formatTable(
    ["operations in the contract", "whole contract", "vs 1", "contractWith(one)", "vs 1"],
    sizes.map((operations, i) => [
      operations,
      kb(apps[i]!.whole),
      `${(apps[i]!.whole / apps[0]!.whole).toFixed(2)}x`,
      kb(apps[i]!.picked),
      `${(apps[i]!.picked / apps[0]!.picked).toFixed(2)}x`,
    ]),
  ),
);
