/**
 * `kontext batch` against the ten-line Promise pool over `client.run` a user could write instead
 * (bench/lib/promise-pool.mjs): the same jobs, the same concurrency, the same emulator (in its own
 * process, short timings), each as a whole process timed from spawn to exit, both from the built
 * package as users run them (a TypeScript loader would weigh on the CLI's many modules more than
 * on the pool's few). Nothing is subtracted: start-up is part of what a user waits for.
 *
 * Each round runs the two back to back, alternating which goes first, and its ratio compares
 * them; the verdict is the median round with a 95% interval (bench/lib/paired-ratios.ts). Every
 * round is printed with what else the machine ran meanwhile and what the emulator spent, so a
 * slow round can be traced to its cause instead of averaged away.
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

try {
  const loadBefore = describeLoad();
  // Warm-up, reported apart: the disk cache, the emulator's JIT and its first images.
  const warm = { batch: await batch("warm"), pool: await pool("warm") };
  const pairs: { batch: Run; pool: Run; batchFirst: boolean }[] = [];
  for (let round = 0; round < rounds; round++) {
    const batchFirst = round % 2 === 0;
    const first = batchFirst ? await batch(String(round)) : await pool(String(round));
    const second = batchFirst ? await pool(String(round)) : await batch(String(round));
    pairs.push(
      batchFirst
        ? { batch: first, pool: second, batchFirst }
        : { batch: second, pool: first, batchFirst },
    );
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const cores = (value: number | undefined) => (value === undefined ? "?" : value.toFixed(2));
  console.log(
    `Batch throughput: ${jobs} jobs at concurrency ${concurrency}, emulator ${delayMs} ms per job, whole-process wall time, ${rounds} rounds alternating which runs first (Node ${process.version}; ${loadBefore} before, ${describeLoad()} after)\n`,
  );
  console.log(
    formatTable(
      [
        "round",
        "first",
        "batch wall",
        "pool wall",
        "pool/batch",
        "batch CPU",
        "pool CPU",
        "emulator CPU b/p",
        "others' cores b/p",
      ],
      [
        [
          "warm-up",
          "batch",
          ms(warm.batch.wallMs),
          ms(warm.pool.wallMs),
          (warm.pool.wallMs / warm.batch.wallMs).toFixed(2),
          ms(warm.batch.cpuMs),
          ms(warm.pool.cpuMs),
          `${ms(warm.batch.emulatorMs)} / ${ms(warm.pool.emulatorMs)}`,
          `${cores(warm.batch.others)} / ${cores(warm.pool.others)}`,
        ],
        ...pairs.map((pair, round) => [
          String(round),
          pair.batchFirst ? "batch" : "pool",
          ms(pair.batch.wallMs),
          ms(pair.pool.wallMs),
          (pair.pool.wallMs / pair.batch.wallMs).toFixed(2),
          ms(pair.batch.cpuMs),
          ms(pair.pool.cpuMs),
          `${ms(pair.batch.emulatorMs)} / ${ms(pair.pool.emulatorMs)}`,
          `${cores(pair.batch.others)} / ${cores(pair.pool.others)}`,
        ]),
      ],
    ),
  );
  const wall = (pick: (pair: (typeof pairs)[number]) => Run) =>
    median(pairs.map((p) => pick(p).wallMs));
  console.log(
    `\nmedian wall: batch ${ms(wall((p) => p.batch))} (${(jobs / (wall((p) => p.batch) / 1000)).toFixed(1)} jobs/s), pool ${ms(wall((p) => p.pool))} (${(jobs / (wall((p) => p.pool) / 1000)).toFixed(1)} jobs/s)`,
  );
  const throughput = summarizeRatios(pairs.map((p) => p.pool.wallMs / p.batch.wallMs));
  console.log(`kontext batch / pool throughput: ${describeRatio(throughput, 0.95)}`);
  const cpu = summarizeRatios(pairs.map((p) => p.batch.cpuMs / p.pool.cpuMs));
  console.log(`kontext batch / pool process CPU: ${describeRatio(cpu)}`);
  console.log(
    "The batch also downloads and saves every result and journals every step (fsync'd); the pool keeps results in memory.",
  );
} finally {
  emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
