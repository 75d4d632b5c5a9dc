/**
 * `kontext batch` against the ten-line Promise pool over `client.run` a user could write instead
 * (bench/lib/promise-pool.mjs), and against the same pool saving its results as the batch must
 * (bench/lib/saving-pool.mjs; results expire upstream): the same jobs, the same concurrency, the
 * same emulator (in its own process, short timings), each as a whole process timed from spawn to
 * exit, all from the built package as users run them (a TypeScript loader would weigh on the
 * CLI's many modules more than on the pools' few). Nothing is subtracted: start-up is part of
 * what a user waits for.
 *
 * Each round runs the three back to back, forwards then backwards, and its ratios compare them;
 * the verdict is the median round with a 95% interval (bench/lib/paired-ratios.ts). Every round
 * is printed with what else the machine ran meanwhile and what the emulator spent, so a slow
 * round can be traced to its cause instead of averaged away.
 * Usage: npm run bench:batch [-- --jobs 200 --concurrency 16 --delay-ms 100 --rounds 11]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { describeLoad, machineCpu, othersCores, processCpuMs } from "./lib/cpu-share.js";
import { spawnEmulator } from "./lib/emulator-process.js";
import { formatTable, median } from "./lib/measure.js";
import { describeRatio, summarizeRatios } from "./lib/paired-ratios.js";
import { builtCopy } from "./lib/temp-checkout.js";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "200" },
    concurrency: { type: "string", default: "16" },
    "delay-ms": { type: "string", default: "100" },
    rounds: { type: "string", default: "11" },
  },
});
const jobs = Number(values.jobs);
const concurrency = Number(values.concurrency);
const delayMs = Number(values["delay-ms"]);
const rounds = Number(values.rounds);
const key = "sk-bench";
const root = new URL("..", import.meta.url).pathname;
const built = builtCopy("batch");
const work = mkdtempSync(join(tmpdir(), "bench-batch-"));
const emulator = await spawnEmulator([
  ...["--api-key", key, "--image-scale", "0.05"],
  ...["--queue-ms", String(delayMs / 2), "--run-ms", String(delayMs / 2)],
]);
const env = { ...process.env, CHAINHUB_API_KEY: key, CHAINHUB_BASE_URL: emulator.url };

interface Run {
  wallMs: number;
  /** The runner's own process CPU time (all its threads). */
  cpuMs: number;
  /** What the emulator spent meanwhile. */
  emulatorMs: number;
  /** Cores' worth of CPU the rest of the machine used meanwhile. */
  others: number | undefined;
}
let runs = 0;

/** One whole process, spawn to exit, with what it and the rest of the machine used meanwhile. */
function timed(args: string[]): Promise<Run> {
  const cpuFile = join(work, `cpu-${runs++}`);
  const reportCpu = ["--import", join(root, "bench/lib/report-cpu.mjs")];
  const machineBefore = machineCpu();
  const emulatorBefore = processCpuMs(emulator.pid) ?? Number.NaN;
  const started = performance.now();
  const child = spawn(process.execPath, [...reportCpu, ...args], {
    cwd: work,
    env: { ...env, REPORT_CPU_TO: cpuFile },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) =>
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0)
        return reject(new Error(`${args.join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`));
      const cpuMs = Number(readFileSync(cpuFile, "utf8"));
      const emulatorMs = (processCpuMs(emulator.pid) ?? Number.NaN) - emulatorBefore;
      const others = othersCores(machineBefore, machineCpu(), cpuMs + emulatorMs);
      resolve({ wallMs, cpuMs, emulatorMs, others });
    }),
  );
}

