import { NotFoundError } from "../errors/api-error.js";
import { ChainHubError } from "../errors/chainhub-error.js";
import { InternalError } from "../errors/internal-error.js";
import { cancelledTheJob } from "./stop-waiting.js";

/** Whatever was thrown, as one of ours: a foreign error (a bug, a callback's) becomes an InternalError. */
export function asChainHubError(error: unknown): ChainHubError {
  return error instanceof ChainHubError ? error : new InternalError(error);
}

/**
 * A failure after a paid submit must not lose the job: the error carries its `requestId` and
 * its message says how to pick the result up again, unless the wait cancelled the job itself.
 */
export function resumableError(
  error: unknown,
  operation: string,
  requestId: string,
): ChainHubError {
  const typed = asChainHubError(error);
  if ((typed as { requestId?: unknown }).requestId === undefined)
    Object.defineProperty(typed, "requestId", {
      value: requestId,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  if (typed instanceof NotFoundError)
    // Waiting again would only be told the same: the relay has no such job (any more).
    typed.message += `; the relay does not know job ${requestId}: a wrong id, or its result has expired`;
  else if (!cancelledTheJob(typed)) {
    const ref = `{ operation: ${JSON.stringify(operation)}, requestId: ${JSON.stringify(requestId)} }`;
    typed.message += `; job ${requestId} was submitted: resume with client.wait(${ref})`;
  }
  return typed;
}
