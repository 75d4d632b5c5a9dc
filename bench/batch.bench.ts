/**
 * Batch throughput against the emulator, as a ratio to the ideal its own delay allows: a job
 * cannot finish faster than queue + run time, so at concurrency c the ideal is c / delay jobs/s.
 * The CLI runs as users run it (a child process); its start-up, measured on an empty batch in
 * the same run, is subtracted.
 * Usage: npm run bench:batch [-- --delay-ms 100]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { spawnEmulator } from "./lib/emulator-process.js";
import { formatTable } from "./lib/measure.js";

const { values } = parseArgs({ options: { "delay-ms": { type: "string", default: "100" } } });
const delayMs = Number(values["delay-ms"]);
const key = "sk-bench";
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "bench-batch-"));
const emulator = await spawnEmulator([
  "--api-key",
  key,
  "--queue-ms",
  String(delayMs / 2),
  "--run-ms",
  String(delayMs / 2),
  "--image-scale",
  "0.05",
]);

function runBatch(jobs: number, concurrency: number): number {
  const file = join(work, `jobs-${jobs}-${concurrency}.jsonl`);
  writeFileSync(
    file,
    Array.from({ length: jobs }, (_, i) =>
      JSON.stringify({ prompt: `job ${i} at ${concurrency}`, image_url: "https://x.test/in.png" }),
    ).join("\n") + "\n",
  );
  const out = join(work, `out-${jobs}-${concurrency}`);
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/main.ts",
      "batch",
      file,
      "--out",
      out,
      "--concurrency",
      String(concurrency),
      "--poll-interval",
      "10",
    ],
    {
      cwd: root,
      env: { ...process.env, CHAINHUB_API_KEY: key, CHAINHUB_BASE_URL: emulator.url },
      stdio: "ignore",
    },
  );
  return performance.now() - started;
}

try {
  const startup = Math.min(runBatch(0, 1), runBatch(0, 1));
  const rows: (string | number)[][] = [];
  for (const concurrency of [1, 4, 16]) {
    const jobs = concurrency * 12;
    const ms = runBatch(jobs, concurrency) - startup;
    const measured = jobs / (ms / 1000);
    const ideal = concurrency / (delayMs / 1000);
    rows.push([
      concurrency,
      jobs,
      measured.toFixed(1),
      ideal.toFixed(1),
      `${(measured / ideal).toFixed(2)}x`,
    ]);
  }
  console.log(
    `Batch throughput (emulator delay ${delayMs} ms per job, CLI start-up of ${startup.toFixed(0)} ms subtracted)`,
  );
  console.log(formatTable(["concurrency", "jobs", "jobs/s", "ideal jobs/s", "ratio"], rows));
} finally {
  emulator.stop();
}
