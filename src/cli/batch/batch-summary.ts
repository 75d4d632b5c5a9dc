import type { BatchCounts } from "./batch-reporter.js";

/** Where every job of the file stands when a run ends; the fields add up to `total`. */
export interface BatchSummary {
  total: number;
  /** Finished, in this run or an earlier one. */
  done: number;
  /** Of `done`, those finished in earlier runs. */
  alreadyDone: number;
  /** Refused, failed upstream, or invalid lines (also counted in `invalid`). */
  failed: number;
  invalid: number;
  /** A submit may or may not have been accepted; not resubmitted without --resubmit-unknown. */
  unknown: number;
  /** Same id, other content than the job that ran under it; not run. */
  changed: number;
  /** Submitted and not finished when the run ended: still running upstream, resumed next run. */
  running: number;
  /** Never submitted (interrupted before their turn): the next run submits them. */
  notStarted: number;
  interrupted: boolean;
}

/** The live tally of a run: `counts` feeds the progress bar, the rest the final summary. */
export class BatchTally {
  readonly counts: BatchCounts;
  alreadyDone = 0;
  invalid = 0;
  changed = 0;
  stillRunning = 0;
  notStarted = 0;
  interrupted = false;

  constructor(total: number) {
    this.counts = { total, done: 0, failed: 0, unknown: 0, running: 0 };
  }

  summary(): BatchSummary {
    const { total, done, failed, unknown } = this.counts;
    return {
      total,
      done,
      alreadyDone: this.alreadyDone,
      failed,
      invalid: this.invalid,
      unknown,
      changed: this.changed,
      running: this.stillRunning,
      notStarted: this.notStarted,
      interrupted: this.interrupted,
    };
  }
}

/** The summary as one line for people. */
export function describeSummary(s: BatchSummary): string {
  const parts = [
    `${s.done} done (${s.alreadyDone} in earlier runs)`,
    `${s.failed} failed${s.invalid ? ` (${s.invalid} invalid)` : ""}`,
    `${s.running} running`,
    `${s.notStarted} not started`,
    `${s.unknown} unknown`,
    ...(s.changed ? [`${s.changed} changed`] : []),
  ];
  const resume = s.interrupted
    ? "; interrupted: re-run the same command to resume"
    : s.running + s.notStarted > 0
      ? "; re-run the same command to finish"
      : "";
  return parts.join(", ") + resume;
}

/** Anything left to do or to look at makes the run a failure for scripts. */
export function summaryFailed(s: BatchSummary): boolean {
  return s.failed + s.unknown + s.changed + s.running + s.notStarted > 0;
}
