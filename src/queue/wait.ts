import { sleep } from "../internal/sleep.js";
import { rethrowStopped, waitSignals } from "../internal/stop-waiting.js";
import type { AnyTypes } from "../internal/contract.js";
import { PollSchedule } from "./poll-schedule.js";
import type { QueueClient } from "./queue-client.js";
import type { OutputOf, QueueOperation, QueueRef, WaitOptions } from "./types.js";

/**
 * Polls a job until COMPLETED and returns its result. IN_PROGRESS may fall back to IN_QUEUE
 * (upstream retried elsewhere) and unknown states are treated as "still running". On timeout or
 * abort the job is cancelled upstream (best effort) before the error is thrown, as fal's own
 * client does: nobody keeps paying for a result no one waits for. Polls come quickly at first and
 * back off to `pollIntervalMs` (see PollSchedule).
 */
export async function waitForResult<T extends AnyTypes, N extends QueueOperation<T>>(
  queue: QueueClient<T>,
  ref: QueueRef<N, T>,
  options: WaitOptions = {},
): Promise<OutputOf<N, T>> {
  const handle = queue.handleOf(ref);
  if (handle.syncResult !== undefined) return handle.syncResult;
  const started = Date.now();
  const deadline = options.timeoutMs ? started + options.timeoutMs : Number.POSITIVE_INFINITY;
  const schedule = new PollSchedule(options.pollIntervalMs ?? 500);
  const { deadline: deadlineSignal, signal } = waitSignals(options);
  let logsSeen = 0;

  try {
    for (;;) {
      const { status, retryAfterMs } = await queue.statusWithHint(handle, {
        logs: options.onLog !== undefined,
        ...(signal ? { signal } : {}),
      });
      const progress = {
        requestId: handle.requestId,
        status: String(status.status),
        elapsedMs: Date.now() - started,
      };
      options.onProgress?.(
        typeof status.queue_position === "number"
          ? { ...progress, queuePosition: status.queue_position }
          : progress,
      );
      const logs = Array.isArray(status.logs) ? status.logs : [];
      for (const log of logs.slice(logsSeen)) options.onLog?.(log);
      logsSeen = Math.max(logsSeen, logs.length);
      if (status.status === "COMPLETED")
        return await queue.result(handle, signal ? { signal } : {});
      const pause = schedule.next(String(status.status), retryAfterMs);
      await sleep(Math.min(pause, Math.max(0, deadline - Date.now())), signal);
    }
  } catch (error) {
    return rethrowStopped(error, {
      ...options,
      what: "job",
      requestId: handle.requestId,
      deadline: deadlineSignal,
      cancel: (options.cancelOnStop ?? true) ? () => queue.cancel(handle) : undefined,
    });
  }
}