/** A fresh jobs file per run (unique prompts), so that no run resumes or repeats another's. */
function jobsFile(label: string): string {
  const file = join(work, `${label}.jsonl`);
  const lines = Array.from({ length: jobs }, (_, i) =>
    JSON.stringify({ prompt: `${label} job ${i}`, image_url: "https://x.test/in.png" }),
  );
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const batch = (label: string) => {
  const out = join(work, `out-${label}`);
  rmSync(out, { recursive: true, force: true });
  const file = jobsFile(`batch-${label}`);
  const cli = join(built, "dist/js/cli.js");
  return timed([cli, "batch", file, "--out", out, "--concurrency", String(concurrency)]);
};
const pool = (label: string) =>
  timed([
    join(root, "bench/lib/promise-pool.mjs"),
    join(built, "dist/js/index.js"),
    jobsFile(`pool-${label}`),
    String(concurrency),
  ]);
const savingPool = (label: string) =>
  timed([
    join(root, "bench/lib/saving-pool.mjs"),
    join(built, "dist/js/index.js"),
    jobsFile(`saving-${label}`),
    String(concurrency),
    join(work, `saved-${label}`),
  ]);

const BATCH = "kontext batch";
const POOL = "pool over client.run";
const SAVING = "pool that saves results";
const runners: [string, (label: string) => Promise<Run>][] = [
  [BATCH, batch],
  [POOL, pool],
  [SAVING, savingPool],
];

try {
  const loadBefore = describeLoad();
  // Warm-up, reported apart: the disk cache, the emulator's JIT and its first images.
  const warm = new Map<string, Run>();
  for (const [name, run] of runners) warm.set(name, await run("warm"));
  const rows: { first: string; runs: Map<string, Run> }[] = [];
  for (let round = 0; round < rounds; round++) {
    // Forwards, then backwards: no runner always goes first or follows the same one.
    const order = round % 2 === 0 ? runners : [...runners].reverse();
    const runs = new Map<string, Run>();
    for (const [name, run] of order) runs.set(name, await run(String(round)));
    rows.push({ first: order[0]![0], runs });
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const cores = (value: number | undefined) => (value === undefined ? "?" : value.toFixed(1));
  const cells = (runs: Map<string, Run>) =>
    runners.flatMap(([name]) => {
      const run = runs.get(name)!;
      return [
        `${ms(run.wallMs)} / ${ms(run.cpuMs)}`,
        `${ms(run.emulatorMs)} / ${cores(run.others)}`,
      ];
    });
  console.log(
    `Batch throughput: ${jobs} jobs at concurrency ${concurrency}, emulator ${delayMs} ms per job, whole-process wall time, ${rounds} rounds alternating the order (Node ${process.version}; ${loadBefore} before, ${describeLoad()} after)\n`,
  );
  console.log(
    "Each cell: wall / process CPU, then the emulator's CPU / the rest of the machine's cores meanwhile.",
  );
  console.log(
    formatTable(
      ["round", "first", ...runners.flatMap(([name]) => [name, "emulator / others"]), "pool/batch"],
      [
        [
          "warm-up",
          BATCH,
          ...cells(warm),
          (warm.get(POOL)!.wallMs / warm.get(BATCH)!.wallMs).toFixed(2),
        ],
        ...rows.map((row, round) => [
          String(round),
          row.first,
          ...cells(row.runs),
          (row.runs.get(POOL)!.wallMs / row.runs.get(BATCH)!.wallMs).toFixed(2),
        ]),
      ],
    ),
  );
  const wall = (name: string) => median(rows.map((row) => row.runs.get(name)!.wallMs));
  console.log(
    `\nmedian wall: ${runners.map(([name]) => `${name} ${ms(wall(name))} (${(jobs / (wall(name) / 1000)).toFixed(1)} jobs/s)`).join(", ")}`,
  );
  const ratio = (pick: (runs: Map<string, Run>) => number) =>
    summarizeRatios(rows.map((row) => pick(row.runs)));
  const throughput = (than: string) =>
    ratio((runs) => runs.get(than)!.wallMs / runs.get(BATCH)!.wallMs);
  const cpu = (than: string) => ratio((runs) => runs.get(BATCH)!.cpuMs / runs.get(than)!.cpuMs);
  console.log(`kontext batch / ${POOL}, throughput: ${describeRatio(throughput(POOL), 0.95)}`);
  console.log(`kontext batch / ${POOL}, process CPU: ${describeRatio(cpu(POOL))}`);
  console.log(`kontext batch / ${SAVING}, throughput: ${describeRatio(throughput(SAVING))}`);
  console.log(`kontext batch / ${SAVING}, process CPU: ${describeRatio(cpu(SAVING))}`);
  console.log(
    "The batch downloads and saves every result and journals every step (fsync'd); the first pool keeps results in memory, the second saves them as the batch does, without a journal.",
  );
} finally {
  emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
