/**
 * A signal of one call's own that aborts as soon as any of `signals` does. Fetch, retries and
 * sleeps each hang an abort listener on the signal they are given while they wait; on a signal
 * the caller shares among many concurrent calls (a batch's Ctrl-C, an app's shutdown) those add
 * up, and Node prints a leak warning past ten. AbortSignal.any follows its sources without
 * listening on them; where a host lacks it (Safari before 17.4), one listener per call does.
 */
export function followSignals(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
