/**
 * `npm run test:stress [-- --runs N]`: the whole suite (`npm test`) N times in a row (5 by
 * default) while two CPU-bound processes keep both cores of the machine busy, as CI's machine
 * is when other work runs beside it. Prints pass/fail and the time of each run, then the
 * slowest tests over all runs; exits 1 if any run failed.
 *
 * Each burner also ends itself at its own deadline, or when this script is gone: an interrupted
 * run leaves none behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "./helpers/run-generate.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
  console.error(`test:stress: --runs must be a whole number from 1 to 50, got "${values.runs}"`);
  process.exit(2);
}

/** A busy loop that stops by itself after `seconds`, or as soon as this process is gone. */
function startBurner(seconds: number): ChildProcess {
  const code = `const end = Date.now() + ${seconds * 1000}; let x = 0;
    while (Date.now() < end && (++x % 1e6 !== 0 || process.ppid === ${process.pid}));`;
  return spawn(process.execPath, ["-e", code], { stdio: "ignore" });
}

interface VitestJson {
  testResults: { name: string; assertionResults: { title: string; duration?: number }[] }[];
}

interface RunOutcome {
  passed: boolean;
  seconds: number;
  tests: { name: string; ms: number }[];
  summary: string;
}

/** `npm test` with vitest also writing a JSON report; the type check runs as in `npm test`. */
function runSuite(report: string): Promise<RunOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      "npm",
      ["test", "--", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    child.stderr.on("data", (chunk) => (output += String(chunk)));
    child.on("close", (status) => {
      let tests: RunOutcome["tests"] = [];
      try {
        const json = JSON.parse(readFileSync(report, "utf8")) as VitestJson;
        tests = json.testResults.flatMap((file) =>
          file.assertionResults.map((a) => ({
            name: `${file.name.replace(repoRoot, "")} > ${a.title}`,
            ms: a.duration ?? 0,
          })),
        );
      } catch {
        // No report: the type check failed first, or vitest did not start. The summary says.
      }
      const summary = output
        .split("\n")
        .filter((line) => /Tests\s+\d|Test Files|error TS|FAIL/.test(line))
        .slice(0, 12)
        .join("\n");
      resolve({ passed: status === 0, seconds: (Date.now() - started) / 1000, tests, summary });
    });
  });
}

const work = mkdtempSync(join(tmpdir(), "test-stress-"));
// Generous: five runs of a suite that takes about three minutes on a loaded machine.
const burners = [startBurner(runs * 600), startBurner(runs * 600)];
const outcomes: RunOutcome[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const outcome = await runSuite(join(work, `run-${run}.json`));
    outcomes.push(outcome);
    console.log(
      `run ${run}/${runs}: ${outcome.passed ? "pass" : "FAIL"} in ${outcome.seconds.toFixed(0)} s`,
    );
    if (!outcome.passed) console.log(outcome.summary.replace(/^/gm, "    "));
  }
} finally {
  for (const burner of burners) burner.kill();
  rmSync(work, { recursive: true, force: true });
}

const slowest = outcomes
  .flatMap((o) => o.tests)
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 15);
console.log("\nslowest tests over all runs:");
for (const test of slowest)
  console.log(`  ${(test.ms / 1000).toFixed(1).padStart(6)} s  ${test.name}`);
const passed = outcomes.filter((o) => o.passed).length;
console.log(`\n${passed} passed, ${runs - passed} failed`);
process.exit(passed === runs ? 0 : 1);
