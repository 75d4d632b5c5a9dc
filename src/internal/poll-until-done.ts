import { PollSchedule } from "../queue/poll-schedule.js";
import type { Progress, WaitOptions } from "../queue/types.js";
import { sleep } from "./sleep.js";
import { rethrowStopped, usableTimeoutMs, waitSignals } from "./stop-waiting.js";

/** What one poll of a job found. */
export interface Polled<R> {
  /** The job's state as its protocol names it (`IN_QUEUE`, a task's status), for progress. */
  state: string;
  /** When the provider asked to be polled again (`Retry-After`), in milliseconds. */
  retryAfterMs: number | undefined;
  /** More for the progress event (the queue's position). */
  progress?: Partial<Progress> | undefined;
  /**
   * Runs once progress is reported: the result, wrapped, when the job is done; undefined while
   * it runs; throws when it failed.
   */
  settle(): Promise<{ result: R } | undefined> | { result: R } | undefined;
}

/** The job being waited for, for the stop's message and its cancel. */
export interface PolledJob {
  /** "job" (fal queue) or "task" (task-id APIs). */
  what: "job" | "task";
  requestId: string;
  /** Cancels upstream; undefined when the protocol cannot. */
  cancel: (() => Promise<unknown>) | undefined;
}

/**
 * The wait every job protocol shares: poll, report progress, stop when `settle` has a result,
 * else pause as PollSchedule says (short first, backing off to `pollIntervalMs`, again short
 * when the state changes, and when the provider says) but never past the wait's deadline. On
 * timeout or abort the job is cancelled upstream first (unless `cancelOnStop` is false), then
 * TimeoutError or AbortedError names it (see rethrowStopped).
 */
export async function pollUntilDone<R>(
  job: PolledJob,
  options: WaitOptions,
  poll: (signal: AbortSignal | undefined) => Promise<Polled<R>>,
): Promise<R> {
  const started = Date.now();
  const timeoutMs = usableTimeoutMs(options.timeoutMs);
  const endsAt = timeoutMs ? started + timeoutMs : Number.POSITIVE_INFINITY;
  const schedule = new PollSchedule(options.pollIntervalMs ?? 500);
  const { deadline, signal } = waitSignals(options);
  try {
    for (;;) {
      const polled = await poll(signal);
      options.onProgress?.({
        requestId: job.requestId,
        status: polled.state,
        elapsedMs: Date.now() - started,
        ...polled.progress,
      });
      const done = await polled.settle();
      if (done) return done.result;
      const pause = schedule.next(polled.state, polled.retryAfterMs);
      await sleep(Math.min(pause, Math.max(0, endsAt - Date.now())), signal);
    }
  } catch (error) {
    return rethrowStopped(error, {
      ...options,
      ...job,
      deadline,
      cancel: (options.cancelOnStop ?? true) ? job.cancel : undefined,
    });
  }
}
