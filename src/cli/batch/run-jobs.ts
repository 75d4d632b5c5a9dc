import { join } from "node:path";
import { rename, writeFile } from "node:fs/promises";
import { AbortedError, ApiError, ChainHubError } from "../../index.js";
import type { QueueHandle, QueueOperation } from "../../queue/types.js";
import { errorCodes } from "../../internal/retry-policy.js";
import type { Connection } from "../connect.js";
import { saveResultImages } from "../save-result.js";
import { userPathsToFiles } from "../user-paths.js";
import type { BatchReporter } from "./batch-reporter.js";
import type { BatchTally } from "./batch-summary.js";
import type { Work } from "./batch-plan.js";
import type { BatchJob } from "./jobs-file.js";
import { runPool } from "./job-pool.js";
import type { Journal, JournalRecord } from "./journal.js";
import { jobFolder } from "./out-folder.js";
import type { RateGate } from "./rate-gate.js";
import { ResultsLog } from "./results-log.js";
import type { BatchOptions } from "./run-batch.js";

interface JobsRun {
  options: BatchOptions;
  connection: Connection;
  journal: Journal;
  reporter: BatchReporter;
  gate: RateGate;
  tally: BatchTally;
}

/**
 * Submits, waits for and saves every job of `work`, `concurrency` at a time, journaling each
 * step. Nothing here touches the file system synchronously, so the event loop spends on a job
 * what a bare pool of `client.run` calls spends, plus saving its result. Ctrl-C (SIGINT/SIGTERM)
 * stops taking jobs and stops waiting, leaving submitted jobs running upstream for the next run.
 */
export async function runJobs(work: Work[], run: JobsRun): Promise<void> {
  const { options, connection, journal, reporter, gate, tally } = run;
  const { counts } = tally;
  const client = connection.client;
  const controller = new AbortController();
  let journalFailure: unknown;
  const interrupt = () => {
    tally.interrupted = true;
    controller.abort();
  };
  const results = await ResultsLog.open(options.out);
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  const ticker = setInterval(() => reporter.bar(counts, gate.pausedFor), 200);

  /** Finished jobs whose `done` is on its way to disk; each settles counted (never rejects). */
  const settling = new Set<Promise<void>>();

  /** Resolves once the record is on disk; a journal that cannot be written stops the batch. */
  const durable = (record: JournalRecord) =>
    journal.append(record).catch((error: unknown) => {
      journalFailure ??= error;
      controller.abort();
      throw error;
    });

  const fail = async (job: BatchJob, message: string, requestId?: string) => {
    await durable({
      t: "failed",
      key: job.key,
      digest: job.digest,
      error: message,
      ...(requestId ? { requestId } : {}),
      accepted: requestId !== undefined,
    });
    results.add({
      key: job.key,
      line: job.line,
      status: "failed",
      ...(requestId ? { requestId } : {}),
      error: message,
    });
    counts.failed++;
    reporter.event(`failed ${options.jobsFile}:${job.line} (${job.key}): ${message}`);
  };

  const submit = async (job: BatchJob): Promise<QueueHandle | undefined> => {
    await gate.wait(controller.signal);
    // Durable before the request goes out: a kill after this line leaves a job we know about.
    await durable({
      t: "submitting",
      key: job.key,
      digest: job.digest,
      at: new Date().toISOString(),
    });
    let handle: QueueHandle;
    try {
      // Not aborted by Ctrl-C: a submit on the wire finishes and is journaled, so an interrupt
      // never leaves a job we cannot account for. (Its per-attempt timeout still applies.)
      handle = await client.queue.submit(
        job.operation as QueueOperation,
        userPathsToFiles(job.input) as never,
      );
    } catch (error) {
      if (nothingAccepted(error)) return void (await fail(job, (error as Error).message));
      counts.unknown++;
      reporter.event(
        `unknown ${job.key} (line ${job.line}): ${(error as Error).message}; it may have been accepted, so it is not resubmitted (see --resubmit-unknown)`,
      );
      return undefined;
    }
    // Not awaited: waiting for the job needs nothing on disk, and the journal keeps order, so
    // its `done` is never durable before this. A kill before this record lands leaves the job
    // `unknown`, never resubmitted, as a kill a moment earlier would. (A failed write has
    // already stopped the batch through `durable`.)
    durable({
      t: "submitted",
      key: job.key,
      digest: job.digest,
      requestId: handle.requestId,
      operation: handle.operationId,
    }).catch(() => undefined);
    return handle;
  };

  const save = async (job: BatchJob, data: unknown, requestId: string): Promise<string[]> => {
    const dir = await jobFolder(options.out, job.key);
    const saved = await saveResultImages(data, dir, { signal: controller.signal });
    const partial = join(dir, "result.json.partial");
    await writeFile(partial, JSON.stringify({ requestId, data }, null, 2));
    await rename(partial, join(dir, "result.json"));
    return saved.map((s) => s.path);
  };

  const runOne = async ({ job, resume }: Work) => {
    counts.running++;
    let handle: QueueHandle | undefined;
    try {
      handle = resume
        ? client.queue.handleOf({
            operation: resume.operation as QueueOperation,
            requestId: resume.requestId,
          })
        : await submit(job);
      if (!handle) return;
      const { data } = await client.wait(handle, {
        signal: controller.signal,
        cancelOnStop: false,
      });
      const files = await save(job, data, handle.requestId);
      const requestId = handle.requestId;
      // Counted and reported once durable, but the worker does not wait for it: its next job's
      // `submitting` then joins the same group commit (one fsync between two jobs, not two).
      const record = { t: "done", key: job.key, digest: job.digest, requestId, files } as const;
      const landed = durable(record).then(
        () => {
          results.add({ key: job.key, line: job.line, status: "done", requestId, files });
          counts.done++;
          if (!process.stderr.isTTY) reporter.event(`done ${job.key} (${files.length} file(s))`);
        },
        // The journal stopped the batch: the result is saved, and the next run finds the job
        // submitted (it fetches the result again) or unknown (it never resubmits it silently).
        () => void tally.stillRunning++,
      );
      settling.add(landed);
      void landed.then(() => settling.delete(landed));
    } catch (error) {
      if (!(error instanceof AbortedError || controller.signal.aborted)) {
        if (error instanceof ApiError && error.requestId)
          // A journal that cannot be written has already stopped the batch (see `durable`).
          return await fail(job, error.message, error.requestId).catch(() => undefined);
        // No answer after retries: the job keeps running upstream and the next run resumes it.
        reporter.event(`not finished ${job.key}: ${(error as Error).message}; re-run to resume`);
      }
      // Submitted jobs go on upstream; the others were never sent.
      if (handle) tally.stillRunning++;
      else tally.notStarted++;
    } finally {
      counts.running--;
    }
  };

  try {
    const untaken = await runPool(work, options.concurrency, runOne, controller.signal);
    tally.notStarted += untaken.length;
  } finally {
    await Promise.all(settling);
    clearInterval(ticker);
    reporter.end();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await results.close();
  }
  if (journalFailure !== undefined) throw journalFailure;
}

/** The relay answered, we never sent, or the input was refused here: nothing was accepted. */
function nothingAccepted(error: unknown): boolean {
  if (error instanceof ApiError || !(error instanceof ChainHubError)) return true;
  if (error.name === "ValidationError" || error.name === "FileInputError") return true;
  return errorCodes(error).some(
    (code) => code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN",
  );
}
