import type { BatchOptions } from "./run-batch.js";
import type { BatchReporter } from "./batch-reporter.js";
import type { BatchTally } from "./batch-summary.js";
import type { BatchJob } from "./jobs-file.js";
import type { JobState } from "./journal.js";

/** A job to run: submitted fresh, or resumed by the request id an earlier run recorded. */
export type Work = { job: BatchJob; resume?: { requestId: string; operation: string } };

/** Decides each job's fate from the journal of earlier runs; counts the ones not run. */
export function planBatch(
  jobs: BatchJob[],
  previous: Map<string, JobState>,
  options: Pick<BatchOptions, "rerunChanged" | "resubmitUnknown" | "retryFailed">,
  tally: BatchTally,
  reporter: BatchReporter,
): Work[] {
  const work: Work[] = [];
  for (const job of jobs) {
    let state: JobState = previous.get(job.key) ?? { kind: "new" };
    if (state.kind !== "new" && state.digest !== job.digest) {
      // Same id, other content: its earlier result is not this job's result.
      const earlier = "requestId" in state ? ` as request ${state.requestId}` : "";
      if (!options.rerunChanged) {
        tally.changed++;
        reporter.event(
          `changed ${job.key} (line ${job.line}): its input differs from the job that ran under this id${earlier} (${state.kind}); not run (give it a new id, or --rerun-changed runs it as a new job)`,
        );
        continue;
      }
      reporter.event(`changed ${job.key} (line ${job.line}): running it as a new job`);
      state = { kind: "new" };
    }
    if (state.kind === "done") {
      tally.counts.done++;
      tally.alreadyDone++;
    } else if (state.kind === "submitted") {
      work.push({ job, resume: { requestId: state.requestId, operation: state.operation } });
    } else if (state.kind === "unknown" && !options.resubmitUnknown) {
      tally.counts.unknown++;
      reporter.event(
        `unknown ${job.key} (line ${job.line}): an earlier run stopped while submitting it; not resubmitted (--resubmit-unknown would, at the risk of paying twice)`,
      );
    } else if (state.kind === "failed" && !options.retryFailed) {
      tally.counts.failed++;
      reporter.event(
        `failed earlier ${job.key} (line ${job.line}): ${state.error} (--retry-failed runs it again)`,
      );
    } else {
      work.push({ job });
    }
  }
  return work;
}
