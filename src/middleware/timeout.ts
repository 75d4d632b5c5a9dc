import { DeadlineWatch } from "../internal/deadline-watch.js";

/**
 * Gives every attempt its own deadline by decorating fetch (retries re-enter it, so each gets a
 * fresh one), running until the response headers arrive. The caller's signal still aborts
 * everything. Rejects with a DOMException named "TimeoutError", which the transport turns into
 * our TimeoutError. A plain controller and listener: AbortSignal.any costs more per request.
 */
export function withTimeout(fetchImpl: typeof fetch, timeoutMs: number | undefined): typeof fetch {
  if (!timeoutMs || timeoutMs <= 0) return fetchImpl;
  return async (input, init) => {
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const controller = new AbortController();
    const onAbort = () => controller.abort(callerSignal!.reason);
    if (callerSignal?.aborted) onAbort();
    else callerSignal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(deadlinePassed(timeoutMs)), timeoutMs);
    try {
      return await fetchImpl(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    }
  };
}

/**
 * The per-attempt deadline of the direct path (status polls, results, cancels: calls that cost
 * nothing to repeat, never a paid submit). Without a caller signal it races the response against
 * a coarse deadline (DeadlineWatch) instead of handing fetch a signal to follow: Node 20's fetch
 * pays a listener, a WeakRef and a finalizer per request for that, 5-10% of a loopback poll.
 * The caller gets the same TimeoutError at the deadline (up to a tenth of it late); the request
 * it gave up on keeps its connection until the response arrives (then its body is cancelled) or
 * undici's own header timeout closes it, as a call without any deadline would. A caller's signal
 * must really abort: those calls take withTimeout.
 */
export function withDeadlineRace(
  fetchImpl: typeof fetch,
  timeoutMs: number | undefined,
): typeof fetch {
  if (!timeoutMs || timeoutMs <= 0) return fetchImpl;
  const aborting = withTimeout(fetchImpl, timeoutMs);
  const deadlines = new DeadlineWatch(timeoutMs);
  const timeout = () => deadlinePassed(timeoutMs);
  // Released when it comes: an unread body would hold its connection.
  const release = (late: Response) => void late.body?.cancel().catch(() => undefined);
  return (input, init) => {
    if (init?.signal || input instanceof Request) return aborting(input, init);
    return deadlines.race(fetchImpl(input, init), timeout, release);
  };
}

/** What both deadlines reject with; the transport turns it into our TimeoutError. */
function deadlinePassed(timeoutMs: number): DOMException {
  return new DOMException(`no response within ${timeoutMs} ms`, "TimeoutError");
}
