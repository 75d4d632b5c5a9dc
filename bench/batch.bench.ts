/**
 * `kontext batch` against the ten-line Promise pool over `client.run` a user could write instead
 * (bench/lib/promise-pool.ts): the same jobs, the same concurrency, the same emulator (in its own
 * process, short timings), each as a whole process timed from spawn to exit. Nothing is
 * subtracted: start-up is part of what a user waits for, and both pay it. Rounds alternate the
 * two so that a busy machine weighs on both alike; the ratio is of the medians.
 * Usage: npm run bench:batch [-- --jobs 200 --concurrency 16 --delay-ms 100 --rounds 5]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { spawnEmulator } from "./lib/emulator-process.js";
import { formatTable, median } from "./lib/measure.js";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "200" },
    concurrency: { type: "string", default: "16" },
    "delay-ms": { type: "string", default: "100" },
    rounds: { type: "string", default: "5" },
  },
});
const jobs = Number(values.jobs);
const concurrency = Number(values.concurrency);
const delayMs = Number(values["delay-ms"]);
const rounds = Number(values.rounds);
const key = "sk-bench";
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "bench-batch-"));
const emulator = await spawnEmulator([
  ...["--api-key", key, "--image-scale", "0.05"],
  ...["--queue-ms", String(delayMs / 2), "--run-ms", String(delayMs / 2)],
]);
const env = { ...process.env, CHAINHUB_API_KEY: key, CHAINHUB_BASE_URL: emulator.url };

type Run = { wallMs: number; cpuMs: number };
let runs = 0;

/** Wall time of one process, spawn to exit, and its CPU time; fails loudly if it did not succeed. */
function timed(args: string[]): Promise<Run> {
  const cpuFile = join(work, `cpu-${runs++}`);
  const reportCpu = ["--import", join(root, "bench/lib/report-cpu.mjs")];
  const started = performance.now();
  const child = spawn(process.execPath, [...reportCpu, "--import", "tsx", ...args], {
    cwd: root,
    env: { ...env, REPORT_CPU_TO: cpuFile },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("close", (code) =>
      code === 0
        ? resolve({
            wallMs: performance.now() - started,
            cpuMs: Number(readFileSync(cpuFile, "utf8")),
          })
        : reject(new Error(`${args.join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`)),
    ),
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

const batch = (round: number) => {
  const out = join(work, `out-${round}`);
  rmSync(out, { recursive: true, force: true });
  const file = jobsFile(`batch-${round}`);
  return timed([
    "src/cli/main.ts",
    "batch",
    file,
    "--out",
    out,
    "--concurrency",
    String(concurrency),
  ]);
};
const pool = (round: number) =>
  timed(["bench/lib/promise-pool.ts", jobsFile(`pool-${round}`), String(concurrency)]);

try {
  const batchRuns: Run[] = [];
  const poolRuns: Run[] = [];
  await pool(-1); // warm-up: tsx's transform cache, the emulator's first images
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs right after the other.
    if (round % 2 === 0) {
      batchRuns.push(await batch(round));
      poolRuns.push(await pool(round));
    } else {
      poolRuns.push(await pool(round));
      batchRuns.push(await batch(round));
    }
  }
  const rate = (ms: number) => jobs / (ms / 1000);
  const row = (name: string, samples: Run[]) => {
    const wall = samples.map((r) => r.wallMs);
    return [
      name,
      `${median(wall).toFixed(0)} ms`,
      `${Math.min(...wall).toFixed(0)}-${Math.max(...wall).toFixed(0)} ms`,
      rate(median(wall)).toFixed(1),
      `${median(samples.map((r) => r.cpuMs)).toFixed(0)} ms`,
    ];
  };
  console.log(
    `Batch throughput: ${jobs} jobs at concurrency ${concurrency}, emulator ${delayMs} ms per job, whole-process wall time, median of ${rounds} alternating rounds (Node ${process.version})\n`,
  );
  console.log(
    formatTable(
      ["runner", "median", "min-max", "jobs/s", "CPU (process)"],
      [row("kontext batch", batchRuns), row("Promise pool over client.run", poolRuns)],
    ),
  );
  const ratio = median(poolRuns.map((r) => r.wallMs)) / median(batchRuns.map((r) => r.wallMs));
  console.log(`\nkontext batch / pool throughput: ${ratio.toFixed(2)}x (target >= 0.95x)`);
  console.log(
    "The batch also downloads and saves every result and journals every step; the pool keeps results in memory.",
  );
} finally {
  emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
