/**
 * Real big specs, side by side with the bare openapi-typescript CLI: CPU time (user + system)
 * and peak memory of each command as a child process, ours both cold (no compile cache) and
 * with it. The specs are not in the repository and the bench fetches nothing: put them under
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

interface Usage {
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

/** Prints one row per big spec: bare CLI, ours cold and cached, and the ratios. */
export function benchBigSpecs(root: string, work: string, runs: number): void {
  const folder = bigSpecsFolder();
  const rows: string[][] = [];
  for (const spec of BIG_SPECS) {
    const path = join(folder, spec.file);
    if (!existsSync(path)) {
      rows.push([spec.label, `absent: put it at ${path} (bench/big-specs.md)`]);
      continue;
    }
    const out = join(work, "big-out");
    const bare = [
      join(root, "node_modules/openapi-typescript/bin/cli.js"),
      path,
      "-o",
      join(work, "big-bare.ts"),
    ];
    const ours = [
      join(root, "scripts/bin/generate.mjs"),
      "--spec",
      path,
      "--no-overlays",
      "--out",
      out,
      "--quiet",
    ];
    const samples = { bare: [] as Usage[], cold: [] as Usage[], cached: [] as Usage[] };
    let failure: string | undefined;
    // A first run of ours builds the bundle and fills the compile cache; then they alternate.
    usageOf(root, work, ours);
    for (let run = 0; run < runs && failure === undefined; run++) {
      for (const [name, args, env] of [
        ["bare", bare, {}],
        ["cold", ours, { NODE_DISABLE_COMPILE_CACHE: "1" }],
        ["cached", ours, {}],
      ] as const) {
        const usage = usageOf(root, work, [...args], env);
        if (typeof usage === "string") failure = `${name} failed: ${usage}`;
        else samples[name].push(usage);
      }
    }
    if (failure !== undefined) {
      rows.push([spec.label, failure]);
      continue;
    }
    const cpu = (list: Usage[]) => median(list.map((u) => u.cpuMs));
    const rss = (list: Usage[]) => median(list.map((u) => u.maxRssMb));
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    rows.push([
      spec.label,
      seconds(cpu(samples.bare)),
      `${seconds(cpu(samples.cold))} (${(cpu(samples.cold) / cpu(samples.bare)).toFixed(2)}x)`,
      `${seconds(cpu(samples.cached))} (${(cpu(samples.cached) / cpu(samples.bare)).toFixed(2)}x)`,
      `${rss(samples.bare).toFixed(0)} MB`,
      `${rss(samples.cached).toFixed(0)} MB (${(rss(samples.cached) / rss(samples.bare)).toFixed(2)}x)`,
    ]);
  }
  console.log(
    formatTable(
      ["spec", "bare CLI CPU", "ours cold", "ours cached", "bare peak", "ours peak"],
      rows,
    ),
  );
}
