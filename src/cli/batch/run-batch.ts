import { realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { CliUsageError, EXIT } from "../exit-codes.js";
import { connect, type Connection } from "../connect.js";
import { BatchReporter } from "./batch-reporter.js";
import { BatchTally, describeSummary, summaryFailed } from "./batch-summary.js";
import { planBatch } from "./batch-plan.js";
import { describeBadLine, readJobs, type BadLine, type BatchJob } from "./jobs-file.js";
import { Journal, replayJournal, type JobState } from "./journal.js";
import { prepareOutFolder } from "./out-folder.js";
import { RateGate } from "./rate-gate.js";
import { writeResultsView } from "./results-view.js";
import { runJobs } from "./run-jobs.js";
import { validateJobs } from "./validate-jobs.js";

export interface BatchOptions {
  jobsFile: string;
  out: string;
  /** @default <out>/.kontext-batch.journal */
  statePath?: string;
  concurrency: number;
  /** Submit jobs again whose earlier submit may or may not have been accepted (may pay twice). */
  resubmitUnknown: boolean;
  /** Run jobs again that failed in an earlier run. */
  retryFailed: boolean;
  /** Run, as new jobs, jobs whose id is known but whose content changed since it ran. */
  rerunChanged: boolean;
  /** Accept a jobs file other than the one that started the out folder. */
  otherJobsFile: boolean;
  /** Run the valid lines of a jobs file that has invalid ones (else nothing runs). */
  skipInvalid?: boolean;
  emulator: boolean;
  baseUrl?: string;
  json: boolean;
  defaultOperation: string;
  pollIntervalMs?: number;
}

/**
 * Runs a JSON-lines file of jobs with bounded concurrency, journaling every step so that a
 * re-run after a crash or Ctrl-C polls submitted jobs by request id instead of paying for them
 * again, skips finished ones, and reports the ones it cannot be sure about. Every line is read
 * and validated before the first submit.
 */
export async function runBatch(options: BatchOptions): Promise<number> {
  const { jobs: parsed, bad } = readJobs(options.jobsFile, options.defaultOperation);
  const statePath = options.statePath ?? join(options.out, ".kontext-batch.journal");
  const replayed = replayJournal(statePath);
  const jobsFile = realpathSync(resolve(options.jobsFile));
  if (replayed.jobsFile !== undefined && replayed.jobsFile !== jobsFile && !options.otherJobsFile) {
    throw new CliUsageError(
      `${options.out} holds the batch of ${replayed.jobsFile}, not ${jobsFile}; use another --out, or --other-jobs-file to run these jobs into it (jobs are matched by id and content)`,
    );
  }
  const reporter = new BatchReporter(process.stderr);
  const gate = new RateGate();
  // The demo's emulator keeps its jobs beside the journal, so a killed demo batch resumes too.
  const emulatorState = options.emulator ? join(options.out, ".kontext-emulator.jobs") : undefined;
  const connection = await connect(options.emulator, {
    ...(emulatorState ? { emulatorStateFile: emulatorState } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    // A 429 tells the whole batch to slow down, not just the request that got it.
    onRetry: (event) => {
      if (event.reason === "HTTP 429") gate.pause(event.delayMs);
    },
  });
  try {
    const { valid, invalid } = await validateJobs(connection.client, parsed);
    const allBad = [...bad, ...invalid].sort((a, b) => a.line - b.line);
    for (const line of allBad) reporter.event(describeBadLine(options.jobsFile, line));
    if (allBad.length > 0 && !options.skipInvalid) {
      throw new CliUsageError(
        `${allBad.length} invalid line(s) in ${options.jobsFile}; nothing was sent (fix them, or --skip-invalid runs the other ${valid.length})`,
      );
    }
    prepareOutFolder(options.out);
    const journal = await Journal.open(statePath);
    if (replayed.jobsFile !== jobsFile)
      await journal.append({ t: "batch", jobsFile, at: new Date().toISOString() });
    return await runValid(options, {
      ...{ valid, allBad, journal, connection, reporter, gate },
      previous: replayed.states,
    });
  } finally {
    await connection.close();
  }
}

async function runValid(
  options: BatchOptions,
  run: {
    valid: BatchJob[];
    allBad: BadLine[];
    journal: Journal;
    connection: Connection;
    reporter: BatchReporter;
    gate: RateGate;
    previous: Map<string, JobState>;
  },
): Promise<number> {
  const { valid, allBad, journal, reporter } = run;
  const tally = new BatchTally(valid.length + allBad.length);
  tally.invalid = allBad.length;
  tally.counts.failed = allBad.length;
  const work = planBatch(valid, run.previous, options, tally, reporter);
  reporter.event(
    `${valid.length} job(s) from ${options.jobsFile} via ${run.connection.target}; journal ${journal.path}`,
  );
  try {
    await runJobs(work, { ...run, options, tally });
  } finally {
    await journal.close();
    writeResultsView(options.out, valid, allBad, replayJournal(journal.path).states);
  }
  const summary = tally.summary();
  reporter.event(describeSummary(summary));
  if (options.json) process.stdout.write(JSON.stringify(summary) + "\n");
  if (summary.interrupted) return EXIT.interrupted;
  return summaryFailed(summary) ? EXIT.failed : EXIT.ok;
}
