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
    const timer = setTimeout(
      () =>
        controller.abort(new DOMException(`no response within ${timeoutMs} ms`, "TimeoutError")),
      timeoutMs,
    );
    try {
      return await fetchImpl(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    }
  };
}
