/**
 * Real big specs, side by side with the bare openapi-typescript CLI: CPU time (user + system)
 * and peak memory of each command as a child process, ours both cold (no compile cache, no
 * format memo) and cached (a second run on the same spec). The specs are not in the repository and the bench fetches nothing: put them under
 * CHAINHUB_BENCH_SPECS (default ~/.cache/chainhub-bench-specs) as bench/big-specs.md says; a
 * spec that is absent is a row saying so.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { formatTable, median } from "./measure.js";

interface BigSpec {
  label: string;
  /** Relative to the specs folder. */
  file: string;
}

export const BIG_SPECS: BigSpec[] = [
  {
    label: "DigitalOcean (3.0, 2,260 files)",
    file: "digitalocean/specification/DigitalOcean-public.v2.yaml",
  },
  { label: "GitHub GHES 3.6 diff (3.0, JSON)", file: "octokit-ghes-3.6-diff-to-api.json" },
  { label: "OpenAI (3.1)", file: "openai.yaml" },
];

export function bigSpecsFolder(): string {
  return process.env.CHAINHUB_BENCH_SPECS ?? join(homedir(), ".cache/chainhub-bench-specs");
}

export interface Usage {
  cpuMs: number;
  maxRssMb: number;
}

/** Runs one command under the usage reporter; the line of its error output when it fails. */
function usageOf(
  root: string,
  work: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Usage | string {
  const file = join(work, "usage.json");
  try {
    execFileSync(
      process.execPath,
      ["--import", join(root, "bench/lib/report-usage.mjs"), ...args],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, ...env, REPORT_USAGE_TO: file },
      },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? "");
    return stderr.split("\n").find((line) => /error/i.test(line)) ?? "failed";
  }
  return JSON.parse(readFileSync(file, "utf8")) as Usage;
}

/** A spec both commands run on: ours reads `spec`, the bare CLI `bareSpec` (repaired YAML). */
export interface ComparedSpec {
  label: string;
  spec: string;
  bareSpec?: string;
}

/** CPU and peak memory medians per command, or why a command failed. */
export interface Comparison {
  label: string;
  bare: Usage;
  cold: Usage;
  cached: Usage;
}

/**
 * Runs the bare openapi-typescript CLI and ours (cold: no compile cache and no format memo, as
 * after an install or an edit of the generator; cached: both, as on a second run of an
 * unchanged spec) on each spec, alternating, `runs` times each; medians per command.
 */
export function compareWithBareCli(
  root: string,
  work: string,
  specs: ComparedSpec[],
  runs: number,
): (Comparison | { label: string; failure: string })[] {
  return specs.map(({ label, spec, bareSpec }) => {
    const bare = [
      join(root, "node_modules/openapi-typescript/bin/cli.js"),
      bareSpec ?? spec,
      "-o",
      join(work, "big-bare.ts"),
    ];
    const ours = [
      join(root, "scripts/bin/generate.mjs"),
      "--spec",
      spec,
      "--no-overlays",
      "--out",
      join(work, "big-out"),
      "--quiet",
    ];
    const samples = { bare: [] as Usage[], cold: [] as Usage[], cached: [] as Usage[] };
    // A first run of ours builds the bundle and fills the compile cache and the format memo.
    usageOf(root, work, ours);
    for (let run = 0; run < runs; run++) {
      for (const [name, args, env] of [
        ["bare", bare, {}],
        ["cold", ours, { NODE_DISABLE_COMPILE_CACHE: "1" }],
        ["cached", ours, {}],
      ] as const) {
        const usage = usageOf(root, work, [...args], env);
        if (typeof usage === "string") return { label, failure: `${name} failed: ${usage}` };
        samples[name].push(usage);
      }
    }
    const typical = (list: Usage[]): Usage => ({
      cpuMs: median(list.map((u) => u.cpuMs)),
      maxRssMb: median(list.map((u) => u.maxRssMb)),
    });
    return {
      label,
      bare: typical(samples.bare),
      cold: typical(samples.cold),
      cached: typical(samples.cached),
    };
  });
}

/** One row per spec: CPU and peak memory of the bare CLI, ours cold and cached, as ratios. */
export function formatComparisons(
  comparisons: (Comparison | { label: string; failure: string })[],
): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ratio = (ours: number, bare: number) => `${(ours / bare).toFixed(2)}x`;
  const rows = comparisons.map((c) =>
    "failure" in c
      ? [c.label, c.failure]
      : [
          c.label,
          seconds(c.bare.cpuMs),
          `${seconds(c.cold.cpuMs)} (${ratio(c.cold.cpuMs, c.bare.cpuMs)})`,
          `${seconds(c.cached.cpuMs)} (${ratio(c.cached.cpuMs, c.bare.cpuMs)})`,
          `${c.bare.maxRssMb.toFixed(0)} MB`,
          `${c.cold.maxRssMb.toFixed(0)} MB (${ratio(c.cold.maxRssMb, c.bare.maxRssMb)})`,
          `${c.cached.maxRssMb.toFixed(0)} MB (${ratio(c.cached.maxRssMb, c.bare.maxRssMb)})`,
        ],
  );
  return formatTable(
    [
      "spec",
      "bare CLI CPU",
      "ours cold CPU",
      "ours cached CPU",
      "bare peak",
      "ours cold peak",
      "ours cached peak",
    ],
    rows,
  );
}

/** Prints one row per big spec: bare CLI, ours cold and cached, and the ratios. */
export function benchBigSpecs(root: string, work: string, runs: number): void {
  const folder = bigSpecsFolder();
  const present: ComparedSpec[] = [];
  const absent: { label: string; failure: string }[] = [];
  for (const spec of BIG_SPECS) {
    const path = join(folder, spec.file);
    if (existsSync(path)) present.push({ label: spec.label, spec: path });
    else
      absent.push({ label: spec.label, failure: `absent: put it at ${path} (bench/big-specs.md)` });
  }
  console.log(formatComparisons([...compareWithBareCli(root, work, present, runs), ...absent]));
}
