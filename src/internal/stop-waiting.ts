import { AbortedError } from "../errors/aborted-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { followSignals } from "./follow-signals.js";
import { MAX_TIMER_MS } from "./sleep.js";

export interface WaitLimits {
  /** The caller's signal. */
  signal?: AbortSignal | undefined;
  /** The whole wait's deadline. */
  timeoutMs?: number | undefined;
}

/**
 * A wait's deadline as a timer can keep it, or undefined for none: 0, a negative or NaN (as the
 * per-attempt `timeoutMs: 0`), and anything past 24.8 days, Infinity included. Given to a timer,
 * those threw a RangeError or fired at once, after the job was submitted and paid for; a result
 * expires upstream long before such a deadline.
 */
export function usableTimeoutMs(timeoutMs: number | undefined): number | undefined {
  return timeoutMs !== undefined && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS
    ? timeoutMs
    : undefined;
}

/** The signal every call of a wait takes: the caller's, the wait's own deadline, or both. */
export function waitSignals(limits: WaitLimits): {
  deadline: AbortSignal | undefined;
  signal: AbortSignal | undefined;
} {
  const timeoutMs = usableTimeoutMs(limits.timeoutMs);
  const deadline = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
  const signals = [limits.signal, deadline].filter((s): s is AbortSignal => s !== undefined);
  // Always a signal of the wait's own, even for the caller's alone: its polls listen there.
  return { deadline, signal: signals.length > 0 ? followSignals(signals) : undefined };
}

export interface StoppedWait extends WaitLimits {
  /** "job" (fal queue) or "task" (task-id APIs), for the message. */
  what: "job" | "task";
  requestId: string;
  deadline: AbortSignal | undefined;
  /** Cancels upstream; undefined when the protocol cannot or the caller said not to. */
  cancel: (() => Promise<unknown>) | undefined;
}

/**
 * What a wait does when its loop throws: anything but a stop by its deadline or its caller is
 * rethrown as is. A stop cancels the job upstream first (best effort: nobody keeps paying for a
 * result no one waits for) and throws TimeoutError or AbortedError naming the job.
 */
export async function rethrowStopped(error: unknown, wait: StoppedWait): Promise<never> {
  const aborted = wait.signal?.aborted === true;
  const timedOut = wait.deadline?.aborted === true && !aborted;
  if (!timedOut && !aborted) throw error;
  // A job that finished meanwhile keeps its paid result: only a real cancel leaves nothing to resume.
  const cancelled = wait.cancel
    ? await wait.cancel().then(
        (outcome) => outcome !== "ALREADY_COMPLETED",
        () => false,
      )
    : false;
  const outcome = cancelled
    ? "cancelled it"
    : wait.cancel
      ? "it was not cancelled (finished already, or the cancel failed)"
      : "it keeps running upstream";
  const stopped = timedOut
    ? new TimeoutError(
        `${wait.what} ${wait.requestId} did not finish within ${wait.timeoutMs} ms; ${outcome}`,
        wait.requestId,
        { cause: error },
      )
    : new AbortedError(
        `stopped waiting for ${wait.what} ${wait.requestId}; ${outcome}`,
        wait.requestId,
        { cause: error },
      );
  if (cancelled) cancelledJobs.add(stopped);
  throw stopped;
}

/** Stops that cancelled their job: there is nothing left to resume. */
const cancelledJobs = new WeakSet<Error>();

/** True for the TimeoutError or AbortedError of a wait that cancelled its job upstream. */
export function cancelledTheJob(error: unknown): boolean {
  return error instanceof Error && cancelledJobs.has(error);
}
