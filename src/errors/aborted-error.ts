import { ChainHubError } from "./chainhub-error.js";

/** The caller's AbortSignal fired. `requestId` names the job that was cancelled, if one was submitted. */
export class AbortedError extends ChainHubError {
  override name = "AbortError";

  constructor(
    message: string,
    readonly requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
