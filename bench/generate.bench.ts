/**
 * Generation speed, printed as ratios measured in one process run (this machine is noisy).
 *  1. The full pipeline vs the bare openapi-typescript CLI on the same repaired export,
 *     both as the command a user runs (child processes, cold start included) and in process.
 *  2. Scaling over synthetic exports of 1, 10, 100, 500 and 2,000 endpoints: the command's
 *     wall time and peak memory, one cold process each.
 *     2b. 500 and 2,000 endpoints vs the bare CLI, as in 3.
 *  3. Real big specs (DigitalOcean's multi-file spec, a GitHub spec, OpenAI's 3.1 spec) vs the
 *     bare CLI: CPU time and peak memory, cold (no compile cache, no format memo) and cached
 *     (a second run on the same spec: both). They are not in the
 *     repository: see bench/big-specs.md for where to put them; absent ones are rows saying so.
 * Usage: npm run bench:generate [-- --runs 5 --big-runs 1]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { repairYaml } from "../scripts/lib/load/repair-yaml.js";
import { Diagnostics } from "../scripts/lib/diagnostics.js";
import { generate } from "../scripts/lib/generate.js";
import { formatTable, median, medianMs } from "./lib/measure.js";
import { syntheticExport } from "./lib/synthetic-export.js";
import {
  benchBigSpecs,
  bigSpecsFolder,
  compareWithBareCli,
  formatComparisons,
  type Comparison,
} from "./lib/big-specs.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "big-runs": { type: "string", default: "1" },
  },
});
const runs = Number(values.runs);
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "bench-generate-"));
const specPath = join(root, "spec/chainhub-fal-ai.apifox.yaml");
const repairedPath = join(work, "repaired.yaml");
writeFileSync(repairedPath, repairYaml(readFileSync(specPath, "utf8"), new Diagnostics("spec")));

const options = (spec: string, overlays: string[] = []) => ({
  root,
  spec,
  refRoot: dirname(spec),
  overlays,
  out: join(work, "out"),
  check: false,
  infer: true,
  explain: false,
  strict: false,
  quiet: true,
});
const node = process.execPath;
const OURS = "full pipeline";
const OURS_FIRST_RUN = "full pipeline, first run";

console.log(`Generation benchmark (median of ${runs} runs each, Node ${process.version})\n`);

/**
 * Commands on the same repaired export: ours, the bare openapi-typescript CLI, and peers
 * installed at pinned versions into the bench's temporary folder (not dependencies of this
 * project; skipped when npm cannot install them). Runs alternate between commands.
 */
const commands: { name: string; run: () => unknown }[] = [
  {
    name: "openapi-typescript 7 CLI",
    run: () =>
      execFileSync(
        node,
        [
          join(root, "node_modules/openapi-typescript/bin/cli.js"),
          repairedPath,
          "-o",
          join(work, "bare.ts"),
        ],
        { stdio: "ignore" },
      ),
  },
  ...[false, true].map((firstRun) => ({
    name: firstRun ? OURS_FIRST_RUN : OURS,
    run: () =>
      execFileSync(
        node,
        [join(root, "scripts/bin/generate.mjs"), "--out", join(work, "full"), "--quiet"],
        // A first run (after an install or an edit) compiles without the compile cache.
        {
          cwd: root,
          stdio: "ignore",
          env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: firstRun ? "1" : "" },
        },
      ),
  })),
];
const peerDir = join(work, "peers");
try {
  mkdirSync(peerDir);
  writeFileSync(join(peerDir, "package.json"), '{"name":"peers","private":true}');
  execFileSync(
    "npm",
    [
      "install",
      "@hey-api/openapi-ts@0.95.0",
      "orval@7.13.2",
      "--no-audit",
      "--no-fund",
      "--silent",
    ],
    { cwd: peerDir, stdio: "ignore" },
  );
  const bin = (name: string) => join(peerDir, "node_modules/.bin", name);
  commands.push(
    {
      name: "@hey-api/openapi-ts 0.95",
      run: () =>
        execFileSync(bin("openapi-ts"), ["-i", repairedPath, "-o", join(work, "hey-api")], {
          stdio: "ignore",
        }),
    },
    {
      name: "orval 7.13",
      run: () =>
        execFileSync(
          bin("orval"),
          ["--input", repairedPath, "--output", join(work, "orval", "api.ts")],
          { cwd: peerDir, stdio: "ignore" },
        ),
    },
  );
} catch (error) {
  console.log(`(hey-api and orval skipped: ${(error as Error).message.split("\n")[0]})\n`);
}
const commandSamples = new Map(commands.map((c) => [c.name, [] as number[]]));
for (const command of commands) command.run();
for (let run = 0; run < runs; run++)
  for (const command of commands) {
    const started = performance.now();
    command.run();
    commandSamples.get(command.name)!.push(performance.now() - started);
  }
