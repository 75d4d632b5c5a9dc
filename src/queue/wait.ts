import type { AnyTypes } from "../internal/contract.js";
import { pollUntilDone, type PolledJob } from "../internal/poll-until-done.js";
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
  let logsSeen = 0;
  const job: PolledJob = {
    what: "job",
    requestId: handle.requestId,
    cancel: () => queue.cancel(handle),
  };
  return pollUntilDone<OutputOf<N, T>>(job, options, async (signal) => {
    const { status, retryAfterMs } = await queue.statusWithHint(handle, {
      logs: options.onLog !== undefined,
      ...(signal ? { signal } : {}),
    });
    return {
      state: String(status.status),
      retryAfterMs,
      progress:
        typeof status.queue_position === "number"
          ? { queuePosition: status.queue_position }
          : undefined,
      settle: async () => {
        const logs = Array.isArray(status.logs) ? status.logs : [];
        for (const log of logs.slice(logsSeen)) options.onLog?.(log);
        logsSeen = Math.max(logsSeen, logs.length);
        if (status.status === "COMPLETED")
          return { result: await queue.result(handle, signal ? { signal } : {}) };
        return undefined;
      },
    };
  });
}
