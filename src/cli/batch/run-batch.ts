import { appendFileSync, mkdirSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AbortedError, ApiError, ChainHubError, type ChainHubClient } from "../../index.js";
import type { QueueHandle, QueueOperation } from "../../queue/types.js";
import { errorCodes } from "../../internal/retry-policy.js";
import { connect } from "../connect.js";
import { CliUsageError, EXIT } from "../exit-codes.js";
import { cliRedactor } from "../safe-output.js";
import { saveResultImages } from "../save-result.js";
import { BatchReporter, type BatchCounts } from "./batch-reporter.js";
import { readJobs, type BatchJob } from "./jobs-file.js";
import { Journal, type JobState } from "./journal.js";
import { jobFolder, prepareOutFolder } from "./out-folder.js";
import { RateGate } from "./rate-gate.js";
import { writeResultsView } from "./results-view.js";
import { userPathsToFiles } from "../user-paths.js";

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
  emulator: boolean;
  baseUrl?: string;
  json: boolean;
  defaultOperation: string;
  pollIntervalMs?: number;
}

type Work = { job: BatchJob; resume?: { requestId: string; operation: string } };

/**
 * Runs a JSON-lines file of jobs with bounded concurrency, journaling every step so that a
 * re-run after a crash or Ctrl-C polls submitted jobs by request id instead of paying for them
 * again, skips finished ones, and reports the ones it cannot be sure about.
 */