const cliFull = median(commandSamples.get(OURS)!);
const cliFirstRun = median(commandSamples.get(OURS_FIRST_RUN)!);
const repairedText = readFileSync(repairedPath, "utf8");
const inBare = await medianMs(runs, async () =>
  astToString(await openapiTS(repairedText, { silent: true })),
);
const overlays = ["10-fal-relay.overlay.yaml", "20-fal-ai-flux-pro-kontext-max.overlay.yaml"].map(
  (n) => join(root, "spec/overlays", n),
);
const inFull = await medianMs(runs, () => generate(options(specPath, overlays)));

console.log(
  "1. Seed export: full pipeline vs bare openapi-typescript (target <= 1.3x) and its peers (target: faster)",
);
console.log(
  formatTable(
    ["mode", "baseline", "full pipeline", "ratio", "first run (no compile cache)", "ratio"],
    [
      ...commands
        .filter((command) => command.name !== OURS && command.name !== OURS_FIRST_RUN)
        .map((command) => {
          const ms = median(commandSamples.get(command.name)!);
          return [
            `command (cold) vs ${command.name}`,
            `${ms.toFixed(0)} ms`,
            `${cliFull.toFixed(0)} ms`,
            `${(cliFull / ms).toFixed(2)}x`,
            `${cliFirstRun.toFixed(0)} ms`,
            `${(cliFirstRun / ms).toFixed(2)}x`,
          ];
        }),
      [
        "in process (warm)",
        `${inBare.toFixed(1)} ms`,
        `${inFull.toFixed(1)} ms`,
        `${(inFull / inBare).toFixed(2)}x`,
        "",
        "",
      ],
    ],
  ),
);

console.log(
  "\n2. Scaling over synthetic exports, one cold process per size (target: 2,000 <= 4x the time of 500, peak < 600 MB)",
);
const rows: (string | number)[][] = [];
const timeOf = new Map<number, number>();
for (const endpoints of [1, 10, 100, 500, 2000]) {
  const path = join(work, `synthetic-${endpoints}.yaml`);
  writeFileSync(path, syntheticExport(endpoints));
  // The command users run (the prebuilt bundle), one cold process per sample.
  const peakFile = join(work, "peak");
  const samples = Array.from({ length: endpoints >= 500 ? 1 : Math.min(runs, 3) }, () => {
    const started = performance.now();
    execFileSync(
      process.execPath,
      [
        "--import",
        join(root, "bench/lib/report-peak.mjs"),
        join(root, "scripts/bin/generate.mjs"),
        "--spec",
        path,
        "--no-overlays",
        "--out",
        join(work, `out-${endpoints}`),
        "--quiet",
      ],
      { cwd: root, stdio: "ignore", env: { ...process.env, REPORT_PEAK_TO: peakFile } },
    );
    const ms = performance.now() - started;
    return { ms, maxRssMb: Number(readFileSync(peakFile, "utf8")) };
  });
  samples.sort((a, b) => a.ms - b.ms);
  const typical = samples[Math.floor(samples.length / 2)]!;
  timeOf.set(endpoints, typical.ms);
  rows.push([
    endpoints,
    `${typical.ms.toFixed(0)} ms`,
    `${(typical.ms / endpoints).toFixed(2)} ms`,
    `${typical.maxRssMb.toFixed(0)} MB`,
  ]);
}
console.log(formatTable(["endpoints", "npm run generate", "per endpoint", "peak RSS"], rows));
console.log(
  `2,000 / 500 endpoints: ${(timeOf.get(2000)! / timeOf.get(500)!).toFixed(2)}x (target <= 4x)`,
);

console.log(
  "\n2b. 500 and 2,000 synthetic endpoints vs the bare openapi-typescript CLI on the same repaired export: CPU time and peak memory (target: 2,000 <= 4x the CPU of 500)",
);
const synthetic = [500, 2000].map((endpoints) => {
  const spec = join(work, `synthetic-${endpoints}.yaml`);
  const bareSpec = join(work, `synthetic-${endpoints}.repaired.yaml`);
  writeFileSync(bareSpec, repairYaml(readFileSync(spec, "utf8"), new Diagnostics("synthetic")));
  return { label: `${endpoints} endpoints`, spec, bareSpec };
});
const syntheticRows = compareWithBareCli(root, work, synthetic, 1);
console.log(formatComparisons(syntheticRows));
const [at500, at2000] = syntheticRows;
if (at500 && at2000 && !("failure" in at500) && !("failure" in at2000)) {
  const growth = (pick: (c: Comparison) => number) => (pick(at2000) / pick(at500)).toFixed(2);
  console.log(
    `2,000 / 500 endpoints, CPU: ours cold ${growth((c) => c.cold.cpuMs)}x, cached ${growth((c) => c.cached.cpuMs)}x, bare CLI ${growth((c) => c.bare.cpuMs)}x (target <= 4x)`,
  );
}

console.log(
  `\n3. Real big specs from ${bigSpecsFolder()}: CPU time (user + system) and peak memory vs the bare openapi-typescript CLI, median of ${values["big-runs"]} alternating run(s) (target <= 1.3x CPU, <= 1.2x memory, cold and cached)`,
);
benchBigSpecs(root, work, Number(values["big-runs"]));
