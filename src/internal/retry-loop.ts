import { sleep } from "./sleep.js";
import { retryDelayForError, retryDelayForResponse, type RetryOptions } from "./retry-policy.js";

/** Reported before each retry: which request, which attempt, how long until it, and why. */
export interface RetryEvent {
  /** HTTP method of the request being retried. */
  method: string;
  /** Its URL (never with a key in it). */
  url: string;
  /** Which retry this is: 1 for the first. */
  attempt: number;
  /** Wait before it, from `Retry-After` when the server sent one, else the backoff. */
  delayMs: number;
  /** Why: the status (`HTTP 503`) or the network error. */
  reason: string;
}

/** What one attempt ended with. */
export type AttemptOutcome = { response: Response } | { error: unknown };

export interface RetryLoop {
  method: string;
  url: string;
  /** Sends the request once more (a fresh attempt, with its own deadline). */
  resend: () => Promise<Response>;
  options: RetryOptions;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Aborts the wait between attempts. */
  signal?: AbortSignal | null | undefined;
  /**
   * Reads a 2xx body within its attempt (idempotent requests only): a body cut short or garbled
   * then fails the attempt and is retried as a reset would be.
   */
  readOk?: ((response: Response) => Promise<void>) | undefined;
}

/**
 * Takes the first attempt's outcome and retries by the policy until it gives up: returns the
 * final response (any status) or throws the final transport error. Shared by the openapi-fetch
 * middleware and the direct path, so both retry by the same rules.
 */
export async function settleWithRetries(first: AttemptOutcome, loop: RetryLoop): Promise<Response> {
  let current = first;
  for (let attempt = 0; ; attempt++) {
    if (loop.readOk && "response" in current && current.response.ok)
      current = await readWithin(current.response, loop.readOk);
    const delay =
      "response" in current
        ? retryDelayForResponse(loop.method, current.response, attempt, loop.options)
        : retryDelayForError(loop.method, current.error, attempt, loop.options);
    if (delay === undefined) {
      if ("response" in current) return current.response;
      throw current.error;
    }
    const reason =
      "response" in current ? `HTTP ${current.response.status}` : describe(current.error);
    loop.onRetry?.({
      method: loop.method,
      url: loop.url,
      attempt: attempt + 1,
      delayMs: delay,
      reason,
    });
    if ("response" in current) await current.response.body?.cancel().catch(() => undefined);
    await sleep(delay, loop.signal ?? undefined);
    current = await attemptOnce(loop.resend);
  }
}

/** A 2xx whose body could not be read is that attempt's failure. */
function readWithin(
  response: Response,
  read: (response: Response) => Promise<void>,
): Promise<AttemptOutcome> {
  return read(response).then(
    () => ({ response }),
    (error: unknown) => ({ error }),
  );
}

/** One attempt, its failure captured as an outcome instead of thrown. */
async function attemptOnce(send: () => Promise<Response>): Promise<AttemptOutcome> {
  try {
    return { response: await send() };
  } catch (error) {
    return { error };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as Error)?.message ?? String(error);
}
