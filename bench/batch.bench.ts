/**
 * `kontext batch` against the ten-line Promise pool over `client.run` a user could write instead
 * (bench/lib/promise-pool.ts): the same jobs, the same concurrency, the same emulator (in its own
 * process, short timings), each as a whole process timed from spawn to exit. Nothing is
 * subtracted: start-up is part of what a user waits for, and both pay it. Rounds alternate the
 * two so that a busy machine weighs on both alike; the ratio is of the medians.
 * Usage: npm run bench:batch [-- --jobs 200 --concurrency 16 --delay-ms 100 --rounds 5]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

/** Wall time of one process, spawn to exit; fails loudly if it did not succeed. */
function timed(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("close", (code) =>
      code === 0
        ? resolve(performance.now() - started)
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
  const batchMs: number[] = [];
  const poolMs: number[] = [];
  await pool(-1); // warm-up: tsx's transform cache, the emulator's first images
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs right after the other.
    if (round % 2 === 0) {
      batchMs.push(await batch(round));
      poolMs.push(await pool(round));
    } else {
      poolMs.push(await pool(round));
      batchMs.push(await batch(round));
    }
  }
  const rate = (ms: number) => jobs / (ms / 1000);
  const row = (name: string, samples: number[]) => [
    name,
    `${median(samples).toFixed(0)} ms`,
    `${Math.min(...samples).toFixed(0)}-${Math.max(...samples).toFixed(0)} ms`,
    rate(median(samples)).toFixed(1),
  ];
  console.log(
    `Batch throughput: ${jobs} jobs at concurrency ${concurrency}, emulator ${delayMs} ms per job, whole-process wall time, median of ${rounds} alternating rounds (Node ${process.version})\n`,
  );
  console.log(
    formatTable(
      ["runner", "median", "min-max", "jobs/s"],
      [row("kontext batch", batchMs), row("Promise pool over client.run", poolMs)],
    ),
  );
  const ratio = median(poolMs) / median(batchMs);
  console.log(`\nkontext batch / pool throughput: ${ratio.toFixed(2)}x (target >= 0.95x)`);
} finally {
  emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