export async function runBatch(options: BatchOptions): Promise<number> {
  const { jobs, bad } = readJobs(options.jobsFile, options.defaultOperation);
  prepareOutFolder(options.out);
  const statePath = options.statePath ?? join(options.out, ".kontext-batch.journal");
  const replayed = Journal.replay(statePath);
  const jobsFile = realpathSync(resolve(options.jobsFile));
  if (replayed.jobsFile !== undefined && replayed.jobsFile !== jobsFile && !options.otherJobsFile) {
    throw new CliUsageError(
      `${options.out} holds the batch of ${replayed.jobsFile}, not ${jobsFile}; use another --out, or --other-jobs-file to run these jobs into it (jobs are matched by id and content)`,
    );
  }
  const previous = replayed.states;
  const journal = new Journal(statePath);
  if (replayed.jobsFile !== jobsFile)
    journal.append({ t: "batch", jobsFile, at: new Date().toISOString() });
  const reporter = new BatchReporter(process.stderr);
  const counts: BatchCounts = {
    total: jobs.length + bad.length,
    done: 0,
    failed: bad.length,
    unknown: 0,
    running: 0,
  };
  let changed = 0;
  const outcome = { interrupted: false, pending: 0, skipped: 0, changed: 0 };
  const record = (entry: Record<string, unknown>) =>
    appendFileSync(
      join(options.out, "results.jsonl"),
      cliRedactor().text(JSON.stringify(entry)) + "\n",
    );

  for (const line of bad) {
    reporter.event(`${options.jobsFile}:${line.line}: ${line.error}`);
    record({ line: line.line, status: "invalid", error: line.error });
  }
  const work = plan(jobs, previous, options, counts, reporter, outcome);
  changed = outcome.changed;

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
  const controller = new AbortController();
  const interrupt = () => {
    outcome.interrupted = true;
    controller.abort();
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  const ticker = setInterval(() => reporter.bar(counts, gate.pausedFor), 200);
  reporter.event(
    `${jobs.length} job(s) from ${options.jobsFile} via ${connection.target}; journal ${statePath}`,
  );

  const runOne = async ({ job, resume }: Work) => {
    counts.running++;
    try {
      const handle = resume
        ? connection.client.queue.handleOf({
            operation: resume.operation as QueueOperation,
            requestId: resume.requestId,
          })
        : await submit(job);
      if (!handle) return;
      const { data } = await connection.client.wait(handle, {
        signal: controller.signal,
        cancelOnStop: false,
      });
      const files = await save(job, data, handle.requestId);
      journal.append({
        t: "done",
        key: job.key,
        digest: job.digest,
        requestId: handle.requestId,
        files,
      });
      record({ key: job.key, line: job.line, status: "done", requestId: handle.requestId, files });
      counts.done++;
      if (!process.stderr.isTTY) reporter.event(`done ${job.key} (${files.length} file(s))`);
    } catch (error) {
      // Still submitted upstream (or never sent): the next run picks it up from the journal.
      if (error instanceof AbortedError || controller.signal.aborted) return;
      if (error instanceof ApiError && error.requestId) {
        journal.append({
          t: "failed",
          key: job.key,
          digest: job.digest,
          requestId: error.requestId,
          error: error.message,
          accepted: true,
        });
        record({
          key: job.key,
          line: job.line,
          status: "failed",
          requestId: error.requestId,
          error: error.message,
        });
        counts.failed++;
        reporter.event(`failed ${job.key} (line ${job.line}): ${error.message}`);
        return;
      }
      // No answer after retries: the job keeps running upstream and the next run resumes it.
      outcome.pending++;
      reporter.event(`pending ${job.key}: ${(error as Error).message}; re-run to resume`);
    } finally {
      counts.running--;
    }
  };

  async function submit(job: BatchJob): Promise<QueueHandle | undefined> {
    const client: ChainHubClient = connection.client;
    const issues = safeValidate(client, job);
    if (issues) return fail(job, issues);
    await gate.wait(controller.signal);
    journal.append({
      t: "submitting",
      key: job.key,
      digest: job.digest,
      at: new Date().toISOString(),
    });
    try {
      // Not aborted by Ctrl-C: a submit on the wire finishes and is journaled, so an interrupt
      // never leaves a job we cannot account for. (Its per-attempt timeout still applies.)
      const handle = await client.queue.submit(
        job.operation as QueueOperation,
        userPathsToFiles(job.input) as never,
      );
      journal.append({
        t: "submitted",
        key: job.key,
        digest: job.digest,
        requestId: handle.requestId,
        operation: handle.operationId,
      });
      return handle;
    } catch (error) {
      if (
        error instanceof ApiError ||
        !(error instanceof ChainHubError) ||
        isInputError(error) ||
        neverConnected(error)
      ) {
        // The relay answered (or we never sent): nothing was accepted.
        return fail(job, (error as Error).message);
      }
      counts.unknown++;
      reporter.event(
        `unknown ${job.key} (line ${job.line}): ${error.message}; it may have been accepted, so it is not resubmitted (see --resubmit-unknown)`,
      );
      return undefined;
    }
  }

  function fail(job: BatchJob, message: string): undefined {
    journal.append({
      t: "failed",
      key: job.key,
      digest: job.digest,
      error: message,
      accepted: false,
    });
    record({ key: job.key, line: job.line, status: "failed", error: message });
    counts.failed++;
    reporter.event(`${options.jobsFile}:${job.line} (${job.key}): ${message}`);
    return undefined;
  }

  async function save(job: BatchJob, data: unknown, requestId: string): Promise<string[]> {
    const dir = jobFolder(options.out, job.key);
    const saved = await saveResultImages(data, dir, { signal: controller.signal });
    const partial = join(dir, "result.json.partial");
    writeFileSync(partial, JSON.stringify({ requestId, data }, null, 2));
    renameSync(partial, join(dir, "result.json"));
    return saved.map((s) => s.path);
  }

  try {
    await pool(work, options.concurrency, runOne, controller.signal);
  } finally {
    clearInterval(ticker);
    reporter.end();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    journal.close();
    await connection.close();
    writeResultsView(options.out, jobs, bad, Journal.replay(statePath).states);
  }

  const summary = {
    total: counts.total,
    done: counts.done,
    alreadyDone: outcome.skipped,
    failed: counts.failed,
    unknown: counts.unknown,
    changed,
    pending: outcome.pending,
    interrupted: outcome.interrupted,
  };
  reporter.event(
    `${counts.done} done (${outcome.skipped} in earlier runs), ${counts.failed} failed, ${counts.unknown} unknown, ${changed ? `${changed} changed, ` : ""}${outcome.pending} pending${outcome.interrupted ? "; interrupted: re-run the same command to resume" : ""}`,
  );
  if (options.json) process.stdout.write(JSON.stringify(summary) + "\n");
  if (outcome.interrupted) return EXIT.interrupted;
  return counts.failed + counts.unknown + changed + outcome.pending > 0 ? EXIT.failed : EXIT.ok;
}

/** Decides each job's fate from the journal of earlier runs. */
function plan(
  jobs: BatchJob[],
  previous: Map<string, JobState>,
  options: BatchOptions,
  counts: BatchCounts,
  reporter: BatchReporter,
  outcome: { skipped: number; changed: number },
): Work[] {
  const work: Work[] = [];
  for (const job of jobs) {
    let state: JobState = previous.get(job.key) ?? { kind: "new" };
    if (state.kind !== "new" && state.digest !== job.digest) {
      // Same id, other content: its earlier result is not this job's result.
      const earlier = "requestId" in state ? ` as request ${state.requestId}` : "";
      if (!options.rerunChanged) {
        outcome.changed++;
        reporter.event(
          `changed ${job.key} (line ${job.line}): its input differs from the job that ran under this id${earlier} (${state.kind}); not run (give it a new id, or --rerun-changed runs it as a new job)`,
        );
        continue;
      }
      reporter.event(`changed ${job.key} (line ${job.line}): running it as a new job`);
      state = { kind: "new" };
    }
    if (state.kind === "done") {
      counts.done++;
      outcome.skipped++;
    } else if (state.kind === "submitted") {
      work.push({ job, resume: { requestId: state.requestId, operation: state.operation } });
    } else if (state.kind === "unknown" && !options.resubmitUnknown) {
      counts.unknown++;
      reporter.event(
        `unknown ${job.key} (line ${job.line}): an earlier run stopped while submitting it; not resubmitted (--resubmit-unknown would, at the risk of paying twice)`,
      );
    } else if (state.kind === "failed" && !options.retryFailed) {
      counts.failed++;
      reporter.event(
        `failed earlier ${job.key} (line ${job.line}): ${state.error} (--retry-failed runs it again)`,
      );
    } else {
      work.push({ job });
    }
  }
  return work;
}

function safeValidate(client: ChainHubClient, job: BatchJob): string | undefined {
  try {
    const issues = client.queue.validate(job.operation as QueueOperation, job.input);
    return issues.length > 0
      ? issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; ")
      : undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Refused or unresolvable: the request never reached the relay. */
function neverConnected(error: ChainHubError): boolean {
  return errorCodes(error).some(
    (code) => code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN",
  );
}

function isInputError(error: ChainHubError): boolean {
  return error.name === "ValidationError" || error.name === "FileInputError";
}

/** Runs `task` over `items` with at most `size` at once; stops taking new items once aborted. */
async function pool<T>(
  items: T[],
  size: number,
  task: (item: T) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}
