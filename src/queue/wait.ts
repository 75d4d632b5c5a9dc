import { AbortedError } from "../errors/aborted-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { sleep } from "../internal/sleep.js";
import type { AnyTypes } from "../internal/contract.js";
import type { QueueClient } from "./queue-client.js";
import type { OutputOf, QueueOperation, QueueRef, WaitOptions } from "./types.js";

/**
 * Polls a job until COMPLETED and returns its result. IN_PROGRESS may fall back to IN_QUEUE
 * (upstream retried elsewhere) and unknown states are treated as "still running". On timeout or
 * abort the job is cancelled upstream (best effort) before the error is thrown, as fal's own
 * client does: nobody keeps paying for a result no one waits for.
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
  const interval = options.pollIntervalMs ?? 500;
  const deadlineSignal = Number.isFinite(deadline)
    ? AbortSignal.timeout(options.timeoutMs!)
    : undefined;
  const signals = [options.signal, deadlineSignal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
  let logsSeen = 0;

  try {
    for (;;) {
      const status = await queue.status(handle, {
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
      await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), signal);
    }
  } catch (error) {
    const timedOut = deadlineSignal?.aborted === true && options.signal?.aborted !== true;
    const aborted = options.signal?.aborted === true;
    if (!timedOut && !aborted) throw error;
    const cancel = options.cancelOnStop ?? true;
    if (cancel) await queue.cancel(handle).catch(() => undefined);
    const outcome = cancel ? "cancelled it" : "it keeps running upstream";
    if (timedOut) {
      throw new TimeoutError(
        `job ${handle.requestId} did not finish within ${options.timeoutMs} ms; ${outcome}`,
        handle.requestId,
        { cause: error },
      );
    }
    throw new AbortedError(
      `stopped waiting for job ${handle.requestId}; ${outcome}`,
      handle.requestId,
      { cause: error },
    );
  }
}
