/**
 * Gives every attempt its own deadline by decorating fetch (retries re-enter it, so each gets a
 * fresh one). The caller's signal still aborts everything. Rejects with a DOMException named
 * "TimeoutError", which the transport turns into our TimeoutError.
 */
export function withTimeout(fetchImpl: typeof fetch, timeoutMs: number | undefined): typeof fetch {
  if (!timeoutMs || timeoutMs <= 0) return fetchImpl;
  return (input, init) => {
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
    return fetchImpl(input, { ...init, signal });
  };
}
